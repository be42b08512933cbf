"""One world from seed to folder: who trades, honest trade, licences, rings lodging
their schemes under a legacy inspection regime, the domestic chain, statistics, files.

The order matters and is fixed: the inspection regime is calibrated on honest trade
before any ring lodges, rings are inspected as they lodge (so they can adapt), and the
domestic chain is balanced last, on what was declared and what leaked.
"""

from __future__ import annotations

from pathlib import Path

from eighteenthworld import chain, honest, licensing, population, stats, watchlist, writer
from eighteenthworld.inspections import Inspector
from eighteenthworld.knobs import Knobs, check_lines
from eighteenthworld.schemes import Schemer, quotas
from eighteenthworld.state import World
from orewatch.controls import load_catalogue


def build(lines: int, seed: int, knobs: Knobs) -> World:
    world = World(check_lines(lines), seed, knobs, load_catalogue())
    population.build(world)
    watchlist.build(world)
    fraud = sum(quotas(world).values())
    # held back for the honest lines rings bring along (covering lines, extra hosts);
    # ``settle`` tops the world up to exactly ``lines`` at the end
    reserve = round(0.3 * fraud)
    honest.generate(world, max(lines // 3, lines - fraud - reserve))
    licensing.assign(world)
    inspector = Inspector(world)
    schemer = Schemer(world, inspector)
    schemer.run()
    honest.settle(world, lines)
    inspector.finish()
    chain.build(world, schemer.flows)
    world.trade_stats = stats.build(world)
    return world


def generate(out: Path, lines: int, seed: int, **knobs: float) -> Path:
    """Write the eighteenth world (``lines`` declaration lines, exactly) to ``out``."""
    settings = Knobs.of(**knobs)
    world = build(lines, int(seed), settings)
    return writer.write(world, Path(out))
