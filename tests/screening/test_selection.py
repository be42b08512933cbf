import polars as pl
import pytest

from orewatch.screening.selection import Capacity, assign_channels


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


def test_random_share_is_deterministic_by_seed() -> None:
    a = assign_channels(scored(500), Capacity(random=0.02, seed=3))
    b = assign_channels(scored(500), Capacity(random=0.02, seed=3))
    assert a.equals(b)


def test_impossible_capacity_is_refused() -> None:
    with pytest.raises(ValueError):
        Capacity(red=0.01, random=0.05)
