"""The ninth independent world generator: export declarations of a Chinese customs
territory, 2023-01 to 2026-06, written from the data contract alone.

``generate(out_dir, lines=100_000, seed=1, **knobs)`` writes a dataset folder and its
``truth/lines.csv`` (see :mod:`ninthworld.generate` for the knobs and
:mod:`ninthworld.schemes` for the schemes).
"""

from .generate import generate
from .schemes import DEFAULT_WEIGHTS

__all__ = ["DEFAULT_WEIGHTS", "generate"]
