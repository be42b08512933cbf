"""The fitted learned model, frozen so that new lines are scored as the batch scored its own.

:func:`~orewatch.screening.learned.model.learn_and_score` scores the lines it was given;
the single-declaration door needs the same model for lines it has never seen. A
:class:`Predictor` keeps what the batch used for lines without a label of their own: the
final booster and calibrator, every key's smoothed hit rate and inspection count from the
whole labelled history, each key's line volume, the categories' integer codes and the
feature names in the model's order. An uninspected line of the fitted dataset therefore
gets the same ``p_fraud`` through either door.

A :class:`Ranking` keeps the fitted batch's sorted rule scores and probabilities, so one
new line gets the percentile ranks it would have had in that batch (the batch's combined
score is Fisher's combination of the two ranks, ``combined_score``, weighted by the
model's share the batch learned).

Lookups are Python dictionaries: a request carries a handful of lines, and a hash join
against a hundred-thousand-row frame would rebuild its table on every request.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import lightgbm as lgb
import numpy as np
import polars as pl

from orewatch.screening.learned.blend import EVEN
from orewatch.screening.learned.calibration import Calibrator
from orewatch.screening.learned.config import Key
from orewatch.screening.learned.explain import explanations
from orewatch.screening.learned.features import display_values
from orewatch.screening.learned.profiles import (
    apply_profiles,
    count_name,
    key_frame,
    key_name,
    key_value,
    rate_name,
)

if TYPE_CHECKING:
    from orewatch.screening.learned.model import Design

#: Stands for a key value the labelled history never saw (cannot occur in real keys,
#: whose nulls :func:`key_frame` writes as ``\\x00``).
UNSEEN = "\x1e<unseen>"
#: Prefix of a key's values in :meth:`Predictor.matrix`'s read (apart from feature names).
_KEYED = "key:"
#: Said of lines whose drivers were not asked for.
NOT_ASKED = "drivers not computed"


def predict(
    booster: lgb.Booster, x: np.ndarray, threads: int, contributions: bool = False
) -> np.ndarray:
    """Raw scores (log-odds), or per-feature contributions plus bias, as a dense array."""
    if contributions:
        out = booster.predict(x, pred_contrib=True, num_threads=threads)
    else:
        out = booster.predict(x, raw_score=True, num_threads=threads)
    return np.asarray(out, dtype=np.float64)


@dataclass(frozen=True)
class Profile:
    """One key's smoothed hit rate and inspection count per value, and for unseen values."""

    rate: dict[str, float]
    count: dict[str, float]
    unseen_rate: float
    unseen_count: float


@dataclass(frozen=True)
class Predictor:
    """Scores new lines of the screening feature frame with the final model.

    ``numeric``: direct numeric inputs (absent ``sig_*`` columns are 0: the rule did not
    fire). ``codes``: each categorical column's value -> integer code as in the batch;
    an unseen value is missing (NaN), which the trees route as missing.
    ``volumes``: lines per key value in the fitted batch; a value it never saw counts the
    line itself (1).
    """

    booster: lgb.Booster
    calibrator: Calibrator
    names: tuple[str, ...]
    keys: tuple[Key, ...]
    numeric: tuple[str, ...]
    codes: dict[str, dict[str, float]]
    volumes: dict[str, dict[str, float]]
    profiles: dict[str, Profile]
    threads: int = 1

    def matrix(self, frame: pl.DataFrame, signals: pl.DataFrame | None = None) -> np.ndarray:
        """The model's input matrix for ``frame`` (columns in ``names`` order).

        What it reads of ``frame`` (numbers, categories as text, key values) is one
        select: on a request's few lines each eager step cost more than its rows.
        ``signals``: the lines' ``_idx, code`` rows, for a ``frame`` without ``sig_*``
        columns (:func:`signal_columns`' pivot, whose numbers they give).
        """
        n = frame.height
        columns: dict[str, np.ndarray] = {}
        if signals is not None:
            columns |= self._signal_inputs(frame["_idx"], signals)
        have = set(frame.columns)
        present = tuple(c for c in self.numeric if c in have)
        read = frame.select(_read(present, tuple(self.codes), self.keys))
        if present:  # null numbers are NaN in NumPy, which the trees route as missing
            numbers = read.select(present).to_numpy()
            columns |= {c: numbers[:, j] for j, c in enumerate(present)}
        for c in self.numeric:
            if c not in columns:
                columns[c] = np.zeros(n)
        for cat, coding in self.codes.items():
            values = read[cat].to_list()
            columns[cat] = np.array(
                [coding.get(v, np.nan) if v is not None else np.nan for v in values]
            )
        for key in self.keys:
            name = key_name(key)
            values = read[_KEYED + name].to_list()
            counts = self.volumes[name]
            columns[f"lines:{name}"] = np.array([counts.get(v, 1.0) for v in values])
            profile = self.profiles[name]
            columns[rate_name(key)] = np.array(
                [profile.rate.get(v, profile.unseen_rate) for v in values]
            )
            columns[count_name(key)] = np.array(
                [profile.count.get(v, profile.unseen_count) for v in values]
            )
        return np.column_stack([columns[name] for name in self.names]).astype(np.float64)

    def _signal_inputs(self, idx: pl.Series, signals: pl.DataFrame) -> dict[str, np.ndarray]:
        """Each ``sig_*`` input as 1 where its line (by position in ``idx``) raised the
        code, else 0: the numbers the pivot would give, set from a request's few signal
        rows (a tenth of a one-line pivot's cost). Codes the model was not taught are
        left out."""
        codes, column_of = _signal_lookup(self.numeric)
        ids = idx.to_numpy()
        by_id = np.argsort(ids, kind="stable")
        rows = by_id[np.searchsorted(ids, signals["_idx"].to_numpy(), sorter=by_id)]
        columns = np.array(
            [column_of.get(code, -1) for code in signals["code"].to_list()], dtype=np.int64
        )
        known = columns >= 0
        on = np.zeros((len(ids), len(codes)))
        on[rows[known], columns[known]] = 1.0
        return {f"sig_{code}": on[:, j] for j, code in enumerate(codes)}

    def predict(
        self, frame: pl.DataFrame, explain_from: float = 0.0, signals: pl.DataFrame | None = None
    ) -> pl.DataFrame:
        """``_idx, p_fraud, model_explanation``; drivers (TreeSHAP) from ``explain_from`` on.

        ``frame`` is the screening feature frame (:func:`screening_frame`) of new lines,
        or that frame without its ``sig_*`` columns and the lines' ``signals``.
        """
        x = self.matrix(frame, signals)
        p = self.calibrator(predict(self.booster, x, self.threads))
        text = np.full(frame.height, NOT_ASKED, dtype=object)
        chosen = np.flatnonzero(p >= explain_from)
        if chosen.size:
            contrib = predict(self.booster, x[chosen], self.threads, contributions=True)
            model_frame = pl.DataFrame(
                {name: x[chosen, j] for j, name in enumerate(self.names)}
            ).fill_nan(None)
            shown = display_values(frame[chosen], model_frame, self.names)
            text[chosen] = explanations(contrib, self.names, shown).to_numpy()
        return pl.DataFrame(
            {
                "_idx": frame["_idx"].cast(pl.UInt32),
                "p_fraud": p,
                "model_explanation": pl.Series(text, dtype=pl.String),
            }
        )


@lru_cache(maxsize=16)
def _signal_lookup(numeric: tuple[str, ...]) -> tuple[tuple[str, ...], dict[str, int]]:
    """The codes read as ``sig_*`` inputs (in ``numeric`` order) and each one's position
    among them: :meth:`Predictor._signal_inputs`'s look-up, built once per model."""
    codes = tuple(c.removeprefix("sig_") for c in numeric if c.startswith("sig_"))
    return codes, {code: j for j, code in enumerate(codes)}


@lru_cache(maxsize=1024)
def _read(present: tuple[str, ...], cats: tuple[str, ...], keys: tuple[Key, ...]) -> list[pl.Expr]:
    """What :meth:`Predictor.matrix` reads of a frame, as expressions built once per set of
    present numbers (which ``sig_*`` columns a request raised; building them cost more
    than running them on its few lines: matrix 1.15 -> 0.67 ms, BENCHMARKS.md round 5).
    The numbers are one cast, their nulls NaN when :meth:`Predictor.matrix` takes them to
    NumPy: a NaN kept and a null made NaN, as three steps per column gave at six times
    the cost (BENCHMARKS.md, round 9)."""
    return [
        *([pl.col(present).cast(pl.Float64)] if present else []),
        *(pl.col(cat.removeprefix("cat:")).cast(pl.String).alias(cat) for cat in cats),
        *(key_value(key).alias(_KEYED + key_name(key)) for key in keys),
    ]


def _codes(
    lines: pl.DataFrame, inputs: pl.DataFrame, categorical: Sequence[str]
) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for cat in categorical:
        pairs = (
            pl.DataFrame({"v": lines[cat.removeprefix("cat:")].cast(pl.String), "c": inputs[cat]})
            .drop_nulls()
            .unique("v")
        )
        out[cat] = dict(zip(pairs["v"].to_list(), pairs["c"].to_list(), strict=True))
    return out


def _profile(labelled: pl.DataFrame, key: Key, smoothing: float) -> Profile:
    """Every seen value's profile, computed by :func:`apply_profiles` itself (plus one unseen)."""
    name = key_name(key)
    values = labelled[name].unique()
    target = pl.DataFrame({name: pl.concat([values, pl.Series(name, [UNSEEN])])}).with_row_index(
        "_idx"
    )
    rows = apply_profiles(labelled, target, (key,), smoothing).join(target, on="_idx")
    seen = rows.filter(pl.col(name) != UNSEEN)
    unseen = rows.filter(pl.col(name) == UNSEEN).row(0, named=True)
    return Profile(
        rate=dict(zip(seen[name].to_list(), seen[rate_name(key)].to_list(), strict=True)),
        count=dict(zip(seen[name].to_list(), seen[count_name(key)].to_list(), strict=True)),
        unseen_rate=float(unseen[rate_name(key)]),
        unseen_count=float(unseen[count_name(key)]),
    )


def build_predictor(
    d: Design,
    lines: pl.DataFrame,
    booster: lgb.Booster,
    calibrator: Calibrator,
    smoothing: float,
    threads: int,
    keyed: pl.DataFrame | None = None,
) -> Predictor:
    """Freeze the final model with what it needs to score lines outside ``lines``.

    ``keyed``: the key frame of every line of ``lines`` when the caller has it already.
    """
    keyed = key_frame(lines, d.keys) if keyed is None else keyed
    volumes = {
        key_name(k): dict(
            keyed.group_by(key_name(k)).agg(pl.len().cast(pl.Float64).alias("_n")).iter_rows()
        )
        for k in d.keys
    }
    return Predictor(
        booster=booster,
        calibrator=calibrator,
        names=d.names,
        keys=d.keys,
        numeric=d.inputs.numeric,
        codes=_codes(lines, d.inputs.frame, d.inputs.categorical),
        volumes=volumes,
        profiles={key_name(k): _profile(d.labelled, k, smoothing) for k in d.keys},
        threads=threads,
    )


@dataclass(frozen=True)
class Ranking:
    """The fitted batch's sorted rule scores and probabilities: percentile ranks of new lines.

    The average rank of a value among ``n`` sorted values is the mean of its first and last
    positions (1-based), as ``rank("average")`` gives; a line of the fitted batch gets its
    batch rank exactly, and a new value the rank it would take between its neighbours.
    """

    rule_scores: np.ndarray
    p_fraud: np.ndarray
    #: The model's weight in the combined score, as the batch learned it (see ``blend``).
    model_share: float = EVEN

    @classmethod
    def of(cls, rule_scores: pl.Series, p_fraud: pl.Series, model_share: float = EVEN) -> Ranking:
        return cls(
            np.sort(rule_scores.cast(pl.Float64).to_numpy()),
            np.sort(p_fraud.cast(pl.Float64).fill_null(0.0).to_numpy()),
            model_share,
        )

    @staticmethod
    def _rank(fitted: np.ndarray, values: np.ndarray) -> np.ndarray:
        left = np.searchsorted(fitted, values, side="left")
        right = np.searchsorted(fitted, values, side="right")
        return (left + 1 + np.maximum(right, left + 1)) / 2

    def ranks(self, rule_scores: pl.Series, p_fraud: pl.Series) -> pl.DataFrame:
        """``_rule_rank`` and ``_model_rank`` (Float64, 1-based) within the fitted batch."""
        return pl.DataFrame(
            {
                "_rule_rank": self._rank(self.rule_scores, rule_scores.cast(pl.Float64).to_numpy()),
                "_model_rank": self._rank(
                    self.p_fraud, p_fraud.cast(pl.Float64).fill_null(0.0).to_numpy()
                ),
            }
        )

    @property
    def size(self) -> int:
        return len(self.rule_scores)
