"""An exporter's goods whose lines raise reasons again and again (``LANE_OFTEN_FLAGGED``)."""

from __future__ import annotations

import polars as pl

from orewatch.screening.detectors.flagged_lanes import CODE, FlaggedLanes

RING = "91110000RING000001"
HONEST = "91110000HONEST0001"
ONE_OFF = "91110000ONEOFF0001"


def _lane(
    exporter: str, hs_code: str, flagged: list[int], lines: int, declarations: int
) -> list[dict[str, object]]:
    """``lines`` lines spread over ``declarations`` declarations; those at ``flagged``
    positions score 30 on the rules (a PRICED_LIKE_CONTROLLED), the rest nothing."""
    return [
        {
            "exporter_id": exporter,
            "hs_code": hs_code,
            "declaration_id": f"{exporter}-{i % declarations}",
            "rule_score": 30.0 if i in flagged else 0.0,
        }
        for i in range(lines)
    ]


def _history() -> pl.DataFrame:
    rows = (
        # A ring's cover: 4 of its 12 lots of silica priced like gallium, 4 declarations.
        _lane(RING, "2811229000", [0, 3, 6, 9], 12, 12)
        # An honest exporter: 3 odd lots in 100 of alumina.
        + _lane(HONEST, "2818200000", [5, 50, 95], 100, 100)
        # One declaration whose 4 lines of 5 are all flagged: one odd shipment.
        + _lane(ONE_OFF, "7616999000", [0, 1, 2, 3], 5, 1)
        # Plenty of quiet lines, so that 2 % of lines is more than the flagged ones.
        + _lane("91110000QUIET00001", "2530909999", [], 500, 100)
    )
    return pl.DataFrame(rows).with_row_index("_idx")


WEIGHTS = pl.DataFrame({"code": ["PRICED_LIKE_CONTROLLED"], "weight": [30.0]})


def _signals(lines: pl.DataFrame) -> pl.DataFrame:
    return lines.filter(pl.col("rule_score") > 0).select(
        pl.col("_idx").cast(pl.UInt32),
        pl.lit("PRICED_LIKE_CONTROLLED").alias("code"),
        pl.lit("").alias("evidence"),
    )


def _fitted(history: pl.DataFrame) -> FlaggedLanes:
    return FlaggedLanes.fit(history, _signals(history), WEIGHTS)


def test_a_lane_whose_lots_are_often_flagged_flags_its_quiet_lots_too() -> None:
    """The ring's eight quiet lots raise the code (its four loud ones have their own
    reasons), saying how many of the lane's lines raised reasons and which; the honest
    exporter's three odd lots in a hundred and the one odd shipment make no lane."""
    history = _history()
    lanes = _fitted(history)
    assert lanes.lanes["exporter_id"].to_list() == [RING]
    signals = lanes.signals(history, _signals(history)).collect()
    assert set(signals["code"]) == {CODE}
    assert sorted(signals["_idx"].to_list()) == [1, 2, 4, 5, 7, 8, 10, 11]
    assert signals["evidence"][0] == (
        "4 of this exporter's 12 lines of 2811229000 raised reasons of their own, "
        "in 4 declarations; most often PRICED_LIKE_CONTROLLED"
    )


def test_a_new_lot_in_a_flagged_lane_is_flagged_at_the_door() -> None:
    """The door judges new lines by the fitted lanes: the ring's next quiet lot of silica
    is flagged; a loud one has its own reasons; the same goods from another exporter, or
    other goods of the ring, are not."""
    lanes = _fitted(_history())
    new = pl.DataFrame(
        {
            "_idx": [0, 1, 2, 3],
            "exporter_id": [RING, HONEST, RING, RING],
            "hs_code": ["2811229000", "2811229000", "2818200000", "2811229000"],
            "rule_score": [0.0, 0.0, 0.0, 30.0],
        },
        schema_overrides={"_idx": pl.UInt32},
    )
    assert lanes.signals(new, _signals(new)).collect()["_idx"].to_list() == [0]


def test_a_dataset_with_no_reasons_has_no_flagged_lanes() -> None:
    history = _history().with_columns(pl.lit(0.0).alias("rule_score"))
    lanes = _fitted(history)
    assert lanes.lanes.is_empty()
    assert lanes.signals(history, _signals(history)).collect().is_empty()
