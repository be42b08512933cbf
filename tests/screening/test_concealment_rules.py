"""Concealment rules on hand-made lines: packing and lot sizes that do not fit the goods."""

from collections.abc import Callable, Mapping, Sequence

import polars as pl
import pytest

from orewatch.controls.catalogue import load_catalogue
from orewatch.screening.detectors.concealment import concealment_signals
from orewatch.screening.features import add_features
from orewatch.screening.prior import Prior

Build = Callable[[Sequence[Mapping[str, object]]], pl.DataFrame]


def codes(declarations: pl.DataFrame) -> dict[int, set[str]]:
    lines = add_features(declarations).with_columns(
        pl.lit(False).alias("controlled"), pl.lit([], pl.List(pl.String)).alias("named_elements")
    )
    found: dict[int, set[str]] = {}
    for idx, code in concealment_signals(lines, None).collect().select("_idx", "code").iter_rows():
        found.setdefault(idx, set()).add(code)
    return found


def lots(n: int = 60) -> list[dict[str, object]]:
    """Ordinary 20 t lots on pallets, packed at 8-10 % over net."""
    return [
        {
            "net_weight_kg": 20000.0 + 500 * (i % 7),
            "quantity": 20000.0 + 500 * (i % 7),
            "gross_weight_kg": (20000.0 + 500 * (i % 7)) * (1.08 + 0.004 * (i % 6)),
            "value": 2.5 * (20000.0 + 500 * (i % 7)),
        }
        for i in range(n)
    ]


def test_a_lot_packed_lighter_than_its_goods_ever_are_is_flagged(declarations: Build) -> None:
    # 1 % over net: drums of a dense metal, not pallets of the declared goods.
    light = {"net_weight_kg": 20000.0, "quantity": 20000.0, "gross_weight_kg": 20200.0}
    found = codes(declarations([*lots(), {**light, "value": 50000.0}]))
    assert "GROSS_NET_LOW" in found[60]
    assert not any("GROSS_NET_LOW" in found.get(i, set()) for i in range(60))


def test_a_freight_lot_far_smaller_than_its_goods_ship_in_is_flagged(
    declarations: Build,
) -> None:
    small = {"net_weight_kg": 80.0, "quantity": 80.0, "gross_weight_kg": 86.5, "value": 200.0}
    parcel = {**small, "mode": "express"}
    found = codes(declarations([*lots(), small, parcel]))
    assert "LOT_SMALL_FOR_GOODS" in found[60]
    assert "LOT_SMALL_FOR_GOODS" not in found.get(61, set())  # parcels have their own rules
    assert not any("LOT_SMALL_FOR_GOODS" in found.get(i, set()) for i in range(60))


def test_one_line_of_goods_the_exporter_seldom_trades_stands_out_in_its_declaration(
    declarations: Build,
) -> None:
    # 60 one-line declarations of aluminium make the exporter's trade; then a two-line
    # declaration where a pigment rides beside aluminium, and one of aluminium alone.
    trade = [{"declaration_id": f"T{i}"} for i in range(60)]
    mixed = [
        {"declaration_id": "MIX", "line_no": 1},
        {"declaration_id": "MIX", "line_no": 2, "hs_code": "3206111000", "description": "钛白粉"},
    ]
    plain = [{"declaration_id": "PLAIN", "line_no": n} for n in (1, 2)]
    found = codes(declarations([*trade, *mixed, *plain]))
    assert found.get(61) == {"ODD_LINE_IN_SHIPMENT", "ONE_OFF_LINE_IN_SHIPMENT"}  # once, too
    assert not any("ODD_LINE_IN_SHIPMENT" in found.get(i, set()) for i in (*range(61), 62, 63))


def test_the_only_line_of_its_goods_an_exporter_ever_declared_stands_out_in_a_shipment(
    declarations: Build,
) -> None:
    # Twelve aluminium declarations make the exporter's trade. A pigment rides once beside
    # aluminium (a one-off); a magnet recurs (a product line: two lines); a one-line
    # declaration of ceramic tiles is alone, not slipped into a shipment.
    trade = [{"declaration_id": f"T{i}"} for i in range(12)]
    beside = {"declaration_id": "MIX", "line_no": 1}
    pigment = {"declaration_id": "MIX", "line_no": 2, "hs_code": "3206111000"}
    magnets = [{"declaration_id": f"M{i}", "line_no": 2, "hs_code": "8505111000"} for i in (1, 2)]
    partners = [{"declaration_id": f"M{i}", "line_no": 1} for i in (1, 2)]
    tiles = {"declaration_id": "TILES", "hs_code": "6907210000"}
    rows = [*trade, beside, pigment, *magnets, *partners, tiles]
    found = codes(declarations(rows))
    flagged = {i for i, got in found.items() if "ONE_OFF_LINE_IN_SHIPMENT" in got}
    assert flagged == {rows.index(pigment)}


def test_a_one_off_line_needs_an_established_exporter(declarations: Build) -> None:
    # With five lines of history nothing is yet usual for the exporter.
    rows = [
        *({"declaration_id": f"T{i}"} for i in range(4)),
        {"declaration_id": "MIX", "line_no": 1},
        {"declaration_id": "MIX", "line_no": 2, "hs_code": "3206111000"},
    ]
    found = codes(declarations(rows))
    assert not any("ONE_OFF_LINE_IN_SHIPMENT" in got for got in found.values())


def codes_with_odd_lot(declarations: Build, n: int, gross: float) -> dict[int, set[str]]:
    """Codes of ``n`` ordinary lots and, as line ``n``, a 20 t lot weighing ``gross``."""
    odd = {"net_weight_kg": 20000.0, "quantity": 20000.0, "gross_weight_kg": gross}
    return codes(declarations([*lots(n), {**odd, "value": 50000.0}]))


@pytest.mark.parametrize(
    ("gross", "code"),
    [
        # 800 kg of something dense under a 20 t lot packed at 8-10 % over net: a z near
        # 3, beyond anything these pallets reach, short of GROSS_NET_ODD.
        (22600.0, "GROSS_NET_SURPLUS"),
        # 5 % over net where these pallets always weigh 8-10 % over: drums, not pallets.
        (21050.0, "GROSS_NET_SHORT"),
    ],
)
def test_a_small_gross_gap_counts_where_the_packing_noise_is_tight(
    declarations: Build, gross: float, code: str
) -> None:
    found = codes_with_odd_lot(declarations, 300, gross)
    assert found.get(300) == {code}
    assert not any(found.get(i) for i in range(300))


@pytest.mark.parametrize(
    ("gross", "code"),
    [(22130.0, "GROSS_NET_SURPLUS"), (21475.0, "GROSS_NET_SHORT")],  # z about +1.5 / -1.5
)
def test_a_mode_with_lines_enough_is_held_to_its_own_measured_reach(
    declarations: Build, gross: float, code: str
) -> None:
    # These pallets' z stays within 0.92 on 2,400 sea lines: a gap of 1.5 robust spreads
    # is beyond anything they reach. Measured on 300 lines the same gap is not judged
    # (too few lines to know the mode's 1-in-100 reach; the packing's cut of 2 holds).
    many = codes_with_odd_lot(declarations, 2400, gross)
    assert many.get(2400) == {code}
    assert not any(many.get(i) for i in range(2400))
    few = codes_with_odd_lot(declarations, 300, gross)
    assert not few.get(300)


def test_the_same_surplus_is_noise_where_packing_varies_widely(declarations: Build) -> None:
    # The same goods packed anywhere from 2 % to 20 % over net: 13 % says nothing.
    loose = [
        {**lot, "gross_weight_kg": 20000.0 * (1.02 + 0.02 * (i % 10)), "net_weight_kg": 20000.0}
        for i, lot in enumerate(lots(300))
    ]
    heavy = {"net_weight_kg": 20000.0, "quantity": 20000.0, "gross_weight_kg": 22600.0}
    found = codes(declarations([*loose, {**heavy, "value": 50000.0}]))
    assert "GROSS_NET_SURPLUS" not in found.get(300, set())


def test_a_parcel_declared_as_samples_is_flagged(declarations: Build) -> None:
    small = {"net_weight_kg": 3.0, "quantity": 3.0, "gross_weight_kg": 3.4, "value": 40.0}
    found = codes(
        declarations(
            [
                *lots(),
                {**small, "mode": "express", "description": "金属样品"},
                {**small, "mode": "post", "description": "Samples, no commercial value"},
                {**small, "mode": "express", "description": "cable sampler kit"},
                {**small, "mode": "express", "description": "塑料餐具"},
                {**lots(1)[0], "description": "样品"},  # freight: another rule's business
            ]
        )
    )
    assert "SAMPLES_BY_PARCEL" in found[60]
    assert "SAMPLES_BY_PARCEL" in found[61]
    assert not any("SAMPLES_BY_PARCEL" in found.get(i, set()) for i in (62, 63, 64))


#: Kilograms per phone case past the honest cases' spread (0.100-0.108 kg): over the cut
#: for heavy pieces (z 3.5), under twice it (found by trying 0.11-0.30).
PIECE_KG_HEAVIER = 0.17


def test_pieces_far_heavier_than_the_goods_pieces_are_flagged(declarations: Build) -> None:
    # Phone cases counted in pieces weigh about 0.1 kg each; one line's weigh 2 kg.
    cases = [
        {
            "hs_code": "3926909090",
            "unit": "pcs",
            "quantity": 1000.0 + 10 * i,
            "net_weight_kg": (1000.0 + 10 * i) * (0.1 + 0.002 * (i % 5)),
            "gross_weight_kg": (1000.0 + 10 * i) * 0.11,
            "value": 500.0,
        }
        for i in range(40)
    ]
    heavy = {**cases[0], "quantity": 50.0, "net_weight_kg": 100.0, "gross_weight_kg": 104.0}
    weighed = {**cases[0], "unit": "kg", "quantity": 100.0, "net_weight_kg": 100.0}
    # A little heavier than any honest line: past the cut, nowhere near twice it.
    heavier = {**cases[0], "quantity": 1000.0, "net_weight_kg": 1000.0 * PIECE_KG_HEAVIER}
    found = codes(declarations([*cases, heavy, weighed, heavier]))
    assert {"PIECE_WEIGHT_HIGH", "PIECE_WEIGHT_FAR"} <= found[40]  # 20 times the pieces
    assert "PIECE_WEIGHT_HIGH" in found[42]
    assert "PIECE_WEIGHT_FAR" not in found[42]
    assert not found.get(41, set()) & {"PIECE_WEIGHT_HIGH", "PIECE_WEIGHT_FAR"}  # no pieces
    assert not any("PIECE_WEIGHT_HIGH" in found.get(i, set()) for i in range(40))


def test_a_gross_weight_far_beyond_any_packing_raises_the_far_code_too(
    declarations: Build,
) -> None:
    # Pallets add 8-10 % to the net weight; one line adds 14.5 %, another 300 %.
    odd = {"net_weight_kg": 20000.0, "quantity": 20000.0, "gross_weight_kg": 22900.0}
    far = {"net_weight_kg": 20000.0, "quantity": 20000.0, "gross_weight_kg": 80000.0}
    found = codes(declarations([*lots(), {**odd, "value": 50000.0}, {**far, "value": 50000.0}]))
    assert "GROSS_NET_ODD" in found[60] and "GROSS_NET_FAR" not in found[60]
    assert {"GROSS_NET_ODD", "GROSS_NET_FAR"} <= found[61]
    assert not any("GROSS_NET_FAR" in found.get(i, set()) for i in range(60))


def test_small_lots_from_a_crowd_of_first_time_senders_to_one_consignee_are_flagged(
    declarations: Build,
) -> None:
    """Three exporters that never declared anything else send parcels to one consignee:
    each parcel raises FRESH_SENDERS_ONE_CONSIGNEE. An established exporter's parcels to
    the same consignee, and two first-time senders to another, do not. A door's request
    counts the history (the prior): the third sender's one parcel completes the crowd."""
    parcel = {"mode": "express", "net_weight_kg": 4.0, "gross_weight_kg": 4.4, "quantity": 4.0}
    crowd = [
        {**parcel, "exporter_id": f"9111000000000FRESH{k}", "consignee_name": "Ant Hill LLC"}
        for k in range(3)
    ]
    pair = [
        {**parcel, "exporter_id": f"9111000000000PAIR0{k}", "consignee_name": "Two Ants LLC"}
        for k in range(2)
    ]
    established = [{**parcel, "consignee_name": "Ant Hill LLC"}] + [{}] * 10
    rows = [*crowd, *pair, *established]
    found = codes(declarations(rows))
    assert all("FRESH_SENDERS_ONE_CONSIGNEE" in found.get(i, set()) for i in range(3))
    flagged = [i for i, c in found.items() if "FRESH_SENDERS_ONE_CONSIGNEE" in c]
    assert sorted(flagged) == [0, 1, 2]

    catalogue = load_catalogue()
    history = catalogue.evaluate_frame(add_features(declarations([*crowd[:2], *pair])))
    request = catalogue.evaluate_frame(add_features(declarations([crowd[2]])))
    door = concealment_signals(request, None, Prior.from_lines(history)).collect()
    assert "FRESH_SENDERS_ONE_CONSIGNEE" in door["code"].to_list()
    alone = concealment_signals(request, None, Prior.empty()).collect()
    assert "FRESH_SENDERS_ONE_CONSIGNEE" not in alone["code"].to_list()


def test_small_lots_to_one_door_under_several_names_from_first_time_senders_are_flagged(
    declarations: Build,
) -> None:
    """Three first-time senders ship parcels to one address, each to another name (a
    person "c/o" the firm, the firm itself spelled two ways): FRESH_SENDERS_ONE_ADDRESS on
    each, and not FRESH_SENDERS_ONE_CONSIGNEE (no name gathers three). A hub receiving
    under one name (written two ways that normalise alike), an address that places
    nothing, and the door's request with its history (the prior) are judged as well."""
    parcel = {"mode": "post", "net_weight_kg": 2.0, "gross_weight_kg": 2.3, "quantity": 2.0}
    door = "Unit 7B, Wing Fat Building, 6 Hing Yip St., Kwun Tong"
    names = ["Siew Ling Ho c/o Yung Fu", "Yung Fu Freight & Fulfillment Co., Ltd.", "Chun Chan"]
    drop = [
        {
            **parcel,
            "exporter_id": f"9111000000000DROP{k}",
            "consignee_name": name,
            "consignee_address": door.upper() if k == 1 else door,
            "consignee_country": "HK",
        }
        for k, name in enumerate(names)
    ]
    hub = [
        {
            **parcel,
            "exporter_id": f"9111000000000HUB0{k}",
            "consignee_name": "Pacific Hub Ltd" if k else "PACIFIC HUB LIMITED",
            "consignee_address": "88 Harbour Road, Wan Chai",
            "consignee_country": "HK",
        }
        for k in range(3)
    ]
    nowhere = [
        {**row, "exporter_id": f"9111000000000NONE{k}", "consignee_address": "N/A"}
        for k, row in enumerate(drop)
    ]
    found = codes(declarations([*drop, *hub, *nowhere, *[{}] * 10]))
    flagged = sorted(i for i, c in found.items() if "FRESH_SENDERS_ONE_ADDRESS" in c)
    assert flagged == [0, 1, 2]
    assert not any("FRESH_SENDERS_ONE_CONSIGNEE" in found.get(i, set()) for i in range(3))

    catalogue = load_catalogue()
    history = catalogue.evaluate_frame(add_features(declarations(drop[:2])))
    request = catalogue.evaluate_frame(add_features(declarations([drop[2]])))
    seen = concealment_signals(request, None, Prior.from_lines(history)).collect()
    assert "FRESH_SENDERS_ONE_ADDRESS" in seen["code"].to_list()
    assert "3 senders" in seen.filter(pl.col("code") == "FRESH_SENDERS_ONE_ADDRESS")["evidence"][0]
    alone = concealment_signals(request, None, Prior.empty()).collect()
    assert "FRESH_SENDERS_ONE_ADDRESS" not in alone["code"].to_list()
