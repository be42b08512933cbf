"""What the learned risk model looks at and how cautiously it learns.

The configuration only names columns: :func:`~orewatch.screening.learned.model.learn_and_score`
uses those that exist in the frame it is given and ignores the rest, so one configuration
serves datasets with more or fewer columns.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

#: From this probability on, screening shows the model's view among a line's reasons, so
#: only such lines need their drivers computed.
MODEL_SHOWN_FROM_P = 0.3


def usable_cores() -> int:
    """Cores this process may run on: its CPU affinity (``taskset``, a container's cpuset),
    which ``os.cpu_count()`` ignores, so a job pinned to one core does not start two
    trainers that only take turns on it."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # platforms without sched_getaffinity (macOS, Windows)
        return os.cpu_count() or 1


#: A risk-profile key: one column, or a tuple of columns for a cross (e.g. exporter × hs6).
Key = str | tuple[str, ...]


@dataclass(frozen=True)
class LearnedConfig:
    """Settings of the learned model.

    ``keys``: columns (or crosses) whose smoothed out-of-fold hit rates become features.
    ``numeric`` / ``categorical``: direct model inputs; columns starting with any of
    ``prefixes`` (e.g. ``sig_``) are added as numeric inputs too.
    ``group``: lines sharing this value stay in one fold (the lines of one declaration were
    inspected together, so their labels are not independent).
    ``smoothing``: pseudo-count pulling a key's hit rate towards the overall rate; a key with
    few inspections says little.
    ``min_labels`` / ``min_positives``: below these there is no model, and the note says why.
    ``early_stopping``: rounds without improvement on the inner fold after which a fold
    model stops; the rounds after its best are trained only to be thrown away (on the 1M
    world, 30 gave the out-of-fold AUC of 100 with half the rounds trained).
    ``threads``: LightGBM threads; 1 by default because OpenMP spinning on a shared
    machine made 2 threads several times slower than 1 in our measurements.
    ``predict_threads``: scoring and TreeSHAP are one parallel loop over rows with no
    per-iteration synchronisation, so they use every core (measured: 2 threads halve them
    on this 2-core machine), while training keeps ``threads``.
    ``workers``: models fitted at once (the outer folds, the propensity folds), each on
    ``threads`` threads (see :mod:`.parallel`); by default every core this process may
    use (:func:`usable_cores`).
    ``explain_share`` / ``explain_min_p``: drivers are computed for the riskiest share of
    lines, and among them only for those whose probability reaches ``explain_min_p`` (the
    only ones whose drivers are shown): TreeSHAP costs about a hundred times the score
    itself. The rest say they were not explained.
    ``propensity``: weight labelled lines by the inverse of their estimated chance of being
    inspected (clipped to ``max_weight``), so the model learns about all lines and not only
    about the kind the inspectors used to pick.
    ``from_finds``: when the history holds finds but too few clear outcomes, learn the
    finds against lines drawn at random (:mod:`.finds`). Off: on twelve worlds it moved
    recall at 5 % by -0.003 on average beside the weights taught the same way, which
    carry the gain (docs/learned.md, "A history of finds alone").
    """

    keys: tuple[Key, ...] = ()
    numeric: tuple[str, ...] = ()
    categorical: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    group: str | None = None
    folds: int = 5
    smoothing: float = 20.0
    min_labels: int = 200
    min_positives: int = 20
    propensity: bool = True
    from_finds: bool = False
    max_weight: float = 10.0
    learning_rate: float = 0.05
    num_leaves: int = 31
    min_child_samples: int = 20
    max_rounds: int = 2000
    early_stopping: int = 30
    threads: int = 1
    predict_threads: int = field(default_factory=usable_cores)
    workers: int = field(default_factory=usable_cores)
    explain_share: float = 0.05
    explain_min_p: float = MODEL_SHOWN_FROM_P
    seed: int = 0


def default_config(seed: int = 0) -> LearnedConfig:
    """The configuration for the screening feature frame (see ``screening/features.py``)."""
    return LearnedConfig(
        keys=(
            "exporter_id",
            "declarant_id",
            "consignee_name",
            "consignee_country",
            "destination_country",
            "hs6",
            "hs4",
            "port",
            ("exporter_id", "hs4"),
            ("declarant_id", "hs4"),
            ("exporter_id", "destination_country"),
            ("consignee_name", "hs4"),
            ("hs6", "destination_country"),
            ("hs4", "mode"),
            ("port", "hs4"),
        ),
        numeric=(
            "value",
            "net_weight_kg",
            "gross_weight_kg",
            "quantity",
            "log_unit_value",
            "log_gross_net",
            "unit_value_z",
            "gross_net_z",
            "lot_z",
            "is_parcel",
            "controlled",
            "licence_required",
            "names_purity",
            "rule_score",
            "exporter_chapter_share",
            "declaration_chapter_share",
            "declaration_lines",
            "exporter_controlled_share",
            "consignee_controlled_share",
            "pair_controlled_share",
        ),
        categorical=("mode", "hs2", "currency", "destination_country", "port"),
        prefixes=("sig_",),
        group="declaration_id",
        seed=seed,
    )
