"""How the screener combines the rules' ranking with the learned model's."""

import polars as pl

from orewatch.screening.learned import LearnedScores
from orewatch.screening.learned.predictor import Ranking
from orewatch.screening.reasons import reason_table
from orewatch.screening.screener import about_the_goods, combined_score, with_model


def test_a_line_at_the_top_of_either_ranking_outranks_one_high_in_both() -> None:
    # 1,000 lines: ranks are 1-based, higher is riskier.
    n = 1000
    frame = pl.DataFrame(
        {"rule": [995.0, 900.0, 500.0, 1.0, 1000.0], "model": [500.0, 900.0, 995.0, 1.0, 1000.0]}
    )
    scores = frame.select(combined_score(pl.col("rule"), pl.col("model"), n))["score"].to_list()
    top_of_rules, high_in_both, top_of_model, bottom, top = scores
    assert top_of_rules > high_in_both
    assert top_of_rules == top_of_model  # neither ranking counts more
    assert 0.0 <= bottom < high_in_both < top <= 1.0


def test_a_fact_about_an_element_bears_on_lines_that_could_carry_it() -> None:
    lines = pl.DataFrame(
        {
            "control_elements": [["gallium"], ["tungsten"], [], [], ["tungsten"]],
            "named_elements": [[], [], ["gallium"], [], []],
            "unit_value_z": [0.0, 0.0, 0.0, 9.0, 0.0],
            "controlled": [True, True, False, False, True],
            "elements": ["gallium;germanium", "gallium", "gallium", "gallium", None],
        },
        schema_overrides={"control_elements": pl.List(pl.String)},
    )
    bears = lines.select(about_the_goods().alias("bears"))["bears"].to_list()
    # its own element under a controlled code; another element; the element named in the
    # words; ordinary goods priced far above their kind; a fact about no element in particular
    assert bears == [True, False, True, True, True]


def test_the_door_weighs_the_two_rankings_as_the_batch_learned() -> None:
    idx = pl.Series("_idx", [0, 1, 2, 3], dtype=pl.UInt32)
    scored = pl.DataFrame(
        {"_idx": idx, "score": [5.0, 1.0, 3.0, 0.0], "reasons": [""] * 4, "explanation": [""] * 4}
    )
    learned = LearnedScores(
        pl.DataFrame({"_idx": idx, "p_fraud": [0.1, 0.9, 0.5, 0.0], "model_explanation": [""] * 4})
    )
    reasons = reason_table()
    batch = with_model(scored, learned, reasons, share=0.2)
    ranking = Ranking.of(scored["score"], learned.scores["p_fraud"], 0.2)
    door = with_model(scored, learned, reasons, ranking)
    assert batch["score"].to_list() == door["score"].to_list()
    # rules first: the rules' top line outranks the model's
    assert batch["score"][0] > batch["score"][1]
    assert (
        with_model(scored, learned, reasons)["score"][0]
        == with_model(scored, learned, reasons)["score"][1]
    )  # the even split weighs them alike


def test_the_models_rule_score_is_the_untaught_scores() -> None:
    from types import SimpleNamespace

    from orewatch.screening.screener import ALERT_COLUMNS, Screener, _untaught_points, _weights

    n = 6
    lines = pl.DataFrame(
        {c: [str(i) for i in range(n)] for c in ALERT_COLUMNS if c != "_idx"}
        | {
            "_idx": pl.Series(range(n), dtype=pl.UInt32),
            "unit_value_z": [0.0, 9.0, None, -4.0, 0.0, 1.0],
            "gross_net_z": [0.0, 0.0, 3.0, None, 0.0, 0.0],
        }
    )
    reasons = reason_table()
    codes = list(reasons.reasons)[:5]
    signals = pl.DataFrame(
        {
            "_idx": pl.Series([0, 0, 0, 2, 3, 3, 5], dtype=pl.UInt32),
            "code": [codes[0], codes[1], codes[2], codes[3], codes[4], codes[0], codes[2]],
            "evidence": ["a", "b", "c", "d", "e", "f", "g"],
        }
    )
    weights = _weights(reasons)
    # The whole score's query reads nothing of the screener but these: the fixed weights,
    # nothing noted, no taught sets.
    owner = SimpleNamespace(noted_below=0.0, weights=weights, set_points=None)
    whole = Screener._score_query(owner, lines, signals).collect()  # type: ignore[arg-type]
    points = _untaught_points(lines, signals, weights).collect()
    assert points.sort("_idx").equals(whole.select("_idx", "rule_score"))
    assert points["rule_score"].to_list().count(0.0) == 2  # lines 1 and 4 raised nothing
