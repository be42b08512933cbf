"""The frauds, each a function that rewrites chosen honest lines the way smugglers do
and labels them with its own scheme name.

Licence schemes: ``no_permit`` (controlled goods, no licence), ``ghost_permit`` (a
number never issued), ``lapsed_permit`` (used after expiry or before issue),
``borrowed_permit`` (issued to another exporter, item or consignee),
``overdrawn_permit`` (draws beyond the licensed quantity). End use: ``banned_receiver``
(a watchlisted consignee or military end user, as of the date, under a spelling the
list may not hold), ``silent_end_user`` (a licensed line to a transit country or Hong
Kong that names no end user, where the licence names one). Misdeclaration:
``code_swap`` (controlled material under a cover good's code, the description leaking
the truth in a third of cases),
``value_shaved`` (value cut to 15-50 %), ``weight_shaved`` (quantity and net weight cut
to 30-70 %, the gross weight left true where declared). Concealment: ``buried_in_cargo``
(material hidden in an ordinary bulk line: gross weight exceeds what the packing
explains), ``pocket_samples`` (a few kilograms of dense metal by courier, post or
passenger as samples or parts), ``ant_parcels`` (many small parcels from senders who
share a phone and address to one consignee). Transshipment: ``third_country_relay``
(genuinely licensed shipments to new consignees in transit countries tied to listed
parties, each receiving unrelated controlled items).

Some are nearly invisible in the declarations by design (``silent_end_user``, half of
``code_swap``, ``pocket_samples`` at low declared values); the evidence for relay and
ant parcels sits in the parties and relations tables.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

import numpy as np
import polars as pl

from fourthworld.actors import DAYS, TRANSIT
from fourthworld.goods import PACKING, Goods
from fourthworld.licensing import effective_day, ghost_numbers, issue
from fourthworld.shipments import LAND, RAIL, Lines, lookup, ports_for, price_per_kg


@dataclass
class World:
    """What the schemes read and rewrite."""

    rng: np.random.Generator
    lines: Lines
    goods: Goods
    exporters: pl.DataFrame
    consignees: pl.DataFrame
    licences: pl.DataFrame
    covers: dict[str, tuple[np.ndarray, str, str]]

    def free(self, mask: np.ndarray) -> np.ndarray:
        return np.flatnonzero(mask & (self.lines["scheme"] == ""))

    def pick(self, mask: np.ndarray, k: int) -> np.ndarray:
        """Up to ``k`` rows among ``mask`` that no scheme has taken yet, spread over
        exporters (a row's chance falls with its exporter's line count to the power 0.8),
        so that fraud is not carried by the few largest exporters."""
        rows = self.free(mask)
        size = np.bincount(self.lines["exporter"])[self.lines["exporter"][rows]]
        p = size.astype(float) ** -0.8
        n = min(k, int(np.count_nonzero(p)))
        return self.rng.choice(rows, size=n, replace=False, p=p / p.sum()) if n else rows[:0]

    def single(self) -> np.ndarray:
        """Lines alone in their declaration (declaration-level fields can change)."""
        counts = np.bincount(self.lines["decl"])
        bulk = ~np.isin(self.lines["mode"], ["express", "post", "passenger"])
        return (counts[self.lines["decl"]] == 1) & bulk

    def exporter_col(self, name: str) -> np.ndarray:
        return self.exporters[name].to_numpy()

    def controlled_item(self, rows: np.ndarray) -> np.ndarray:
        """A controlled good in force on each row's day."""
        ids = np.arange(self.goods.n_ordinary, self.goods.table.height)
        eff = effective_day(self.goods, ids)
        order = np.argsort(eff, kind="stable")
        n = np.searchsorted(eff[order], self.lines["day"][rows], side="right")
        return ids[order][np.floor(self.rng.random(rows.size) * np.maximum(n, 1)).astype(int)]

    def set_goods(self, rows: np.ndarray, good: np.ndarray, kg: np.ndarray | None = None) -> None:
        """Put ``good`` on ``rows`` at a typical quantity and its true price."""
        lines, rng = self.lines, self.rng
        lines["good"][rows] = good
        lines["true_good"][rows] = good
        if kg is None:
            kg = self.goods.col("kg_line")[good] * rng.lognormal(0.0, 0.7, rows.size)
        lines["kg"][rows] = kg
        lines["usd"][rows] = (
            kg
            * price_per_kg(self.goods, good, lines["day"][rows])
            * rng.lognormal(0, 0.18, rows.size)
        )
        self.repack(rows)

    def repack(self, rows: np.ndarray) -> None:
        """Gross-to-net ratio of the packing of each row's declared good (as honest)."""
        packing = self.goods.col("packing")[self.lines["good"][rows]]
        ratio = lookup(packing, {k: str(v) for k, v in PACKING.items()}, "1.05").astype(float)
        self.lines["gross_ratio"][rows] = ratio * self.rng.uniform(0.995, 1.03, rows.size)

    def relocate(self, rows: np.ndarray, consignee: np.ndarray) -> None:
        """Send single-line declarations to another consignee (port follows)."""
        lines = self.lines
        lines["consignee"][rows] = consignee
        country = self.consignees["country"].to_numpy()[consignee]
        region = self.exporter_col("region")[lines["exporter"][rows]]
        mode = lines["mode"][rows]
        overland = ((mode == "road") & ~np.isin(country, list(LAND))) | (
            (mode == "rail") & ~np.isin(country, list(RAIL))
        )
        lines["mode"][rows] = np.where(overland, "sea", mode)
        lines["port"][rows] = ports_for(self.rng, lines["mode"][rows], region, country)

    def unlicense(self, rows: np.ndarray) -> None:
        """The rows cite no licence and name no end user (until a scheme says otherwise)."""
        self.lines["licence"][rows] = -1
        self.lines["end_user"][rows] = ""

    def label(self, rows: np.ndarray, scheme: str) -> None:
        self.lines["scheme"][rows] = scheme


def _controlled_rows(w: World, k: int, mask: np.ndarray) -> np.ndarray:
    """Rows for a scheme: seven in ten from exporters that handle controlled goods."""
    handles = w.exporter_col("controlled_share")[w.lines["exporter"]] > 0
    first = w.pick(mask & handles, round(k * 0.7))
    taken = np.zeros(mask.size, dtype=bool)
    taken[first] = True
    return np.concatenate([first, w.pick(mask & ~handles & ~taken, k - first.size)])


def _bulk(w: World) -> np.ndarray:
    return ~np.isin(w.lines["mode"], ["express", "post", "passenger"])


def no_permit(w: World, k: int) -> None:
    rows = _controlled_rows(w, k, _bulk(w))
    w.set_goods(rows, w.controlled_item(rows))
    w.unlicense(rows)
    w.label(rows, "no_permit")


def ghost_permit(w: World, k: int) -> None:
    rows = _controlled_rows(w, k, _bulk(w))
    w.set_goods(rows, w.controlled_item(rows))
    w.unlicense(rows)
    w.lines["license_text"][rows] = ghost_numbers(w.rng, w.licences, rows.size)
    diligent = rows[w.rng.random(rows.size) < 0.5]
    w.lines["end_user"][diligent] = "same"
    w.label(rows, "ghost_permit")


def _from_licences(w: World, k: int, scheme: str) -> tuple[np.ndarray, pl.DataFrame]:
    """Single-line declarations re-made from registered licences (exporter, consignee,
    good, licence); the caller sets the day and what is wrong."""
    reg = w.licences.filter(pl.col("in_register"))
    rows = w.pick(w.single(), k)
    chosen = reg.sample(rows.size, with_replacement=True, seed=int(w.rng.integers(1 << 31)))
    lines = w.lines
    lines["exporter"][rows] = chosen["exporter"].to_numpy()
    w.relocate(rows, chosen["consignee"].to_numpy())
    lines["licence"][rows] = chosen["licence"].to_numpy()
    lines["end_user"][rows] = "same"
    w.label(rows, scheme)
    return rows, chosen


def _within(w: World, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    lo, hi = np.clip(lo, 0, DAYS - 1), np.clip(hi, 0, DAYS - 1)
    return (lo + w.rng.random(lo.size) * np.maximum(hi - lo, 0)).astype(int)


def lapsed_permit(w: World, k: int) -> None:
    rows, lic = _from_licences(w, k, "lapsed_permit")
    valid, issued = lic["valid"].to_numpy(), lic["issued"].to_numpy()
    after = valid + w.rng.integers(5, 150, rows.size)
    before = issued - w.rng.integers(5, 60, rows.size)
    good = lic["good"].to_numpy()
    early_ok = before >= np.maximum(effective_day(w.goods, good), 0)
    day = np.where((after < DAYS) | ~early_ok, after, before)
    keep = (day < DAYS) & (day >= effective_day(w.goods, good))
    inside = _within(w, issued, valid)
    w.lines["day"][rows] = np.where(keep, np.clip(day, 0, DAYS - 1), inside)
    w.set_goods(rows, good)
    # no date outside the licence fits in the world: an honest draw within its validity
    w.label(rows[~keep], "")


def borrowed_permit(w: World, k: int) -> None:
    rows, lic = _from_licences(w, k, "borrowed_permit")
    w.lines["day"][rows] = _within(w, lic["issued"].to_numpy(), lic["valid"].to_numpy())
    good = lic["good"].to_numpy()
    how = w.rng.integers(0, 3, rows.size)
    others = np.flatnonzero(w.exporter_col("controlled_share") > 0)
    other_ex = w.rng.choice(others, rows.size)
    w.lines["exporter"][rows] = np.where(
        (how == 0) & (other_ex != lic["exporter"].to_numpy()), other_ex, w.lines["exporter"][rows]
    )
    other_item = w.controlled_item(rows)
    good = np.where(how == 1, other_item, good)
    w.set_goods(rows, good)
    moved = rows[how == 2]
    ordinary = np.flatnonzero(
        ~w.consignees["front"].to_numpy() & (w.consignees["listed"] < 0).to_numpy()
    )
    w.relocate(moved, w.rng.choice(ordinary, moved.size))


def overdrawn_permit(w: World, k: int) -> None:
    rows, lic = _from_licences(w, k, "overdrawn_permit")
    w.lines["day"][rows] = _within(w, lic["last"].to_numpy() + 1, lic["valid"].to_numpy())
    kg = lic["quantity_kg"].to_numpy() * w.rng.uniform(0.4, 1.0, rows.size)
    w.set_goods(rows, lic["good"].to_numpy(), kg)


def banned_receiver(w: World, k: int) -> None:
    """Consignee on the watchlist (listed before the day), or for US/JP military end
    users an ordinary distributor naming the listed end user."""
    listed = w.consignees.filter(pl.col("listed") >= 0)
    rows = _controlled_rows(w, k, w.single())
    pick = listed.sample(rows.size, with_replacement=True, seed=int(w.rng.integers(1 << 31)))
    listed_day = pick["listed_day"].to_numpy()
    w.lines["day"][rows] = _within(w, np.maximum(listed_day + 1, 0), np.full(rows.size, DAYS - 1))
    w.set_goods(rows, w.controlled_item(rows))
    w.unlicense(rows)
    military = pick["military"].to_numpy() & (w.rng.random(rows.size) < 0.5)
    direct = rows[~military]
    w.relocate(direct, pick["consignee"].to_numpy()[~military])
    via = rows[military]
    country = pick["country"].to_numpy()[military]
    same_country = w.consignees.filter(~pl.col("front") & (pl.col("listed") < 0))
    for c in np.unique(country):
        pool = same_country.filter(pl.col("country") == c)["consignee"].to_numpy()
        at = via[country == c]
        w.relocate(at, w.rng.choice(pool, at.size))
    w.lines["end_user"][via] = pick["consignee"].to_numpy()[military].astype(str)
    w.lines["end_use"][via] = np.where(
        w.rng.random(via.size) < 0.5, "defense electronics", "军工配套"
    )
    cited = rows[w.rng.random(rows.size) < 0.4]
    w.lines["license_text"][cited] = ghost_numbers(w.rng, w.licences, cited.size)
    w.label(rows, "banned_receiver")


def silent_end_user(w: World, k: int) -> None:
    licensed = w.lines["licence"] >= 0
    transit = np.isin(w.consignees["country"].to_numpy()[w.lines["consignee"]], (*TRANSIT, "HK"))
    rows = w.pick(licensed & transit, k)
    if rows.size < k:
        rows = np.concatenate(
            [rows, w.pick(licensed & ~np.isin(np.arange(licensed.size), rows), k - rows.size)]
        )
    w.lines["end_user"][rows] = "none"
    w.lines["end_use"][rows] = "none"
    w.label(rows, "silent_end_user")


def code_swap(w: World, k: int) -> None:
    rows = _controlled_rows(w, k, _bulk(w))
    hidden = w.controlled_item(rows)
    w.unlicense(rows)
    w.set_goods(rows, hidden, w.rng.lognormal(np.log(400.0), 0.8, rows.size))
    element = w.goods.col("element")[hidden]
    cover = np.empty(rows.size, dtype=np.int64)
    leak = np.full(rows.size, "", dtype=object)
    leaks = w.rng.random(rows.size) < 0.33
    zh_style = w.rng.random(rows.size) < 0.6
    for el in np.unique(element):
        at = element == el
        ids, zh, en = w.covers[el]
        cover[at] = w.rng.choice(ids, int(at.sum()))
        leak[at] = np.where(zh_style[at], f"({zh})", f" {en}")
    w.lines["good"][rows] = cover
    w.repack(rows)
    cheap = w.rng.random(rows.size) < 0.5
    cover_usd = (
        w.lines["kg"][rows] * w.goods.col("usd_kg")[cover] * w.rng.uniform(0.8, 1.3, rows.size)
    )
    w.lines["usd"][rows] = np.where(cheap, cover_usd, w.lines["usd"][rows])
    w.lines["leak"][rows] = np.where(leaks, leak, "")
    w.label(rows, "code_swap")


def _licensed(w: World, k: int) -> np.ndarray:
    return w.pick(w.lines["licence"] >= 0, k)


def value_shaved(w: World, k: int) -> None:
    rows = _licensed(w, k)
    w.lines["usd"][rows] *= w.rng.uniform(0.15, 0.5, rows.size)
    w.label(rows, "value_shaved")


def weight_shaved(w: World, k: int) -> None:
    rows = _licensed(w, k)
    true_kg = w.lines["kg"][rows].copy()
    w.lines["gross_kg"][rows] = true_kg * w.lines["gross_ratio"][rows]
    factor = w.rng.uniform(0.3, 0.7, rows.size)
    w.lines["kg"][rows] = true_kg * factor
    scaled = w.rng.random(rows.size) < 0.4
    w.lines["usd"][rows] *= np.where(scaled, factor, 1.0)
    w.label(rows, "weight_shaved")


def buried_in_cargo(w: World, k: int) -> None:
    ordinary = w.lines["good"] < w.goods.n_ordinary
    heavy = w.goods.col("kg_line")[w.lines["good"]] >= 5000
    bulk = np.isin(w.lines["mode"], ["sea", "rail", "road"])
    rows = w.pick(ordinary & heavy & bulk, k)
    hidden = w.controlled_item(rows)
    w.lines["true_good"][rows] = hidden
    kg = w.lines["kg"][rows]
    w.lines["gross_kg"][rows] = kg * w.lines["gross_ratio"][rows] + kg * w.rng.uniform(
        0.08, 0.35, rows.size
    )
    w.label(rows, "buried_in_cargo")


_DENSE = ("gallium", "germanium", "indium", "terbium", "dysprosium", "scandium", "lutetium")


def _dense_items(w: World, rows: np.ndarray) -> np.ndarray:
    element = w.goods.col("element")
    ids = np.flatnonzero(np.isin(element, _DENSE))
    return w.rng.choice(ids, rows.size)


def _parcel(w: World, rows: np.ndarray, senders: np.ndarray, consignee: np.ndarray) -> None:
    """Re-make single-line declarations as small parcels of dense controlled metal."""
    lines, rng = w.lines, w.rng
    lines["exporter"][rows] = senders
    w.unlicense(rows)
    u = rng.random(rows.size)
    lines["mode"][rows] = np.where(u < 0.5, "express", np.where(u < 0.7, "post", "passenger"))
    w.relocate(rows, consignee)
    hidden = _dense_items(w, rows)
    w.set_goods(rows, hidden, rng.lognormal(np.log(2.5), 0.7, rows.size))
    parcel_goods = np.flatnonzero(w.goods.col("parcel")[: w.goods.n_ordinary])
    lines["good"][rows] = rng.choice(parcel_goods, rows.size)
    lines["usd"][rows] = lines["kg"][rows] * rng.uniform(5, 40, rows.size)
    lines["sample"][rows] = rng.random(rows.size) < 0.6


def pocket_samples(w: World, k: int) -> None:
    firms = np.flatnonzero(w.exporter_col("kind") != "individual")
    tail = firms[firms.size // 3 :]
    persons = np.flatnonzero(w.exporter_col("kind") == "individual")
    rows = w.pick(w.single(), k)
    senders = np.where(
        w.rng.random(rows.size) < 0.6,
        w.rng.choice(tail, rows.size),
        w.rng.choice(persons, rows.size),
    )
    near = w.consignees.filter(pl.col("country").is_in(["HK", "TW", "JP", "KR", "US", "SG"]))
    _parcel(w, rows, senders, w.rng.choice(near["consignee"].to_numpy(), rows.size))
    w.label(rows, "pocket_samples")


def ant_parcels(w: World, k: int) -> None:
    """Groups of senders sharing a phone and address (see actors.make_senders) each
    feeding one consignee with many small parcels over a few months."""
    rows = w.pick(w.single(), k)
    group_of = w.exporter_col("group")
    n_groups = int(group_of.max()) + 1
    per = max(1, rows.size // n_groups + 1)
    group = np.minimum(np.arange(rows.size) // per, n_groups - 1)
    near = w.consignees.filter(pl.col("country").is_in(["HK", "TW", "KR", "JP", "US"]))
    target = w.rng.choice(near["consignee"].to_numpy(), n_groups)
    start = w.rng.integers(0, DAYS - 150, n_groups)
    senders = np.empty(rows.size, dtype=np.int64)
    for g in range(n_groups):
        at = group == g
        senders[at] = w.rng.choice(np.flatnonzero(group_of == g), int(at.sum()))
    w.lines["day"][rows] = start[group] + w.rng.integers(0, 150, rows.size)
    _parcel(w, rows, senders, target[group])
    w.label(rows, "ant_parcels")


def third_country_relay(w: World, k: int) -> None:
    fronts = w.consignees.filter(pl.col("front"))
    rows = w.pick(w.single(), k)
    pick = fronts.sample(rows.size, with_replacement=True, seed=int(w.rng.integers(1 << 31)))
    w.lines["day"][rows] = _within(w, pick["first_day"].to_numpy(), np.full(rows.size, DAYS - 1))
    handles = np.flatnonzero(w.exporter_col("controlled_share") > 0)
    w.lines["exporter"][rows] = w.rng.choice(handles, rows.size)
    w.relocate(rows, pick["consignee"].to_numpy())
    w.set_goods(rows, w.controlled_item(rows))
    more = issue(
        w.rng,
        w.lines,
        rows,
        w.exporters,
        start_seq=int(cast(int, w.licences["licence"].max() or 0)) + 1,
    )
    w.licences = pl.concat([w.licences, more.with_columns(pl.lit(True).alias("in_register"))])
    w.lines["end_user"][rows] = "same"
    w.label(rows, "third_country_relay")


SCHEME_FUNCS: dict[str, Callable[[World, int], None]] = {
    "no_permit": no_permit,
    "ghost_permit": ghost_permit,
    "lapsed_permit": lapsed_permit,
    "borrowed_permit": borrowed_permit,
    "overdrawn_permit": overdrawn_permit,
    "banned_receiver": banned_receiver,
    "silent_end_user": silent_end_user,
    "code_swap": code_swap,
    "value_shaved": value_shaved,
    "weight_shaved": weight_shaved,
    "buried_in_cargo": buried_in_cargo,
    "pocket_samples": pocket_samples,
    "ant_parcels": ant_parcels,
    "third_country_relay": third_country_relay,
}

#: Default relative shares of the schemes.
WEIGHTS: dict[str, float] = {
    "no_permit": 1.0,
    "ghost_permit": 0.8,
    "lapsed_permit": 0.6,
    "borrowed_permit": 0.7,
    "overdrawn_permit": 0.5,
    "banned_receiver": 0.7,
    "silent_end_user": 0.5,
    "code_swap": 1.5,
    "value_shaved": 1.0,
    "weight_shaved": 0.8,
    "buried_in_cargo": 1.0,
    "pocket_samples": 0.8,
    "ant_parcels": 1.0,
    "third_country_relay": 1.0,
}
