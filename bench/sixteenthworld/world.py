"""Putting the world together, in the order things depend on each other.

Population and watchlist first; then the rings' plan (which fixes how many lines they
lodge); honest trade fills the rest and gets its licences; officers' selector is
calibrated on honest lines and used for both; the rings live their plan; licence
numbers, forged numbers and declaration numbers are assigned once everything exists;
the chain, the statistics and the prices are derived from what was shipped.

Every random draw comes from a stream named after its purpose and seeded from the
world's seed (string seeds go through SHA-512, not Python's salted hash), so a seed
always gives the same bytes, and changing one part does not reshuffle the others.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from sixteenthworld import campaign, chain, market, output, schemes, stats
from sixteenthworld.controls import Controls
from sixteenthworld.geography import PORTS
from sixteenthworld.honest import Clock, HonestTrade
from sixteenthworld.inspections import Inspection, Selector, inspect, perceived_risk
from sixteenthworld.knobs import Knobs
from sixteenthworld.licensing import LicenceBook, honest_licences
from sixteenthworld.model import Line
from sixteenthworld.parties import build_population
from sixteenthworld.rings import Kit
from sixteenthworld.watchlist import build_watchlist


@dataclass
class World:
    tables: dict[str, output.Columns]
    truth: output.Columns
    detail: output.Columns


def _stream(seed: int, purpose: str) -> random.Random:
    return random.Random(f"sixteenth|{seed}|{purpose}")


def build(lines: int = 100_000, seed: int = 1, knobs: Knobs | None = None) -> World:
    knobs = knobs or Knobs()
    if lines < 200:
        raise ValueError(f"a world needs at least 200 lines, not {lines}")
    controls = Controls.load()
    pop = build_population(
        _stream(seed, "population"), int(60 + lines / 30), int(8 + lines / 2000), controls
    )
    watch = build_watchlist(
        pop.registry, _stream(seed, "watchlist"), pop.consignees, int(14 + lines / 5000)
    )
    book = LicenceBook()
    ring_rnd = _stream(seed, "rings")
    ring_brokers = ring_rnd.sample(pop.brokers, k=min(3, len(pop.brokers)))
    kit = Kit(
        ring_rnd,
        controls,
        knobs,
        pop,
        book,
        watch,
        Clock.make(_stream(seed, "ring-clock")),
        ring_brokers,
    )
    the_plan = campaign.plan(kit, round(knobs.fraud_share * lines))
    n_honest = lines - the_plan.n_lines
    if n_honest < lines // 3:
        raise ValueError("too few lines for the fraud share asked for")
    trade = HonestTrade(controls, knobs, pop, _stream(seed, "honest"))
    honest = trade.generate(n_honest, first_decl=0)
    exporters = {e.uscc: e for e in pop.exporters}
    honest_licences(book, honest, controls, exporters, pop.consignees, _stream(seed, "licences"))

    insp_rnd = _stream(seed, "inspections")
    risks = [perceived_risk(ln, controls, insp_rnd) for ln in honest]
    selector = Selector.calibrate(knobs, risks)
    multi = _multi_line(honest)
    found: list[Inspection] = []
    for ln, risk in zip(honest, risks, strict=True):
        if selector.chosen(risk, insp_rnd):
            found.append(inspect(ln, insp_rnd, knobs, "", "", whole_ok=ln.decl in multi))
    first_ring_decl = max(ln.decl for ln in honest) + 1
    outcome = campaign.run(kit, the_plan, selector, first_ring_decl, honest)
    found.extend(outcome.inspections)
    every = honest + outcome.lines

    book.number_all(_stream(seed, "licence-numbers"))
    schemes.forged_numbers(every, book.series(), _stream(seed, "forgeries"))
    _declaration_ids(every, _stream(seed, "declaration-ids"))

    exporters.update(kit.exporters_by_id)
    ring_links = {r.idx: [p.party_id for p in r.organisers] for r in the_plan.rings}
    links = chain.build_chain(_stream(seed, "chain"), pop.registry, exporters, every, ring_links)
    out_rnd = _stream(seed, "output")
    tables = {
        "declarations": output.declarations(every, book, out_rnd),
        "licenses": output.licences(book),
        "parties": output.parties(pop.registry.parties),
        "relations": output.relations(pop.registry.relations),
        "facilities": chain.facilities_table(links),
        "movements": links.movements,
        "production": links.production,
        "inspections": output.inspections(found),
        "trade_stats": stats.trade_stats(every, _stream(seed, "stats")),
        "prices": market.prices_table(np.random.default_rng([16, seed])),
        "watchlist": watch.table(),
    }
    truth, detail = output.truth(every)
    return World(tables, truth, detail)


def _multi_line(lines: list[Line]) -> set[int]:
    counts: dict[int, int] = {}
    for ln in lines:
        counts[ln.decl] = counts.get(ln.decl, 0) + 1
    return {d for d, n in counts.items() if n > 1}


def _declaration_ids(lines: list[Line], rnd: random.Random) -> None:
    """18-digit numbers: customs district, year, export flag, running number."""
    first: dict[int, Line] = {}
    for ln in lines:
        if ln.decl not in first or ln.line_no < first[ln.decl].line_no:
            first[ln.decl] = ln
    counters: dict[tuple[str, int], int] = {}
    ids: dict[int, str] = {}
    for decl, ln in sorted(first.items(), key=lambda kv: (kv[1].day, kv[1].stamp, kv[0])):
        district = PORTS[ln.port][0]
        key = (district, ln.day.year)
        seq = counters.get(key, rnd.randrange(10_000, 900_000)) + rnd.randrange(1, 60)
        counters[key] = seq
        ids[decl] = f"{district}{ln.day.year}0{seq:09d}"
    for ln in lines:
        ln.decl_id = ids[ln.decl]


def generate(out_dir: Path, lines: int = 100_000, seed: int = 1, **knobs: float) -> Path:
    """Write a world of ``lines`` declaration lines to ``out_dir`` and return it."""
    settings = Knobs(**knobs)
    world = build(lines=lines, seed=seed, knobs=settings)
    root = Path(out_dir)
    root.mkdir(parents=True, exist_ok=True)
    for name, cols in world.tables.items():
        output.write_table(root, name, cols)
    output.write(root / "truth" / "lines.csv", world.truth)
    output.write(root / "truth" / "lines_detail.csv", world.detail)
    return root
