"""A third, independently written world generator for orewatch (bench only).

Written from the data contract and from how strategic-mineral smuggling works, without
reading orewatch's simulator or screening. Different on purpose: declarations that are
mostly one line (parcels, metals) or very long (bulk sea cargo), CNY values, tonnes on
bulk lines, English, Chinese or both in descriptions, a 2024-06..2026-09 period, fraud
concentrated in a few exporter networks, a low inspection rate with a third of the checks
recorded per declaration. See :mod:`thirdworld.schemes` for the schemes.
"""

from thirdworld.generate import generate

__all__ = ["generate"]
