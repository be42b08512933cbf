"""Export licences: issued for the legitimate controlled exports, and cited on lines.

A licence covers one exporter, one consignee, one controlled item, and the draws of
about half a year, with headroom. Also owns the licence number format and a few
honest oddities (licences never used, some revoked or suspended before use).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import polars as pl

from orewatch.contract.schema import LICENSES
from orewatch.world.declarations import G_ELEMENT_CTRL_DAY as G_CTRL_DAY
from orewatch.world.declarations import Decls, IntArr, Lines
from orewatch.world.goods import GOODS
from orewatch.world.parties import PartyBook

_CONTROL_IDS = sorted({g.control_id for g in GOODS if g.control_id})
_CONTROL_INDEX = {c: i for i, c in enumerate(_CONTROL_IDS)}
G_CONTROL = np.array([_CONTROL_INDEX[g.control_id] if g.control_id else -1 for g in GOODS])


def licence_number(year: int, serial: int) -> str:
    """Licence number format of the synthetic world, e.g. ``2024DU004211``."""
    return f"{year}DU{serial:06d}"


@dataclass
class Licence:
    no: str
    issued: int  # day number
    valid_until: int
    exporter: int
    good: int
    quantity_kg: float
    consignee: int
    end_user: str
    end_use: str
    status: str = "valid"
    draws: list[int] = field(default_factory=list)  # line indices, date order


@dataclass
class LicenceBook:
    rng: np.random.Generator
    items: list[Licence] = field(default_factory=list)
    serial: dict[int, int] = field(default_factory=dict)
    by_no: dict[str, int] = field(default_factory=dict)

    def next_no(self, year: int) -> str:
        s = self.serial.get(year, int(self.rng.integers(100, 900)))
        s += int(self.rng.integers(1, 7))
        self.serial[year] = s
        return licence_number(year, s)

    def add(self, lic: Licence) -> int:
        self.items.append(lic)
        self.by_no[lic.no] = len(self.items) - 1
        return len(self.items) - 1

    def for_exporter(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for i, lic in enumerate(self.items):
            out.setdefault(lic.exporter, []).append(i)
        return out

    def frame(self, book: PartyBook) -> pl.DataFrame:
        rows = []
        for lic in sorted(self.items, key=lambda x: (x.issued, x.no)):
            g = GOODS[lic.good]
            con = book.consignees[lic.consignee]
            rows.append(
                {
                    "license_no": lic.no,
                    "issued_at": str(np.datetime64(lic.issued, "D")),
                    "valid_until": str(np.datetime64(lic.valid_until, "D")),
                    "exporter_id": book.exporters[lic.exporter].uscc,
                    "control_id": g.control_id,
                    "hs_code": g.hs_code,
                    "quantity_kg": lic.quantity_kg,
                    "consignee_name": con.name,
                    "consignee_country": con.country,
                    "end_user_name": lic.end_user or None,
                    "end_use": lic.end_use or None,
                    "status": lic.status,
                }
            )
        schema = {c: pl.String for c in LICENSES.names} | {"quantity_kg": pl.Float64}
        return pl.DataFrame(rows, schema=schema, orient="row")


def issue_for_lines(
    rng: np.random.Generator,
    book: PartyBook,
    decls: Decls,
    lines: Lines,
    idx: IntArr,
    end_user_names: list[str],
    end_uses: list[str],
    lb: LicenceBook,
) -> None:
    """Issue licences covering lines ``idx`` (grouped by exporter, consignee, item,
    half-year) and cite them on those lines."""
    if not len(idx):
        return
    d = lines.decl[idx]
    day = decls.day[d]
    frame = pl.DataFrame(
        {
            "i": idx,
            "exporter": decls.exporter[d],
            "consignee": decls.consignee[d],
            "control": G_CONTROL[lines.good_decl[idx]],
            "good": lines.good_decl[idx],
            "half": (day.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)) // 6,
            "day": day,
            "kg": np.round(lines.kg_decl[idx] * 1000).astype(np.int64),
        }
    ).sort(["day", "i"])
    groups = (
        frame.group_by(["exporter", "consignee", "control", "half"], maintain_order=True)
        .agg(
            pl.col("i"),
            pl.col("good").first(),
            pl.col("day").min().alias("first_day"),
            pl.col("kg").sum().alias("kg"),
        )
        .sort(["first_day", "exporter", "consignee", "control"])
    )
    head = rng.uniform(1.0, 1.4, groups.height)
    lead = rng.integers(5, 40, groups.height)
    for k, row in enumerate(groups.iter_rows(named=True)):
        ctrl_day = int(G_CTRL_DAY[int(row["good"])])
        issued = max(int(row["first_day"]) - int(lead[k]), ctrl_day)
        year = int(np.datetime64(issued, "D").astype("datetime64[Y]").astype(int)) + 1970
        qty = float(row["kg"]) / 1000.0 * float(head[k])
        qty = float(np.ceil(qty / (1000 if qty > 20000 else 10)) * (1000 if qty > 20000 else 10))
        first_line = int(row["i"][0])
        eu = int(lines.end_user[first_line])
        con = book.consignees[int(row["consignee"])]
        lic = Licence(
            no=lb.next_no(year),
            issued=issued,
            valid_until=issued + 364,
            exporter=int(row["exporter"]),
            good=int(row["good"]),
            quantity_kg=qty,
            consignee=int(row["consignee"]),
            end_user=end_user_names[eu] if eu >= 0 else con.name,
            end_use=end_uses[int(lines.end_use[first_line])],
            draws=[int(x) for x in row["i"]],
        )
        lb.add(lic)
        for i in lic.draws:
            lines.licence[i] = lic.no


def add_unused(
    rng: np.random.Generator, book: PartyBook, lb: LicenceBook, share: float, end_uses: list[str]
) -> None:
    """Honest noise: licences issued but never drawn; a few revoked or suspended."""
    n = int(len(lb.items) * share) + 2
    if not lb.items:
        return
    for _ in range(n):
        src = lb.items[int(rng.integers(len(lb.items)))]
        issued = max(src.issued + int(rng.integers(-200, 200)), int(G_CTRL_DAY[src.good]))
        year = int(np.datetime64(issued, "D").astype("datetime64[Y]").astype(int)) + 1970
        exp = book.exporters[src.exporter]
        cons = [c for c, _ in exp.customers] or [src.consignee]
        status = str(rng.choice(["valid", "valid", "valid", "revoked", "suspended"]))
        lb.add(
            Licence(
                no=lb.next_no(year),
                issued=issued,
                valid_until=issued + 364,
                exporter=src.exporter,
                good=src.good,
                quantity_kg=float(np.ceil(src.quantity_kg * rng.uniform(0.3, 1.5))),
                consignee=int(cons[int(rng.integers(len(cons)))]),
                end_user="",
                end_use=str(rng.choice(end_uses[1:])),
                status=status,
            )
        )


def country_of_consignee(book: PartyBook, c: int) -> str:
    return book.consignees[c].country


__all__ = ["Licence", "LicenceBook", "issue_for_lines", "licence_number"]
