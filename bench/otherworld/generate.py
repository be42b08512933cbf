"""Putting a world together and writing it as a dataset folder.

Order matters: the honest trade first, then its licences, then the schemes (rewrites
alter honest lines, injected schemes lodge new declarations), then the inspection
history over everything, then the statistics every flow leaves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import polars as pl

from . import inspections, licensing, schemes, tables
from .actors import build_actors
from .shipments import assemble, catalogue, honest_plan


@dataclass(frozen=True)
class Knobs:
    """What a run may change: share of fraudulent lines, share of declarations inspected,
    relative weights of the schemes, and per-scheme factors on the chance a check confirms
    it (1 = the method table in :mod:`.inspections`)."""

    fraud_share: float = 0.012
    inspection_rate: float = 0.03
    weights: dict[str, float] = field(default_factory=lambda: dict(schemes.DEFAULT_WEIGHTS))
    confirm: dict[str, float] = field(default_factory=dict)


def scheme_counts(lines: int, knobs: Knobs) -> dict[str, int]:
    """Fraudulent lines per scheme (every weighted scheme gets at least one)."""
    total = sum(knobs.weights.values())
    n = knobs.fraud_share * lines
    return {s: max(1, round(n * w / total)) for s, w in knobs.weights.items() if w > 0}


def concat(parts: list[dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    return {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}


def build(lines: int, seed: int, knobs: Knobs) -> dict[str, object]:
    """Every table of one world, in memory."""
    rng = np.random.default_rng(seed)
    cat = catalogue()
    actors = build_actors(rng, lines, cat.controlled.size)
    us_ban = np.isin(cat.element[cat.controlled], schemes.US_BAN_ELEMENTS)
    counts = scheme_counts(lines, knobs)
    injected = sum(c for s, c in counts.items() if s in schemes.INJECTED)
    plan = honest_plan(rng, cat, actors, max(100, lines - round(injected * 2.0)), us_ban)
    honest = assemble(rng, cat, actors, *plan, seq_start=1)
    licences = licensing.issue(rng, cat, actors, honest)
    ctx = schemes.Ctx(rng, cat, actors, licences, seq=plan[0].size + 1)
    for name, rewrite in schemes.REWRITES.items():
        if name in counts:
            rewrite(honest, ctx, counts[name])
    parts = [honest]
    for name, make in schemes.INJECTED.items():
        if name in counts:
            parts.append(make(ctx, counts[name]))
    everything = concat(parts)
    checks = inspections.inspect(
        rng,
        everything,
        cat,
        actors.exp_kind,
        actors.exp_since,
        knobs.inspection_rate,
        knobs.confirm,
    )
    all_licences = pl.concat([licences, *ctx.extra_licences])
    return {
        "declarations": tables.declarations(everything),
        "licenses": all_licences.select(licensing.LICENCE_COLUMNS[:12]),
        "parties": tables.parties(rng, actors),
        "relations": tables.relations(actors),
        "watchlist": tables.watchlist(actors),
        "inspections": checks,
        "trade_stats": tables.trade_stats(rng, everything, cat),
        "prices": tables.prices(cat),
        "truth/lines": tables.truth(everything),
    }


def generate(out_dir: Path | str, lines: int = 100_000, seed: int = 1, **knobs: object) -> Path:
    """Write a world of about ``lines`` declaration lines to ``out_dir`` (CSV per table,
    ``truth/lines.csv``). ``knobs``: fields of :class:`Knobs`."""
    out = Path(out_dir)
    (out / "truth").mkdir(parents=True, exist_ok=True)
    for name, frame in build(lines, seed, Knobs(**knobs)).items():  # type: ignore[arg-type]
        assert isinstance(frame, pl.DataFrame)
        frame.write_csv(out / f"{name}.csv")
    return out
