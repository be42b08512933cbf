"""The twelfth independent world generator: a customs export history of 2022-01..2026-10.

Written from the data contract and from how strategic-mineral export smuggling works,
without reading orewatch's simulator or detectors, so that screening can be measured on
data it was not developed against. Entry point: :func:`generate`.
"""

from twelfthworld.generate import Knobs, generate

__all__ = ["Knobs", "generate"]
