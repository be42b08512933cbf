"""Controls: the versioned export-control catalogue and its evaluation as of a date.

Owns the control catalogue (items, commodity codes, destination and end-user rules, sources),
the materials catalogue (carriers, forms, metal contents, prices) and the answers built from
them. It reads only its own packaged data and must not touch declarations storage or scoring:
screening calls :meth:`Catalogue.evaluate_frame` and decides what to do with the columns.
"""

from orewatch.controls.catalogue import Catalogue, load_catalogue, packaged_path
from orewatch.controls.loader import CatalogueError
from orewatch.controls.matching import match_kind, normalise_hs
from orewatch.controls.materials import MaterialsCatalogue, load_materials
from orewatch.controls.model import (
    Citation,
    ControlDecision,
    ControlItem,
    DestinationRule,
    MatchedItem,
    RuleApplication,
)

__all__ = [
    "Catalogue",
    "CatalogueError",
    "Citation",
    "ControlDecision",
    "ControlItem",
    "DestinationRule",
    "MatchedItem",
    "MaterialsCatalogue",
    "RuleApplication",
    "load_catalogue",
    "load_materials",
    "match_kind",
    "normalise_hs",
    "packaged_path",
]
