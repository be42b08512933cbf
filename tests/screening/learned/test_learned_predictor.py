"""The frozen predictor: new lines ranked and scored as the fitted batch ranked its own."""

import numpy as np
import polars as pl

from orewatch.screening.learned import learn_and_score
from orewatch.screening.learned.config import LearnedConfig
from orewatch.screening.learned.predictor import Ranking

CONFIG = LearnedConfig(
    keys=("exporter_id", ("exporter_id", "mode")),
    numeric=("unit_value_z",),
    categorical=("mode",),
    prefixes=("sig_",),
    group="declaration_id",
    max_rounds=200,
    early_stopping=20,
    learning_rate=0.1,
)


def test_a_batch_value_gets_its_batch_rank_and_a_new_value_falls_between() -> None:
    rng = np.random.default_rng(0)
    rules = pl.Series("score", rng.integers(0, 5, 200).astype(float))  # many ties
    p = pl.Series("p", rng.random(200))
    ranking = Ranking.of(rules, p)
    ranks = ranking.ranks(rules, p)
    assert np.allclose(ranks["_rule_rank"], rules.rank("average").to_numpy())
    assert np.allclose(ranks["_model_rank"], p.rank("average").to_numpy())
    new = ranking.ranks(pl.Series([2.5, -1.0, 9.0]), pl.Series([None, 0.0, 1.5]))
    below_three = float((rules < 2.5).sum())
    assert new["_rule_rank"].to_list() == [below_three + 1, 1.0, 201.0]
    assert new["_model_rank"].to_list() == [1.0, 1.0, 201.0]  # a missing p ranks as 0


def planted(n: int = 2000) -> tuple[pl.DataFrame, pl.DataFrame]:
    rng = np.random.default_rng(1)
    exporter = rng.integers(0, 50, n)
    rogue = exporter < 8
    z = rng.normal(size=n)
    fraud = rng.random(n) < 1 / (1 + np.exp(-(-2.5 + 2.5 * rogue - z)))
    inspected = rng.random(n) < 0.4
    lines = pl.DataFrame(
        {
            "_idx": np.arange(n, dtype=np.uint32),
            "declaration_id": [f"D{i}" for i in range(n)],
            "exporter_id": [f"E{e}" for e in exporter],
            "mode": rng.choice(["sea", "air", "post"], n),
            "unit_value_z": z,
            "sig_LOW": (z < -1).astype(np.int8),
        }
    )
    labels = pl.DataFrame(
        {"_idx": np.flatnonzero(inspected).astype(np.uint32), "label": fraud[inspected]}
    )
    return lines, labels


def test_the_predictor_reproduces_the_scores_of_uninspected_lines() -> None:
    lines, labels = planted()
    learned = learn_and_score(lines, labels, CONFIG)
    assert learned.trained and learned.predictor is not None
    rest = lines.join(labels.select("_idx"), on="_idx", how="anti")
    again = learned.predictor.predict(rest, explain_from=2.0)
    batch = learned.scores.join(rest.select("_idx"), on="_idx").sort("_idx")
    assert np.allclose(again["p_fraud"].to_numpy(), batch["p_fraud"].to_numpy(), atol=1e-12)


def test_unseen_values_are_scored_without_failing() -> None:
    lines, labels = planted()
    learned = learn_and_score(lines, labels, CONFIG)
    assert learned.predictor is not None
    stranger = lines.head(1).with_columns(
        pl.lit("NEW-EXPORTER").alias("exporter_id"),
        pl.lit("rail").alias("mode"),
        pl.lit(None, pl.Int8).alias("sig_LOW"),
    )
    scored = learned.predictor.predict(stranger.drop("sig_LOW"), explain_from=0.0)
    assert 0.0 <= scored["p_fraud"][0] <= 1.0
    assert scored["model_explanation"][0]


def test_signals_given_as_rows_score_as_their_sig_columns() -> None:
    lines, labels = planted()
    learned = learn_and_score(lines, labels, CONFIG)
    assert learned.predictor is not None
    # Shuffled lines, codes the model never saw, and a line raising none.
    frame = lines.sample(300, seed=3)
    signals = pl.concat(
        [
            frame.filter(pl.col("sig_LOW") == 1).select("_idx", pl.lit("LOW").alias("code")),
            frame.head(40).select("_idx", pl.lit("UNTAUGHT").alias("code")),
        ]
    ).sample(fraction=1.0, shuffle=True, seed=4)
    with_columns = learned.predictor.predict(frame, explain_from=0.9)
    from_rows = learned.predictor.predict(frame.drop("sig_LOW"), explain_from=0.9, signals=signals)
    assert with_columns.equals(from_rows)
    assert with_columns["p_fraud"].n_unique() > 2
