from datetime import date

import polars as pl
import pytest

from orewatch.trade.passthrough import PASS_SCHEMA, pass_through

CONTROLS = pl.DataFrame({"hs6": ["811292", "811010"], "control_date": [date(2024, 1, 1)] * 2})


def _series(rows: list[tuple[str, str, str, float]]) -> pl.DataFrame:
    """country, hs6, period (YYYY-MM), value -> a monthly series with period bounds."""
    return (
        pl.DataFrame(rows, schema=["country", "hs6", "period", "value_usd"], orient="row")
        .with_columns(
            pl.lit("month").alias("grain"),
            (pl.col("period") + "-01").str.to_date().alias("start"),
        )
        .with_columns(pl.col("start").dt.month_end().alias("end"))
        .drop("period")
    )


def _panel() -> tuple[pl.DataFrame, pl.DataFrame]:
    """Hub HK always sends on 30% of its 811292 imports; TH sent on 5% and, after the
    control, sends on 90%; SG, VN and MY send on 5-10% throughout."""
    inbound, onward = [], []
    share = {"HK": (0.3, 0.3), "TH": (0.05, 0.9), "SG": (0.05, 0.05), "VN": (0.1, 0.1)}
    share["MY"] = (0.08, 0.07)
    for country, (before, after) in share.items():
        for year in (2023, 2024):
            for month in range(1, 13):
                period = f"{year}-{month:02d}"
                inbound.append((country, "811292", period, 1000.0))
                onward.append(
                    (country, "811292", period, 1000.0 * (after if year == 2024 else before))
                )
    return _series(inbound), _series(onward)


def test_a_new_conduit_has_a_high_z_and_an_entrepot_does_not() -> None:
    inbound, onward = _panel()
    shares = pass_through(inbound, onward, CONTROLS).sort("z", descending=True)
    assert shares.columns == list(PASS_SCHEMA)
    top = shares.row(0, named=True)
    assert top["country"] == "TH"
    assert top["baseline"] == pytest.approx(0.05, abs=0.02)  # its own pre-control share
    # 900 of 1000 a month sent on for 12 months, plus one typical month at the baseline
    assert top["share_after"] == pytest.approx((12 * 900 + 1000 * top["baseline"]) / 13_000)
    assert top["z"] > 3
    hk = shares.filter(pl.col("country") == "HK").row(0, named=True)
    assert hk["excess"] == pytest.approx(0.0, abs=0.01)  # the hub's usual share
    assert abs(hk["z"]) < 1.5


def test_without_its_own_history_the_baseline_is_the_country_pooled_share() -> None:
    inbound, onward = _panel()
    # HK starts trading 811010 only after the control, passing on its usual 30%
    new = [("HK", "811010", f"2024-{m:02d}", 1000.0) for m in range(1, 13)]
    sent = [("HK", "811010", f"2024-{m:02d}", 300.0) for m in range(1, 13)]
    shares = pass_through(
        pl.concat([inbound, _series(new)]), pl.concat([onward, _series(sent)]), CONTROLS
    )
    row = shares.filter(pl.col("hs6") == "811010").row(0, named=True)
    assert row["baseline"] == pytest.approx(0.3, abs=0.02)  # one period of prior weight
    assert abs(row["z"]) < 1.5


def test_no_imports_after_means_no_share_and_no_evidence() -> None:
    inbound, onward = _panel()
    inbound = inbound.filter((pl.col("country") != "VN") | (pl.col("start") < date(2024, 1, 1)))
    vn = (
        pass_through(inbound, onward, CONTROLS).filter(pl.col("country") == "VN").row(0, named=True)
    )
    assert vn["share_after"] is None and vn["z"] == 0.0


def test_nothing_in_nothing_out() -> None:
    empty = _series([])
    assert pass_through(empty, empty, CONTROLS).is_empty()
