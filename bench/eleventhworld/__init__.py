"""The eleventh independent world generator: export declarations of a Chinese customs
district under the real, changing timeline of the strategic-mineral export controls.

Written without looking at orewatch's simulator or screening, from the data contract,
the control catalogue and how export smuggling of strategic minerals is done. The same
shipment is legal one month and smuggling the next: legality is read from the catalogue's
effective and suspension dates and its destination rules. See :func:`generate`.
"""

from eleventhworld.generate import SCHEMES, generate

__all__ = ["SCHEMES", "generate"]
