"""Export licences: issued for honest contracts, numbered by office, cited by clerks.

A licence covers one exporter, one controlled item and one consignee for (usually) a
year, with a quantity a little above what the contract needs; some are drawn to the
last kilogram, some are used on their last valid day, a few are revoked or suspended
after they were used honestly. From 19 December 2025 a few large rare-earth exporters
hold general licences that cover their shipments of an item to a country. Numbers run
per year and issuing office (``25DU4300187``: 2025, office of province 43), with gaps
because the register here only shows the licences of this world's goods. Clerks cite
them in several harmless ways (lower case, hyphens, a ``No.`` prefix) and now and then
with two digits swapped.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

from sixteenthworld.controls import Controls
from sixteenthworld.goods import BY_KEY
from sixteenthworld.model import Consignee, Exporter, Licence, Line
from sixteenthworld.timeline import END, START

GENERAL_END_USE = "通用许可 general licence (multiple end users)"
GENERAL_CONSIGNEE = "多个收货人 (通用许可) various consignees under general licence"


class LicenceBook:
    """Every licence of the world, in the order it was created."""

    def __init__(self) -> None:
        self.licences: list[Licence] = []

    def add(
        self,
        *,
        issued: dt.date,
        valid_until: dt.date,
        exporter_id: str,
        province: str,
        item: str,
        hs: str,
        qty_kg: float,
        consignee_name: str,
        consignee_country: str,
        end_user: str | None,
        end_use: str | None,
        general: bool = False,
        show: int = 3,
    ) -> Licence:
        lic = Licence(
            idx=len(self.licences),
            issued=issued,
            valid_until=valid_until,
            exporter_id=exporter_id,
            province=province,
            item=item,
            hs=hs,
            qty_kg=qty_kg,
            consignee_name=consignee_name,
            consignee_country=consignee_country,
            end_user=end_user,
            end_use=end_use,
            general=general,
            show=show,
        )
        self.licences.append(lic)
        return lic

    def number_all(self, rnd: random.Random) -> None:
        counters: dict[tuple[int, str], int] = {}
        for lic in sorted(self.licences, key=lambda x: (x.issued, x.idx)):
            key = (lic.issued.year % 100, lic.province)
            seq = counters.get(key, rnd.randrange(1, 300)) + rnd.randrange(1, 9)
            counters[key] = seq
            lic.number = f"{key[0]:02d}DU{key[1]}{seq:05d}"

    def series(self) -> dict[tuple[str, str], list[int]]:
        out: dict[tuple[str, str], list[int]] = defaultdict(list)
        for lic in self.licences:
            out[(lic.number[:2], lic.number[4:6])].append(int(lic.number[6:]))
        return out


def honest_licences(
    book: LicenceBook,
    lines: list[Line],
    controls: Controls,
    exporters: dict[str, Exporter],
    consignees: list[Consignee],
    rnd: random.Random,
) -> None:
    """Issue the licences honest controlled lines need, and point the lines at them."""
    groups: dict[tuple[str, int, str, str], list[Line]] = defaultdict(list)
    general_from = controls.general_licence_from()
    generals = _general_holders(lines, controls, exporters, rnd)
    general_book: dict[tuple[str, str, str], Licence] = {}
    for line in lines:
        good = BY_KEY[line.good]
        if good.item is None or not controls.in_force(good.item, line.day):
            continue
        exp = exporters[line.exporter_id]
        country = consignees[line.consignee].country
        if (
            line.day >= general_from + dt.timedelta(days=20)
            and (exp.uscc, country) in generals
            and "2025 No.18" in controls.item(good.item).announcement
        ):
            key = (exp.uscc, good.item, country)
            if key not in general_book:
                general_book[key] = book.add(
                    issued=general_from + dt.timedelta(days=rnd.randrange(0, 20)),
                    valid_until=general_from + dt.timedelta(days=rnd.randrange(700, 1000)),
                    exporter_id=exp.uscc,
                    province=exp.province,
                    item=good.item,
                    hs=good.hs,
                    qty_kg=0.0,
                    consignee_name=GENERAL_CONSIGNEE,
                    consignee_country=country,
                    end_user=None,
                    end_use=GENERAL_END_USE,
                    general=True,
                )
            lic = general_book[key]
            lic.qty_kg += line.net_weight_kg
            line.licence = lic.idx
            continue
        groups[(line.exporter_id, line.consignee, good.item, good.key)].append(line)
    for lic in general_book.values():
        lic.qty_kg = round(lic.qty_kg * rnd.uniform(2.0, 4.0) + 1000.0, 1)
    for (exporter_id, cons_idx, item_id, _), group in sorted(groups.items()):
        group.sort(key=lambda ln: (ln.day, ln.decl, ln.line_no))
        _issue_for(
            book, group, controls, exporters[exporter_id], consignees[cons_idx], item_id, rnd
        )


def _general_holders(
    lines: list[Line], controls: Controls, exporters: dict[str, Exporter], rnd: random.Random
) -> set[tuple[str, str]]:
    """The few large rare-earth exporters granted general licences, and for which country."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for line in lines:
        good = BY_KEY[line.good]
        if good.item is not None and "2025 No.18" in controls.item(good.item).announcement:
            counts[(line.exporter_id, line.consignee_country)] += 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return {key for key, n in ranked[:4] if n >= 5 and rnd.random() < 0.8}


def _issue_for(
    book: LicenceBook,
    group: list[Line],
    controls: Controls,
    exp: Exporter,
    cons: Consignee,
    item_id: str,
    rnd: random.Random,
) -> None:
    item = controls.item(item_id)
    element = BY_KEY[group[0].good].element
    floor = max(
        item.effective_from,
        exp.licence_from.get(element, item.effective_from) - dt.timedelta(days=5),
    )
    current: Licence | None = None
    covered: list[list[Line]] = []
    for line in group:
        if current is None or line.day > current.valid_until:
            back = (
                rnd.randrange(3, 330)
                if current is None and item.effective_from < START
                else rnd.randrange(3, 60)
            )
            issued = max(floor, line.day - dt.timedelta(days=back))
            if current is not None:
                issued = max(issued, current.valid_until - dt.timedelta(days=rnd.randrange(0, 30)))
            issued = min(issued, line.day)
            months = 6 if rnd.random() < 0.3 else 12
            valid_until = issued + dt.timedelta(days=30 * months + (5 if months == 12 else 0) - 1)
            if valid_until < line.day:
                valid_until = line.day + dt.timedelta(days=rnd.randrange(30, 200))
            current = book.add(
                issued=issued,
                valid_until=valid_until,
                exporter_id=exp.uscc,
                province=exp.province,
                item=item_id,
                hs=BY_KEY[line.good].hs,
                qty_kg=0.0,
                consignee_name=cons.name,
                consignee_country=cons.country,
                end_user=line.end_user_name,
                end_use=line.end_use,
                show=rnd.choices((1, 2, 3), (0.2, 0.15, 0.65))[0],
            )
            covered.append([])
        line.licence = current.idx
        covered[-1].append(line)
    for used in covered:
        lic = book.licences[used[0].licence]
        total = sum(ln.net_weight_kg for ln in used)
        roll = rnd.random()
        factor = rnd.uniform(1.0, 1.01) if roll < 0.08 else rnd.uniform(1.05, 1.8)
        lic.qty_kg = round(max(total * factor, total + 0.001), 3)
        last = used[-1].day
        if rnd.random() < 0.05 and last >= lic.issued:
            lic.valid_until = last  # used on its last valid day
        if rnd.random() < 0.03:
            since = last + dt.timedelta(days=rnd.randrange(5, 90))
            if since <= END:
                lic.status = "revoked" if rnd.random() < 0.6 else "suspended"
                lic.status_since = since


def cite(number: str, style: int, rnd: random.Random) -> str:
    """A licence number as a clerk wrote it (style 0: as issued)."""
    if style == 0:
        return number
    if style == 1:
        return number.lower()
    if style == 2:
        return f"{number[:2]}-{number[2:4]}-{number[4:6]}-{number[6:]}"
    if style == 3:
        return f"{number[:4]} {number[4:]}"
    if style == 4:
        return f"No.{number}"
    if style == 5:
        return f"许可证号:{number}"
    if style == 6:
        return number.replace("0", "O", 1)
    i = rnd.randrange(6, len(number) - 1)
    return number[:i] + number[i + 1] + number[i] + number[i + 2 :]


def clerical_style(rnd: random.Random) -> int:
    return rnd.choices((1, 2, 3, 4, 5, 6, 7), (0.2, 0.2, 0.15, 0.15, 0.1, 0.1, 0.1))[0]
