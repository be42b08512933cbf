from collections.abc import Callable
from datetime import date

import numpy as np
import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

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
    # 720k after where the others' change (half their trade after) predicts 390k
    assert th["effect"] == pytest.approx(np.log(720_000 / 390_000), abs=0.01)
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


def _series(rows: list[tuple[str, str, float]]) -> pl.DataFrame:
    """country, month, USD -> an onward series of 811292 (control 2024-01-01)."""
    frame = pl.DataFrame(rows, schema=["country", "period", "value_usd"], orient="row")
    return with_bounds(frame.with_columns(pl.lit("811292").alias("hs_code"))).select(
        "country", "hs6", "grain", "start", "end", "value_usd"
    )


def _steady(months: list[str], countries: tuple[str, ...]) -> list[tuple[str, str, float]]:
    """Honest re-exporters: 10k consignments arriving at random, 0, 1 or 2 a month
    (10k a month on average, before and after)."""
    return [
        (c, p, 10_000.0 * ((i + j) % 3))
        for j, c in enumerate(countries)
        for i, p in enumerate(months)
    ]


def test_zero_months_before_and_many_consignments_after_are_a_surge(
    months: list[str], controls: pl.DataFrame
) -> None:
    rows = _steady(months, ("SG", "NL", "BE"))
    rows += [("MY", p, 10_000.0) for p in months if p >= "2024-01"]
    rows += [("MY", "2023-05", 0.0)]  # reports, nothing sent: a zero month, not missing
    my = did_surges(_series(rows), controls).filter(pl.col("country") == "MY").row(0, named=True)
    assert my["before_usd"] == 0.0 and my["after_usd"] == 10_000.0
    # twelve consignments where none were sent before: the log DiD saw log(1) = 0 months
    assert my["z"] > 3.0 and my["q"] < 0.01


def test_one_consignment_after_the_control_is_not_evidence(
    months: list[str], controls: pl.DataFrame
) -> None:
    rows = _steady(months, ("SG", "NL", "BE"))
    rows += [("MY", "2024-06", 10_000.0), ("MY", "2023-05", 0.0)]
    my = did_surges(_series(rows), controls).filter(pl.col("country") == "MY").row(0, named=True)
    assert my["p"] > 0.05


def test_a_large_diverter_does_not_hide_a_smaller_one(
    months: list[str], controls: pl.DataFrame
) -> None:
    """TH's surge (100k a month after) would make the market's own change look like
    a tenfold rise; the second pass leaves it out of MY's control group."""
    rows = _steady(months, ("SG", "NL", "BE"))
    rows += [("TH", p, 100_000.0 if p >= "2024-01" else 1_000.0) for p in months]
    rows += [("MY", p, 30_000.0 if p >= "2024-01" else 10_000.0) for p in months]
    tests = did_surges(_series(rows), controls)
    my = tests.filter(pl.col("country") == "MY").row(0, named=True)
    # 360k after where the honest hubs' unchanged trade predicts half of 480k
    assert my["effect"] == pytest.approx(np.log(1.5), abs=0.05)
    assert my["z"] > 3.0
    honest = tests.filter(pl.col("country").is_in(["SG", "NL", "BE"]))
    assert honest["p"].min() > 0.05  # type: ignore[operator]


def test_months_before_a_country_reports_are_missing_not_zero(
    months: list[str], controls: pl.DataFrame
) -> None:
    rows = _steady(months, ("SG", "NL", "BE"))
    rows += [("MY", p, 10_000.0) for p in months if p >= "2023-11"]
    coverage = pl.DataFrame(
        {"country": ["MY"], "grain": ["month"], "first_end": [date(2023, 11, 30)]}
    )
    series = _series(rows)
    blind = did_surges(series, controls).filter(pl.col("country") == "MY")
    covered = did_surges(series, controls, coverage=coverage).filter(pl.col("country") == "MY")
    assert blind["p"][0] < 0.01  # ten zero months read as "sent nothing"
    assert covered["n_before"][0] == 2 and covered["p"][0] > 0.05


def test_each_heading_is_its_own_market(months: list[str]) -> None:
    """Another heading's trade (a huge one, controlled at the same date) changes
    nothing: the control group is every other country in the same heading."""
    controls = pl.DataFrame({"hs6": ["811292", "850511"], "control_date": [date(2024, 1, 1)] * 2})
    rows = _steady(months, ("SG", "NL", "BE"))
    rows += [("MY", p, 30_000.0 if p >= "2024-01" else 10_000.0) for p in months]
    alone = did_surges(_series(rows), controls)
    other = _series(
        [(c, p, 1e9 if p >= "2024-01" else 1e6) for c in ("SG", "XX") for p in months]
    ).with_columns(pl.lit("850511").alias("hs6"))
    both = did_surges(pl.concat([_series(rows), other]), controls)
    mine = both.filter(pl.col("hs6") == "811292").drop("q")
    assert_frame_equal(mine, alone.drop("q"), check_dtypes=False)
