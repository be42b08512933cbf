import polars as pl

from orewatch.trade.absorption import excess_absorption
from orewatch.trade.periods import with_bounds
from orewatch.trade.surges import inbound_flows, onward_flows, onward_totals


def _flows(panel: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    bounded = with_bounds(panel)
    return inbound_flows(bounded), onward_totals(onward_flows(bounded))


def test_a_transit_country_importing_far_beyond_its_use_is_found(
    diversion_panel: pl.DataFrame, controls: pl.DataFrame
) -> None:
    out = excess_absorption(*_flows(diversion_panel), controls).sort("country")
    th = out.filter(pl.col("country") == "TH").row(0, named=True)
    # TH used 10k - 5k = 5k a month before; the others' imports moved from 150k to 70k,
    # so plausible use after is 5k * 70/150; it imports 80k and sends ~60k on.
    assert abs(th["plausible_use"] - 5_000.0 * 70 / 150) < 1.0
    assert th["imports_after"] == 80_000.0
    assert abs(th["use_after"] - 20_000.0) < 1.0
    assert th["ratio"] > 8
    assert th["q"] < 0.01
    assert out.filter(pl.col("country") == "SG")["ratio"][0] < 1.2  # steady re-exporter


def test_a_known_capacity_replaces_the_estimate(
    diversion_panel: pl.DataFrame, controls: pl.DataFrame
) -> None:
    capacity = pl.DataFrame({"country": ["TH"], "hs6": ["811292"], "usd_per_year": [1_200_000.0]})
    out = excess_absorption(*_flows(diversion_panel), controls, capacity)
    th = out.filter(pl.col("country") == "TH").row(0, named=True)
    assert th["plausible_use"] == 100_000.0  # per month
    assert abs(th["excess_usd"] - -80_000.0) < 1.0
