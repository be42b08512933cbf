"""How the screener combines the rules' ranking with the learned model's."""

import polars as pl

from orewatch.screening.screener import about_the_goods, combined_score


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
