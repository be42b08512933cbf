"""orewatch: export-control enforcement for strategic minerals.

Finds smuggling in export customs declarations (misdeclaration, concealment,
third-country transshipment), traces material along the domestic chain and
turns findings into shared cases. See README.md and DESIGN.md.
"""

__version__ = "0.1.0"
