from collections.abc import Callable
from datetime import date

import polars as pl

from orewatch.trade.effectiveness import exports_by_destination, item_figures, licensed_share
from orewatch.trade.prices import GAP_SCHEMA
from orewatch.trade.report import render_html
from orewatch.trade.routes import empty_routes

#: builds a trade_stats frame from (reporter, partner, flow, hs, period, usd) rows
Maker = Callable[..., pl.DataFrame]


def test_exports_before_and_after_by_destination(diversion_panel: pl.DataFrame) -> None:
    per, series, grain = exports_by_destination(
        diversion_panel, ["811292"], pl.lit(date(2024, 1, 1))
    )
    assert grain == "month"
    us = per.filter(pl.col("destination") == "US").row(0, named=True)
    assert (us["before_usd"], us["after_usd"]) == (100_000.0, 20_000.0)
    assert abs(us["change"] - -0.8) < 1e-9
    assert set(series["destination"]) == {"US", "TH", "MY", "SG"}


def test_licensed_share_counts_lines_after_the_control() -> None:
    declarations = pl.DataFrame(
        {
            "hs_code": ["8112929010", "8112929010", "8112929010", "7601100000"],
            "declared_at": [date(2023, 7, 1), date(2023, 9, 1), date(2023, 9, 2), date(2023, 9, 3)],
            "license_no": [None, "2023GA000001", None, None],
            "net_weight_kg": [5.0, 30.0, 10.0, 1000.0],
        }
    )
    share = licensed_share(declarations, ["811292"], date(2023, 8, 1)).row(0, named=True)
    assert (share["lines"], share["licensed_lines"]) == (2, 1)
    assert share["share_kg"] == 0.75


def test_report_is_one_self_contained_html_file(
    diversion_panel: pl.DataFrame, controls: pl.DataFrame
) -> None:
    gaps = pl.DataFrame(
        {
            "material": ["gallium:metal"],
            "month": [date(2024, 2, 1)],
            "domestic_usd_kg": [250.0],
            "overseas_usd_kg": [600.0],
            "overseas_market": ["Rotterdam"],
            "gap": [2.4],
        },
        schema=GAP_SCHEMA,
    )
    routes = pl.DataFrame(
        {
            "country": ["TH"],
            "hs_code": ["811292"],
            "score": [9.0],
            "reasons": ["REEXPORT_SURGE"],
            "evidence": ["REEXPORT_SURGE: exports rose"],
        }
    )
    items = item_figures(diversion_panel, controls, routes, gaps)
    assert [i.element for i in items] == ["gallium"]
    html = render_html(items, "Control effectiveness — test", ["a note"])
    assert html.startswith("<!DOCTYPE html>")
    assert "<script src=" not in html  # plotly.js is embedded, not fetched
    assert html.count("Plotly.newPlot") == 2  # exports and price charts
    assert "REEXPORT_SURGE: exports rose" in html and "a note" in html
    assert "No declarations given" in html


def test_an_item_without_trade_is_left_out(controls: pl.DataFrame, trade_frame: Maker) -> None:
    other = trade_frame([("CN", "US", "export", "250410", "2024-01", 1.0)])
    assert item_figures(other, controls, empty_routes(), pl.DataFrame(schema=GAP_SCHEMA)) == []
