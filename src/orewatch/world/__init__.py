"""The synthetic world: a simulator of strategic-mineral exports with labelled smuggling.

Generates a dataset folder that follows the data contract (declarations, licences,
parties, relations, facilities, movements, production, inspections, trade statistics,
prices, watchlist) plus ``truth/`` with the injected schemes, so that detection is
measured rather than assumed. It owns its own parameters (goods, prices, behaviours)
and must not import detectors; see docs/world.md.
"""

from orewatch.world.generate import WorldConfig, WorldSummary, generate, generate_world
from orewatch.world.truth import DEFAULT_WEIGHTS, LINE_SCHEMES, SCHEME_DESCRIPTIONS, SCHEMES

__all__ = [
    "DEFAULT_WEIGHTS",
    "LINE_SCHEMES",
    "SCHEMES",
    "SCHEME_DESCRIPTIONS",
    "WorldConfig",
    "WorldSummary",
    "generate",
    "generate_world",
]
