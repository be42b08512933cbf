"""The fifteenth world: an independent synthetic test-data generator for orewatch.

A customs service's view of strategic-mineral exports from July 2023 to March 2026, a
period in which the gallium/germanium, graphite, antimony, 2025 No.10 and rare-earth
controls of the catalogue take effect (and the 2025 Nos.55-58 items are suspended before
they ever do). Honest trade dominates: manufacturers, trading houses and small traders
lodging through brokers, look-alike ordinary goods, licensed controlled trade under the
catalogue's real codes, and every innocent pattern that looks suspicious. Fourteen
smuggling schemes (misdeclaration, concealment, licence fraud, transshipment and an
evasion by alloying), each loud or faint, are run by rings that change front once an
inspection catches them. ``generate`` writes every contract table as CSV and
``truth/lines.csv`` naming each fraudulent line and its scheme.
"""

from fifteenthworld.knobs import Knobs
from fifteenthworld.schemes import SCHEMES
from fifteenthworld.world import build, generate

__all__ = ["SCHEMES", "Knobs", "build", "generate"]
