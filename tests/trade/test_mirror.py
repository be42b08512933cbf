from collections.abc import Callable

import polars as pl

from orewatch.trade.mirror import mirror_gaps, mirror_pairs, unmatched_imports
from orewatch.trade.periods import with_bounds

#: builds a trade_stats frame from (reporter, partner, flow, hs, period, usd) rows
Maker = Callable[..., pl.DataFrame]

PARTNERS = ["JP", "KR", "DE", "NL", "BE", "US", "GB", "FR", "IT", "IN"]


def _panel(trade_frame: Maker, gap_country: str, gap_factor: float) -> pl.DataFrame:
    rows = []
    for k, partner in enumerate(PARTNERS):
        for m in range(1, 13):
            period = f"2024-{m:02d}"
            sent = 10_000.0 * (k + 1)
            cif = 1.05 + 0.01 * ((m + k) % 5)  # freight and insurance, 5-9%
            factor = gap_factor if partner == gap_country and m >= 7 else 1.0
            rows += [
                ("CN", partner, "export", "250410", period, sent),
                (partner, "CN", "import", "250410", period, sent * cif * factor),
            ]
    return with_bounds(trade_frame(rows))


def test_windows_are_quarters_for_monthly_data(trade_frame: Maker) -> None:
    pairs = mirror_pairs(_panel(trade_frame, "JP", 1.0)).filter(pl.col("measure") == "value_usd")
    assert pairs.height == len(PARTNERS) * 4
    jp_q1 = pairs.filter((pl.col("country") == "JP") & (pl.col("window").dt.month() == 1))
    assert jp_q1["exported"].to_list() == [30_000.0]


def test_only_the_partner_reporting_far_more_than_china_sent_is_a_gap(trade_frame: Maker) -> None:
    gaps = mirror_gaps(_panel(trade_frame, "KR", 3.0))
    assert set(gaps["country"]) == {"KR"}
    assert set(gaps["window"].dt.month()) == {7, 10}
    assert gaps["ratio"].min() > 3.0  # type: ignore[operator]


def test_cif_noise_alone_is_no_gap(trade_frame: Maker) -> None:
    assert mirror_gaps(_panel(trade_frame, "KR", 1.0)).is_empty()


def test_imports_china_never_reported_are_listed_apart(trade_frame: Maker) -> None:
    panel = with_bounds(trade_frame([("VN", "CN", "import", "811292", "2024-03", 500.0)]))
    found = unmatched_imports(panel).filter(pl.col("measure") == "value_usd")
    assert found.select("country", "hs6", "imported").row(0) == ("VN", "811292", 500.0)
