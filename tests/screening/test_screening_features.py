"""Norms per tariff line and per packing."""

import math
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime

import polars as pl

from orewatch.screening.features import (
    add_features,
    apply_baselines,
    currency_offsets,
    fit_baselines,
    raw_features,
)

Build = Callable[[Sequence[Mapping[str, object]]], pl.DataFrame]


def test_a_tariff_line_is_judged_by_its_own_price_not_its_headings(declarations: Build) -> None:
    # Two goods under one hs6 heading, ten times apart in price: the cheap one declared at a
    # third of its price is within the heading's wide spread but far below its own line's.
    dear = [{"hs_code": "7601100010", "value": 10000.0 + 50 * (i % 9)} for i in range(60)]
    cheap = [{"hs_code": "7601100090", "value": 1000.0 + 5 * (i % 9)} for i in range(60)]
    odd = {"hs_code": "7601100090", "value": 330.0}
    lines = add_features(declarations([*dear, *cheap, odd]))
    assert lines["unit_value_z"][-1] < -3.5


def test_six_digit_goods_are_judged_by_what_their_words_name(declarations: Build) -> None:
    # A dataset declaring six-digit codes: every rare-earth oxide under 284690, terbium
    # oxide priced a hundred times cerium oxide. Terbium oxide at a tenth of its price is
    # inside the heading's spread but far below the terbium oxide lines' own norm.
    rows = [
        {"hs_code": "284690", "description": words, "value": price * (1 + 0.004 * (i % 9))}
        for words, price in (("氧化铽", 9000.0), ("氧化铈", 90.0))
        for i in range(40)
    ]
    odd = {"hs_code": "284690", "description": "氧化铽", "value": 900.0}
    lines = add_features(declarations([*rows, odd]))
    assert lines["goods"][-1] == "284690:terbium"
    assert lines["unit_value_z"][-1] < -3.5
    # Lines naming no controlled element keep the tariff line's norm.
    plain = add_features(declarations([{"description": "铝锭"}] * 40))
    assert plain["goods"].is_null().all()


def test_a_small_tariff_line_borrows_the_datasets_spread(declarations: Build) -> None:
    # A small dataset: five goods in five chapters, 20 lines each, too few for a spread of
    # their own (30). A line at a third of its goods' price had no unit-value z at all
    # (a twentieth of a world: undervaluation recall at 5 % 0.30).
    codes = ("2825600002", "3801909010", "7601100010", "8112921090", "2504101000")
    rows = [
        {"hs_code": code, "value": 100.0 * (k + 1) * (1 + 0.01 * (i % 5))}
        for k, code in enumerate(codes)
        for i in range(20)
    ]
    odd = {"hs_code": codes[2], "value": 100.0}
    lines = add_features(declarations([*rows, odd]))
    assert lines["unit_value_z"][-1] < -3.5
    assert lines["unit_value_z"][:-1].abs().max() < 3  # type: ignore[operator]


def test_a_parcel_is_not_judged_by_freight_packing(declarations: Build) -> None:
    freight = [{"gross_weight_kg": 1010.0 + (i % 5)} for i in range(60)]
    parcel = {"mode": "post", "net_weight_kg": 2.0, "quantity": 2.0, "gross_weight_kg": 2.6}
    lines = add_features(declarations([*freight, *[parcel] * 40]))
    parcels = lines.filter(pl.col("mode") == "post")["gross_net_z"]
    assert parcels.abs().max() < 1.0  # type: ignore[operator]


def test_a_value_is_judged_against_its_own_month_when_prices_move(declarations: Build) -> None:
    # The price doubles mid-year; a December line at the January price is half the going
    # rate, which a norm over the whole year (half its lines at each price) cannot see.
    rows = [
        {
            "declared_at": datetime(2025, month, 1 + i),
            "value": (1000.0 if month <= 6 else 2000.0) + i,
        }
        for month in range(1, 13)
        for i in range(10)
    ]
    lines = add_features(
        declarations([*rows, {"declared_at": datetime(2025, 12, 20), "value": 1000.0}])
    )
    assert lines["unit_value_z"][-1] < -5
    assert lines["unit_value_z"][:-1].abs().max() < 2  # type: ignore[operator]


def test_one_join_per_key_set_reads_each_lines_first_level_with_stats(
    declarations: Build,
) -> None:
    # November has too few lines for a centre of its own (its quarter has one), and 2026
    # has neither: the month, the quarter and the whole period each speak for a line.
    rows = [
        {"declared_at": datetime(2025, month, 1 + i), "value": 1000.0 * (1 + month / 12) + i}
        for month in range(1, 13)
        for i in range(5 if month == 11 else 10)
    ]
    baselines = fit_baselines(raw_features(declarations(rows)))
    days = [datetime(2025, 6, 15), datetime(2025, 11, 15), datetime(2026, 2, 1)]
    new = raw_features(declarations([{"declared_at": d, "value": 1500.0} for d in days]))
    level_by_level = new
    for i, stats in enumerate(baselines.local_unit_value):
        keys = [c for c in stats.columns if c not in ("median", "spread")]
        level_by_level = level_by_level.join(
            stats.rename({"median": f"m{i}", "spread": f"s{i}"}), on=keys, how="left"
        )
    expected = level_by_level.sort("_idx").select(
        pl.coalesce(
            (pl.col("log_unit_value") - pl.col(f"m{i}")) / pl.col(f"s{i}")
            for i in range(len(baselines.local_unit_value))
        )
    )
    got = apply_baselines(new, baselines)["unit_value_z"]
    assert got.to_list() == expected.to_series().to_list()
    assert len(set(got.to_list())) == 3  # three levels, three norms


def test_currencies_are_put_on_one_scale_by_the_goods_quoted_in_both(declarations: Build) -> None:
    # Five tariff lines quoted in USD (many lines) and EUR (a few, at 0.9 of the USD
    # figure): the implied offset is log 0.9, and a EUR line at a third of the price is
    # found by the USD norms although EUR alone has too few lines for a norm of its own.
    rows = [
        {"hs_code": f"760110{k:04d}", "value": 1000.0 * (k + 1) + i, "currency": currency}
        for k in range(5)
        for currency, n in (("USD", 40), ("EUR", 4))
        for i in range(n)
    ]
    rows = [{**r, "value": r["value"] * 0.9} if r["currency"] == "EUR" else r for r in rows]
    cheap = {"hs_code": "7601100000", "value": 300.0, "currency": "EUR"}
    raw = raw_features(declarations([*rows, cheap]))
    offsets = dict(currency_offsets(raw).iter_rows())
    assert offsets["USD"] == 0.0
    assert abs(offsets["EUR"] - math.log(0.9)) < 0.01
    assert add_features(declarations([*rows, cheap]))["unit_value_z"][-1] < -5


def test_one_unit_spelled_differently_shares_one_piece_weight_norm(declarations: Build) -> None:
    spellings = ["pcs", "PCS ", " Pcs"]
    rows = [
        {
            "hs_code": "3926909090",
            "unit": spellings[i % 3],
            "quantity": 100.0,
            "net_weight_kg": 10.0 + 0.1 * (i % 7),
            "gross_weight_kg": 11.0 + 0.1 * (i % 7),
        }
        for i in range(60)
    ]
    heavy = {**rows[0], "unit": "PCS", "net_weight_kg": 200.0, "gross_weight_kg": 210.0}
    lines = add_features(declarations([*rows, heavy]))
    assert lines["unit"].unique().to_list() == ["pcs"]
    assert lines["piece_z"][:60].abs().max() < 3.5
    assert lines["piece_z"][60] > 3.5
