"""Licences: issued for the controlled lines that hold one, and the forged, lapsed,
borrowed and overdrawn ones the licence schemes cite. End users and uses on lines.

A licence covers one exporter, item and consignee for a year and a quantity a little
above what was shipped; lines cite it and repeat its end user and end use.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from twelfthworld import vocab
from twelfthworld.lines import GOOD_HS, N_ORD, Cols
from twelfthworld.population import DAY0, Population, day_of
from twelfthworld.schemes import CTRL_EFF

LICENSED_SCHEMES = {
    "listed_end_user",
    "blank_end_user",
    "cheap_invoice",
    "light_weight",
    "hub_front",
    "mixed_basket_buyer",
    "permit_overdraw",
}
PROVINCE = {
    "33": "ZJ",
    "31": "SH",
    "44": "GD",
    "35": "FJ",
    "37": "SD",
    "36": "JX",
    "15": "NM",
    "43": "HN",
    "53": "YN",
}
CONTROL_IDS = np.array([c.control_id for c in vocab.CONTROLLED], dtype=object)
USES = [c.uses for c in vocab.CONTROLLED]


def _date(day: np.ndarray) -> np.ndarray:
    return (DAY0 + day.astype("timedelta64[D]")).astype(str)


class Issuer:
    """Numbers licences in one sequence and keeps the rows issued."""

    def __init__(self, pop: Population) -> None:
        self.pop = pop
        self.seq = 100
        self.rows: list[pl.DataFrame] = []

    def numbers(self, exporter: np.ndarray, issued: np.ndarray) -> np.ndarray:
        region = self.pop.exporters["region"].to_numpy()[exporter]
        prov = np.array([PROVINCE.get(r[:2], "BJ") for r in region], dtype=object)
        yy = (2022 + (issued // 365.25)).astype(int) % 100
        seq = np.arange(self.seq, self.seq + exporter.size)
        self.seq += exporter.size + 7
        return np.array(
            [f"LA{y:02d}-{p}-{s:05d}" for y, p, s in zip(yy, prov, seq, strict=True)], dtype=object
        )

    def issue(
        self,
        exporter: np.ndarray,
        item: np.ndarray,
        consignee: np.ndarray,
        country: np.ndarray,
        issued: np.ndarray,
        until: np.ndarray,
        kg: np.ndarray,
        end_user: np.ndarray,
        end_use: np.ndarray,
    ) -> np.ndarray:
        """Licence rows; their numbers."""
        numbers = self.numbers(exporter, issued)
        self.rows.append(
            pl.DataFrame(
                {
                    "license_no": numbers.astype(str),
                    "issued_at": _date(issued),
                    "valid_until": _date(until),
                    "exporter_id": self.pop.exporters["company_id"]
                    .to_numpy()[exporter]
                    .astype(str),
                    "control_id": CONTROL_IDS[item].astype(str),
                    "hs_code": GOOD_HS[N_ORD + item].astype(str),
                    "quantity_kg": np.round(kg, 1),
                    "consignee_name": self.pop.consignees["name"].to_numpy()[consignee].astype(str),
                    "consignee_country": country.astype(str),
                    "end_user_name": end_user.astype(str),
                    "end_use": end_use.astype(str),
                    "_exporter": exporter,
                    "_item": item,
                }
            )
        )
        return numbers

    def table(self) -> pl.DataFrame:
        return pl.concat(self.rows)


def needs_licence(lines: Cols) -> np.ndarray:
    """Lines declared as a controlled item, on or after its control, that hold a valid
    licence: honest ones and the schemes that work with one."""
    ctrl = lines["good"] >= N_ORD
    item = np.clip(lines["good"] - N_ORD, 0, None)
    after = lines["day"] >= CTRL_EFF[item]
    ok = (lines["scheme"] == "") | np.isin(lines["scheme"], list(LICENSED_SCHEMES))
    return ctrl & after & ok


def licence_lines(rng: np.random.Generator, pop: Population, lines: Cols, issuer: Issuer) -> None:
    """Issue one licence per exporter, item, consignee and half-year; lines cite it;
    overdrawn licences allow only part of what their lines ship (later lines are fraud)."""
    idx = np.flatnonzero(needs_licence(lines))
    con_country = pop.consignees["country"].to_numpy()
    frame = pl.DataFrame(
        {
            "row": idx,
            "exporter": lines["exporter"][idx],
            "item": lines["good"][idx] - N_ORD,
            "consignee": lines["consignee"][idx],
            "half": lines["day"][idx] // 182,
            "day": lines["day"][idx],
            "net": lines["net_kg"][idx],
            "over": lines["scheme"][idx] == "permit_overdraw",
        }
    ).sort("day")
    groups = frame.group_by(["exporter", "item", "consignee", "half"], maintain_order=True).agg(
        pl.col("day").min().alias("first"),
        pl.col("net").sum().alias("kg"),
        pl.col("over").any().alias("over"),
        pl.col("net").quantile(0.5).alias("median"),
        pl.len().alias("n"),
    )
    g = groups.height
    first = groups["first"].to_numpy()
    issued = first - rng.integers(5, 40, g)
    kg = groups["kg"].to_numpy()
    over = groups["over"].to_numpy()
    allowed = np.where(over, kg * rng.uniform(0.35, 0.6, g), kg * rng.uniform(1.02, 1.5, g))
    consignee = groups["consignee"].to_numpy()
    other = rng.random(g) < 0.4
    named = pop.consignees["name"].to_numpy()[consignee]
    end_user = np.where(
        other, np.char.add(named.astype(str), " (end user plant)").astype(object), named
    )
    item = groups["item"].to_numpy()
    end_use = np.array([USES[i][int(rng.integers(0, len(USES[i])))] for i in item], dtype=object)
    numbers = issuer.issue(
        groups["exporter"].to_numpy(),
        item,
        consignee,
        con_country[consignee],
        issued,
        issued + 365,
        allowed,
        end_user,
        end_use,
    )
    keyed = frame.join(
        groups.with_row_index("lic").select("exporter", "item", "consignee", "half", "lic"),
        on=["exporter", "item", "consignee", "half"],
    )
    rows, lic = keyed["row"].to_numpy(), keyed["lic"].to_numpy()
    lines["licence"][rows] = numbers[lic]
    lines["end_user"][rows] = end_user[lic]
    lines["end_use"][rows] = end_use[lic]
    # overdraw: only draws beyond the licensed quantity are fraud
    drawn = keyed.with_columns(pl.col("net").cum_sum().over("lic").alias("cum"))
    beyond = drawn["cum"].to_numpy() > allowed[lic]
    od = lines["scheme"][rows] == "permit_overdraw"
    lines["scheme"][rows[od & ~beyond]] = ""


def forged(rng: np.random.Generator, pop: Population, lines: Cols, issuer: Issuer) -> None:
    """The licence schemes that cite paper not matching the shipment."""
    issued = issuer.table()
    real = issued["license_no"].to_numpy()
    i = np.flatnonzero(lines["scheme"] == "ghost_permit")
    fake = issuer.numbers(lines["exporter"][i], lines["day"][i] - 30)
    tweak = real[rng.integers(0, real.size, i.size)].astype(str)
    tweak = np.array(
        [
            t[:-2] + t[-1] + t[-2] if t[-1] != t[-2] else t[:-1] + str((int(t[-1]) + 3) % 10)
            for t in tweak
        ],
        dtype=object,
    )
    tweak = np.where(np.isin(tweak, real), fake, tweak)
    lines["licence"][i] = np.where(rng.random(i.size) < 0.5, fake, tweak)
    _lapsed(rng, pop, lines, issuer)
    _lent(rng, pop, lines, issuer, issued)


def _own(
    rng: np.random.Generator,
    pop: Population,
    lines: Cols,
    i: np.ndarray,
    issuer: Issuer,
    issued_at: np.ndarray,
    until: np.ndarray,
    item: np.ndarray,
    country: np.ndarray,
) -> None:
    con = lines["consignee"][i]
    name = pop.consignees["name"].to_numpy()[con]
    use = np.array([USES[k][0] for k in item], dtype=object)
    numbers = issuer.issue(
        lines["exporter"][i],
        item,
        con,
        country,
        issued_at,
        until,
        lines["net_kg"][i] * rng.uniform(1.1, 2, i.size),
        name,
        use,
    )
    lines["licence"][i] = numbers
    lines["end_user"][i] = name
    lines["end_use"][i] = use


def _lapsed(rng: np.random.Generator, pop: Population, lines: Cols, issuer: Issuer) -> None:
    """Expired (60 %) or not yet valid (40 %) licences of the exporter itself."""
    i = np.flatnonzero(lines["scheme"] == "lapsed_permit")
    day = lines["day"][i]
    expired = rng.random(i.size) < 0.6
    until = np.where(
        expired, day - rng.integers(3, 150, i.size), day + rng.integers(200, 365, i.size)
    )
    issued_at = np.where(expired, until - 365, day + rng.integers(2, 45, i.size))
    country = pop.consignees["country"].to_numpy()[lines["consignee"][i]]
    _own(rng, pop, lines, i, issuer, issued_at, until, lines["good"][i] - N_ORD, country)


def _lent(
    rng: np.random.Generator, pop: Population, lines: Cols, issuer: Issuer, issued: pl.DataFrame
) -> None:
    """Another exporter's licence for the item (60 %), or the exporter's own licence for
    another item or another consignee country (40 %)."""
    i = np.flatnonzero(lines["scheme"] == "lent_permit")
    item = lines["good"][i] - N_ORD
    borrow = rng.random(i.size) < 0.6
    lic_item = issued["_item"].to_numpy()
    lic_no = issued["license_no"].to_numpy()
    lic_exp = issued["_exporter"].to_numpy()
    chosen = np.empty(i.size, dtype=object)
    for k in np.flatnonzero(borrow):
        pool = np.flatnonzero((lic_item == item[k]) & (lic_exp != lines["exporter"][i[k]]))
        if pool.size == 0:
            pool = np.flatnonzero(lic_exp != lines["exporter"][i[k]])
        chosen[k] = lic_no[rng.choice(pool)]
    lines["licence"][i[borrow]] = chosen[borrow]
    j = i[~borrow]
    day = lines["day"][j]
    country = pop.consignees["country"].to_numpy()[lines["consignee"][j]]
    other_item = rng.random(j.size) < 0.3
    wrong_item = (lines["good"][j] - N_ORD + rng.integers(1, len(vocab.CONTROLLED), j.size)) % len(
        vocab.CONTROLLED
    )
    names = np.array([c[0] for c in vocab.COUNTRIES])
    wrong_country = np.array(
        [names[(list(names).index(c) + 1 + int(rng.integers(0, 5))) % names.size] for c in country]
    )
    _own(
        rng,
        pop,
        lines,
        j,
        issuer,
        day - rng.integers(10, 90, j.size),
        day + rng.integers(60, 300, j.size),
        np.where(other_item, wrong_item, lines["good"][j] - N_ORD),
        np.where(other_item, country, wrong_country),
    )


def end_users(rng: np.random.Generator, pop: Population, lines: Cols) -> None:
    """Unlicensed smugglers name the consignee as end user half the time; the end-use
    schemes blank it or name a listed party (or a US military use after the ban)."""
    i = np.flatnonzero(lines["scheme"] == "unlicensed_controlled")
    name = pop.consignees["name"].to_numpy()[lines["consignee"][i]]
    lines["end_user"][i] = np.where(rng.random(i.size) < 0.5, name, "")
    i = np.flatnonzero(lines["scheme"] == "blank_end_user")
    lines["end_user"][i] = ""
    lines["end_use"][i] = ""
    i = np.flatnonzero(lines["scheme"] == "listed_end_user")
    wl = pop.watchlist.with_columns(pl.col("listed_at").str.to_date()).sort("listed_at")
    listed = ((wl["listed_at"].to_numpy() - DAY0).astype("timedelta64[D]")).astype(int)
    known = np.searchsorted(listed, lines["day"][i], side="left")
    pick = (rng.random(i.size) * np.maximum(known, 1)).astype(int)
    spelled = np.where(
        rng.random(i.size) < 0.5, wl["name"].to_numpy()[pick], wl["alt_names"].to_numpy()[pick]
    )
    military = (known == 0) | (
        (rng.random(i.size) < 0.3) & (lines["day"][i] >= day_of("2024-12-03"))
    )
    lines["end_user"][i] = np.where(military, "US Air Force Research Laboratory", spelled)
    uses = np.array(
        ["军用雷达组件", "defense avionics", "military infrared optics", "导弹导引头"], dtype=object
    )
    lines["end_use"][i] = np.where(military, uses[rng.integers(0, 4, i.size)], lines["end_use"][i])
    lines["destination"][i] = np.where(military, "US", lines["destination"][i])
