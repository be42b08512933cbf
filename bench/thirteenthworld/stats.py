"""Official trade statistics: China's exports as declared, partners' imports as arrived.

China reports what was declared (declared code, declared weight and value). Partners
report what arrived, classified by what it really was (their customs see the goods), at
CIF values, some monthly and some only yearly, with reporting noise. Relay hubs also
report re-exports of controlled goods to the end users' countries a month or two later:
the mirror gap and the hubs' re-export surge after the controls are the macro traces of
misdeclaration, concealment and transshipment.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from .catalogue import PRODUCTS
from .honest import Lines
from .places import FINAL_USERS, START, iso_days
from .schemes import Hidden

MONTHLY = ("JP", "KR", "US", "DE", "NL", "BE", "VN", "TH", "MY", "KZ", "GB", "FR")
YEARLY = ("IN", "AE", "TR", "MX", "RS", "KG", "ID", "SG")
HUBS = ("VN", "TH", "MY", "AE", "TR", "KZ", "MX", "IN", "RS", "KG", "SG", "HK")


def _months(day: np.ndarray) -> np.ndarray:
    return np.array([s[:7] for s in iso_days(day)])


def _agg(frame: pl.DataFrame, by: list[str]) -> pl.DataFrame:
    """Sums by ``by``, in key order (group order would make the seed's draws wander)."""
    agg = frame.group_by(by).agg(
        pl.col("value_usd").sum().round(0), pl.col("quantity_kg").sum().round(1)
    )
    return agg.sort(by)


def table(rng: np.random.Generator, L: Lines, hidden: Hidden) -> pl.DataFrame:
    hs_true = np.array([PRODUCTS[p].hs[:6] for p in L["true_prod"]])
    month = _months(L["day"])
    exports = pl.DataFrame(
        {
            "reporter": "CN",
            "partner": L["dest"].astype(str),
            "flow": "export",
            "hs_code": np.array([h[:6] for h in L["hs"]]),
            "period": month,
            "value_usd": L["usd"],
            "quantity_kg": L["net"],
        }
    )
    arrived = pl.DataFrame(
        {
            "reporter": L["dest"].astype(str),
            "partner": "CN",
            "flow": "import",
            "hs_code": hs_true,
            "period": month,
            "value_usd": L["true_usd"] * 1.06,
            "quantity_kg": L["true_net"],
        }
    )
    stow = pl.DataFrame(
        {
            "reporter": L["dest"][hidden.line].astype(str),
            "partner": "CN",
            "flow": "import",
            "hs_code": np.array([PRODUCTS[p].hs[:6] for p in hidden.prod], dtype=str),
            "period": month[hidden.line],
            "value_usd": hidden.usd * 1.06,
            "quantity_kg": hidden.kg.astype(float),
        }
    )
    imports = pl.concat([arrived, stow])
    imports = imports.filter(pl.col("reporter").is_in(MONTHLY + YEARLY)).with_columns(
        pl.when(pl.col("reporter").is_in(YEARLY))
        .then(pl.col("period").str.slice(0, 4))
        .otherwise(pl.col("period"))
        .alias("period")
    )
    controlled = [p.hs[:6] for p in PRODUCTS if p.controlled]
    into_hubs = imports.filter(pl.col("reporter").is_in(HUBS) & pl.col("hs_code").is_in(controlled))
    onward = _agg(
        into_hubs.with_columns(pl.col("period").str.slice(0, 4)), ["reporter", "hs_code", "period"]
    )
    share = rng.uniform(0.05, 0.25, onward.height)  # honest hubs pass some goods on too
    relayed = np.isin(L["scheme"], ("relay_consignee", "bulk_stowaway", "ant_moving"))
    extra = pl.DataFrame(
        {
            "reporter": L["dest"][relayed].astype(str),
            "hs_code": hs_true[relayed],
            "period": np.array([s[:4] for s in month[relayed]]),
            "v": L["true_usd"][relayed],
        }
    )
    extra = (
        extra.group_by("reporter", "hs_code", "period")
        .agg(pl.col("v").sum())
        .sort("reporter", "hs_code", "period")
    )
    onward = onward.with_columns((pl.col("value_usd") * share).alias("value_usd"))
    onward = onward.join(
        extra, on=["reporter", "hs_code", "period"], how="left", maintain_order="left"
    ).with_columns(
        (pl.col("value_usd") + pl.col("v").fill_null(0) * 0.9).round(0).alias("value_usd"),
        pl.lit(None, pl.Float64).alias("quantity_kg"),
    )
    partner = rng.choice(np.array(FINAL_USERS), onward.height)
    reexports = onward.select(
        "reporter",
        pl.Series("partner", partner),
        pl.lit("re_export").alias("flow"),
        "hs_code",
        "period",
        "value_usd",
        "quantity_kg",
    )
    noisy = _agg(imports, ["reporter", "partner", "flow", "hs_code", "period"])
    noisy = noisy.with_columns(
        (pl.col("value_usd") * pl.Series(rng.lognormal(0, 0.08, noisy.height))).round(0),
        (pl.col("quantity_kg") * pl.Series(rng.lognormal(0, 0.05, noisy.height))).round(1),
    )
    cols = ["reporter", "partner", "flow", "hs_code", "period", "value_usd", "quantity_kg"]
    out = pl.concat(
        [_agg(exports, cols[:5]).select(cols), noisy.select(cols), reexports.select(cols)]
    )
    return out.filter(pl.col("period") >= START.isoformat()[:4]).sort(cols[:5])
