"""Export licences: issued for honest controlled trade, misused by some schemes.

A licence here covers one exporter, one consignee and one item for a year (a few for
six months), for somewhat more than the trade it was applied for; honest lines cite it
exactly (a few with a clerk's spacing). Numbers read like ``24MOF004512``. Schemes ask
this module for licences that are expired, nearly drawn down, someone else's, or made
out to another consignee, and for numbers that look real but were never issued.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import polars as pl

from .catalogue import PRODUCTS
from .honest import Lines, in_force
from .places import DAYS, START, iso_days

CONTROL_ID = np.array([p.control for p in PRODUCTS], dtype=object)
HS = np.array([p.hs for p in PRODUCTS], dtype=object)


class Book:
    """The licence register and what each line cites."""

    def __init__(
        self,
        rng: np.random.Generator,
        L: Lines,
        names: np.ndarray,
        countries: np.ndarray,
        exp_ids: np.ndarray,
    ) -> None:
        self.rng = rng
        self.names = names
        self.countries = countries
        self.exp_ids = exp_ids
        self.issued: set[str] = set()
        self.rows: list[pl.DataFrame] = []
        self.cols: dict[str, list[object]] = {
            k: []
            for k in (
                "no",
                "issued",
                "until",
                "exporter",
                "prod",
                "kg",
                "consignee",
                "status",
                "since",
            )
        }
        L["license"] = np.full(L["prod"].size, "", dtype=object)
        self._honest(L)

    def number(self, day: int, issue: bool = True) -> str:
        """A number in the register's style: year, then a serial that grows through it."""
        date = START + dt.timedelta(days=int(day))
        serial = date.timetuple().tm_yday * 40 + int(self.rng.integers(0, 40))
        no = f"{date.year % 100:02d}MOF{serial:06d}"
        while no in self.issued:
            serial += 1
            no = f"{date.year % 100:02d}MOF{serial:06d}"
        if issue:
            self.issued.add(no)
        return no

    def add(
        self,
        day_from: int,
        day_to: int,
        exporter: int,
        prod: int,
        kg: float,
        consignee: int,
        status: str = "valid",
        since: int = -1,
    ) -> str:
        no = self.number(day_from)
        for k, v in zip(
            self.cols,
            (no, day_from, day_to, exporter, prod, kg, consignee, status, since),
            strict=True,
        ):
            self.cols[k].append(v)
        return no

    def _honest(self, L: Lines) -> None:
        """One licence per exporter, consignee, item and half-year of honest trade."""
        rng = self.rng
        cite = np.nonzero(in_force(L) & (L["scheme"] == "") & (L["kind"] != "returned"))[0]
        key = np.stack(
            [L["exporter"][cite], L["consignee"][cite], L["prod"][cite], L["day"][cite] // 182]
        )
        _, group = np.unique(key, axis=1, return_inverse=True)
        group = group.ravel()
        k = int(group.max()) + 1 if group.size else 0
        first = np.full(k, DAYS * 2)
        np.minimum.at(first, group, L["day"][cite])
        last = np.zeros(k, dtype=np.int64)
        np.maximum.at(last, group, L["day"][cite])
        drawn = np.zeros(k)
        np.add.at(drawn, group, L["net"][cite])
        self.drawn: dict[str, float] = {}
        numbers = []
        for g in range(k):
            at = cite[group == g][0]
            issued = int(first[g]) - int(rng.integers(5, 45))
            length = 365 if rng.random() < 0.85 else 182
            until = max(issued + length, int(last[g]) + 5)
            kg = float(np.round(drawn[g] * rng.uniform(1.05, 1.8), 1))
            revoked = rng.random() < 0.03
            no = self.add(
                issued,
                until,
                int(L["exporter"][at]),
                int(L["prod"][at]),
                kg,
                int(L["consignee"][at]),
                "revoked" if revoked else "valid",
                int(last[g]) + int(rng.integers(10, 60)) if revoked else -1,
            )
            self.drawn[no] = float(drawn[g])
            numbers.append(no)
        cited = np.array(numbers, dtype=object)[group] if k else np.array([], dtype=object)
        messy = rng.random(cite.size) < 0.01
        cited = np.array(
            [c.replace("MOF", "MOF ") if m else c for c, m in zip(cited, messy, strict=True)],
            dtype=object,
        )
        L["license"][cite] = cited

    # --- what schemes ask for --------------------------------------------------------
    def issue(self, L: Lines, at: np.ndarray, consignee: np.ndarray | None = None) -> None:
        """A genuine licence for each line (for frauds that hide behind a real one)."""
        cons = L["consignee"][at] if consignee is None else consignee
        for i, c in zip(at, cons, strict=True):
            day = int(L["day"][i])
            issued = day - int(self.rng.integers(10, 150))
            kg = float(np.round(L["net"][i] * self.rng.uniform(1.0, 1.7), 1))
            L["license"][i] = self.add(
                issued, issued + 365, int(L["exporter"][i]), int(L["prod"][i]), kg, int(c)
            )

    def stale(self, L: Lines, at: np.ndarray, other_consignee: np.ndarray) -> np.ndarray:
        """Cite a licence that does not cover the line; returns the flaw of each line."""
        rng = self.rng
        flaw = rng.choice(
            np.array(["expired", "exhausted", "borrowed", "other_party"]),
            at.size,
            p=[0.3, 0.25, 0.25, 0.2],
        )
        reg = self.frame_raw()
        for j, i in enumerate(at):
            day, exp, prod, net = (
                int(L["day"][i]),
                int(L["exporter"][i]),
                int(L["prod"][i]),
                float(L["net"][i]),
            )
            con = int(L["consignee"][i])
            f = flaw[j]
            if f == "expired":
                until = day - int(rng.integers(5, 120))
                L["license"][i] = self.add(
                    until - 365, until, exp, prod, net * rng.uniform(1.2, 3), con
                )
            elif f == "exhausted":
                own = reg.filter(
                    (pl.col("exporter") == exp)
                    & (pl.col("prod") == prod)
                    & (pl.col("issued") <= day)
                    & (pl.col("until") >= day)
                    & (pl.col("status") == "valid")
                )
                if own.height:
                    no = str(own["no"][0])
                    row = self.cols["no"].index(no)
                    self.cols["kg"][row] = round(
                        self.drawn.get(no, 0.0) + net * rng.uniform(0.1, 0.6), 1
                    )
                    L["license"][i] = no
                else:
                    L["license"][i] = self.add(
                        day - int(rng.integers(20, 200)),
                        day + 200,
                        exp,
                        prod,
                        round(net * rng.uniform(0.3, 0.8), 1),
                        con,
                    )
            elif f == "borrowed":
                theirs = reg.filter(
                    (pl.col("exporter") != exp)
                    & (pl.col("prod") == prod)
                    & (pl.col("issued") <= day)
                    & (pl.col("until") >= day)
                )
                if theirs.height:
                    L["license"][i] = str(theirs["no"][int(rng.integers(0, theirs.height))])
                else:
                    lender = int(rng.integers(0, self.exp_ids.size))
                    L["license"][i] = self.add(
                        day - 60, day + 300, lender, prod, net * rng.uniform(1, 2), con
                    )
            else:
                L["license"][i] = self.add(
                    day - int(rng.integers(20, 200)),
                    day + 200,
                    exp,
                    prod,
                    net * rng.uniform(1, 2),
                    int(other_consignee[j]),
                )
        return flaw

    def forged(self, L: Lines, at: np.ndarray) -> None:
        """Numbers that look like the register's but were never issued (some left blank)."""
        rng = self.rng
        for i in at:
            roll = rng.random()
            if roll < 0.15:
                L["license"][i] = ""
                continue
            if roll < 0.35 and self.cols["no"]:
                real = str(self.cols["no"][int(rng.integers(0, len(self.cols["no"])))])
                digits = list(real[5:])
                a = int(rng.integers(0, 5))
                digits[a], digits[a + 1] = digits[a + 1], digits[a]
                fake = real[:5] + "".join(digits)
            else:
                fake = self.number(int(L["day"][i]) - int(rng.integers(10, 200)), issue=False)
            L["license"][i] = (
                fake if fake not in self.issued else self.number(int(L["day"][i]) - 30, issue=False)
            )

    def frame_raw(self) -> pl.DataFrame:
        return pl.DataFrame(
            self.cols,
            schema={
                "no": pl.String,
                "issued": pl.Int64,
                "until": pl.Int64,
                "exporter": pl.Int64,
                "prod": pl.Int64,
                "kg": pl.Float64,
                "consignee": pl.Int64,
                "status": pl.String,
                "since": pl.Int64,
            },
        )

    def table(self, L: Lines, end_users: np.ndarray) -> pl.DataFrame:
        """The contract's licences table."""
        r = self.frame_raw()
        n = r.height
        prod = r["prod"].to_numpy()
        roll = self.rng.random(n)
        control = np.where(roll < 0.15, "", CONTROL_ID[prod])
        hs = np.where((roll >= 0.15) & (roll < 0.25), "", HS[prod])
        con = r["consignee"].to_numpy()
        since = r["since"].to_numpy()
        return pl.DataFrame(
            {
                "license_no": r["no"],
                "issued_at": iso_days(r["issued"].to_numpy()),
                "valid_until": iso_days(r["until"].to_numpy()),
                "exporter_id": self.exp_ids[r["exporter"].to_numpy()],
                "control_id": control,
                "hs_code": hs,
                "quantity_kg": np.round(r["kg"].to_numpy(), 1),
                "consignee_name": self.names[con],
                "consignee_country": self.countries[con],
                "end_user_name": np.where(self.rng.random(n) < 0.7, self.names[con], ""),
                "end_use": end_users[prod],
                "status": r["status"],
                "status_since": np.where(since >= 0, iso_days(np.maximum(since, 0)), ""),
            }
        )
