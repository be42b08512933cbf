"""A sixth, independently written world generator for screening benchmarks.

See :mod:`sixthworld.generate` for the entry point and :mod:`sixthworld.schemes` for the
schemes and the evidence each leaves.
"""

from .generate import generate

__all__ = ["generate"]
