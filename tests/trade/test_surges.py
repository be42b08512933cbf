from collections.abc import Callable

import numpy as np
import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from orewatch.trade.periods import with_bounds
from orewatch.trade.surges import (
    benjamini_hochberg,
    did_surges,
    direct_flows,
    onward_flows,
    substitution,
)

#: builds a trade_stats frame from (reporter, partner, flow, hs, period, usd) rows
Maker = Callable[..., pl.DataFrame]


def _onward(panel: pl.DataFrame) -> pl.DataFrame:
    return (
        onward_flows(with_bounds(panel))
        .group_by("country", "hs6", "grain", "start", "end")
        .agg(pl.col("value_usd").sum())
    )


def test_a_route_that_jumps_after_the_control_is_a_significant_surge(
    diversion_panel: pl.DataFrame, controls: pl.DataFrame
) -> None:
    tests = did_surges(_onward(diversion_panel), controls).sort("country")
    th = tests.filter(pl.col("country") == "TH").row(0, named=True)
    assert th["n_before"] == 12 and th["n_after"] == 12
    assert th["before_usd"] == 5_000.0 and th["after_usd"] == 60_000.0
    assert th["effect"] > 2.0  # ~log(12) above the others' change
    assert th["q"] < 0.001
    steady = tests.filter(pl.col("country") != "TH")
    assert steady["q"].min() > 0.05  # type: ignore[operator]


def test_flows_to_or_from_the_source_are_not_onward(diversion_panel: pl.DataFrame) -> None:
    onward = _onward(diversion_panel)
    assert set(onward["country"].unique()) == {"TH", "MY", "SG"}


def test_the_market_side_is_used_when_the_exporter_does_not_report(
    trade_frame: Maker, months: list[str]
) -> None:
    panel = trade_frame([("US", "TH", "import", "811010", p, 7.0) for p in months])
    onward = onward_flows(with_bounds(panel))
    assert onward["country"].unique().to_list() == ["TH"]
    assert onward["market"].unique().to_list() == ["US"]


def test_substitution_ratio_is_rise_over_fall(
    diversion_panel: pl.DataFrame, controls: pl.DataFrame
) -> None:
    bounded = with_bounds(diversion_panel)
    subst = substitution(direct_flows(bounded), onward_flows(bounded, markets=["US"]), controls)
    th = subst.filter(pl.col("country") == "TH").row(0, named=True)
    # direct: 100k -> 20k (fall 80k); TH: 5k -> 60k (rise 55k), the wobble averages out
    assert th["fall_usd"] == 80_000.0
    assert abs(th["rise_usd"] - 55_000.0) < 1.0
    assert abs(th["ratio"] - 55 / 80) < 1e-4
    assert th["markets"] == "US"


def test_benjamini_hochberg_matches_a_worked_example() -> None:
    # sorted 0.01, 0.03, 0.04, 0.5 -> 0.04, 0.06, 0.0533, 0.5 -> step-up minimum
    p = np.array([0.01, 0.04, 0.03, 0.5])
    assert np.allclose(benjamini_hochberg(p), [0.04, 0.16 / 3, 0.16 / 3, 0.5])


@given(st.lists(st.floats(0.0, 1.0), min_size=1, max_size=50))
def test_q_values_are_at_least_p_and_at_most_one(ps: list[float]) -> None:
    p = np.array(ps)
    q = benjamini_hochberg(p)
    assert np.all(q >= p - 1e-12) and np.all(q <= 1.0)
    order = np.argsort(p)
    assert np.all(np.diff(q[order]) >= -1e-12)
