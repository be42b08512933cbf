"""An exporter's own trade as the norm: ordinary goods as a one-off of a controlled trader."""

from collections.abc import Callable, Mapping, Sequence

import polars as pl

from orewatch.controls.catalogue import load_catalogue
from orewatch.screening.detectors.exporter_trade import (
    controlled_trader_odd_goods,
    exporter_heading_counts,
)
from orewatch.screening.features import add_features
from orewatch.screening.prior import Prior

Build = Callable[[Sequence[Mapping[str, object]]], pl.DataFrame]
GALLIUM: dict[str, object] = {
    "hs_code": "8112929010",
    "description": "金属镓 gallium",
    "net_weight_kg": 100.0,
    "quantity": 100.0,
    "value": 30000.0,
}
CARBON_BLACK = {"hs_code": "2803000000", "description": "炭黑 carbon black"}
SIDE_LINES = [
    {"hs_code": "6110200000", "description": "棉制套头衫"},
    {"hs_code": "9503008900", "description": "塑料玩具"},
    {"hs_code": "0306171000", "description": "冻虾仁"},
]


def features(declarations: pl.DataFrame) -> pl.DataFrame:
    return load_catalogue().evaluate_frame(add_features(declarations))


def flagged(lines: pl.DataFrame, prior: Prior | None = None) -> set[int]:
    counts = exporter_heading_counts(lines, prior or Prior.empty())
    return set(controlled_trader_odd_goods(counts).collect()["_idx"].to_list())


def test_a_controlled_traders_one_off_ordinary_goods_are_flagged(declarations: Build) -> None:
    # Twenty gallium lots, twelve lots of aluminium (its usual ordinary trade), and once
    # carbon black: the code a gallium lot would hide under.
    lines = features(declarations([GALLIUM] * 20 + [{}] * 12 + [CARBON_BLACK]))
    assert flagged(lines) == {32}


def test_a_general_traders_sprinkling_of_ordinary_goods_is_its_pattern(
    declarations: Build,
) -> None:
    lines = features(declarations([GALLIUM] * 20 + [CARBON_BLACK, *SIDE_LINES]))
    assert flagged(lines) == set()


def test_ordinary_goods_of_an_ordinary_trader_are_not_flagged(declarations: Build) -> None:
    # Mostly aluminium, some gallium: carbon black once is not a controlled trader's swap.
    lines = features(declarations([{}] * 20 + [GALLIUM] * 10 + [CARBON_BLACK]))
    assert flagged(lines) == set()


def test_a_new_declaration_is_judged_as_the_batch_would_judge_it(declarations: Build) -> None:
    history = features(declarations([GALLIUM] * 20 + [{}] * 12 + [SIDE_LINES[0]]))
    one_off = features(declarations([CARBON_BLACK]))
    # The history's side line and this one are two: still few.
    assert flagged(one_off, Prior.from_lines(history)) == {0}
    # Without the history, one line is no established trade.
    assert flagged(one_off, Prior.empty()) == set()
    # A third and fourth kind of side line make the exporter a general trader.
    more = features(declarations([*SIDE_LINES[1:], CARBON_BLACK]))
    assert flagged(more, Prior.from_lines(history)) == set()


def test_the_doors_counts_are_the_batchs_over_history_and_new_lines_together(
    declarations: Build,
) -> None:
    history = features(declarations([GALLIUM] * 20 + [{}] * 12 + [SIDE_LINES[0]]))
    new = features(declarations([CARBON_BLACK, SIDE_LINES[0], GALLIUM]))
    door = exporter_heading_counts(new, Prior.from_lines(history)).collect().sort("_idx")
    both = pl.concat([history, new], how="diagonal_relaxed").with_row_index("_at")
    batch = exporter_heading_counts(both, Prior.empty()).collect().sort("_at").tail(new.height)
    for column in ("_ch", "_all", "_ctl", "_side", "_sides"):
        assert door[column].to_list() == batch[column].to_list(), column
    assert door["_sides"].to_list() == [2, 2, 2]
    assert door["_ctl"].to_list() == [21, 21, 21]
