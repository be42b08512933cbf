"""Norms per tariff line and per packing."""

from collections.abc import Callable, Mapping, Sequence

import polars as pl

from orewatch.screening.features import add_features

Build = Callable[[Sequence[Mapping[str, object]]], pl.DataFrame]


def test_a_tariff_line_is_judged_by_its_own_price_not_its_headings(declarations: Build) -> None:
    # Two goods under one hs6 heading, ten times apart in price: the cheap one declared at a
    # third of its price is within the heading's wide spread but far below its own line's.
    dear = [{"hs_code": "7601100010", "value": 10000.0 + 50 * (i % 9)} for i in range(60)]
    cheap = [{"hs_code": "7601100090", "value": 1000.0 + 5 * (i % 9)} for i in range(60)]
    odd = {"hs_code": "7601100090", "value": 330.0}
    lines = add_features(declarations([*dear, *cheap, odd]))
    assert lines["unit_value_z"][-1] < -3.5


def test_a_parcel_is_not_judged_by_freight_packing(declarations: Build) -> None:
    freight = [{"gross_weight_kg": 1010.0 + (i % 5)} for i in range(60)]
    parcel = {"mode": "post", "net_weight_kg": 2.0, "quantity": 2.0, "gross_weight_kg": 2.6}
    lines = add_features(declarations([*freight, *[parcel] * 40]))
    parcels = lines.filter(pl.col("mode") == "post")["gross_net_z"]
    assert parcels.abs().max() < 1.0  # type: ignore[operator]
