"""The goods this world trades: ordinary goods, controlled forms, downstream products and ores.

Each product is one row. ``family`` says what it is to an honest exporter: ``plain``
(ordinary uncontrolled goods, most of the trade), ``ctrl`` (a controlled form, needs a
licence once its control is in force), ``down`` (semi-finished or compound products that are
genuinely uncontrolled, such as LED chips or NdFeB magnets without terbium), ``ore``
(uncontrolled ores and concentrates, including low-grade ones) and ``lab`` (research
samples). Prices are this world's own levels in USD per kg of net weight.

The control dates are read from the project's control catalogue so that a controlled form
needs a licence from the day its control took effect, not before.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import yaml

CATALOGUE = (
    Path(__file__).resolve().parents[2]
    / "src"
    / "orewatch"
    / "controls"
    / "data"
    / "china-export-controls.yaml"
)

#: one product a row: key, family, hs, zh, en, material, control_id, usd_kg (USD per kg net),
#: lot_kg (typical line), unit, kg_per_unit, share (relative frequency within its family)
PRODUCTS = Path(__file__).with_name("products.csv")


#: Controlled form -> the uncontrolled product a smuggler declares it as (same physical look).
DECOY = {
    "ga_metal": "tin_solder",
    "ge_metal": "silicon",
    "ge_dioxide": "zinc_oxide",
    "ge_tetrachloride": "lab_catalyst",
    "sb_metal": "lead_alloy",
    "sb_trioxide": "zinc_oxide",
    "w_apt": "ammonium_molybdate",
    "w_oxide": "ammonium_molybdate",
    "w_alloy": "steel_weights",
    "te_metal": "tin_solder",
    "bi_metal": "lead_alloy",
    "mo_powder": "machine_parts",
    "inp": "silicon_wafer",
    "dy_oxide": "cerium_oxide",
    "tb_oxide": "cerium_oxide",
    "dy_metal": "ferrosilicon",
    "y_oxide": "cerium_oxide",
    "flake_graphite": "carbon_black",
    "sph_graphite": "carbon_black",
}

#: Controlled form -> the uncontrolled downstream good it is passed off as.
DOWNSTREAM = {
    "gaas_wafer": "led_chips",
    "gan_wafer": "semi_devices",
    "ge_substrate": "lens_blanks",
    "tb_ndfeb": "ndfeb",
    "w_alloy": "wc_tools",
    "smco": "ndfeb",
    "mo_powder": "mo_wire",
}


def products() -> pl.DataFrame:
    """All products with the date each controlled form's control took effect (null if none)."""
    frame = pl.read_csv(PRODUCTS, schema_overrides={"hs": pl.String}).with_columns(
        pl.col("material", "control_id").fill_null("")
    )
    dates = control_dates()
    return frame.with_columns(
        pl.col("control_id")
        .replace_strict(dates, default=None, return_dtype=pl.Date)
        .alias("controlled_from")
    )


def control_dates() -> dict[str, date]:
    """Each catalogue item's effective date, read from the control catalogue."""
    with CATALOGUE.open(encoding="utf-8") as handle:
        items = yaml.safe_load(handle)["items"]
    return {item["id"]: date.fromisoformat(str(item["effective_from"])) for item in items}
