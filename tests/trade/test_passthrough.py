from datetime import date

import numpy as np
import polars as pl
import pytest

from orewatch.trade.passthrough import PASS_SCHEMA, dispersion, pass_through

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


def _lumpy(
    rng: np.random.Generator, country: str, per_month: float, size: float
) -> list[tuple[str, str, str, float]]:
    """Monthly imports of consignments of ``size`` USD arriving at random (Poisson)."""
    return [
        (country, "811292", period, size * rng.poisson(per_month))
        for period in [f"{y}-{m:02d}" for y in (2023, 2024) for m in range(1, 13)]
    ]


def test_dispersion_is_the_size_of_a_consignment() -> None:
    rng = np.random.default_rng(7)
    rows = [r for i in range(30) for r in _lumpy(rng, f"C{i}", 3.0, 5000.0)]
    phi = dispersion(_series(rows), CONTROLS).row(0, named=True)
    # compound Poisson: variance / mean = E[size^2] / E[size] = 5000 for equal sizes
    assert phi["hs6"] == "811292"
    assert phi["phi"] == pytest.approx(5000.0, rel=0.25)


def _flows(
    before: float, after: float, consignments: float, size: float
) -> list[tuple[str, float, float]]:
    """(country, period, imports, onward) rows: ``consignments`` a month of ``size``,
    a share ``before``/``after`` of them sent on, exactly (no noise to blame)."""
    out = []
    for year in (2023, 2024):
        share = after if year == 2024 else before
        for month in range(1, 13):
            out.append((f"{year}-{month:02d}", consignments * size, share * consignments * size))
    return out


def test_a_few_points_more_of_a_large_flow_count_and_of_a_trickle_do_not() -> None:
    rng = np.random.default_rng(3)
    steady = [r for i in range(20) for r in _lumpy(rng, f"C{i}", 3.0, 1000.0)]
    inbound = _series(steady)
    onward = inbound.with_columns(pl.col("value_usd") * 0.05)  # everyone sends on 5%
    # BIG imports 100 consignments a month and sends on 5%, then 10%; SMALL imports
    # one consignment every few months and makes the same change
    for country, per_month in (("BIG", 100.0), ("SMALL", 0.3)):
        rows = _flows(0.05, 0.10, per_month, 1000.0)
        inbound = pl.concat([inbound, _series([(country, "811292", p, i) for p, i, _ in rows])])
        onward = pl.concat([onward, _series([(country, "811292", p, o) for p, _, o in rows])])
    z = dict(pass_through(inbound, onward, CONTROLS).select("country", "z").iter_rows())
    assert z["BIG"] > 3  # 60 more consignments sent on than 60 expected
    assert abs(z["SMALL"]) < 1.5  # half a consignment more: nothing to judge by
    assert sorted(z, key=z.__getitem__)[-1] == "BIG"


def test_tiny_imports_show_the_baseline_and_little_evidence() -> None:
    rng = np.random.default_rng(5)
    background = _series([r for i in range(20) for r in _lumpy(rng, f"C{i}", 3.0, 1000.0)])
    # TINY imports 3000 a month before the control and sends on 5%; after it, its
    # recorded imports are 10 USD in all, yet it reports 5000 USD of onward exports
    rows = _flows(0.05, 0.0, 3.0, 1000.0)
    tiny_in = [("TINY", "811292", p, i if p < "2024" else 10.0 / 12) for p, i, _ in rows]
    tiny_on = [("TINY", "811292", p, o if p < "2024" else 5000.0 / 12) for p, _, o in rows]
    inbound = pl.concat([background, _series(tiny_in)])
    onward = pl.concat([background.with_columns(pl.col("value_usd") * 0.05), _series(tiny_on)])
    tiny = (
        pass_through(inbound, onward, CONTROLS)
        .filter(pl.col("country") == "TINY")
        .row(0, named=True)
    )
    assert tiny["inbound_after"] == pytest.approx(10.0)
    # not a share of 3 (the cap): shrunk towards its usual 5% by a month of imports
    assert tiny["share_after"] == pytest.approx(tiny["baseline"], abs=0.03)
    assert tiny["baseline"] == pytest.approx(0.05, abs=0.01)
    # a hundredth of a consignment cannot supply 5000 USD of onward trade: not judged
    assert tiny["z"] == 0.0


def test_statistics_that_start_after_the_control_are_not_zeros_before_it() -> None:
    rng = np.random.default_rng(11)
    background = _series([r for i in range(20) for r in _lumpy(rng, f"C{i}", 3.0, 1000.0)])
    # NEW imports steadily; its onward figures exist only from the control on (40%)
    rows = _flows(0.0, 0.4, 3.0, 1000.0)
    inbound = pl.concat([background, _series([("NEW", "811292", p, i) for p, i, _ in rows])])
    onward = pl.concat(
        [
            background.with_columns(pl.col("value_usd") * 0.05),
            _series([("NEW", "811292", p, o) for p, _, o in rows if p >= "2024"]),
        ]
    )
    coverage = pl.DataFrame(
        {"country": ["NEW"], "grain": ["month"], "first_end": [date(2024, 1, 31)]}
    )
    naive = pass_through(inbound, onward, CONTROLS).filter(pl.col("country") == "NEW")
    honest = pass_through(inbound, onward, CONTROLS, coverage).filter(pl.col("country") == "NEW")
    assert naive["z"][0] > 3  # read as zeros before, 40% after looks like a new conduit
    assert honest["z"][0] == 0.0  # its statistics start with the control: nothing to compare
