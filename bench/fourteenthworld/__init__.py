"""The fourteenth world: an independent synthetic test-data generator for orewatch.

A customs service's view of strategic-mineral exports from January 2024 to June 2026:
honest trade dominated by look-alike ordinary metals and chemicals, licensed trade in
controlled items under the catalogue's real codes and dates, honest behaviour that
looks suspicious, twelve fraud schemes run by rings that change identity once caught,
and the inspection history, licences, parties, prices, trade statistics, watchlist and
domestic chain a screening system may use. ``generate`` writes it under the data
contract, with ``truth/lines.csv`` naming every fraudulent line and its scheme.
"""

from fourteenthworld.knobs import Knobs
from fourteenthworld.schemes import SCHEMES
from fourteenthworld.world import build, generate

__all__ = ["SCHEMES", "Knobs", "build", "generate"]
