"""The inspection history: what officers chose to check, how, and what they found.

Officers pick lines that look risky to them -- controlled codes, metal look-alikes, parcels
and passengers, new exporters, hub destinations, prices far below the usual -- with the
``inspection_bias`` knob setting how strongly; the rest of the capacity is spread at
random. A check finds what it is suited to find: a document check catches a bad licence
but not powder inside quartz flour, a lab test catches a shaved purity, a scan a dense
block among tiles. So the history finds only part of the smuggling, records some
smuggled lines as ``clear``, and also records housekeeping finds on honest lines
(ordinary goods under the wrong ordinary code, a clerical undervaluation) that have
nothing to do with export controls.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import polars as pl

from . import goods
from .books import Row
from .places import HUBS

METHODS = ("document", "scan", "physical", "lab")
HONEST_METHOD_P = np.array([0.5, 0.25, 0.2, 0.05])
SUSPECT_METHOD_P = np.array([0.38, 0.27, 0.25, 0.10])

#: scheme -> (result when found, how well each method finds it: document, scan, physical, lab)
FINDS: dict[str, tuple[str, tuple[float, float, float, float]]] = {
    "code_cloak": ("misdeclared", (0.15, 0.5, 1.0, 1.0)),
    "grade_shave": ("misdeclared", (0.1, 0.05, 0.4, 1.0)),
    "cover_cargo": ("concealed", (0.05, 1.0, 1.0, 0.5)),
    "ant_parcels": ("concealed", (0.1, 1.0, 1.0, 0.6)),
    "mule_carry": ("concealed", (0.05, 1.0, 1.0, 0.6)),
    "ghost_licence": ("unlicensed", (1.0, 0.7, 0.8, 0.7)),
    "borrowed_licence": ("unlicensed", (1.0, 0.5, 0.6, 0.5)),
    "stale_licence": ("unlicensed", (1.0, 0.5, 0.6, 0.5)),
    "overdraw": ("unlicensed", (1.0, 0.3, 0.5, 0.3)),
    "end_user_swap": ("diverted", (0.8, 0.2, 0.3, 0.2)),
    "hub_relay": ("diverted", (0.5, 0.1, 0.2, 0.1)),
    "price_shave": ("undervalued", (0.9, 0.3, 0.6, 0.4)),
    "bought_header": ("misdeclared", (0.3, 0.8, 1.0, 0.8)),
    "crude_article": ("misdeclared", (0.1, 0.5, 0.8, 1.0)),
}
#: Intelligence and profiling make smuggled lines a little likelier to be picked than
#: their visible features alone would say; careless rings more so.
VISIBILITY = {"loud": 1.8, "faint": 1.2}


def officer_weight(
    in_force: np.ndarray,
    lookalike: np.ndarray,
    small: np.ndarray,
    new_exporter: np.ndarray,
    hub: np.ndarray,
    cheap: np.ndarray,
) -> np.ndarray:
    """How risky a line looks to an officer from what is on it (1 = ordinary)."""
    w = np.where(in_force, 2.5, 1.0)
    w = w * np.where(lookalike, 1.6, 1.0)
    w = w * np.where(small, 1.5, 1.0)
    w = w * np.where(new_exporter, 1.6, 1.0)
    w = w * np.where(hub, 1.3, 1.0)
    return w * np.where(cheap, 1.8, 1.0)


def line_features(
    product: np.ndarray,
    day: np.ndarray,
    mode: np.ndarray,
    dest: np.ndarray,
    net: np.ndarray,
    value_usd: np.ndarray,
    new_exporter: np.ndarray,
) -> np.ndarray:
    expected = goods.price_usd_kg(product, day, 0.5)
    cheap = value_usd / np.maximum(net, 1e-3) < 0.4 * expected
    return officer_weight(
        goods.in_force(product, day),
        goods.KIND[product] == "L",
        np.isin(mode, ("post", "express", "passenger")),
        new_exporter,
        np.isin(dest, HUBS),
        cheap,
    )


@dataclass
class Inspector:
    """Chooses inspections and their outcomes; ``scale`` is fitted on honest trade so that
    the history covers about ``inspection_rate`` of all lines."""

    rng: np.random.Generator
    rate: float
    bias: float
    find_rate: float
    noise: float
    scale: float = 0.0
    records: list[Row] = field(default_factory=list)
    honest_frame: pl.DataFrame | None = None

    def fit(self, honest_weights: np.ndarray, total_lines: int) -> None:
        mass = float(np.sum(honest_weights**self.bias))
        self.scale = self.rate * total_lines / mass if mass > 0 else 0.0

    def chance(self, weight: np.ndarray | float) -> np.ndarray | float:
        return np.minimum(0.9, self.scale * np.asarray(weight) ** self.bias)

    def smuggled(self, row: Row, new_exporter: bool) -> bool:
        """Decide whether a smuggled line is inspected and whether the check finds it;
        record the inspection; True when found (a seizure)."""
        rng = self.rng
        product = np.array([row["product"]], dtype=np.int64)
        w = line_features(
            product,
            np.array([row["day"]]),
            np.array([row["mode"]], dtype=object),
            np.array([row["dest"]], dtype=object),
            np.array([row["net_kg"]], dtype=float),
            np.array([row["value_usd"]], dtype=float),
            np.array([new_exporter]),
        )[0]
        variant = str(row["variant"])
        if rng.random() >= float(self.chance(w * VISIBILITY[variant])):
            return False
        method = METHODS[int(rng.choice(4, p=SUSPECT_METHOD_P))]
        result, suit = FINDS[str(row["scheme"])]
        if row["scheme"] == "bought_header" and variant == "faint":
            result = "concealed"
        p = self.find_rate * suit[METHODS.index(method)] * (1.0 if variant == "loud" else 0.65)
        found = bool(rng.random() < p)
        record: Row = {
            "decl": row["decl"],
            "line": row["line"],
            "day": int(row["day"]) + int(rng.integers(0, 4)),
            "method": method,
            "result": result if found else "clear",
            "found_product": -1,
            "found_kg": float("nan"),
            "found_value_usd": float("nan"),
        }
        if found:
            true_p = int(row["true_product"])
            if result in ("misdeclared", "concealed"):
                record["found_product"] = true_p
                hidden = row["hidden_kg"] if "hidden_kg" in row else row["net_kg"]
                record["found_kg"] = float(hidden)
            if result == "undervalued":
                record["found_value_usd"] = float(row["true_value_usd"])
            if result == "unlicensed":
                record["found_product"] = true_p
        self.records.append(record)
        return found

    def honest(self, frame: pl.DataFrame, first_seen: np.ndarray, incorporated: np.ndarray) -> None:
        """Inspect the unlabelled lines of ``frame`` (vectorised) and record them."""
        rng = self.rng
        sel = frame.filter(pl.col("scheme") == "")
        product = sel["product"].to_numpy().astype(np.int64)
        day = sel["day"].to_numpy().astype(np.int64)
        exporter = sel["exporter"].to_numpy()
        new = ((day - first_seen[exporter]) < 120) | ((day - incorporated[exporter]) < 180)
        w = line_features(
            product,
            day,
            sel["mode"].to_numpy().astype(object),
            sel["dest"].to_numpy().astype(object),
            sel["net_kg"].to_numpy(),
            sel["value_usd"].to_numpy(),
            new,
        )
        hit = rng.random(sel.height) < self.chance(w)
        idx = np.flatnonzero(hit)
        decl = sel["decl"].to_numpy()[idx]
        line = sel["line"].to_numpy()[idx]
        n = idx.size
        method = np.array(METHODS, dtype=object)[rng.choice(4, n, p=HONEST_METHOD_P)]
        result = np.full(n, "clear", dtype=object)
        found_product = np.full(n, -1, dtype=np.int64)
        found_value = np.full(n, np.nan)
        # housekeeping finds: ordinary goods under another ordinary code, clerical
        # undervaluation -- customs business, not export control
        house = rng.random(n) < self.noise * 0.5
        kind = rng.random(n) < 0.6
        mis = house & kind
        under = house & ~kind
        result[mis] = "misdeclared"
        result[under] = "undervalued"
        ordinary = np.array(goods.by_kind("O"))
        found_product[mis] = ordinary[rng.integers(0, ordinary.size, int(mis.sum()))]
        found_value[under] = sel["value_usd"].to_numpy()[idx][under] * rng.uniform(
            1.15, 1.6, int(under.sum())
        )
        # some checks cover the whole declaration (no line number)
        whole = (result == "clear") & (rng.random(n) < 0.12)
        records = pl.DataFrame(
            {
                "decl": decl.astype(np.int64),
                "line": np.where(whole, -1, line).astype(np.int32),
                "day": (day[idx] + rng.integers(0, 4, n)).astype(np.int32),
                "method": method.astype(str),
                "result": result.astype(str),
                "found_product": found_product,
                "found_kg": np.full(n, np.nan),
                "found_value_usd": found_value,
            }
        )
        # one whole-declaration record per declaration
        self.honest_frame = records.unique(
            subset=["decl", "line"], keep="first", maintain_order=True
        )

    def frame(self) -> pl.DataFrame:
        ring = pl.DataFrame(
            self.records,
            schema={
                "decl": pl.Int64,
                "line": pl.Int32,
                "day": pl.Int32,
                "method": pl.String,
                "result": pl.String,
                "found_product": pl.Int64,
                "found_kg": pl.Float64,
                "found_value_usd": pl.Float64,
            },
        )
        return pl.concat(
            [self.honest_frame if self.honest_frame is not None else ring.clear(), ring]
        )
