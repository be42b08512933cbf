"""The learned risk model: LightGBM on the dataset's own inspection history.

:func:`learn_and_score` is the one entry point. Its promise: a labelled line is scored
only by a model (and risk profiles, and a calibration) that never saw its label; other
lines are scored by the model fitted on every label. Folds keep a declaration's lines
together. Each outer fold's model stops early on an inner fold; the final model trains on
all labels for a little more than the folds' typical number of rounds.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import lightgbm as lgb
import numpy as np
import polars as pl
from sklearn.metrics import roc_auc_score

from orewatch.screening.learned.calibration import Calibrator, brier, fit_calibrator
from orewatch.screening.learned.config import Key, LearnedConfig
from orewatch.screening.learned.explain import explanations
from orewatch.screening.learned.features import Inputs, direct_inputs, display_values, matrix
from orewatch.screening.learned.finds import finds_only, with_controls
from orewatch.screening.learned.parallel import in_parallel
from orewatch.screening.learned.predictor import Predictor, build_predictor, predict
from orewatch.screening.learned.profiles import (
    apply_profiles,
    count_name,
    key_frame,
    out_of_fold,
    present_keys,
    rate_name,
    volumes,
)
from orewatch.screening.learned.propensity import (
    case_control_sample,
    inspection_propensity,
    inverse_weights,
)

#: The final model trains on all folds, so it may run a little longer than they stopped.
FINAL_ROUNDS_FACTOR = 1.15
FINAL = -1
NOT_EXPLAINED = "not among the top {share}% by learned risk with p >= {min_p}: drivers not computed"
#: Unlabelled lines scored at a time (see :func:`score_unlabelled`).
SCORE_CHUNK = 50_000
#: What selection correction a finds-only history gets: none, as which lines were checked
#: and found clear is unknown (the model learns finds, the inspectors' choice included).
FINDS_SELECTION = "finds against lines at large: no correction"
SCORE_SCHEMA = {"_idx": pl.UInt32, "p_fraud": pl.Float64, "model_explanation": pl.String}

Metric = float | int | str


@dataclass(frozen=True)
class LearnedScores:
    """``scores``: ``_idx, p_fraud, model_explanation`` for every line given.

    ``trained`` is false when there were too few labels; ``note`` says why, and
    ``p_fraud`` is then null. ``predictor`` scores new lines as the unlabelled lines here
    were scored (the final model and calibrator, profiles from every label).
    ``from_finds``: the history held finds but too few clear outcomes, and the model
    learned the finds against a random sample of the other lines (:mod:`.finds`);
    ``labels`` are the ``_idx, label`` it learned from (those controls among them).
    """

    scores: pl.DataFrame
    metrics: dict[str, Metric] = field(default_factory=dict)
    trained: bool = True
    note: str = ""
    predictor: Predictor | None = None
    from_finds: bool = False
    labels: pl.DataFrame | None = None


@dataclass(frozen=True)
class Design:
    """Everything a fold needs: label-free features per line and the labelled lines."""

    base: pl.DataFrame
    inputs: Inputs
    keys: tuple[Key, ...]
    labelled: pl.DataFrame
    names: tuple[str, ...]
    categorical: tuple[int, ...]


def untrained(lines: pl.DataFrame, note: str, metrics: dict[str, Metric]) -> LearnedScores:
    scores = lines.select(
        pl.col("_idx").cast(pl.UInt32),
        pl.lit(None, pl.Float64).alias("p_fraud"),
        pl.lit(f"no learned model: {note}").alias("model_explanation"),
    )
    return LearnedScores(scores, metrics, trained=False, note=note)


def assign_folds(lines: pl.DataFrame, config: LearnedConfig) -> pl.Expr:
    """Fold of each line: by hashed group (a declaration's lines stay together)."""
    by = config.group if config.group and config.group in lines.columns else "_idx"
    return (
        (pl.col(by).cast(pl.String).hash(config.seed) % config.folds).cast(pl.Int32).alias("_fold")
    )


def to_explain(p: np.ndarray, config: LearnedConfig) -> np.ndarray:
    """Positions (sorted) of the riskiest ``explain_share`` of lines that reach
    ``explain_min_p``: TreeSHAP costs far more than scoring, and only the lines whose
    drivers are shown need them."""
    n = len(p)
    top = min(n, max(1, round(config.explain_share * n)))
    riskiest = np.argsort(-p, kind="stable")[:top]
    chosen: np.ndarray = np.sort(riskiest[p[riskiest] >= config.explain_min_p])
    return chosen


def drivers(
    picked: pl.DataFrame,
    scorer: np.ndarray,
    lines: pl.DataFrame,
    boosters: dict[int, lgb.Booster],
    d: Design,
    config: LearnedConfig,
) -> pl.Series:
    """The explanation of each row of ``picked`` (feature rows), by the model that scored it."""
    contrib = np.zeros((picked.height, len(d.names) + 1))
    x = matrix(picked, d.names)
    for s in np.unique(scorer):
        here = scorer == s
        contrib[here] = predict(
            boosters[int(s)], x[here], config.predict_threads, contributions=True
        )
    shown = display_values(
        picked.select("_idx").join(lines, on="_idx", how="left", maintain_order="left"),
        picked,
        d.names,
    )
    return explanations(contrib, d.names, shown)


def booster_params(config: LearnedConfig) -> dict[str, object]:
    return {
        "objective": "binary",
        "learning_rate": config.learning_rate,
        "num_leaves": config.num_leaves,
        "min_child_samples": config.min_child_samples,
        "feature_fraction": 0.8,
        "bagging_fraction": 0.8,
        "bagging_freq": 1,
        "lambda_l2": 1.0,
        "cat_smooth": 10.0,
        "verbose": -1,
        "seed": config.seed,
        "num_threads": config.threads,
        "deterministic": True,
    }


def design(lines: pl.DataFrame, labels: pl.DataFrame, config: LearnedConfig) -> Design:
    keys = present_keys(lines.columns, config.keys)
    keyed = key_frame(lines, keys)
    inputs = direct_inputs(lines, config)
    # Both frames are in the lines' order: side by side, their columns are shared, not copied.
    base = inputs.frame.hstack(volumes(keyed, keys).drop("_idx"))
    labelled = (
        keyed.join(lines.select("_idx", assign_folds(lines, config)), on="_idx")
        .join(
            labels.select(
                pl.col("_idx").cast(lines["_idx"].dtype), pl.col("label").cast(pl.Float64)
            ),
            on="_idx",
        )
        .sort("_idx")
    )
    profile_names = tuple(n for k in keys for n in (rate_name(k), count_name(k)))
    names = (*[c for c in base.columns if c != "_idx"], *profile_names)
    categorical = tuple(names.index(c) for c in inputs.categorical)
    return Design(base, inputs, keys, labelled, names, categorical)


def rows(d: Design, profiles: pl.DataFrame) -> pl.DataFrame:
    """Label-free features joined to profiles, in the order of ``profiles``."""
    return profiles.join(d.base, on="_idx", how="left", maintain_order="left").select(
        "_idx", *d.names
    )


def unlabelled_rows(d: Design, keyed: pl.DataFrame, config: LearnedConfig) -> pl.DataFrame:
    """Feature rows of unlabelled lines (``keyed``: their key frame), profiles from every
    label, in the order of ``keyed`` (which must be sorted by ``_idx``)."""
    return rows(d, apply_profiles(d.labelled, keyed, d.keys, config.smoothing))


def score_unlabelled(
    d: Design, keyed: pl.DataFrame, booster: lgb.Booster, config: LearnedConfig
) -> np.ndarray:
    """Raw scores of the unlabelled lines, ``SCORE_CHUNK`` at a time: a chunk's feature
    rows are built, scored and let go, so a million lines never hold them all at once."""
    parts = [
        predict(
            booster,
            matrix(unlabelled_rows(d, keyed.slice(start, SCORE_CHUNK), config), d.names),
            config.predict_threads,
        )
        for start in range(0, keyed.height, SCORE_CHUNK)
    ]
    return np.concatenate(parts) if parts else np.empty(0)


def train_booster(
    d: Design,
    train: pl.DataFrame,
    weight: pl.DataFrame,
    config: LearnedConfig,
    valid: pl.DataFrame | None = None,
    rounds: int | None = None,
) -> lgb.Booster:
    def dataset(frame: pl.DataFrame) -> lgb.Dataset:
        w = frame.select("_idx").join(weight, on="_idx", how="left")["_w"].fill_null(1.0)
        return lgb.Dataset(
            matrix(frame, d.names),
            label=frame["label"].to_numpy(),
            weight=w.to_numpy(),
            categorical_feature=list(d.categorical),
            free_raw_data=True,
        )

    train_set = dataset(train)
    if valid is None:
        return lgb.train(booster_params(config), train_set, num_boost_round=rounds or 100)
    return lgb.train(
        booster_params(config),
        train_set,
        num_boost_round=config.max_rounds,
        valid_sets=[dataset(valid)],
        callbacks=[lgb.early_stopping(config.early_stopping, verbose=False)],
    )


def with_label(frame: pl.DataFrame, labelled: pl.DataFrame) -> pl.DataFrame:
    """``frame`` with the ``label`` and ``_fold`` of its lines (which must be labelled)."""
    return frame.join(
        labelled.select("_idx", "label", "_fold"), on="_idx", how="left", maintain_order="left"
    )


def selection_weights(
    d: Design, lines: pl.DataFrame, config: LearnedConfig, from_finds: bool = False
) -> tuple[pl.DataFrame, dict[str, Metric]]:
    """Inverse-propensity weights of labelled lines (all 1 when nothing is to correct,
    or nothing can be: ``from_finds``, see :data:`FINDS_SELECTION`)."""
    ones = d.labelled.select("_idx", pl.lit(1.0).alias("_w"))
    if from_finds:
        return ones, {"selection": FINDS_SELECTION}
    if not config.propensity:
        return ones, {"selection": "off"}
    if d.labelled.height == lines.height:
        return ones, {"selection": "every line inspected: no correction"}
    direct = tuple(n for n in d.names if n in d.base.columns)
    cats = [direct.index(n) for n in d.inputs.categorical]
    inspected = d.base.select(
        pl.col("_idx").is_in(d.labelled["_idx"].implode()).cast(pl.Float64)
    ).to_series()
    sample, rate = case_control_sample(inspected.to_numpy(), config.seed)
    sampled = d.base.filter(pl.Series(sample))
    y = inspected.to_numpy()[sample]
    p = inspection_propensity(
        matrix(sampled, direct), y, cats, config.seed, config.threads, rate, config.workers
    )
    labelled_p = (
        sampled.select("_idx")
        .with_columns(pl.Series("_p", p))
        .join(d.labelled.select("_idx"), on="_idx")
    )
    w = inverse_weights(labelled_p["_p"].to_numpy(), config.max_weight)
    return labelled_p.select("_idx", pl.Series("_w", w)), {
        "selection": "inverse propensity",
        "propensity_auc": round(float(roc_auc_score(y, p)), 4),  # on the sample
        "weight_max": round(float(w.max()), 3),
        "weight_min": round(float(w.min()), 3),
    }


@dataclass(frozen=True)
class Fold:
    """One outer fold: its model, where that model stopped, and its held-out lines' raw
    scores (``held``: their feature rows with label and fold)."""

    fold: int
    booster: lgb.Booster
    best: int
    held: pl.DataFrame
    raw: np.ndarray


def fit_fold(
    d: Design, weight: pl.DataFrame, config: LearnedConfig, folds: list[int], k: int
) -> Fold:
    """Train on every fold but ``k`` (stopping early on the next fold), score fold ``k``.

    Profiles of the training lines are out of fold within them; the held lines' profiles
    come from the training lines only, so no line is scored by anything that saw its label.
    """
    train = d.labelled.filter(pl.col("_fold") != k)
    held = d.labelled.filter(pl.col("_fold") == k)
    inner = folds[(folds.index(k) + 1) % len(folds)]
    fit_rows = with_label(rows(d, out_of_fold(train, d.keys, config.smoothing)), train)
    booster = train_booster(
        d,
        fit_rows.filter(pl.col("_fold") != inner),
        weight,
        config,
        valid=fit_rows.filter(pl.col("_fold") == inner),
    )
    held_rows = with_label(rows(d, apply_profiles(train, held, d.keys, config.smoothing)), held)
    raw = predict(booster, matrix(held_rows, d.names), config.threads)
    return Fold(k, booster, booster.best_iteration or booster.current_iteration(), held_rows, raw)


def learn_and_score(
    lines: pl.DataFrame, labels: pl.DataFrame, config: LearnedConfig
) -> LearnedScores:
    """Score every line with a model learned from ``labels`` (see the module docstring).

    With ``config.from_finds``, a history of finds with too few clear outcomes is read
    against the lines at large (:mod:`.finds`): the model learns what a find looks like
    among all lines.
    """
    lines = lines.rechunk()
    from_finds = config.from_finds and finds_only(labels, config.min_positives)
    control_share = 1.0
    if from_finds:
        labels, control_share = with_controls(lines["_idx"], labels, config.min_labels, config.seed)
    d = design(lines, labels, config)
    n_labels, n_pos = d.labelled.height, int(d.labelled["label"].sum())
    counts: dict[str, Metric] = {"labelled": n_labels, "positives": n_pos, "lines": lines.height}
    if n_labels < config.min_labels:
        return untrained(
            lines, f"{n_labels} labelled lines, fewer than {config.min_labels}", counts
        )
    if n_pos < config.min_positives or n_labels - n_pos < config.min_positives:
        return untrained(
            lines,
            f"{n_pos} positive and {n_labels - n_pos} negative inspections; "
            f"each needs at least {config.min_positives}",
            counts,
        )
    weight, selection = selection_weights(d, lines, config, from_finds)
    folds = sorted(d.labelled["_fold"].unique().to_list())
    if len(folds) < 3:
        return untrained(lines, f"labelled lines fall in {len(folds)} groups; need 3", counts)

    fitted = in_parallel(lambda k: fit_fold(d, weight, config, folds, k), folds, config.workers)
    boosters: dict[int, lgb.Booster] = {f.fold: f.booster for f in fitted}
    best = [f.best for f in fitted]
    held_frames = [f.held for f in fitted]
    oof_raw = [f.raw for f in fitted]
    oof_fold = [np.full(f.held.height, f.fold) for f in fitted]
    oof = pl.concat(held_frames)
    raw, fold_of = np.concatenate(oof_raw), np.concatenate(oof_fold)
    label = oof["label"].to_numpy()
    w = oof.select("_idx").join(weight, on="_idx", how="left", maintain_order="left")
    w_oof = w["_w"].fill_null(1.0).to_numpy()
    calibrated = np.empty_like(raw)
    for k in folds:
        here = fold_of == k
        fold_calibrator = fit_calibrator(raw[~here], label[~here], w_oof[~here])
        calibrated[here] = fold_calibrator.scaled(control_share)(raw[here])
    final_calibrator: Calibrator = fit_calibrator(raw, label, w_oof).scaled(control_share)

    rounds = max(10, round(float(np.mean(best)) * FINAL_ROUNDS_FACTOR))
    everything = with_label(rows(d, out_of_fold(d.labelled, d.keys, config.smoothing)), d.labelled)
    final = train_booster(d, everything, weight, config, rounds=rounds)
    boosters[FINAL] = final
    # Keys first, then the anti-join: joining the whole lines frame copied its hundred
    # columns (about 740 MB at a million lines) at the run's memory peak. Every line's
    # keys are kept for the predictor (a second copy of them, concatenated, was the next
    # peak).
    all_keys = key_frame(lines, d.keys)
    rest_keys = all_keys.join(d.labelled.select("_idx"), on="_idx", how="anti").sort("_idx")
    p = np.concatenate(
        [calibrated, final_calibrator(score_unlabelled(d, rest_keys, final, config))]
    )
    scorer = np.concatenate([fold_of, np.full(rest_keys.height, FINAL)])
    chosen = to_explain(p, config)
    picked = pl.concat(
        [
            oof.select("_idx", *d.names)[chosen[chosen < oof.height]],
            unlabelled_rows(d, rest_keys[chosen[chosen >= oof.height] - oof.height], config),
        ]
    )
    not_explained = NOT_EXPLAINED.format(
        share=round(config.explain_share * 100, 2), min_p=config.explain_min_p
    )
    text = pl.repeat(not_explained, len(p), dtype=pl.String, eager=True).scatter(
        chosen, drivers(picked, scorer[chosen], lines, boosters, d, config)
    )
    scores = pl.DataFrame(
        {
            "_idx": pl.concat([oof["_idx"], rest_keys["_idx"]]).cast(pl.UInt32),
            "p_fraud": p,
            "model_explanation": text,
        }
    ).sort("_idx")
    metrics: dict[str, Metric] = {
        **counts,
        "oof_auc": round(float(roc_auc_score(label, raw)), 4),
        "oof_auc_weighted": round(float(roc_auc_score(label, raw, sample_weight=w_oof)), 4),
        "oof_brier": round(brier(calibrated, label), 5),
        "calibration": final_calibrator.method,
        "folds": len(folds),
        "from_finds": from_finds,
        "rounds": rounds,
        "features": len(d.names),
        "profiles": len(d.keys),
        **selection,
    }
    learned_from = (
        f"{n_pos} finds against {n_labels - n_pos} lines drawn at random "
        "(the history records too few clear inspections)"
        if from_finds
        else f"{n_labels} inspected lines ({n_pos} with fraud)"
    )
    note = f"LightGBM on {learned_from}, out-of-fold AUC {metrics['oof_auc']}"
    predictor = build_predictor(
        d, lines, final, final_calibrator, config.smoothing, config.threads, all_keys
    )
    return LearnedScores(
        scores.select(list(SCORE_SCHEMA)), metrics, True, note, predictor, from_finds, labels
    )
