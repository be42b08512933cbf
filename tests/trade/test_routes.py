from collections.abc import Callable

import polars as pl
import pytest

from orewatch.controls import load_catalogue
from orewatch.screening.reasons import reason_table
from orewatch.trade.absorption import ABSORPTION_SCHEMA
from orewatch.trade.passthrough import PASS_SCHEMA
from orewatch.trade.routes import ROUTE_COLUMNS, country_parts, rank_routes
from orewatch.trade.signals import control_dates, diversion_routes
from orewatch.trade.surges import SURGE_SCHEMA

#: builds a trade_stats frame from (reporter, partner, flow, hs, period, usd) rows
Maker = Callable[..., pl.DataFrame]


def test_the_diverting_country_ranks_first_with_reasons_and_figures(
    diversion_panel: pl.DataFrame,
) -> None:
    routes = diversion_routes({"trade_stats": diversion_panel}, load_catalogue())
    assert tuple(routes.columns) == ROUTE_COLUMNS
    top = routes.row(0, named=True)
    assert (top["country"], top["hs_code"]) == ("TH", "811292")
    assert set(top["reasons"].split(";")) >= {
        "REEXPORT_SURGE",
        "IMPORTS_EXCEED_USE",
        "DIRECT_SUBSTITUTED",
    }
    # the packaged catalogue controls 811292 from 2023-08, so 2023-08..12 count as after
    assert (
        "exports to third markets 4929 USD/month before the control, 43853 after"
        in (top["evidence"])
    )
    assert routes["score"].is_sorted(descending=True)
    assert routes["hs_code"].str.len_chars().unique().to_list() == [6]


def test_every_reason_is_a_documented_routes_code(diversion_panel: pl.DataFrame) -> None:
    table = reason_table()
    routes = diversion_routes({"trade_stats": diversion_panel}, load_catalogue())
    codes = set(routes["reasons"].str.split(";").explode())
    assert codes
    assert all(table.reasons[c].family == "routes" for c in codes)


def test_no_trade_statistics_means_no_routes() -> None:
    assert diversion_routes({}, load_catalogue()).is_empty()


def test_uncontrolled_headings_are_ignored(trade_frame: Maker, months: list[str]) -> None:
    rows = [("TH", "US", "export", "760110", p, 1e6 if p >= "2024" else 1.0) for p in months]
    routes = diversion_routes({"trade_stats": trade_frame(rows)}, load_catalogue())
    assert routes.is_empty()


def test_control_dates_are_the_earliest_per_heading() -> None:
    controls = control_dates(load_catalogue())
    gallium = controls.filter(pl.col("hs6") == "811292").row(0, named=True)
    assert str(gallium["control_date"]) == "2023-08-01"
    assert "gallium" in gallium["elements"] and "germanium" in gallium["elements"]


def test_nothing_found_ranks_nothing() -> None:
    surges = pl.DataFrame(schema=SURGE_SCHEMA)
    absorption = pl.DataFrame(schema=ABSORPTION_SCHEMA)
    gaps = pl.DataFrame(
        schema={
            "country": pl.String, "hs6": pl.String, "z": pl.Float64, "imported": pl.Float64,
            "exported": pl.Float64, "measure": pl.String, "window": pl.Date,
        }
    )  # fmt: skip
    subst = pl.DataFrame(
        schema={
            "country": pl.String, "hs6": pl.String, "grain": pl.String, "ratio": pl.Float64,
            "rise_usd": pl.Float64, "fall_usd": pl.Float64, "markets": pl.String,
        }
    )  # fmt: skip
    shares = pl.DataFrame(schema=PASS_SCHEMA)
    assert rank_routes(surges, absorption, gaps, subst, shares).is_empty()


def test_a_country_passing_on_other_headings_lends_evidence_to_each() -> None:
    passes = pl.DataFrame(
        {
            "country": ["TH", "TH", "TH", "SG", "SG", "SG", "KZ"],
            "hs6": ["811292", "811010", "810194", "811292", "811010", "810194", "811292"],
            "method": ["pass"] * 7,
            "z": [5.0, 4.0, 0.0, 0.3, -0.2, 0.1, 4.0],
            "code": [None] * 7,
            "words": [""] * 7,
        }
    )
    parts = country_parts(passes)
    z = {(c, h): v for c, h, v in parts.select("country", "hs6", "z").iter_rows()}
    # leave-one-out Stouffer: TH 810194 has (5 + 4) / sqrt(2), capped at 5
    assert z[("TH", "810194")] == 5.0
    assert z[("TH", "811292")] == pytest.approx(4.0 / 2**0.5)  # its own 5 does not count
    assert z[("SG", "811292")] == pytest.approx(-0.1 / 2**0.5)
    named = parts.filter(pl.col("code") == "COUNTRY_CONDUIT")
    assert set(named["country"]) == {"TH"}
    assert ("KZ", "811292") not in z  # one heading: nothing else to pool
    assert "other 2 controlled headings" in named["words"][0]
