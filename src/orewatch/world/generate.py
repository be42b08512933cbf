"""Orchestrates the synthetic world: parties -> prices -> declarations -> schemes ->
licences -> chain -> inspections -> trade statistics -> watchlist -> files + truth.

Every stage draws from its own random stream derived from the seed, so the same seed
and arguments give byte-identical files.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import polars as pl

from orewatch.contract.schema import TABLES
from orewatch.io.atomic import write_csv, write_text
from orewatch.world import chain as chain_mod
from orewatch.world import schemes
from orewatch.world.calendar import day_weights, month_starts
from orewatch.world.declarations import SpecPool, generate_base
from orewatch.world.goods import CONTROLLED_SECTORS
from orewatch.world.inspections import inspections_frame
from orewatch.world.licences import LicenceBook, add_unused, issue_for_lines
from orewatch.world.parties import PartyBook, build_base
from orewatch.world.prices import build_prices, prices_frame
from orewatch.world.render import declarations_frame
from orewatch.world.trade import trade_frame
from orewatch.world.truth import (
    DEFAULT_WEIGHTS,
    LINE_SCHEMES,
    SCHEME_DESCRIPTIONS,
    SCHEMES,
    TRUTH_LINES_COLUMNS,
    TRUTH_PARTIES_COLUMNS,
    TRUTH_ROUTES_COLUMNS,
)
from orewatch.world.watchlist import watchlist_frame

GENERATOR_VERSION = "orewatch-world 1.0"
STAGES: tuple[str, ...] = (
    "parties",
    "prices",
    "declarations",
    "schemes",
    "licences",
    "chain",
    "render",
    "inspections",
    "trade",
    "watchlist",
    "write",
)


@dataclass(frozen=True)
class WorldConfig:
    """What to generate. ``weights`` are relative shares of the line schemes."""

    seed: int
    lines: int
    start: date = date(2023, 1, 1)
    end: date = date(2026, 10, 31)
    fraud_share: float = 0.02
    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    inspection_rate: float = 0.04
    leak_share: float = 0.1  # share of producing plants that leak for a few months
    rogue_share: float = 0.2  # share of controlled-sector exporters that cheat sometimes

    def targets(self) -> dict[str, int]:
        unknown = set(self.weights) - set(LINE_SCHEMES)
        if unknown:
            raise ValueError(f"unknown schemes: {sorted(unknown)}")
        total = sum(self.weights.values()) or 1.0
        n = self.lines * self.fraud_share
        return {s: round(n * self.weights.get(s, 0.0) / total) for s in LINE_SCHEMES}


@dataclass(frozen=True)
class WorldSummary:
    out: Path
    seed: int
    lines: int
    start: date
    end: date
    counts: dict[str, int]
    scheme_lines: dict[str, int]
    scheme_parties: dict[str, int]
    leak_periods: int


def _n_exporters(lines: int) -> int:
    return int(np.clip(60 + 2.8 * math.sqrt(lines), 80, 6000))


def generate_world(
    out: Path,
    seed: int,
    lines: int,
    start: date = date(2023, 1, 1),
    end: date = date(2026, 10, 31),
    *,
    fraud_share: float = 0.02,
    weights: dict[str, float] | None = None,
    progress: Callable[[str], None] | None = None,
) -> WorldSummary:
    """Write a dataset folder (contract tables + ``truth/``) and return its summary."""
    cfg = WorldConfig(
        seed,
        lines,
        start,
        end,
        fraud_share,
        dict(weights) if weights is not None else dict(DEFAULT_WEIGHTS),
    )
    return generate(Path(out), cfg, progress)


def generate(
    out: Path, cfg: WorldConfig, progress: Callable[[str], None] | None = None
) -> WorldSummary:
    if cfg.lines < 100:
        raise ValueError("need at least 100 lines")
    if cfg.end <= cfg.start:
        raise ValueError("end must be after start")

    def rng(stage: str) -> np.random.Generator:
        return np.random.default_rng([cfg.seed, STAGES.index(stage)])

    def done(stage: str) -> None:
        if progress is not None:
            progress(stage)

    targets = cfg.targets()
    months = month_starts(cfg.start, cfg.end)

    book = PartyBook(rng("parties"), cfg.start, cfg.end)
    build_base(book, _n_exporters(cfg.lines))
    done("parties")

    prices = build_prices(rng("prices"), months, cfg.start, cfg.end)
    done("prices")

    days, day_p = day_weights(cfg.start, cfg.end)
    specs = SpecPool.build()
    specs_base = len(specs.texts)
    decls, lns = generate_base(
        rng("declarations"), book, prices, cfg.lines, cfg.start, cfg.end, days, day_p, specs
    )
    done("declarations")

    r = rng("schemes")
    rogue = np.array(
        [e.sector in CONTROLLED_SECTORS and r.random() < cfg.rogue_share for e in book.exporters]
    )
    lb = LicenceBook(rng("licences"))
    ctx = schemes.Ctx(
        rng=r,
        book=book,
        decls=decls,
        lines=lns,
        prices=prices,
        specs=specs,
        start=cfg.start,
        end=cfg.end,
        targets=targets,
        lb=lb,
        taken=np.zeros(len(lns), dtype=bool),
        decl_taken=np.zeros(len(decls), dtype=bool),
        lic_mode=np.zeros(len(lns), dtype=np.int64),
        rogue=rogue,
    )
    schemes.inject_before_licences(ctx)
    done("schemes")

    lr = rng("licences")
    eu_names = [e.name for e in book.end_users]
    from orewatch.world.declarations import END_USE_POOL

    legit = np.flatnonzero(lns.needs_licence & (ctx.lic_mode == schemes.LIC_LEGIT))
    issue_for_lines(lr, book, decls, lns, legit, eu_names, list(END_USE_POOL), lb)
    add_unused(lr, book, lb, 0.06, list(END_USE_POOL))
    schemes.inject_after_licences(ctx)
    licences = lb.frame(book)
    done("licences")

    cr = rng("chain")
    ch = chain_mod.build_chain(cr, book, decls, lns, months, cfg.start, cfg.leak_share)
    facilities, movements, production, truth_fac = chain_mod.chain_frames(cr, ch, months)
    origin = chain_mod.origin_regions(cr, ch, book, decls, lns)
    done("chain")

    declarations = declarations_frame(
        rng("render"), book, decls, lns, specs, prices, cfg.start, origin
    )
    decl_ids = declarations["declaration_id"].gather(pl.Series(decls.first, dtype=pl.Int64))
    done("render")

    inspections = inspections_frame(
        rng("inspections"), book, decls, lns, specs_base, decl_ids, cfg.inspection_rate
    )
    done("inspections")

    trade = trade_frame(rng("trade"), decls, lns, ctx.reexports, cfg.start, cfg.end)
    price_table = prices_frame(prices, cfg.start)
    done("trade")

    watch, listed = watchlist_frame(
        rng("watchlist"), book, ctx.watch_end_users, cfg.start, max(40, len(book.consignees) // 10)
    )
    parties, relations = book.frames()
    done("watchlist")

    # truth
    truth_lines = (
        pl.concat(
            [
                pl.DataFrame(
                    {
                        "declaration_id": decl_ids.gather(pl.Series(lns.decl[idx], dtype=pl.Int64)),
                        "line_no": lns.line_no[idx],
                        "scheme": scheme,
                    }
                )
                for idx, scheme in lns.labels
            ]
            or [
                pl.DataFrame(
                    schema={"declaration_id": pl.String, "line_no": pl.Int64, "scheme": pl.String}
                )
            ]
        )
        .unique()
        .sort(["declaration_id", "line_no", "scheme"])
        .select(TRUTH_LINES_COLUMNS)
    )
    party_rows = list(ctx.truth_parties) + [(p, "transshipment", "end_user") for p in listed]
    # leaking plants' operators
    truth_parties = (
        pl.DataFrame(party_rows, schema=list(TRUTH_PARTIES_COLUMNS), orient="row")
        .unique()
        .sort(list(TRUTH_PARTIES_COLUMNS))
    )
    truth_routes = (
        pl.DataFrame(ctx.truth_routes, schema=list(TRUTH_ROUTES_COLUMNS), orient="row")
        .unique()
        .sort(list(TRUTH_ROUTES_COLUMNS))
    )
    truth_schemes = pl.DataFrame(
        {"scheme": list(SCHEMES), "description": [SCHEME_DESCRIPTIONS[s] for s in SCHEMES]}
    )

    tables: dict[str, pl.DataFrame] = {
        "declarations": declarations,
        "licenses": licences,
        "parties": parties,
        "relations": relations,
        "facilities": facilities,
        "movements": movements,
        "production": production,
        "inspections": inspections,
        "trade_stats": trade,
        "prices": price_table.select(TABLES["prices"].names),
        "watchlist": watch,
    }
    out.mkdir(parents=True, exist_ok=True)
    for name, frame in tables.items():
        write_csv(frame.select(TABLES[name].names), out / f"{name}.csv")
    truth_dir = out / "truth"
    write_csv(truth_lines, truth_dir / "lines.csv")
    write_csv(truth_parties, truth_dir / "parties.csv")
    write_csv(truth_fac, truth_dir / "facilities.csv")
    write_csv(truth_routes, truth_dir / "routes.csv")
    write_csv(truth_schemes, truth_dir / "schemes.csv")

    scheme_lines = {s: 0 for s in LINE_SCHEMES}
    for s, c in truth_lines.group_by("scheme").len().iter_rows():
        scheme_lines[str(s)] = int(c)
    scheme_parties = {s: 0 for s in SCHEMES}
    for s, c in truth_parties.group_by("scheme").len().iter_rows():
        scheme_parties[str(s)] = int(c)
    counts = {name: frame.height for name, frame in tables.items()}
    summary = WorldSummary(
        out=out,
        seed=cfg.seed,
        lines=cfg.lines,
        start=cfg.start,
        end=cfg.end,
        counts=counts,
        scheme_lines=scheme_lines,
        scheme_parties=scheme_parties,
        leak_periods=truth_fac.height,
    )
    meta = {
        "generator": GENERATOR_VERSION,
        "seed": cfg.seed,
        "lines": cfg.lines,
        "start": cfg.start.isoformat(),
        "end": cfg.end.isoformat(),
        "fraud_share": cfg.fraud_share,
        "weights": {s: cfg.weights.get(s, 0.0) for s in LINE_SCHEMES},
        "targets": targets,
        "counts": counts,
        "truth": {
            "lines": truth_lines.height,
            "fraudulent_lines": truth_lines.select("declaration_id", "line_no").unique().height,
            "lines_per_scheme": scheme_lines,
            "parties_per_scheme": scheme_parties,
            "facility_periods": {"production_leak": truth_fac.height},
            "routes": truth_routes.height,
        },
    }
    write_text(
        json.dumps(meta, ensure_ascii=False, indent=2, sort_keys=False) + "\n",
        truth_dir / "world.json",
    )
    done("write")
    return summary


def summary_dict(s: WorldSummary) -> dict[str, object]:
    d = asdict(s)
    d["out"] = str(s.out)
    d["start"] = s.start.isoformat()
    d["end"] = s.end.isoformat()
    return d
