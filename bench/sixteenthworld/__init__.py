"""The sixteenth world: an independent synthetic test-data generator for orewatch.

A customs service's view of strategic-mineral exports from April 2024 to September
2026, while the antimony, 2024 No.46, 2025 No.10 and rare-earth controls take effect,
the October 2025 items are suspended before they ever apply, and Japanese military end
users are banned. Honest trade dominates and is untidy; fourteen smuggling schemes
(misdeclaration, concealment, licence fraud, transshipment and the "suspension shield"
of this world's own), each loud or faint, are run by rings that change their fronts
when caught. ``generate`` writes every contract table as CSV, plus ``truth/lines.csv``
(the fraudulent lines and their scheme) and ``truth/lines_detail.csv``.
"""

from sixteenthworld.knobs import Knobs
from sixteenthworld.schemes import SCHEMES
from sixteenthworld.world import build, generate

__all__ = ["SCHEMES", "Knobs", "build", "generate"]
