"""Seeded random streams, one per concern, so that changing one part of the world does
not reshuffle every other part, and the same seed always gives the same world.

Streams are ``random.Random`` seeded from a text (hashed with SHA-512 by Python, so it
does not depend on ``PYTHONHASHSEED``); numpy generators are seeded from SHA-256.
"""

from __future__ import annotations

import hashlib
import math
import random
from collections.abc import Sequence
from typing import TypeVar

import numpy as np

T = TypeVar("T")


def stream(seed: int, name: str) -> random.Random:
    """A scalar random stream for one concern of the world."""
    return random.Random(f"nineteenthworld:{seed}:{name}")


def np_stream(seed: int, name: str) -> np.random.Generator:
    """A numpy generator for one concern of the world."""
    digest = hashlib.sha256(f"nineteenthworld:{seed}:{name}".encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:8], "little"))


def pick(rng: random.Random, items: Sequence[T], weights: Sequence[float] | None = None) -> T:
    """One item, uniformly or by weight."""
    if weights is None:
        return items[rng.randrange(len(items))]
    return rng.choices(items, weights=weights, k=1)[0]


def pick_pairs(rng: random.Random, pairs: Sequence[tuple[T, float]]) -> T:
    """One item from ``(item, weight)`` pairs."""
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs], k=1)[0]


def around(rng: random.Random, value: float, sigma: float) -> float:
    """``value`` times a log-normal factor with median 1."""
    return value * math.exp(rng.gauss(0.0, sigma))


def between(rng: random.Random, low: float, high: float) -> float:
    return rng.uniform(low, high)


def chance(rng: random.Random, p: float) -> bool:
    return rng.random() < p


def pareto_weights(rng: random.Random, n: int, alpha: float = 1.3) -> list[float]:
    """Activity weights with a long tail: a few busy parties, many occasional ones."""
    return [rng.paretovariate(alpha) for _ in range(n)]


def spread_variants(quota: int, faint_share: float) -> tuple[int, int]:
    """A scheme's line quota split into (loud, faint) lines, faint by ``faint_share``."""
    faint = round(quota * faint_share)
    if 0 < faint_share < 1 and quota >= 2:
        faint = min(max(faint, 1), quota - 1)
    return quota - faint, faint
