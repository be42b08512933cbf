"""Misdeclaration rules on hand-made lines: cheap controlled goods, an exporter's odd heading."""

from collections.abc import Callable, Mapping, Sequence

import polars as pl

from orewatch.controls.catalogue import load_catalogue
from orewatch.screening.detectors.exporter_trade import exporter_heading_counts
from orewatch.screening.detectors.misdeclaration import Origins, misdeclaration_signals
from orewatch.screening.detectors.peer_prices import PeerPrices
from orewatch.screening.features import add_features, fit_baselines, raw_features
from orewatch.screening.prior import Prior

Build = Callable[[Sequence[Mapping[str, object]]], pl.DataFrame]
ODD = {"hs_code": "3206111000", "description": "钛白粉", "value": 3000.0}
GALLIUM: dict[str, object] = {
    "hs_code": "8112929010",
    "description": "金属镓 gallium",
    "net_weight_kg": 100.0,
}


def features(declarations: pl.DataFrame) -> pl.DataFrame:
    return load_catalogue().evaluate_frame(add_features(declarations))


def codes(lines: pl.DataFrame, prior: Prior | None = None) -> dict[int, set[str]]:
    out = misdeclaration_signals(lines, prior=prior).collect()
    found: dict[int, set[str]] = {}
    for idx, code in out.select("_idx", "code").iter_rows():
        found.setdefault(idx, set()).add(code)
    return found


def test_a_sliver_of_an_established_exporters_trade_is_flagged(declarations: Build) -> None:
    found = codes(features(declarations([{}] * 120 + [ODD])))
    assert "RARE_COMMODITY_FOR_EXPORTER" in found[120]
    assert not any("RARE_COMMODITY_FOR_EXPORTER" in found.get(i, set()) for i in range(120))


def test_the_history_counts_for_one_new_declaration(declarations: Build) -> None:
    history = features(declarations([{}] * 120))
    new = features(declarations([ODD]))
    assert "RARE_COMMODITY_FOR_EXPORTER" in codes(new, Prior.from_lines(history))[0]
    assert "RARE_COMMODITY_FOR_EXPORTER" not in codes(new, Prior.empty()).get(0, set())


def test_an_exporters_counts_against_the_history_are_those_of_history_and_lines_together(
    declarations: Build,
) -> None:
    """The door's counts (the prior's facts plus the lines' own) are the batch's counts
    over the history and the new lines as one dataset."""
    other = {"exporter_id": "91110000MA01BBBB2X"}
    history = features(declarations([{}] * 30 + [ODD] * 2 + [other] * 4))
    new = features(declarations([{}, ODD, ODD, other, {"hs_code": "2825909000"}]))
    door = exporter_heading_counts(new, Prior.from_lines(history)).collect().sort("_idx")
    both = pl.concat([history, new], how="diagonal_relaxed").with_row_index("_at")
    batch = exporter_heading_counts(both, Prior.empty()).collect().sort("_at")
    tail = batch.tail(new.height)
    assert door["_ch"].to_list() == tail["_ch"].to_list() == [31, 4, 4, 5, 1]
    assert door["_all"].to_list() == tail["_all"].to_list() == [36, 36, 36, 5, 36]


def test_cheap_ordinary_goods_are_told_apart_from_cheap_controlled_goods(
    declarations: Build,
) -> None:
    rows: list[dict[str, object]] = [{"value": 2500.0 + 10 * (i % 13)} for i in range(60)]
    rows += [{**GALLIUM, "value": 30000.0 + 100 * (i % 7)} for i in range(40)]
    rows.append({"value": 250.0})  # aluminium at a tenth of its price
    rows.append({**GALLIUM, "value": 3000.0})  # gallium at a tenth of its price
    found = codes(features(declarations(rows)))
    assert "UNIT_VALUE_LOW_ORDINARY" in found[100] and "UNIT_VALUE_LOW" not in found[100]
    assert "UNIT_VALUE_LOW" in found[101] and "UNIT_VALUE_LOW_ORDINARY" not in found[101]


def test_possibly_controlled_goods_rather_cheap_are_told_apart_from_far_too_cheap(
    declarations: Build,
) -> None:
    rows: list[dict[str, object]] = [GALLIUM, GALLIUM, GALLIUM, {}, {}]
    lines = features(declarations(rows)).with_columns(
        pl.Series("unit_value_z", [-3.0, -4.0, -2.0, -3.0, -4.0])
    )
    found = codes(lines)
    assert "UNIT_VALUE_RATHER_LOW" in found[0] and "UNIT_VALUE_LOW" not in found[0]
    assert "UNIT_VALUE_LOW" in found[1] and "UNIT_VALUE_RATHER_LOW" not in found[1]
    assert not {"UNIT_VALUE_LOW", "UNIT_VALUE_RATHER_LOW"} & found.get(2, set())
    # Cheap aluminium is a tax matter: only far too cheap is noted, as ordinary goods.
    assert not {"UNIT_VALUE_LOW", "UNIT_VALUE_RATHER_LOW"} & found.get(3, set())
    assert "UNIT_VALUE_LOW_ORDINARY" in found[4]


def test_ordinary_goods_from_a_controlled_materials_region_they_never_come_from(
    declarations: Build,
) -> None:
    # Aluminium comes from Baotou (150400); gallium from Ganzhou (360700). Aluminium from
    # Ganzhou is out of place; aluminium from Xiamen (350200) is only unusual, and gallium
    # from Ganzhou is that region's trade.
    rows: list[dict[str, object]] = [{"origin_region": "150400"} for _ in range(250)]
    rows += [{**GALLIUM, "value": 30000.0, "origin_region": "360700"} for _ in range(40)]
    rows += [{"origin_region": "360700"}, {"origin_region": "350200"}]
    lines = features(declarations(rows))
    origins = Origins.fit(lines)
    out = misdeclaration_signals(lines, origins=origins).collect()
    flagged = set(out.filter(pl.col("code") == "ORIGIN_UNUSUAL_FOR_GOODS")["_idx"].to_list())
    assert flagged == {290}


def test_goods_from_a_region_the_exporter_seldom_draws_them_from(declarations: Build) -> None:
    # The exporter's gallium comes from Ganzhou (360700); one lot from Baotou (150400) is
    # off its usual supply. Its aluminium comes from anywhere: no usual source, no finding.
    rows: list[dict[str, object]] = [
        {**GALLIUM, "value": 30000.0, "origin_region": "360700"} for _ in range(30)
    ]
    rows.append({**GALLIUM, "value": 30000.0, "origin_region": "150400"})
    rows += [{"origin_region": f"{110000 + 100 * i}"} for i in range(30)]
    lines = features(declarations(rows))
    out = misdeclaration_signals(lines, origins=Origins.fit(lines)).collect()
    flagged = set(out.filter(pl.col("code") == "ORIGIN_UNUSUAL_FOR_EXPORTER")["_idx"].to_list())
    assert flagged == {30}


def test_a_producer_shipping_its_own_goods_from_its_city_is_not_out_of_place(
    declarations: Build,
) -> None:
    # Aluminium comes from Baotou; one producer in Ganzhou ships its own aluminium from
    # there, twelve lines of 1,300: under 1 % of the chapter, but its usual source.
    rows: list[dict[str, object]] = [{"origin_region": "150400"} for _ in range(1250)]
    rows += [{**GALLIUM, "value": 30000.0, "origin_region": "360700"} for _ in range(40)]
    rows += [{"exporter_id": "91360700MA35X0001A", "origin_region": "360700"}] * 12
    lines = features(declarations(rows))
    out = misdeclaration_signals(lines, origins=Origins.fit(lines)).collect()
    assert out.filter(pl.col("code") == "ORIGIN_UNUSUAL_FOR_GOODS").is_empty()


def test_high_purity_on_goods_whose_lines_never_state_it_is_flagged(declarations: Build) -> None:
    rows: list[dict[str, object]] = [{} for _ in range(60)]
    rows += [{**GALLIUM, "specification": "4N", "value": 40000.0} for _ in range(40)]
    rows.append({"specification": "纯度:99.999%"})  # aluminium ingots sold by their purity
    rows.append({**GALLIUM, "specification": "4N", "value": 40000.0})
    frame = declarations(rows)
    purity = fit_baselines(raw_features(frame)).purity
    found: dict[int, set[str]] = {}
    signals = misdeclaration_signals(features(frame), purity=purity).collect()
    for idx, code in signals.select("_idx", "code").iter_rows():
        found.setdefault(idx, set()).add(code)
    assert "DESC_PURITY_UNUSUAL" in found[100]
    # Gallium's own lines state purity: there it is the goods' vocabulary.
    assert not any("DESC_PURITY_UNUSUAL" in found.get(i, set()) for i in range(100) if i != 100)
    assert "DESC_PURITY_UNUSUAL" not in found.get(101, set())


def test_a_grade_above_what_the_goods_are_sold_at_is_flagged(declarations: Build) -> None:
    """Goods sold at 4N state purity on every line, so high purity is no news there; 6N
    under their code is, and 4N is not."""
    rows: list[dict[str, object]] = [{"specification": "纯度99.99%"} for _ in range(60)]
    rows += [{"specification": "≥99.9999%"}, {"specification": "4N"}]
    frame = declarations(rows)
    purity = fit_baselines(raw_features(frame)).purity
    signals = misdeclaration_signals(features(frame), purity=purity).collect()
    flagged = signals.filter(pl.col("code") == "DESC_GRADE_ABOVE_CODE")
    assert flagged["_idx"].to_list() == [60]
    assert "6N stated under" in flagged["evidence"][0] and "at most 4N" in flagged["evidence"][0]
    assert signals.filter(pl.col("code") == "DESC_PURITY_UNUSUAL").is_empty()


def test_a_refined_grade_under_an_alloys_code_is_flagged(declarations: Build) -> None:
    """Ferro-tungsten states 70-80 % tungsten if anything: 99.95 % under its code is the
    metal's own specification, though 3N is no "high purity" word; two lines at 99 %
    (grade 2) and a grade only one above the code's usual stay quiet."""
    ferro = {"hs_code": "7202801000", "description": "钨铁 ferro-tungsten"}
    rows: list[dict[str, object]] = [{**ferro, "specification": "W 70-80%"} for _ in range(60)]
    rows += [
        {**ferro, "specification": "W≥99.95%;sintered bar"},
        {**ferro, "specification": "W 99%"},
        {**ferro, "specification": "W 99%"},
    ]
    zinc = {"hs_code": "7901111000", "description": "锌锭"}
    rows += [{**zinc, "specification": "Zn 99%"} for _ in range(40)]
    rows.append({**zinc, "specification": "Zn 99.95%"})
    frame = declarations(rows)
    purity = fit_baselines(raw_features(frame)).purity
    signals = misdeclaration_signals(features(frame), purity=purity).collect()
    flagged = signals.filter(pl.col("code") == "DESC_GRADE_ABOVE_CODE")
    assert flagged["_idx"].to_list() == [60]
    assert "3N stated under 7202801000" in flagged["evidence"][0]


def test_a_word_is_the_goods_vocabulary_when_several_exporters_write_it(
    declarations: Build,
) -> None:
    """Graphite under carbon black (2803): written by many exporters, it is how those goods
    are described; written by two exporters alone, however often, it is not."""
    carbon = {"hs_code": "2803000000", "description": "炭黑 carbon black"}
    flake = {**carbon, "description": "天然鳞片石墨 natural flake graphite"}
    ring = [{**flake, "exporter_id": f"91110000RING{i % 2:06d}"} for i in range(12)]
    trade = [{**flake, "exporter_id": f"91110000TRAD{i % 6:06d}"} for i in range(12)]
    ordinary = [{**carbon, "exporter_id": f"91110000CARB{i:06d}"} for i in range(40)]
    catalogue = load_catalogue()

    def flagged(rows: list[dict[str, object]]) -> set[int]:
        frame = declarations(rows)
        vocabulary = fit_baselines(raw_features(frame)).vocabulary
        signals = misdeclaration_signals(
            features(frame), items=catalogue.items_frame(), vocabulary=vocabulary
        ).collect()
        return set(signals.filter(pl.col("code") == "DESC_CONTROLLED_TERMS")["_idx"].to_list())

    assert flagged(ordinary + ring) == set(range(40, 52))
    assert flagged(ordinary + trade) == set()


def test_value_moved_off_cheap_controlled_goods_onto_a_line_beside_them_is_flagged(
    declarations: Build,
) -> None:
    """Gallium declared at a tenth of its price and the aluminium of the same declaration
    priced up by what it lost: the aluminium line raises VALUE_SHIFTED, naming the cheap
    line; the same dear aluminium in a declaration of its own does not."""
    rows: list[dict[str, object]] = [{"value": 2500.0 + 10 * (i % 13)} for i in range(60)]
    rows += [{**GALLIUM, "value": 30000.0 + 100 * (i % 7)} for i in range(40)]
    shipped = {"declaration_id": "SHIFT-1"}
    rows.append({**GALLIUM, **shipped, "line_no": 1, "value": 3000.0})
    rows.append({**shipped, "line_no": 2, "value": 2600.0})  # within its norm
    rows.append({**shipped, "line_no": 3, "value": 4000.0})  # padded
    rows.append({"value": 4000.0})  # as dear, alone
    lines = features(declarations(rows))
    found = codes(lines)
    assert "UNIT_VALUE_LOW" in found[100]
    assert "VALUE_SHIFTED" not in found.get(101, set())
    assert "VALUE_SHIFTED" in found[102]
    assert "VALUE_SHIFTED" not in found.get(103, set()) | found[100]
    evidence = misdeclaration_signals(lines).collect().filter(pl.col("code") == "VALUE_SHIFTED")
    assert "beside line 1" in evidence["evidence"].item()


def _peer_trade(ring_lines: int) -> list[dict[str, object]]:
    """Eight exporters of aluminium at one market price (2,300-2,700 a tonne) and one
    exporter whose every lot is invoiced at 2,950-3,050: each line short of far."""
    honest = [
        {"exporter_id": f"91110000PEER{i % 8:06d}", "value": 2300.0 + (i * 37) % 400}
        for i in range(96)
    ]
    ring = [
        {"exporter_id": "91110000RING000001", "value": 2950.0 + (i * 13) % 100}
        for i in range(ring_lines)
    ]
    return honest + ring


def test_an_exporter_pricing_goods_above_all_their_other_exporters_is_flagged(
    declarations: Build,
) -> None:
    """Ten lots of one exporter, each under UNIT_VALUE_HIGH, together well above where
    eight other exporters agree: flagged. With a third of the goods' lines, the same
    exporter is the goods' own market (a producer of a dearer variety), and is not."""
    lines = features(declarations(_peer_trade(10)))
    peers = PeerPrices.fit(lines)
    signals = misdeclaration_signals(lines, peer_prices=peers).collect()
    assert signals.filter(pl.col("code") == "UNIT_VALUE_HIGH").is_empty()
    flagged = signals.filter(pl.col("code") == "PRICED_ABOVE_PEERS")
    assert sorted(flagged["_idx"].to_list()) == list(range(96, 106))
    assert "the exporter's 10 lines of it" in flagged["evidence"][0]
    assert "its 9 exporters'" in flagged["evidence"][0]
    assert PeerPrices.fit(features(declarations(_peer_trade(50)))).dear.is_empty()


def test_one_new_lot_of_an_exporter_priced_above_its_peers_is_flagged_at_the_door(
    declarations: Build,
) -> None:
    """The door judges one new line against the fitted history: a new lot of that
    exporter at its usual price is flagged, the same lot from another exporter is not."""
    history = declarations(_peer_trade(10))
    baselines = fit_baselines(raw_features(history))
    peers = PeerPrices.fit(load_catalogue().evaluate_frame(add_features(history, baselines)))
    new = declarations(
        [
            {"exporter_id": "91110000RING000001", "value": 3000.0},
            {"exporter_id": "91110000PEER000003", "value": 3000.0},
        ]
    )
    lines = load_catalogue().evaluate_frame(add_features(new, baselines))
    signals = misdeclaration_signals(lines, peer_prices=peers).collect()
    assert signals.filter(pl.col("code") == "PRICED_ABOVE_PEERS")["_idx"].to_list() == [0]


def test_an_exporter_pricing_controlled_goods_below_all_their_other_exporters_is_flagged(
    declarations: Build,
) -> None:
    """Gallium from eight exporters at one market price and from one at a steady tenth
    under it, each line short of UNIT_VALUE_LOW: flagged. Aluminium priced so is not
    (cheap ordinary goods are a tax matter)."""
    honest = [
        {"exporter_id": f"91110000PEER{i % 8:06d}", "value": 40000.0 + (i * 370) % 4000}
        for i in range(96)
    ]
    ring = [
        {"exporter_id": "91110000RING000001", "value": 35500.0 + (i * 130) % 1000}
        for i in range(10)
    ]
    gallium = features(declarations([{**GALLIUM, **row} for row in honest + ring]))
    signals = misdeclaration_signals(gallium, peer_prices=PeerPrices.fit(gallium)).collect()
    assert signals.filter(pl.col("code") == "UNIT_VALUE_LOW").is_empty()
    flagged = signals.filter(pl.col("code") == "PRICED_BELOW_PEERS")
    assert sorted(flagged["_idx"].to_list()) == list(range(96, 106))
    aluminium = features(
        declarations([{**row, "value": row["value"] / 16} for row in honest + ring])
    )
    peers = PeerPrices.fit(aluminium)
    assert peers.cheap.height == 1
    signals = misdeclaration_signals(aluminium, peer_prices=peers).collect()
    assert signals.filter(pl.col("code") == "PRICED_BELOW_PEERS").is_empty()
