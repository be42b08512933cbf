"""Norms per tariff line and per packing."""

import polars as pl

from conftest import decl, typed
from orewatch.screening.features import add_features


def test_a_tariff_line_is_judged_by_its_own_price_not_its_headings() -> None:
    # Two goods under one hs6 heading, ten times apart in price: the cheap one declared at a
    # third of its price is within the heading's wide spread but far below its own line's.
    dear = [decl(i, hs_code="7601100010", value=10000.0 + 50 * (i % 9)) for i in range(60)]
    cheap = [decl(100 + i, hs_code="7601100090", value=1000.0 + 5 * (i % 9)) for i in range(60)]
    odd = decl(300, hs_code="7601100090", value=330.0)
    lines = add_features(typed("declarations", [*dear, *cheap, odd]))
    assert lines.filter(pl.col("declaration_id") == "D0300")["unit_value_z"].item() < -3.5


def test_a_parcel_is_not_judged_by_freight_packing() -> None:
    freight = [decl(i, gross_weight_kg=1010.0 + (i % 5)) for i in range(60)]
    parcels = [
        decl(100 + i, mode="post", net_weight_kg=2.0, quantity=2.0, value=5.0, gross_weight_kg=2.6)
        for i in range(40)
    ]
    lines = add_features(typed("declarations", [*freight, *parcels]))
    assert lines.filter(pl.col("mode") == "post")["gross_net_z"].abs().max() < 1.0  # type: ignore[operator]
