"""otherworld: a second, independently written generator of export-declaration worlds.

It follows the data contract and nothing else of orewatch, so that screening can be
measured on data it was not developed against: its own ports, identifiers, company
names (Chinese characters and inconsistent pinyin/English), currencies, seasonality,
goods mix, licensing habits, smuggling schemes and inspection history.
Entry point: :func:`generate`.
"""

from .generate import Knobs, generate
from .schemes import DEFAULT_WEIGHTS

SCHEMES = tuple(DEFAULT_WEIGHTS)

__all__ = ["SCHEMES", "Knobs", "generate"]
