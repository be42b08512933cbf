"""Export-control finds against customs housekeeping: which inspection finds teach."""

from datetime import date

import polars as pl

from orewatch.controls.catalogue import load_catalogue
from orewatch.screening.learned.features import labels_from_inspections

GALLIUM_CODE = "8112929010"

#: (controlled, named elements, result, found_hs_code, found_description, expected label)
CASES = [
    (False, [], "misdeclared", "7604210000", None, 0),  # one ordinary code for another
    (False, [], "undervalued", "7601100000", "铝锭", 0),  # an ordinary price corrected
    (False, [], "misdeclared", GALLIUM_CODE, None, 1),  # gallium under an ordinary code
    (False, [], "misdeclared", None, "金属镓 99.99%", 1),  # the inspector wrote gallium
    (False, [], "undervalued", None, None, 1),  # the record does not say: it stands
    (True, [], "undervalued", "7601100000", "铝锭", 1),  # declared as a controlled item
    (False, ["Ga"], "misdeclared", "7601100000", None, 1),  # its text names gallium
    (False, [], "concealed", "7601100000", "铝锭", 1),  # hiding goods is smuggling
    (False, [], "unlicensed", "7601100000", None, 1),
    (False, [], "clear", None, None, 0),
]
#: The catalogue names the line's element though its code alone did not make it controlled.
CATALOGUED = (False, [], "misdeclared", "7604210000", None, 1)


def frames(cases: list[tuple[object, ...]] = CASES) -> tuple[pl.DataFrame, pl.DataFrame]:
    n = len(cases)
    lines = pl.DataFrame(
        {
            "_idx": pl.Series(range(n), dtype=pl.UInt32),
            "declaration_id": [f"D{i}" for i in range(n)],
            "line_no": [1] * n,
            "controlled": [c[0] for c in cases],
            "named_elements": [c[1] for c in cases],
            "control_elements": [["Ga"] if c[0] or c is CATALOGUED else [] for c in cases],
        },
        schema_overrides={
            "named_elements": pl.List(pl.String),
            "control_elements": pl.List(pl.String),
        },
    )
    inspections = pl.DataFrame(
        {
            "declaration_id": [f"D{i}" for i in range(n)],
            "line_no": [1] * n,
            "inspected_at": [date(2025, 3, 1)] * n,
            "method": ["physical"] * n,
            "result": [c[2] for c in cases],
            "found_hs_code": [c[3] for c in cases],
            "found_description": [c[4] for c in cases],
        }
    )
    return lines, inspections


def test_housekeeping_finds_on_goods_that_could_not_be_controlled_count_as_clear() -> None:
    lines, inspections = frames()
    labels = labels_from_inspections(lines, inspections, load_catalogue())
    assert labels["label"].to_list() == [c[5] for c in CASES]


def test_without_the_catalogue_every_find_counts() -> None:
    lines, inspections = frames()
    labels = labels_from_inspections(lines, inspections)
    assert labels["label"].to_list() == [int(c[2] != "clear") for c in CASES]


def test_records_without_what_was_found_keep_every_find() -> None:
    lines, inspections = frames()
    bare = inspections.drop("found_hs_code", "found_description")
    labels = labels_from_inspections(lines, bare, load_catalogue())
    assert labels["label"].to_list() == [int(c[2] != "clear") for c in CASES]


def test_a_line_the_catalogue_gave_control_elements_keeps_its_find() -> None:
    lines, inspections = frames([CATALOGUED, CASES[0]])
    labels = labels_from_inspections(lines, inspections, load_catalogue())
    assert labels["label"].to_list() == [1, 0]
