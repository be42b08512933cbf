"""The seventh independent world generator: export declarations of a Chinese customs
district with strategic-mineral smuggling, written from the data contract alone."""

from seventhworld.generate import PROFILES, generate

__all__ = ["PROFILES", "generate"]
