"""The model's weight beside the rules, learned from the labelled lines."""

import numpy as np
import polars as pl

from orewatch.screening.learned.blend import (
    EVEN,
    MODEL_FEW_FINDS,
    MODEL_MIN_FINDS,
    combined_score,
    enough_finds,
    found_declarations,
    model_adds,
    model_share,
)


def batch(model_knows: bool, rules_know: bool, n: int = 20000) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Lines with planted fraud; each score tells it or is noise; a fifth are inspected."""
    rng = np.random.default_rng(3)
    fraud = rng.random(n) < 0.05
    rules = rng.normal(size=n) + (3.0 * fraud if rules_know else 0.0)
    model = rng.random(n) * (0.3 + 0.7 * fraud if model_knows else 1.0)
    scored = pl.DataFrame(
        {"_idx": np.arange(n, dtype=np.uint32), "rule_score": rules, "p_fraud": model}
    )
    inspected = np.flatnonzero(rng.random(n) < 0.2)
    labels = pl.DataFrame({"_idx": inspected.astype(np.uint32), "label": fraud[inspected]})
    return scored, labels


def test_a_model_that_tells_nothing_gets_no_weight() -> None:
    # Its surprisal adds nothing the likelihood-ratio test can tell from chance.
    assert model_share(*batch(model_knows=False, rules_know=True)) == 0.0


def test_a_model_taught_by_few_finds_does_not_enter_the_blend() -> None:
    scored, labels = batch(model_knows=True, rules_know=False)
    found = labels.filter(pl.col("label"))
    assert found.height >= MODEL_MIN_FINDS
    few = pl.concat([labels.filter(~pl.col("label")), found.head(MODEL_FEW_FINDS)])
    assert model_share(scored, few) == 0.0
    assert model_share(scored, labels) == EVEN


def test_between_few_and_enough_finds_the_model_counts_in_proportion() -> None:
    """No cliff at the gate: a few finds short of enough lower the share a little."""
    scored, labels = batch(model_knows=True, rules_know=False)
    middle = (MODEL_FEW_FINDS + MODEL_MIN_FINDS) // 2
    shares = [
        model_share(scored, labels, finds=f)
        for f in (MODEL_FEW_FINDS, middle, MODEL_MIN_FINDS - 5, MODEL_MIN_FINDS)
    ]
    assert shares == sorted(shares)
    assert shares[0] == 0.0 and shares[-1] == EVEN
    assert shares[1] == EVEN * enough_finds(middle) and 0.0 < shares[1] < shares[2] < EVEN


def test_finds_are_counted_by_declaration_not_by_line() -> None:
    """A forwarder's forty-line declaration found once is one find, whose record labels
    all forty lines; the model is kept out when the finds are few, however many lines."""
    lines = pl.DataFrame(
        {
            "_idx": np.arange(45, dtype=np.uint32),
            "declaration_id": ["BIG"] * 40 + ["A", "B"] * 2 + ["C"],
        }
    )
    labels = pl.DataFrame({"_idx": np.arange(45, dtype=np.uint32), "label": [1] * 44 + [0]})
    assert found_declarations(lines, labels) == 3  # BIG, A, B; C was clear
    scored, labels = batch(model_knows=True, rules_know=False)
    assert model_share(scored, labels) == EVEN
    assert model_share(scored, labels, finds=MODEL_FEW_FINDS) == 0.0


def test_the_likelihood_ratio_test_hears_a_model_that_adds_and_not_one_that_does_not() -> None:
    rng = np.random.default_rng(5)
    y = (rng.random(4000) < 0.1).astype(np.int8)
    rules = rng.normal(size=4000) + 2.0 * y
    assert model_adds(np.column_stack([rules, rng.normal(size=4000) + 1.0 * y]), y) == 1.0
    assert model_adds(np.column_stack([rules, rng.normal(size=4000) - 1.0 * y]), y) == 0.0


def test_the_model_counts_as_far_as_the_test_is_sure_of_it() -> None:
    """Between "surely adds" and "adds nothing" the model's weight follows the test's
    evidence: more evidence, never less weight, and a middle where the evidence is
    middling (no cliff at p = 0.05)."""
    rng = np.random.default_rng(7)
    y = (rng.random(4000) < 0.1).astype(np.int8)
    rules = rng.normal(size=4000) + 2.0 * y
    noise = rng.normal(size=4000)
    sure = [model_adds(np.column_stack([rules, noise + k * y]), y) for k in (0.0, 0.1, 0.16, 0.6)]
    assert sure == sorted(sure)
    assert sure[0] == 0.0 and sure[-1] == 1.0
    assert any(0.0 < s < 1.0 for s in sure)


def test_a_model_that_sees_what_the_rules_miss_counts_as_much_as_the_rules_never_more() -> None:
    assert model_share(*batch(model_knows=True, rules_know=False)) == EVEN


def test_a_model_that_adds_a_little_gets_a_little() -> None:
    assert 0.1 < model_share(*batch(model_knows=True, rules_know=True)) < EVEN


def test_labels_of_one_outcome_keep_the_even_split() -> None:
    scored, labels = batch(model_knows=True, rules_know=True)
    assert model_share(scored, labels.with_columns(pl.lit(False).alias("label"))) == EVEN


def test_the_share_weighs_the_two_rankings() -> None:
    n = 1000
    ranks = pl.DataFrame({"rule": [990.0, 500.0], "model": [500.0, 990.0]})

    def scores(share: float) -> list[float]:
        out = ranks.select(combined_score(pl.col("rule"), pl.col("model"), n, share))
        return list(out["score"])

    rules_top, model_top = scores(EVEN)
    assert rules_top == model_top
    rules_top, model_top = scores(0.2)
    assert rules_top > model_top
    assert scores(1.0)[1] > scores(1.0)[0]

    def top(share: float) -> float:
        return float(pl.select(combined_score(pl.lit(1000.0), pl.lit(1000.0), n, share)).item())

    assert top(0.3) == top(EVEN) <= 1.0  # the top of both rankings, whatever the split
