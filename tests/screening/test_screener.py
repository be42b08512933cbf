"""How the screener combines the rules' ranking with the learned model's."""

import polars as pl

from orewatch.screening.screener import combined_score


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
