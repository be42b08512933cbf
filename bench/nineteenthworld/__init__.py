"""The nineteenth world: China's land frontier and rail corridors, 2024-01 to 2025-12.

An independent generator of export declarations with ground truth, written from the
data contract and the control catalogue only. Land ports in Xinjiang, Inner Mongolia,
Heilongjiang, Yunnan and Guangxi, the China-Europe trains, border residents' trade,
bonded zones; twelve schemes, each loud and faint; a risk-targeting history with its
own biases. ``generate(out, lines, seed, **knobs)`` writes a dataset folder and its
``truth/``.
"""

from nineteenthworld.knobs import KnobError, Knobs
from nineteenthworld.schemes import SCHEMES
from nineteenthworld.world import generate

__all__ = ["SCHEMES", "KnobError", "Knobs", "generate"]
