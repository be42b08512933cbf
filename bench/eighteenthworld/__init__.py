"""The eighteenth independent world: a busy Chinese export office, 2024-06 to 2026-05.

Freight consolidators and export agents lodge 10-60-line declarations of general cargo,
Yiwu traders lodge market-procurement declarations, e-commerce sellers send parcels,
licensed producers ship controlled goods in big lots (rushing before each control date,
waiting for licences after it), scrap, alloy, device and rare-earth exporters ship goods
that sit next to the controls. Thirteen smuggling schemes (``SCHEMES``) run by rings that
adapt after seizures hide among them; a legacy targeting system with its own biases
chose what was inspected, and inspectors missed things. Written from the data contract
and the control catalogue only.

``generate(out, lines, seed, **knobs)`` writes the dataset and its ``truth/``.
"""

from eighteenthworld.knobs import KnobError, Knobs
from eighteenthworld.schemes import SCHEMES
from eighteenthworld.world import generate

__all__ = ["SCHEMES", "KnobError", "Knobs", "generate"]
