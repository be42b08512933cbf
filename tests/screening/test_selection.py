import datetime as dt

import polars as pl
import pytest

from orewatch.screening.selection import NO_REASON, ONLY_NOTED, Capacity, assign_channels


def scored(n: int) -> pl.DataFrame:
    return pl.DataFrame(
        {"_idx": pl.Series(range(n), dtype=pl.UInt32), "score": [float(n - i) for i in range(n)]}
    )


def test_capacity_is_respected_and_top_scores_go_red() -> None:
    out = assign_channels(scored(1000), Capacity(red=0.05, yellow=0.10, random=0.01, seed=1))
    counts = dict(out["channel"].value_counts().iter_rows())
    assert counts["red"] == 50
    assert counts["yellow"] == 100
    ranked_red = out.filter(
        (pl.col("channel") == "red") & pl.col("channel_reason").str.starts_with("risk rank")
    )
    assert ranked_red["_idx"].max() == 39  # the 40 best scores
    assert out.filter(pl.col("channel_reason") == "random control sample").height == 10


def test_zero_scores_are_never_selected_on_risk() -> None:
    frame = pl.DataFrame({"_idx": pl.Series(range(100), dtype=pl.UInt32), "score": [0.0] * 100})
    out = assign_channels(frame, Capacity(red=0.1, yellow=0.1, random=0.0))
    assert set(out["channel"]) == {"green"}


def test_a_line_that_raised_no_reason_is_not_checked_on_risk() -> None:
    """Capacity is a ceiling: the second-best score raised nothing, so it stays green and
    says so, while the lines below it that did raise a reason fill the checks."""
    frame = scored(10).with_columns(
        pl.Series("reasons", ["LIC_MISSING", "", *["UNIT_VALUE_LOW"] * 4, *[""] * 4])
    )
    out = assign_channels(frame, Capacity(red=0.2, yellow=0.3, random=0.0))
    channels = dict(zip(out["_idx"], out["channel"], strict=True))
    assert [channels[i] for i in range(6)] == ["red", "green", "red", "yellow", "yellow", "yellow"]
    assert out.filter(pl.col("_idx") == 1)["channel_reason"].item() == NO_REASON
    assert set(out.filter(pl.col("_idx") >= 6)["channel"]) == {"green"}


def test_random_share_is_deterministic_by_seed() -> None:
    a = assign_channels(scored(500), Capacity(random=0.02, seed=3))
    b = assign_channels(scored(500), Capacity(random=0.02, seed=3))
    assert a.equals(b)


def test_impossible_capacity_is_refused() -> None:
    with pytest.raises(ValueError):
        Capacity(red=0.01, random=0.05)


def port_days(scores: dict[tuple[str, str], list[float]]) -> pl.DataFrame:
    """Lines with scores at given (port, day)s, numbered in order."""
    rows = [
        (port, dt.datetime.fromisoformat(day) + dt.timedelta(minutes=i), score)
        for (port, day), values in scores.items()
        for i, score in enumerate(values)
    ]
    return pl.DataFrame(
        {
            "_idx": pl.Series(range(len(rows)), dtype=pl.UInt32),
            "port": [r[0] for r in rows],
            "declared_at": [r[1] for r in rows],
            "score": [r[2] for r in rows],
        }
    )


def test_per_port_day_capacity_picks_each_ports_riskiest_lines() -> None:
    frame = port_days(
        {
            ("CNSZX", "2025-03-01"): [9.0, 8.0, 7.0, 6.0, 5.0],
            ("CNSHA", "2025-03-01"): [1.0, 0.5, 0.0],
            ("CNSZX", "2025-03-02"): [0.2],
        }
    )
    capacity = Capacity(random=0.0, red_per_port_day=2, yellow_per_port_day=1)
    out = assign_channels(frame, capacity).sort("_idx")
    assert out["channel"].to_list() == [
        *["red", "red", "yellow", "green", "green"],
        *["red", "red", "green"],
        "red",
    ]
    first = out.row(0, named=True)["channel_reason"]
    assert first == (
        "risk rank 1 of 5 lines at CNSZX on 2025-03-01 within red capacity 2 per port per day"
    )


def test_random_picks_use_their_port_days_red_capacity() -> None:
    frame = port_days({("CNSZX", "2025-03-01"): [float(100 - i) for i in range(100)]})
    capacity = Capacity(random=0.02, red_per_port_day=3, yellow_per_port_day=0, seed=4)
    out = assign_channels(frame, capacity)
    reasons = out.filter(pl.col("channel") == "red")["channel_reason"].to_list()
    assert len(reasons) == 3
    assert reasons.count("random control sample") == 2


def test_per_port_day_capacity_needs_both_numbers() -> None:
    with pytest.raises(ValueError):
        Capacity(red_per_port_day=5)


def test_a_line_with_only_context_noted_says_so() -> None:
    """A line whose codes were all only noted is green like one that raised nothing, but
    its channel reason tells the analyst that something was seen and judged not worth it."""
    frame = scored(4).with_columns(
        pl.Series("reasons", ["LIC_MISSING", "", "", ""]),
        pl.Series("noted", ["", "WATCHLISTED_ORDINARY_GOODS", "", None]),
    )
    out = assign_channels(frame, Capacity(red=0.5, yellow=0.5, random=0.0))
    why = dict(zip(out["_idx"], out["channel_reason"], strict=True))
    assert out["channel"].to_list()[1:] == ["green"] * 3
    assert (why[1], why[2], why[3]) == (ONLY_NOTED, NO_REASON, NO_REASON)
