"""Putting a world together and writing it as a dataset of the contract.

Order matters: actors and prices first, then honest trade, then the lines the schemes
take (their truth is kept: true product, weight and value), then the honest licence
register, then the schemes rewrite their lines (and the register where they abuse it),
then the inspection history and the statistics, which look at the world as it really
was. Everything draws from one numpy generator seeded once, in a fixed order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from . import actors, declarations, inspections, schemes, stats
from .catalogue import PRODUCTS
from .honest import generate as honest_lines
from .knobs import Knobs
from .licences import Book
from .market import Market


def _write(frame: pl.DataFrame, path: Path) -> None:
    """CSV with empty text and NaN written as empty cells (missing values)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = [c for c, t in frame.schema.items() if t == pl.String]
    frame = frame.with_columns(
        pl.when(pl.col(c) == "").then(None).otherwise(pl.col(c)).alias(c) for c in text
    )
    floats = [c for c, t in frame.schema.items() if t == pl.Float64]
    frame = frame.with_columns(pl.col(c).fill_nan(None) for c in floats)
    frame.write_csv(path)


def generate(out_dir: str | Path, lines: int = 100_000, seed: int = 1, **knobs: Any) -> Path:
    """Write a world of ``lines`` declaration lines to ``out_dir``; returns the folder."""
    k = Knobs(**knobs)
    out = Path(out_dir)
    rng = np.random.default_rng(seed)
    a = actors.build(rng, lines, k.honest_noise)
    m = Market(rng)
    L = honest_lines(rng, a, m, lines, k.honest_noise)
    L["scheme"] = np.full(lines, "", dtype=object)
    picked = schemes.choose(rng, a, L, k.fraud_share)
    for name, at in picked.items():
        L["scheme"][at] = name
    L["true_prod"] = L["prod"].copy()
    L["true_net"] = L["net"].copy()
    L["true_usd"] = L["usd"].copy()
    names = np.array(a.con_name, dtype=object)
    book = Book(rng, L, names, np.array(a.con_country), np.array(a.exp_id, dtype=object))
    hidden = schemes.apply(rng, m, a, L, picked, book)
    decl_ids = declarations.ids(rng, L)
    tables = {
        "declarations": declarations.table(rng, a, L, decl_ids),
        "licenses": book.table(L, np.array([p.uses[0] for p in PRODUCTS], dtype=object)),
        **actors.frames(a),
        "inspections": inspections.history(rng, a, L, hidden, k, decl_ids),
        "trade_stats": stats.table(rng, L, hidden),
        "prices": m.table(rng),
    }
    out.mkdir(parents=True, exist_ok=True)
    for name, frame in tables.items():
        _write(frame, out / f"{name}.csv")
    fraud = np.nonzero(L["scheme"] != "")[0]
    truth = pl.DataFrame(
        {
            "declaration_id": decl_ids[L["decl"][fraud]].astype(str),
            "line_no": L["line_no"][fraud],
            "scheme": L["scheme"][fraud].astype(str),
        }
    )
    _write(truth, out / "truth" / "lines.csv")
    return out
