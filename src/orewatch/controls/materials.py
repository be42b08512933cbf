"""The materials catalogue: carriers, forms, metal contents, densities and prices per element.

Mass balances and concealment checks need to turn kilograms of a declared form into kilograms of
the controlled element, and to know what a container of it should weigh. Those numbers live in
``data/materials.yaml`` with their sources; this module loads and checks them, and recomputes
every stoichiometric fraction so that a typo in the data cannot survive loading.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from orewatch.controls.catalogue import packaged_path
from orewatch.controls.loader import CatalogueError, read_yaml

#: IUPAC standard atomic weights (abridged, 2021 values rounded to 3-5 significant digits).
ATOMIC_WEIGHTS: Mapping[str, float] = {
    "H": 1.008, "B": 10.81, "C": 12.011, "N": 14.007, "O": 15.999, "P": 30.974, "S": 32.06,
    "Cl": 35.45, "Ca": 40.078, "Sc": 44.956, "Mn": 54.938, "Fe": 55.845, "Co": 58.933,
    "Zn": 65.38, "Ga": 69.723, "Ge": 72.630, "As": 74.922, "Se": 78.971, "Y": 88.906,
    "Mo": 95.95, "Cd": 112.41, "In": 114.82, "Sb": 121.76, "Te": 127.60, "Nd": 144.24,
    "Sm": 150.36, "Gd": 157.25, "Tb": 158.93, "Dy": 162.50, "Lu": 174.97, "W": 183.84,
    "Hg": 200.59, "Bi": 208.98,
}  # fmt: skip

#: Element names used in material codes -> chemical symbols.
SYMBOLS: Mapping[str, str] = {
    "gallium": "Ga", "germanium": "Ge", "antimony": "Sb", "tungsten": "W", "graphite": "C",
    "dysprosium": "Dy", "terbium": "Tb", "samarium": "Sm", "gadolinium": "Gd", "yttrium": "Y",
    "lutetium": "Lu", "scandium": "Sc", "neodymium": "Nd", "tellurium": "Te", "bismuth": "Bi",
    "indium": "In", "molybdenum": "Mo",
}  # fmt: skip

MATERIAL_CODE = re.compile(r"[a-z][a-z0-9_]*(:[a-z][a-z0-9_]*)?")
_TOKEN = re.compile(r"([A-Z][a-z]?|\(|\)|\d+(?:\.\d+)?)")
#: Tolerance between a stated fraction and the recomputed one (rounding to 4 decimals).
FRACTION_TOLERANCE = 0.0015


def parse_formula(formula: str) -> dict[str, float]:
    """Atom counts of a formula with parentheses and hydrate dots: ``(NH4)10H2W12O42·4H2O``."""
    total: dict[str, float] = {}
    for part in re.split(r"[·.*]", formula):
        match = re.match(r"^(\d+)(.*)$", part)
        factor, body = (float(match.group(1)), match.group(2)) if match else (1.0, part)
        for symbol, count in _parse_group(body).items():
            total[symbol] = total.get(symbol, 0.0) + factor * count
    return total


def _parse_group(text: str) -> dict[str, float]:
    tokens = _TOKEN.findall(text)
    if "".join(tokens) != text:
        raise ValueError(f"cannot parse formula {text!r}")
    stack: list[dict[str, float]] = [{}]
    last: dict[str, float] | str | None = None
    for tok in tokens:
        if tok == "(":
            stack.append({})
            last = None
        elif tok == ")":
            group = stack.pop()
            for s, n in group.items():
                stack[-1][s] = stack[-1].get(s, 0.0) + n
            last = group
        elif tok[0].isdigit():
            mult = float(tok) - 1
            if isinstance(last, dict):
                for s, n in last.items():
                    stack[-1][s] += n * mult
            elif isinstance(last, str):
                stack[-1][last] += mult
            else:
                raise ValueError(f"number without an element in {text!r}")
            last = None
        else:
            if tok not in ATOMIC_WEIGHTS:
                raise ValueError(f"unknown element {tok!r} in {text!r}")
            stack[-1][tok] = stack[-1].get(tok, 0.0) + 1
            last = tok
    if len(stack) != 1:
        raise ValueError(f"unbalanced parentheses in {text!r}")
    return stack[0]


def mass_fraction(formula: str, symbol: str) -> float:
    """Mass fraction of ``symbol`` in ``formula`` (textbook stoichiometry)."""
    atoms = parse_formula(formula)
    total = sum(ATOMIC_WEIGHTS[s] * n for s, n in atoms.items())
    return ATOMIC_WEIGHTS[symbol] * atoms.get(symbol, 0.0) / total


@dataclass(frozen=True)
class Range:
    """low / typical / high; None where the source gives no figure."""

    low: float | None
    typical: float | None
    high: float | None
    unit: str | None = None


@dataclass(frozen=True)
class Carrier:
    material: str
    description: str
    content: Range
    recovery: Range
    source: str
    confidence: str


@dataclass(frozen=True)
class Form:
    material: str
    formula: str
    metal_fraction: float
    density_g_cm3: float | None
    hs_codes: tuple[str, ...]

    @property
    def element(self) -> str:
        return self.material.split(":", 1)[0]


@dataclass(frozen=True)
class Price:
    market: str
    basis: str
    form: str
    currency: str
    unit: str
    low: float
    high: float
    as_of: date
    source: str
    confidence: str


@dataclass(frozen=True)
class ElementMaterials:
    name: str
    carriers: tuple[Carrier, ...]
    forms: tuple[Form, ...]
    prices: tuple[Price, ...]
    notes: str | None


@dataclass(frozen=True)
class MaterialsCatalogue:
    version: str
    meta: Mapping[str, Any]
    elements: Mapping[str, ElementMaterials]

    def form(self, material: str) -> Form:
        for entry in self.elements.values():
            for form in entry.forms:
                if form.material == material:
                    return form
        raise KeyError(material)

    def element_kg(self, material: str, kg: float) -> float:
        """Kilograms of the element in ``kg`` of a form (the mass-balance conversion)."""
        return kg * self.form(material).metal_fraction


def _range(where: str, raw: Any, unit_required: bool) -> Range:
    if not isinstance(raw, Mapping):
        raise CatalogueError(f"{where}: must be a mapping with low/typical/high")
    values: list[float | None] = []
    for key in ("low", "typical", "high"):
        v = raw.get(key)
        if v is not None and (not isinstance(v, int | float) or v < 0):
            raise CatalogueError(f"{where} field {key!r}: must be a non-negative number or null")
        values.append(None if v is None else float(v))
    known = [v for v in values if v is not None]
    if known != sorted(known):
        raise CatalogueError(f"{where}: low <= typical <= high violated ({values})")
    unit = raw.get("unit")
    if unit_required and unit not in ("ppm", "pct", "g_t"):
        raise CatalogueError(f"{where} field 'unit': must be ppm, pct or g_t")
    if not unit_required and known and max(known) > 1:
        raise CatalogueError(f"{where}: recovery is a fraction between 0 and 1")
    return Range(values[0], values[1], values[2], unit)


def _form(where: str, raw: Mapping[str, Any]) -> Form:
    material = str(raw.get("material", ""))
    where = f"{where} form {material!r}"
    if ":" not in material or not MATERIAL_CODE.fullmatch(material):
        raise CatalogueError(f"{where}: material code must look like 'gallium:metal'")
    element = material.split(":", 1)[0]
    if element not in SYMBOLS:
        raise CatalogueError(f"{where}: unknown element {element!r}")
    formula = str(raw.get("formula", ""))
    fraction = raw.get("metal_fraction")
    if not isinstance(fraction, int | float) or not 0 < fraction <= 1:
        raise CatalogueError(f"{where} field 'metal_fraction': must be in (0, 1]")
    try:
        computed = mass_fraction(formula, SYMBOLS[element])
    except ValueError as exc:
        raise CatalogueError(f"{where} field 'formula': {exc}") from exc
    if abs(computed - fraction) > FRACTION_TOLERANCE:
        raise CatalogueError(
            f"{where} field 'metal_fraction': {fraction} but {formula} gives {computed:.4f}"
        )
    density = raw.get("density_g_cm3")
    if density is not None and (not isinstance(density, int | float) or not 0 < density < 25):
        raise CatalogueError(f"{where} field 'density_g_cm3': must be in (0, 25) or null")
    codes = tuple(str(c) for c in raw.get("hs_codes") or ())
    for code in codes:
        if not re.fullmatch(r"\d{8}|\d{10}", code):
            raise CatalogueError(f"{where} field 'hs_codes': {code!r} must be 8 or 10 digits")
    return Form(material, formula, float(fraction), density, codes)


def _price(where: str, raw: Mapping[str, Any]) -> Price:
    try:
        as_of = date.fromisoformat(str(raw["as_of"]))
        low, high = float(raw["low"]), float(raw["high"])
        for key in ("market", "basis", "form", "currency", "unit", "source", "confidence"):
            if not isinstance(raw.get(key), str) or not raw[key]:
                raise CatalogueError(f"{where} price field {key!r}: required text")
    except (KeyError, TypeError, ValueError) as exc:
        raise CatalogueError(f"{where} price: {exc!r}") from exc
    if low > high:
        raise CatalogueError(f"{where} price: low > high")
    return Price(
        raw["market"], raw["basis"], raw["form"], raw["currency"], raw["unit"], low, high,
        as_of, raw["source"], raw["confidence"],
    )  # fmt: skip


def parse_materials(raw: Mapping[str, Any]) -> MaterialsCatalogue:
    elements_raw = raw.get("elements")
    if not isinstance(elements_raw, Mapping):
        raise CatalogueError("materials: field 'elements' must be a mapping")
    elements: dict[str, ElementMaterials] = {}
    for name, body in elements_raw.items():
        where = f"materials {name}"
        if not isinstance(body, Mapping):
            raise CatalogueError(f"{where}: must be a mapping")
        carriers = []
        for c in body.get("carriers") or ():
            cw = f"{where} carrier {c.get('material')!r}"
            if not MATERIAL_CODE.fullmatch(str(c.get("material", ""))):
                raise CatalogueError(f"{cw}: malformed material code")
            for key in ("description", "source", "confidence"):
                if not isinstance(c.get(key), str):
                    raise CatalogueError(f"{cw} field {key!r}: required text")
            carriers.append(
                Carrier(
                    c["material"],
                    c["description"],
                    _range(f"{cw} content", c.get("content"), unit_required=True),
                    _range(f"{cw} recovery", c.get("recovery"), unit_required=False),
                    c["source"],
                    c["confidence"],
                )
            )
        forms = tuple(_form(where, f) for f in body.get("forms") or ())
        prices = tuple(_price(where, p) for p in body.get("prices") or ())
        known_forms = {f.material for f in forms}
        for p in prices:
            if p.form not in known_forms:
                raise CatalogueError(f"{where} price: form {p.form!r} not among its forms")
        elements[str(name)] = ElementMaterials(
            str(name), tuple(carriers), forms, prices, body.get("notes")
        )
    codes = [f.material for e in elements.values() for f in e.forms]
    dupes = sorted({c for c in codes if codes.count(c) > 1})
    if dupes:
        raise CatalogueError(f"materials: duplicate form codes {', '.join(dupes)}")
    return MaterialsCatalogue(str(raw.get("version", "")), raw.get("meta") or {}, elements)


def load_materials(path: Path | None = None) -> MaterialsCatalogue:
    """Load and validate the materials catalogue; the packaged one when ``path`` is None."""
    target = Path(path) if path is not None else packaged_path("materials.yaml")
    try:
        return parse_materials(read_yaml(target))
    except CatalogueError as exc:
        raise CatalogueError(f"{target}: {exc}") from exc
