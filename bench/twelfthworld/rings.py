"""Smuggling rings: who commits each scheme, when, through which broker, and the phoenix
companies that replace an identity once customs caught it.

A ring is a chain of exporter identities. When one is caught (the history records a
find on its last smuggling line) it stops; a new company appears months later sharing its
phone, address or legal representative and carries on.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from twelfthworld import parties
from twelfthworld.population import DAYS, Population, day_of


@dataclass
class Rings:
    """Per ring: its identities (exporter indices) in order and the day each took over."""

    identities: list[np.ndarray]
    starts: list[np.ndarray]
    broker: np.ndarray
    caught: list[tuple[int, int]]  # (exporter, last day) of identities that were caught


def add_exporters(
    rng: np.random.Generator,
    pop: Population,
    n: int,
    kind: str,
    first_day: np.ndarray,
    like: np.ndarray | None = None,
) -> np.ndarray:
    """New exporter rows (indices returned); ``like`` rows lend their phone, address or
    legal representative (at least one of them) to the new ones."""
    rows = parties.domestic_companies(rng, n)
    start = pop.exporters.height
    person = rng.integers(pop.exporters.height, pop.people.height, n)
    home = rng.integers(0, 13, n)
    new = rows.with_columns(
        pl.lit(kind).alias("kind"),
        pl.Series("first_day", first_day.astype(np.int64)),
        pl.Series("home_port", home.astype(np.int64)),
        pl.Series("broker", rng.integers(0, pop.brokers.size, n).astype(np.int64)),
        pl.Series("activity", np.zeros(n)),
        pl.Series("person", person.astype(np.int64)),
        pl.Series("writes_zh", rng.random(n) < 0.5),
    )
    if like is not None:
        old = pop.exporters[like.tolist()]
        share = rng.integers(0, 3, n)
        both = rng.random(n) < 0.3
        new = new.with_columns(
            pl.Series(
                "phone",
                np.where((share == 0) | both, old["phone"].to_numpy(), new["phone"].to_numpy()),
            ),
            pl.Series(
                "address",
                np.where(share == 1, old["address"].to_numpy(), new["address"].to_numpy()),
            ),
            pl.Series("person", np.where((share == 2) | both, old["person"].to_numpy(), person)),
            pl.Series("home_port", old["home_port"].to_numpy()),
        )
    pop.exporters = pl.concat([pop.exporters, new.select(pop.exporters.columns)])
    pop.goods_profile = np.vstack(
        [pop.goods_profile, rng.integers(0, pop.goods_profile.max() + 1, (n, 4))]
    )
    pop.controlled_profile = np.vstack([pop.controlled_profile, np.full((n, 2), -1)])
    pop.consignee_of = np.vstack([pop.consignee_of, rng.integers(0, pop.consignees.height, (n, 4))])
    return np.arange(start, start + n)


def fraud_days(rng: np.random.Generator, n: int, not_before: np.ndarray) -> np.ndarray:
    """Most smuggling in the last two years; never before the control it evades."""
    recent = day_of("2024-11-01")
    day = np.where(rng.random(n) < 0.75, rng.integers(recent, DAYS, n), rng.integers(0, DAYS, n))
    late = day < not_before
    span = np.maximum(DAYS - not_before, 1)
    return np.where(late, not_before + rng.integers(0, 1 << 30, n) % span, day)


def build_rings(
    rng: np.random.Generator,
    pop: Population,
    n_rings: int,
    kind: str,
    hub_brokers: np.ndarray,
    hub_share: float,
    phoenix: bool = True,
) -> Rings:
    """``n_rings`` rings of 1-3 identities (1 without phoenix); each ring files through one
    broker, a hub broker with probability ``hub_share``."""
    identities, starts, caught = [], [], []
    for _ in range(n_rings):
        length = int(rng.choice([1, 2, 3], p=[0.45, 0.4, 0.15])) if phoenix else 1
        first = int(rng.integers(0, day_of("2025-01-01")))
        ids = add_exporters(rng, pop, 1, kind, np.array([first]))
        chain, days = [int(ids[0])], [first]
        for _k in range(length - 1):
            low = max(days[-1] + 120, day_of("2024-06-01"))
            if low >= DAYS - 250:
                break
            cut = int(rng.integers(low, DAYS - 200))
            caught.append((chain[-1], cut))
            reborn = cut + int(rng.integers(60, 200))
            nxt = add_exporters(rng, pop, 1, kind, np.array([reborn]), like=np.array([chain[-1]]))
            chain.append(int(nxt[0]))
            days.append(reborn)
        identities.append(np.array(chain))
        starts.append(np.array(days))
    broker = np.where(
        rng.random(n_rings) < hub_share,
        rng.choice(hub_brokers, n_rings),
        rng.integers(0, pop.brokers.size, n_rings),
    )
    return Rings(identities, starts, broker, caught)


def place(
    rng: np.random.Generator, rings: Rings, ring: np.ndarray, day: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Exporter identity and day of each smuggling event: the identity in charge that day;
    events that fall before a ring's first identity existed or in the gap between a caught
    identity and its successor move to the next active day."""
    exporter = np.empty(ring.size, dtype=np.int64)
    out_day = day.copy()
    for r in np.unique(ring):
        at = ring == r
        starts, ids = rings.starts[r], rings.identities[r]
        ends = np.array([c for e, c in rings.caught if e in set(ids.tolist())] + [DAYS - 1])
        d = np.maximum(day[at], starts[0])
        k = np.clip(np.searchsorted(starts, d, side="right") - 1, 0, len(ids) - 1)
        in_gap = d > ends[k]
        gap_end = ends[k]
        k = np.where(in_gap, np.minimum(k + 1, len(ids) - 1), k)
        d = np.where(in_gap, starts[k] + (d - gap_end) % 30, d)
        d = np.minimum(d, np.minimum(ends[k], DAYS - 1))
        d = np.maximum(d, starts[k])
        exporter[at] = ids[k]
        out_day[at] = d
    return exporter, out_day
