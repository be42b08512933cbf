"""An eighth, independently written world generator for orewatch (see generate.py)."""

from .generate import generate

__all__ = ["generate"]
