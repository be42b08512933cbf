"""How much the learned model counts beside the rules: learned from the dataset's inspections.

The screener's score is a weighted Fisher combination of two percentile rankings, the
rules' and the model's (:func:`combined_score`). An even split assumes the model knows
as much as the rules everywhere. It does not when the inspections behind it are few:
a model taught by forty finds puts honest lines in its top percentile, and an even split
lets them crowd out lines a strong rule put there (worlds with a quarter of the default
inspections or of the default fraud, seeds 1-2: recall at 5 % fell 0.93 -> 0.90, at 2 %
0.95 -> 0.91, against the rules alone).

So the split is read from the labelled lines themselves (:func:`model_share`): a logistic
regression of the inspection outcome on the two rankings' surprisals, both label-free
for those lines (the rules on their fixed weights, the model out of fold), says how much
each ranking tells about a find; the model's share is its coefficient's part of the two.
A model that adds nothing to the rules gets no weight: the model enters the blend
only as far as the labels hold enough finds (declarations found, not their lines:
:func:`found_declarations`; none under ``MODEL_FEW_FINDS``, all from ``MODEL_MIN_FINDS``:
:func:`enough_finds`), and as far as a likelihood-ratio
test says its surprisal tells them apart beyond the rules' (:func:`model_adds`). Taught
by a few dozen finds, a model puts whole exporters' honest lines at its very top; in
two independently written generators' worlds (19-30 and about 56 finds per world) the
blend lost 0.04-0.12 of recall at 1 % to the rules alone, and with the threshold it
gains 0.02-0.13 at 1 %, while our own few-inspection and rare-fraud worlds move by under
0.01 (BENCHMARKS.md, "The model needs enough finds"). It never gets more than the
rules, though: the labels say what inspections *found*, and the model learns exactly
that, while the rules also know schemes inspections rarely catch (a diversion through a
third country, a price only a valuation check would question). In a world whose fraud
was mostly of such kinds (transshipment and undervaluation three times the default
share, seeds 1-2) the labelled lines gave the model 0.63 of the weight on seed 1 and
recall at 5 % fell 0.912 -> 0.901 (concealment 0.50 -> 0.44, disguised goods 0.84 ->
0.80); so the even split is a ceiling, and the labels may only lower it. Nothing to
learn from (one outcome only) keeps the even split.

The learned share moves between datasets (0.06-0.50 on our worlds and their reshaped
copies), and that is not the labels' sampling noise: bootstrapping the labelled lines
gives it a standard deviation of 0.02-0.13, and on the six-digit copy of a world, whose
labels are the same lines with the same outcomes, it went 0.19 -> 0.50 because the
fixed-weight rule ranking orders those lines less well there (AUC 0.952 -> 0.933, the
model's 0.948 -> 0.947). Taking a lower bootstrap quantile (a share the labels support
with confidence), the share less its standard error, or out-of-fold taught rule weights
in the fit moved recall at 1 / 2 / 5 % by under 0.006 on average over fifteen worlds and
lost up to 0.024 on some (``bench/bench_blend_share.py``, BENCHMARKS.md "Other worlds"),
so the point estimate stands. On that copy a higher share trades transshipment (recall
at 5 % 0.93 -> 0.74, share 0 -> 0.5) for understated quantities (0.72 -> 0.84): a scheme
inspections rarely confirm is one the labels cannot weigh.
"""

from __future__ import annotations

import numpy as np
import polars as pl
from scipy.stats import chi2
from sklearn.linear_model import LogisticRegression

#: The split when the labelled lines cannot tell: the rules and the model count alike.
EVEN = 0.5
#: The model counts as far as the labels show it adds to the rules: a likelihood-ratio
#: test of its surprisal beside the rules' ("adds nothing") at p of MODEL_DOUBT_P or more
#: gives it nothing, at MODEL_SURE_P or less its whole share, and half at p = 0.05, their
#: middle on the log scale (see :func:`model_adds`).
MODEL_DOUBT_P = 0.2
MODEL_SURE_P = 0.0125
#: Finds (declarations with a line found) the model needs: with MODEL_FEW_FINDS or fewer
#: it does not enter the blend at all, from MODEL_MIN_FINDS its share counts fully, and
#: between them in proportion (see :func:`enough_finds`).
MODEL_FEW_FINDS = 60
MODEL_MIN_FINDS = 100


def surprisal(rank: pl.Expr, n: int) -> pl.Expr:
    """``-log`` of the share of ``n`` lines ranked at or above a 1-based average rank
    (higher is riskier), at least half a line: a top-1 % line scores ``log 100``."""
    return -((n - rank + 1) / n).clip(lower_bound=0.5 / n).log()


def combined_score(rule_rank: pl.Expr, model_rank: pl.Expr, n: int, share: float = EVEN) -> pl.Expr:
    """Fisher's combination of the two rankings, weighted and scaled to 0..1, as ``score``.

    Each 1-based average rank among ``n`` lines becomes the share of lines ranked at or
    above it (the line's tail share, at least half a line); the score is the weighted
    mean of the two tail shares' negative logs (the model's weight ``share``) over its
    largest value. At the even split a line in the top 1 % of either ranking stands as
    high as one in the top 10 % of both: a strong rule the model has seen too few
    inspections to learn, or a pattern the model learned that no rule names, is not
    averaged away by the other's indifference.
    """
    top = -pl.lit(0.5 / n).log()
    mixed = (1.0 - share) * surprisal(rule_rank, n) + share * surprisal(model_rank, n)
    return (mixed / top).round(6).alias("score")


def model_share(scored: pl.DataFrame, labels: pl.DataFrame, finds: int | None = None) -> float:
    """The model's weight in :func:`combined_score`, learned from the labelled lines, at
    most :data:`EVEN` (see the module docstring).

    ``scored``: ``_idx, rule_score, p_fraud`` for every line of the batch, where neither
    score has seen the line's own label (the rules on fixed weights, ``p_fraud`` out of
    fold); ``labels``: ``_idx, label`` of the inspected lines. Ranks are taken within the
    whole batch, as the combination takes them. ``finds``: how many independent finds the
    labels hold (:func:`found_declarations`; default: the lines found).
    """
    n = scored.height
    ranked = scored.select(
        pl.col("_idx"),
        surprisal(pl.col("rule_score").rank("average"), n).alias("rules"),
        surprisal(pl.col("p_fraud").fill_null(0.0).rank("average"), n).alias("model"),
    ).join(labels.select(pl.col("_idx").cast(scored.schema["_idx"]), "label"), on="_idx")
    y = ranked["label"].cast(pl.Int8).to_numpy()
    if len(np.unique(y)) < 2:
        return EVEN
    x = ranked.select("rules", "model").to_numpy()
    enough = enough_finds(int(y.sum()) if finds is None else finds)
    if enough == 0.0:
        return 0.0
    sure = enough * model_adds(x, y)
    if sure == 0.0:
        return 0.0
    fit = LogisticRegression().fit(x, y)
    rules, model = np.clip(fit.coef_[0], 0.0, None)
    share = min(EVEN, float(model / (rules + model))) if rules + model > 0 else EVEN
    return sure * share


def enough_finds(finds: int) -> float:
    """How far ``finds`` are enough for the model to count, 0..1: nothing at
    ``MODEL_FEW_FINDS`` or fewer, all from ``MODEL_MIN_FINDS``, in proportion between.

    At a hard gate of 100 finds, one world's seeds with 95 finds gave the model nothing
    and the next with 119 an even split, for a model as good on the labelled lines as the
    rules (AUC 0.91 both); worlds between 73 and 96 finds gained a little from the model
    and worlds at 56 and under lost 0.04-0.12 of recall at 1 % (BENCHMARKS.md, "The model
    between 56 and 100 finds"). The ramp between them follows the evidence without a
    cliff, as :func:`model_adds` does for the test's p (BENCHMARKS.md, "Enough finds, in
    proportion").
    """
    return float(np.clip((finds - MODEL_FEW_FINDS) / (MODEL_MIN_FINDS - MODEL_FEW_FINDS), 0, 1))


def found_declarations(lines: pl.DataFrame, labels: pl.DataFrame) -> int:
    """Independent finds: the declarations with a line found.

    An inspection recorded against a whole declaration labels every one of its lines,
    so one find in a forwarder's forty-line declaration would count as forty; the model
    needs finds of its own (:func:`enough_finds`), not one find's lines.
    """
    found = labels.filter(pl.col("label").cast(pl.Int64) > 0).select(
        pl.col("_idx").cast(lines.schema["_idx"])
    )
    return lines.join(found, on="_idx", how="semi")["declaration_id"].n_unique()


def model_adds(x: np.ndarray, y: np.ndarray) -> float:
    """How sure the labels are that the model's surprisal (``x[:, 1]``) tells the outcomes
    ``y`` apart beyond the rules' (``x[:, 0]``), 0..1: a likelihood-ratio test's p, read
    on a log scale from nothing at ``MODEL_DOUBT_P`` to all at ``MODEL_SURE_P`` (half
    at 0.05), and nothing without a positive coefficient.

    A hard cut at p < 0.05 flipped the model's share between 0 and a quarter on worlds
    whose p sat near it (the fourth generator's seeds), moving recall by about 0.01 for
    no change in the evidence; the ramp makes the share follow the evidence smoothly.

    A model taught by a few dozen finds ranks some honest lines at its very top by
    chance, and a share fitted on those same few finds can be large by chance too; in
    three independently generated worlds with 19-30 finds each the model lowered recall
    at 1 % from 0.58 to 0.46 at a learned share of 0.00-0.47 (BENCHMARKS.md, "Third
    independent generator"). Unpenalised fits, so that the likelihoods compare.
    """
    with_model = LogisticRegression(C=np.inf).fit(x, y)
    rules_alone = LogisticRegression(C=np.inf).fit(x[:, :1], y)
    gain = 2.0 * (
        _log_likelihood(with_model.predict_proba(x)[:, 1], y)
        - _log_likelihood(rules_alone.predict_proba(x[:, :1])[:, 1], y)
    )
    if with_model.coef_[0][1] <= 0:
        return 0.0
    p = chi2.sf(max(gain, 0.0), df=1)
    low, high = np.log(MODEL_SURE_P), np.log(MODEL_DOUBT_P)
    return float(np.clip((high - np.log(max(p, 1e-300))) / (high - low), 0.0, 1.0))


def _log_likelihood(p: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(p, 1e-12, 1.0 - 1e-12)
    return float(np.sum(y * np.log(p) + (1 - y) * np.log(1.0 - p)))
