"""What the world's exporters ship: controlled items with their real catalogue codes, and
the honest goods that sit next to them.

Four kinds of goods, because screening lives or dies on the neighbours of controlled
items rather than on the items alone:

* ``C`` controlled items, with a reference code and the effective date of their item in
  the control catalogue (2023 No.23/39, 2024 No.33, 2025 No.10/18);
* ``S`` items the catalogue lists but that never came into force (2025 No.55/58,
  suspended the day before they took effect), shipped without licences;
* ``L`` look-alikes: uncontrolled metals, alloys, compounds and scrap of the same
  elements (antimonial lead, 99.8 % antimony trioxide, ferro-tungsten, germanium lenses,
  NdFeB magnets, indium ingots in the same 8112.92 subheading as gallium and germanium);
* ``O`` ordinary cargo, which is also what smugglers hide things in.

The table itself is data (``products.tsv`` beside this module): codes, names in Chinese
and English with synonyms, element, catalogue item, chain material, base price, abroad
premium and domestic trend, typical lot, unit, packing, the modes it travels by and its
declared elements. Prices are US dollars per kilogram before the window, with the
domestic trend and the abroad premium each control opened; ``price_usd_kg`` turns them
into a price on a day.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .timeline import NEVER_IN_FORCE, day, ramp

#: Effective dates of the catalogue items used here (control catalogue, effective_from).
CONTROL_DATES: dict[str, str] = {
    "CN-2023-23-GA-01": "2023-08-01",
    "CN-2023-23-GA-03": "2023-08-01",
    "CN-2023-23-GA-05": "2023-08-01",
    "CN-2023-23-GE-01": "2023-08-01",
    "CN-2023-23-GE-05": "2023-08-01",
    "CN-2023-23-GE-06": "2023-08-01",
    "CN-2023-39-GR-01": "2023-12-01",
    "CN-2023-39-GR-02": "2023-12-01",
    "CN-2024-33-SB-01": "2024-09-15",
    "CN-2024-33-SB-02": "2024-09-15",
    "CN-2024-33-SB-03": "2024-09-15",
    "CN-2024-33-SH-01": "2024-09-15",
    "CN-2025-10-W-01": "2025-02-04",
    "CN-2025-10-W-02": "2025-02-04",
    "CN-2025-10-W-03": "2025-02-04",
    "CN-2025-10-W-04": "2025-02-04",
    "CN-2025-10-TE-01": "2025-02-04",
    "CN-2025-10-BI-01": "2025-02-04",
    "CN-2025-10-MO-01": "2025-02-04",
    "CN-2025-10-IN-01": "2025-02-04",
    "CN-2025-18-DY-A": "2025-04-04",
    "CN-2025-18-DY-B": "2025-04-04",
    "CN-2025-18-TB-A": "2025-04-04",
    "CN-2025-18-TB-B": "2025-04-04",
    "CN-2025-18-SM-B": "2025-04-04",
    "CN-2025-18-GD-B": "2025-04-04",
    "CN-2025-18-Y-B": "2025-04-04",
    "CN-2025-18-LU-B": "2025-04-04",
    "CN-2025-18-SC-B": "2025-04-04",
}
#: Listed in the catalogue but suspended before they took effect (2025 No.55/58, No.70).
NEVER_IN_FORCE_ITEMS = ("CN-2025-55-SH-01", "CN-2025-55-SH-04", "CN-2025-58-LI-01")
#: Elements whose licences to the US were denied in principle 2024-12-03 .. 2025-11-08.
US_DENIED_ELEMENTS = ("gallium", "germanium", "antimony", "superhard_materials")

ALL_MODES = "sarlpeg"  # sea, air, road, rail (l), post, express, passenger (g)
MODE_OF = {
    "s": "sea",
    "a": "air",
    "r": "road",
    "l": "rail",
    "p": "post",
    "e": "express",
    "g": "passenger",
}
MODES = ("sea", "air", "road", "rail", "post", "express", "passenger")


@dataclass(frozen=True)
class Product:
    key: str
    kind: str  # C, S, L, O
    hs: str
    zh: tuple[str, ...]
    en: tuple[str, ...]
    element: str
    control: str
    material: str
    usd: float  # $/kg before the window
    premium: float  # abroad/domestic price ratio once controlled
    dom: float  # domestic price multiple reached after the control (or the window)
    qty: float  # median net kg of a line
    unit: str
    kpu: float  # kg per unit for pcs/set
    pack: float  # gross/net
    modes: str
    spec: tuple[tuple[str, str], ...]

    @property
    def effective(self) -> int:
        """Day the item's control took effect (very large if never)."""
        if self.kind != "C":
            return NEVER_IN_FORCE
        return day(CONTROL_DATES[self.control])


def _load(path: Path) -> tuple[Product, ...]:
    """The product table (``products.tsv``: one product a row; synonyms '|'-separated;
    specifications as 'zh~en' variants separated by ' // ')."""
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            specs = tuple(tuple(v.split("~", 1)) for v in row["spec"].split(" // ") if v) or (
                ("", ""),
            )
            out.append(
                Product(
                    key=row["key"],
                    kind=row["kind"],
                    hs=row["hs"],
                    zh=tuple(row["zh"].split("|")),
                    en=tuple(row["en"].split("|")),
                    element=row["element"],
                    control=row["control"],
                    material=row["material"],
                    usd=float(row["usd"]),
                    premium=float(row["premium"]),
                    dom=float(row["dom"]),
                    qty=float(row["qty"]),
                    unit=row["unit"],
                    kpu=float(row["kpu"]),
                    pack=float(row["pack"]),
                    modes=row["modes"],
                    spec=specs,  # type: ignore[arg-type]
                )
            )
    return tuple(out)


#: Controlled items (reference codes from the catalogue), items listed but never in
#: force, look-alikes of the same elements, and ordinary cargo.
PRODUCTS: tuple[Product, ...] = _load(Path(__file__).with_name("products.tsv"))

INDEX: dict[str, int] = {p.key: i for i, p in enumerate(PRODUCTS)}
N = len(PRODUCTS)


def by_kind(*kinds: str) -> list[int]:
    return [i for i, p in enumerate(PRODUCTS) if p.kind in kinds]


def ids(*keys: str) -> list[int]:
    return [INDEX[k] for k in keys]


#: Columns of the product table as arrays, for vectorised lookups by product index.
HS = np.array([p.hs for p in PRODUCTS], dtype=object)
KEY_ARRAY = np.array([p.key for p in PRODUCTS], dtype=object)
KIND = np.array([p.kind for p in PRODUCTS], dtype=object)
USD = np.array([p.usd for p in PRODUCTS])
PREMIUM = np.array([p.premium for p in PRODUCTS])
DOM = np.array([p.dom for p in PRODUCTS])
QTY = np.array([p.qty for p in PRODUCTS])
UNIT = np.array([p.unit for p in PRODUCTS], dtype=object)
KPU = np.array([p.kpu for p in PRODUCTS])
PACK = np.array([p.pack for p in PRODUCTS])
EFFECTIVE = np.array([p.effective for p in PRODUCTS], dtype=np.int64)
CONTROLLED = KIND == "C"
ELEMENT = np.array([p.element for p in PRODUCTS], dtype=object)
MATERIAL = np.array([p.material for p in PRODUCTS], dtype=object)
MODE_OK = np.array([[m in p.modes for m in ALL_MODES] for p in PRODUCTS], dtype=bool)

#: Look-alikes an honest exporter turns to when an element it traded becomes controlled.
SUCCESSOR: dict[str, str] = {
    "sb_conc": "pb_sb",
    "sb_metal": "pb_sb",
    "sb_oxide4n": "sb_oxide_fr",
    "w_apt": "na_tungstate",
    "w_oxide": "fe_w",
    "w_carbide": "hardmetal",
    "w_bar": "w_alloy",
    "te_metal": "sn_ingot",
    "bi_metal": "solder",
    "mo_powder": "mo_fe",
    "in_phosphide": "in_ingot",
    "dy_oxide": "prnd_oxide",
    "dy_metal": "nd_metal",
    "tb_oxide": "ce_oxide",
    "tb_metal": "nd_metal",
    "sm_oxide": "la_oxide",
    "gd_oxide": "la_oxide",
    "y_oxide": "ce_oxide",
    "lu_oxide": "la_oxide",
    "sc_oxide": "al2o3",
    "ga_metal": "in_ingot",
    "ga_arsenide": "led_chip",
    "ga_oxide": "al2o3",
    "ge_metal": "ge_lens",
    "ge_dioxide": "silica",
    "ge_tetra": "silica",
    "gr_spherical": "anode_art",
    "gr_flake": "graphite_lump",
    "gr_hp": "graphite_electrode",
    "cubic_press": "machinery",
}
SUCCESSOR_IDX = np.arange(N)
for _k, _v in SUCCESSOR.items():
    SUCCESSOR_IDX[INDEX[_k]] = INDEX[_v]

#: Controlled products by element, and each element's honest look-alikes.
ELEMENT_GROUPS: dict[str, tuple[str, ...]] = {
    "gallium": ("ga_metal", "ga_oxide", "ga_arsenide", "in_ingot", "led_chip", "al2o3"),
    "germanium": ("ge_metal", "ge_dioxide", "ge_tetra", "ge_lens", "ge_residue", "silica"),
    "graphite": ("gr_spherical", "gr_flake", "gr_hp", "graphite_electrode", "anode_art"),
    "antimony": ("sb_metal", "sb_oxide4n", "sb_conc", "sb_oxide_fr", "pb_sb", "sb_masterbatch"),
    "tungsten": ("w_apt", "w_oxide", "w_carbide", "w_bar", "fe_w", "w_scrap", "hardmetal"),
    "minor": ("te_metal", "bi_metal", "mo_powder", "in_phosphide", "in_ingot", "mo_fe", "solder"),
    "heavy_re": ("dy_oxide", "tb_oxide", "dy_metal", "tb_metal", "ndfeb", "prnd_oxide"),
    "other_re": ("y_oxide", "gd_oxide", "sm_oxide", "lu_oxide", "sc_oxide", "la_oxide", "ce_oxide"),
    "superhard": ("cubic_press", "diamond_powder", "diamond_wheel", "machinery"),
}


def price_usd_kg(prod: np.ndarray, days: np.ndarray, capture: np.ndarray | float) -> np.ndarray:
    """Export price per kg on a day: the domestic price (which rises with the control for
    antimony, tungsten and bismuth) plus the captured share of the abroad premium, which
    opens over the four months after the control takes effect."""
    prod = np.asarray(prod, dtype=np.int64)
    t = np.asarray(days, dtype=float)
    eff = EFFECTIVE[prod].astype(float)
    dom = 1.0 + (DOM[prod] - 1.0) * ramp_vec(t, eff - 75.0, eff + 200.0)
    after = ramp_vec(t, eff, eff + 120.0)
    prem = 1.08 + (PREMIUM[prod] - 1.08) * after
    # the US measures of 2024-12-03 widened the gap for gallium, germanium and antimony
    us = np.isin(ELEMENT[prod], US_DENIED_ELEMENTS) & CONTROLLED[prod]
    prem = prem * np.where(us, 1.0 + 0.2 * ramp(t, 155.0, 215.0), 1.0)
    return USD[prod] * dom * (1.0 + (prem - 1.0) * capture)


def ramp_vec(t: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.clip((t - a) / np.maximum(b - a, 1.0), 0.0, 1.0)


def in_force(prod: np.ndarray, days: np.ndarray) -> np.ndarray:
    """Whether a line of this product on this day needs a licence."""
    prod = np.asarray(prod, dtype=np.int64)
    return CONTROLLED[prod] & (np.asarray(days) >= EFFECTIVE[prod])
