"""Trade statistics from both sides: China's exports (from what was declared), partners'
imports from China (from what really arrived: CIF, lagged, noisy, partly under the true
code), partners' re-exports (honest hubs and diverted flows) and the mirror imports of
the final destinations.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import numpy.typing as npt
import polars as pl

from orewatch.contract.schema import TRADE_STATS
from orewatch.world.declarations import G_CONTROLLED, M_AIR, M_EXPRESS, M_POST, Decls, Lines
from orewatch.world.geo import HONEST_HUBS, TRANSIT_COUNTRIES
from orewatch.world.goods import GOODS
from orewatch.world.parties import COUNTRY_CODES
from orewatch.world.schemes.base import Reexport

_HS6 = np.array([g.hs_code[:6] for g in GOODS])
_FAR = ("US", "MX", "CA", "DE", "NL", "BE", "GB", "FR", "IT", "TR", "AE", "IN", "RU")


def _period(days: npt.NDArray[np.int64]) -> npt.NDArray[np.str_]:
    months = days.astype("datetime64[D]").astype("datetime64[M]")
    out: npt.NDArray[np.str_] = np.datetime_as_string(months)
    return out


def _summed(frame: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
    """Sum value and quantity per key in exact integer units (cents, grams), sorted, so
    that the result does not depend on the order polars adds in."""
    return (
        frame.with_columns(
            (pl.col("value_usd") * 100).round(0).cast(pl.Int64),
            (pl.col("quantity_kg") * 1000).round(0).cast(pl.Int64),
        )
        .group_by(keys)
        .agg(pl.col("value_usd").sum(), pl.col("quantity_kg").sum())
        .with_columns(pl.col("value_usd") / 100.0, pl.col("quantity_kg") / 1000.0)
        .sort(keys)
    )


def trade_frame(
    rng: np.random.Generator,
    decls: Decls,
    lines: Lines,
    reexports: list[Reexport],
    start: date,
    end: date,
) -> pl.DataFrame:
    d = lines.decl
    day = decls.day[d]
    dest = np.array(COUNTRY_CODES)[decls.dest[d]]
    parts: list[pl.DataFrame] = []

    # China's own exports: what was declared
    exports = (
        pl.DataFrame(
            {
                "partner": dest,
                "hs_code": _HS6[lines.good_decl],
                "period": _period(day),
                "value_usd": lines.usd_decl,
                "quantity_kg": lines.kg_decl,
            }
        )
        .pipe(_summed, ["partner", "hs_code", "period"])
        .with_columns(pl.lit("CN").alias("reporter"), pl.lit("export").alias("flow"))
    )
    parts.append(exports)

    # partners' imports from China: what arrived, classified mostly right
    n = len(lines)
    right = rng.random(n) < 0.7
    hs_true = np.where(right, _HS6[lines.good_true], _HS6[lines.good_decl])
    far = np.isin(dest, _FAR)
    sea_like = ~np.isin(decls.mode[d], (M_AIR, M_EXPRESS, M_POST))
    lag = np.where(
        sea_like,
        np.where(far, rng.integers(20, 50, n), rng.integers(3, 20, n)),
        rng.integers(1, 5, n),
    )
    cif = rng.uniform(1.03, 1.10, n)
    imp_day = day + lag
    imp = pl.DataFrame(
        {
            "reporter": dest,
            "hs_code": hs_true,
            "period": _period(imp_day),
            "value_usd": lines.usd_true * cif,
            "quantity_kg": lines.kg_true,
        }
    )
    hid = np.flatnonzero(lines.hidden_good >= 0)
    hidden = pl.DataFrame(
        {
            "reporter": dest[hid],
            "hs_code": _HS6[lines.hidden_good[hid]],
            "period": _period(imp_day[hid]),
            "value_usd": lines.hidden_kg[hid] * 0.0,
            "quantity_kg": lines.hidden_kg[hid] * 0.5,
        }
    )  # a hidden load shows up only when the partner's customs find it (half of it, no value)
    imports = (
        pl.concat([imp, hidden])
        .pipe(_summed, ["reporter", "hs_code", "period"])
        .with_columns(pl.lit("CN").alias("partner"), pl.lit("import").alias("flow"))
    )
    noise = np.exp(rng.normal(0, 0.05, imports.height))
    imports = imports.with_columns(pl.col("value_usd") * noise, pl.col("quantity_kg") * noise)
    parts.append(imports)

    # re-exports: honest hubs pass on a share of controlled imports; diverted flows surge
    ctrl = G_CONTROLLED[lines.good_true]
    hubs = np.isin(dest, HONEST_HUBS + TRANSIT_COUNTRIES) & ctrl
    share = np.where(np.isin(dest, HONEST_HUBS), 0.25, 0.04)
    take = hubs & (rng.random(n) < share)
    partners = np.array(["US", "DE", "JP", "KR", "GB"])[
        rng.choice(5, n, p=[0.35, 0.2, 0.2, 0.15, 0.1])
    ]
    re_day = day + rng.integers(25, 75, n)
    honest_re = pl.DataFrame(
        {
            "reporter": dest[take],
            "partner": partners[take],
            "hs_code": _HS6[lines.good_true[take]],
            "period": _period(re_day[take]),
            "value_usd": lines.usd_true[take] * rng.uniform(1.1, 1.3, int(take.sum())),
            "quantity_kg": lines.kg_true[take],
        }
    )
    diverted = pl.DataFrame(
        {
            "reporter": [r.reporter for r in reexports],
            "partner": [r.partner for r in reexports],
            "hs_code": [r.hs6 for r in reexports],
            "period": _period(np.array([r.day for r in reexports], dtype=np.int64)),
            "value_usd": [r.usd for r in reexports],
            "quantity_kg": [r.kg for r in reexports],
        },
        schema=honest_re.schema,
    )
    re = pl.concat([honest_re, diverted]).pipe(
        _summed, ["reporter", "partner", "hs_code", "period"]
    )
    parts.append(re.with_columns(pl.lit("re_export").alias("flow")))
    # ... and the final destinations' imports from those re-exporters
    mirror = re.select(
        pl.col("partner").alias("reporter"),
        pl.col("reporter").alias("partner"),
        "hs_code",
        "period",
        pl.col("value_usd") * 1.05,
        "quantity_kg",
    )
    m_noise = np.exp(rng.normal(0, 0.06, mirror.height))
    parts.append(mirror.with_columns(pl.col("value_usd") * m_noise, pl.lit("import").alias("flow")))

    last = np.datetime_as_string(np.datetime64(end, "M"))
    first = np.datetime_as_string(np.datetime64(start, "M"))
    out = (
        pl.concat([p.select(TRADE_STATS.names) for p in parts])
        .filter((pl.col("period") >= first) & (pl.col("period") <= last))
        .with_columns(pl.col("value_usd").round(0), pl.col("quantity_kg").round(0))
        .sort(["reporter", "partner", "flow", "hs_code", "period"])
    )
    return out
