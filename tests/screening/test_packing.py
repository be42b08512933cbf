"""Packing words learned from gross weights: drum lots judged against drum lots."""

from collections.abc import Callable, Mapping, Sequence

import polars as pl

from orewatch.screening.detectors.concealment import concealment_signals
from orewatch.screening.features import add_features, fit_baselines, raw_features

Build = Callable[[Sequence[Mapping[str, object]]], pl.DataFrame]

GOODS = (
    ("7601100000", "铝锭 aluminium ingot"),
    ("7901111000", "锌锭 zinc ingot"),
    ("7801100000", "铅锭 lead ingot"),
)
GROSS_NET_CODES = {"GROSS_NET_ODD", "GROSS_NET_FAR", "GROSS_NET_SURPLUS"}


def _lot(i: int, over_net: float, specification: str) -> dict[str, object]:
    """A 20 t lot of one of three ordinary metals from one of twelve exporters."""
    hs_code, description = GOODS[i % 3]
    return {
        "exporter_id": f"91110000EXPORT{i % 12:04d}",
        "hs_code": hs_code,
        "description": description,
        "specification": specification,
        "net_weight_kg": 20000.0,
        "quantity": 20000.0,
        "gross_weight_kg": 20000.0 * over_net,
        "value": 50000.0,
    }


def _trade(drums: str = "99.7%; steel drums") -> list[dict[str, object]]:
    """900 lots on pallets at 8-10 % over net and 150 in drums at 25-30 % (``drums``:
    what the drum lots' specification says), then a pallet lot at 20 % over net (a
    hidden surplus) and a drum lot at 60 % (more than any drum)."""
    pallets = [_lot(i, 1.08 + 0.004 * (i % 6), "99.7%") for i in range(900)]
    drummed = [_lot(i, 1.25 + 0.01 * (i % 6), drums) for i in range(150)]
    return [*pallets, *drummed, _lot(0, 1.20, "99.7%"), _lot(1, 1.60, drums)]


def _gross_net_codes(declarations: pl.DataFrame) -> dict[int, set[str]]:
    lines = add_features(declarations).with_columns(
        pl.lit(False).alias("controlled"), pl.lit([], pl.List(pl.String)).alias("named_elements")
    )
    found: dict[int, set[str]] = {}
    signals = concealment_signals(lines, None).collect()
    for idx, code in signals.select("_idx", "code").iter_rows():
        if code in GROSS_NET_CODES:
            found.setdefault(idx, set()).add(code)
    return found


def test_a_word_whose_lines_weigh_heavy_across_exporters_and_goods_is_a_packing(
    declarations: Build,
) -> None:
    """Both words of "steel drums" are on every drum lot and on no other; "99.7%", on
    every lot, is not."""
    baselines = fit_baselines(raw_features(declarations(_trade())))
    assert baselines.packing_words == ("drums", "steel")


def test_drum_lots_are_judged_against_drum_lots(declarations: Build) -> None:
    """The 150 drum lots raise no gross-weight code; the pallet lot with a fifth over net
    and the drum lot with three fifths still do."""
    found = _gross_net_codes(declarations(_trade()))
    assert not any(found.get(i) for i in range(900, 1050))
    assert found.get(1050)
    assert found.get(1051)


def test_drum_lots_that_do_not_say_so_are_all_heavy(declarations: Build) -> None:
    """Without the word nothing explains the drums' weight: each is far over its goods."""
    found = _gross_net_codes(declarations(_trade(drums="99.7%")))
    assert all(found.get(i) for i in range(900, 1050))
