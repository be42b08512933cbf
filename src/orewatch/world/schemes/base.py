"""Shared state of scheme injection: the world being corrupted and what was done to it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np

from orewatch.world.calendar import day_number, month_index
from orewatch.world.declarations import (
    G_CONTROLLED,
    G_ELEMENT_CTRL_DAY,
    BoolArr,
    Decls,
    FloatArr,
    IntArr,
    Lines,
    SpecPool,
)
from orewatch.world.goods import GOODS
from orewatch.world.licences import LicenceBook
from orewatch.world.parties import PartyBook
from orewatch.world.prices import PriceBook

LIC_LEGIT, LIC_NONE, LIC_CUSTOM = 0, 1, 2


@dataclass
class Reexport:
    """Controlled goods a front consignee passes on (feeds partners' re-export stats)."""

    reporter: str
    partner: str
    hs6: str
    day: int
    kg: float
    usd: float


@dataclass
class Ctx:
    rng: np.random.Generator
    book: PartyBook
    decls: Decls
    lines: Lines
    prices: PriceBook
    specs: SpecPool
    start: date
    end: date
    targets: dict[str, int]
    lb: LicenceBook
    taken: BoolArr
    decl_taken: BoolArr
    lic_mode: IntArr
    lic_kind: list[tuple[IntArr, str]] = field(default_factory=list)
    rogue: BoolArr = field(default_factory=lambda: np.zeros(0, dtype=bool))
    truth_parties: list[tuple[str, str, str]] = field(default_factory=list)
    truth_routes: list[tuple[str, str, str]] = field(default_factory=list)
    reexports: list[Reexport] = field(default_factory=list)
    watch_end_users: list[tuple[int, bool]] = field(default_factory=list)
    spec_cache: dict[str, int] = field(default_factory=dict)

    # --- helpers -----------------------------------------------------------------------

    def spec_id(self, text: str) -> int:
        """Index of a specification string, adding it to the pool once."""
        if text not in self.spec_cache:
            self.spec_cache[text] = self.specs.add(text)
        return self.spec_cache[text]

    def remaining(self, scheme: str) -> int:
        done = sum(len(idx) for idx, s in self.lines.labels if s == scheme)
        return max(0, self.targets.get(scheme, 0) - done)

    def line_day(self) -> IntArr:
        out: IntArr = self.decls.day[self.lines.decl]
        return out

    def pick_lines(self, pool: BoolArr, n: int, prefer: BoolArr | None = None) -> IntArr:
        """Up to ``n`` untaken lines from ``pool``, 80% from ``prefer`` where possible."""
        pool = pool & ~self.taken
        cand = np.flatnonzero(pool)
        if n <= 0 or not len(cand):
            return np.zeros(0, dtype=np.int64)
        if prefer is not None:
            pref = np.flatnonzero(pool & prefer)
            n_pref = min(len(pref), round(n * 0.8))
            a = self.rng.choice(pref, n_pref, replace=False) if n_pref else np.zeros(0, np.int64)
            rest = np.setdiff1d(cand, a, assume_unique=True)
            b = self.rng.choice(rest, min(len(rest), n - n_pref), replace=False)
            out = np.sort(np.concatenate([a, b]).astype(np.int64))
        else:
            out = np.sort(self.rng.choice(cand, min(n, len(cand)), replace=False).astype(np.int64))
        self.taken[out] = True
        self.decl_taken[self.lines.decl[out]] = True
        return out

    def price_usd(self, good: IntArr, day: IntArr) -> FloatArr:
        mon = np.clip(month_index(day, self.start), 0, self.prices.export_usd.shape[1] - 1)
        out: FloatArr = self.prices.export_usd[good, mon]
        return out

    def controlled_at(self, day: int) -> IntArr:
        """Goods under control on ``day``."""
        out: IntArr = np.flatnonzero(G_CONTROLLED & (day >= G_ELEMENT_CTRL_DAY)).astype(np.int64)
        return out

    def line_rogue(self) -> BoolArr:
        out: BoolArr = self.rogue[self.decls.exporter[self.lines.decl]]
        return out

    def free_single_decls(self, after: date, n: int) -> IntArr:
        """``n`` untaken one-line declarations after ``after`` (to be overwritten)."""
        d = self.decls
        ok = (d.n == 1) & ~self.decl_taken & (d.day >= day_number(after))
        cand = np.flatnonzero(ok)
        out = np.sort(self.rng.choice(cand, min(n, len(cand)), replace=False).astype(np.int64))
        self.decl_taken[out] = True
        self.taken[d.first[out]] = True
        return out


def hs6(good: int) -> str:
    return GOODS[good].hs_code[:6]
