"""Materials: stoichiometry recomputed independently, material codes well formed."""

from __future__ import annotations

import re

import pytest

from orewatch.controls import load_materials
from orewatch.controls.materials import SYMBOLS, mass_fraction

# Independent of the module's table: IUPAC standard atomic weights.
W = {"Ga": 69.723, "As": 74.9216, "Ge": 72.630, "O": 15.999, "Dy": 162.500, "Sb": 121.760,
     "N": 14.007, "H": 1.008, "W": 183.84}  # fmt: skip

CAT = load_materials()


@pytest.mark.parametrize(
    ("material", "expected"),
    [
        ("gallium:arsenide", W["Ga"] / (W["Ga"] + W["As"])),
        ("germanium:dioxide", W["Ge"] / (W["Ge"] + 2 * W["O"])),
        ("dysprosium:oxide", 2 * W["Dy"] / (2 * W["Dy"] + 3 * W["O"])),
        ("antimony:trioxide", 2 * W["Sb"] / (2 * W["Sb"] + 3 * W["O"])),
        ("tungsten:apt", 12 * W["W"] / (10 * W["N"] + 50 * W["H"] + 12 * W["W"] + 46 * W["O"])),
    ],
)
def test_metal_fraction_matches_atomic_masses(material: str, expected: float) -> None:
    assert CAT.form(material).metal_fraction == pytest.approx(expected, abs=0.0015)


def test_reference_percentages() -> None:
    assert round(CAT.form("gallium:arsenide").metal_fraction * 100, 1) == 48.2
    assert round(CAT.form("germanium:dioxide").metal_fraction * 100, 1) == 69.4
    assert round(CAT.form("dysprosium:oxide").metal_fraction * 100, 1) == 87.1
    assert round(CAT.form("antimony:trioxide").metal_fraction * 100, 1) == 83.5
    assert 0.70 <= CAT.form("tungsten:apt").metal_fraction <= 0.72


def test_every_form_recomputes_and_is_well_formed() -> None:
    for entry in CAT.elements.values():
        for form in entry.forms:
            assert re.fullmatch(r"[a-z][a-z0-9_]*:[a-z][a-z0-9_]*", form.material)
            symbol = SYMBOLS[form.element]
            assert mass_fraction(form.formula, symbol) == pytest.approx(
                form.metal_fraction, abs=0.0015
            ), form.material


def test_ranges_prices_and_sources() -> None:
    for entry in CAT.elements.values():
        for c in entry.carriers:
            assert c.source and c.confidence in ("high", "medium", "low")
        for p in entry.prices:
            assert p.low <= p.high and p.source
    prices = {p.market for p in CAT.elements["antimony"].prices}
    assert {"china", "rotterdam"} <= prices


def test_element_kg_converts_forms() -> None:
    assert CAT.element_kg("germanium:dioxide", 1000) == pytest.approx(694.2, abs=0.5)
