"""Schemes whose goods are declared as what they are, but whose paper lies.

``licence_overdraw`` (a producer draws past its licence's quantity), ``licence_borrowed``
(a sister company or a stranger cites someone else's licence), ``hub_reexport`` (licences
for hub shells run by a listed end user's director), ``shell_consignee`` (consignees
sharing an address or a director with a listed party), ``false_end_user`` (a genuine
distributor, a front end user owned by a listed party) and ``undervaluation`` (licensed
goods invoiced far below market to an offshore affiliate).
"""

from __future__ import annotations

from datetime import date, timedelta

from eighteenthworld import lines as mk
from eighteenthworld.calendar import END, START, pick_day
from eighteenthworld.goods import CONTROLLED
from eighteenthworld.honest import make_decl, pick_port_mode
from eighteenthworld.licensing import cite, issue
from eighteenthworld.model import Consignee, Declaration, Exporter, Licence, Line, Party
from eighteenthworld.names import respell
from eighteenthworld.population import new_consignee, new_exporter
from eighteenthworld.rings import HUB_COUNTRIES, Ring, RingBase, Touched


class Paperwork(RingBase):
    """Rings whose lies are in the licences, the values and the parties."""

    def _candidates(self, min_days: int = 20) -> list[Licence]:
        out = [
            lic
            for lic in self.world.licences
            if lic.status == "valid"
            and lic.last_draw is not None
            and lic.no not in self.used_licences
            and (min(lic.valid_until, END) - lic.last_draw).days >= min_days
        ]
        return sorted(out, key=lambda lic: lic.no)

    def _consignee_of(self, licence: Licence) -> Consignee:
        for consignee in licence.exporter.consignees:
            if consignee.name == licence.consignee_name:
                return consignee
        return new_consignee(self.world, self.rng, licence.consignee_country, "producer")

    def _good_of(self, licence: Licence) -> str:
        for key, good in CONTROLLED.items():
            if good.item == licence.control_id and good.hs == licence.hs:
                return key
        raise KeyError(licence.no)

    def _licensed_decl(
        self,
        ring: Ring,
        exporter: Exporter,
        consignee: Consignee,
        day: date,
        lines: list[Line],
        variant: str,
        consignee_name: str | None = None,
        trade_country: str | None = None,
    ) -> Declaration:
        rng = self.rng
        key = lines[0].good
        modes = {"sea": 1.0} if CONTROLLED[key].unit == "t" else {"air": 0.6, "sea": 0.4}
        port, mode = pick_port_mode(rng, exporter, modes)
        return make_decl(
            self.world,
            rng,
            exporter,
            day,
            lines,
            consignee,
            "ring",
            port,
            mode,
            consignee_name=consignee_name,
            trade_country=trade_country,
        )

    def _run_licence_overdraw(self, i: int, quota: int) -> None:
        rng = self.rng
        made = 0
        candidates = self._candidates()
        rng.shuffle(candidates)
        for licence in candidates:
            if made >= quota:
                break
            self.used_licences.add(licence.no)
            exporter = licence.exporter
            ring = self._ring(
                "licence_overdraw", i, [exporter], [], [exporter.ports[0]], [self._good_of(licence)]
            )
            ring.id = f"licence_overdraw-{i + 1}-{licence.no}"
            variant = "faint" if rng.random() < self.world.knobs.faint_share else "loud"
            consignee = self._consignee_of(licence)
            good = self._good_of(licence)
            assert licence.last_draw is not None
            first = licence.last_draw + timedelta(days=1)
            last = min(licence.valid_until, END)
            draws = min(quota - made, rng.randint(2, 4) if variant == "loud" else rng.randint(1, 2))
            days = sorted(pick_day(rng, first, last) for _ in range(draws))
            for n, day in enumerate(days):
                if ring.seizures and min(ring.seizures) <= day:
                    break  # caught: the licence is watched now
                remaining = max(0.0, licence.quantity_kg - licence.used_kg)
                if n == 0:
                    over = rng.uniform(0.2, 0.8) if variant == "loud" else rng.uniform(0.05, 0.3)
                    kg = remaining + over * licence.quantity_kg
                else:
                    kg = licence.quantity_kg * rng.uniform(0.1, 0.5)
                line = mk.controlled(
                    rng, good, day, exporter.currency, exporter.desc_style, 0.0, max(kg, 0.1)
                )
                while licence.used_kg + line.net_kg <= licence.quantity_kg:
                    kg = max(kg, 0.1) * 1.15  # pieces round down: every draw here is over
                    line = mk.controlled(
                        rng, good, day, exporter.currency, exporter.desc_style, 0.0, kg
                    )
                line.true_desc = f"draw beyond licence {licence.no} ({licence.quantity_kg:g} kg)"
                line.origin = exporter.region
                cite(rng, self.world, line, licence, day)
                self._fraud(line, ring, variant)
                decl = self._licensed_decl(ring, exporter, consignee, day, [line], variant)
                made += self._lodge(ring, [(decl, [line])])

    def _run_licence_borrowed(self, i: int, quota: int) -> None:
        rng = self.rng
        made = 0
        candidates = self._candidates(30)
        rng.shuffle(candidates)
        pool = [lic for lic in self.world.licences if lic.last_draw is not None]
        # when every good licence is taken, stale ones are cited again (after their last draw)
        taken = {lic.no for lic in candidates}
        spare = sorted((lic for lic in pool if lic.no not in taken), key=lambda x: x.no)
        rng.shuffle(spare)
        for licence in candidates + spare:
            if made >= quota:
                break
            self.used_licences.add(licence.no)
            variant = "faint" if rng.random() < self.world.knobs.faint_share else "loud"
            parent = licence.exporter
            assert licence.last_draw is not None
            first = licence.last_draw + timedelta(days=1)
            last = min(licence.valid_until, END)
            if last <= first:  # a stale licence: cited after it expired
                last = min(END, first + timedelta(days=120))
            sister = new_exporter(
                self.world,
                rng,
                "ring",
                parent.city[4].split()[0],
                rng.choice(("trade", "impex", "materials")),
                max(date(2019, 1, 1), first - timedelta(days=rng.randint(90, 700))),
                0.6,
            )
            sister.active_from = min(sister.active_from, first)
            self.world.exporters["ring"].append(sister)
            ring = self._ring(
                "licence_borrowed", i, [sister], [], list(sister.ports), [self._good_of(licence)]
            )
            ring.id = f"licence_borrowed-{i + 1}-{licence.no}"
            if variant == "faint":
                # a sister of the licence holder, citing the parent's licence to its buyer
                self.world.relate(
                    parent.party.party_id,
                    sister.party.party_id,
                    "owner",
                    sister.party.incorporated,
                    round(rng.uniform(0.51, 0.9), 2),
                )
                consignee = self._consignee_of(licence)
                cited = licence
                good = self._good_of(licence)
            else:
                # a stranger cites someone else's licence, for its own buyer and goods
                consignee = new_consignee(
                    self.world, rng, rng.choice(("TR", "AE", "IN", "VN", "RU", "KZ")), "ring"
                )
                strangers = [
                    lic
                    for lic in pool
                    if lic.exporter is not parent
                    and lic.last_draw is not None
                    and lic.last_draw < first
                ]
                cited = rng.choice(strangers or pool)
                good = rng.choice(["ga_metal", "ge_ingot", "sb_ingot", "w_apt", "dy_oxide"])
                if rng.random() < 0.5:
                    good = self._good_of(cited)
            draws = min(quota - made, rng.randint(1, 3))
            for day in sorted(pick_day(rng, first, last) for _ in range(draws)):
                if ring.seizures and min(ring.seizures) <= day:
                    break
                if not self.world.licence_needed(good, day):
                    continue
                remaining = max(0.0, cited.quantity_kg - cited.used_kg)
                kg = (
                    remaining * rng.uniform(0.2, 0.5)
                    if variant == "faint" and remaining > 0
                    else self._kg(good, 0.5)
                )
                line = mk.controlled(
                    rng, good, day, sister.currency, sister.desc_style, 0.0, max(kg, 0.1)
                )
                line.true_desc = f"licence {cited.no} belongs to {cited.exporter.cn.zh}"
                cite(rng, self.world, line, cited, day)
                self._fraud(line, ring, variant)
                name = (
                    rng.choice(consignee.variants)
                    if consignee.variants and variant == "faint"
                    else consignee.name
                )
                decl = self._licensed_decl(ring, sister, consignee, day, [line], variant, name)
                made += self._lodge(ring, [(decl, [line])])

    # --- diversion and valuation -------------------------------------------------------

    def _ring_licensed(self, scheme: str, i: int, goods: list[str]) -> Ring:
        rng = self.rng
        day0 = pick_day(rng, START, START + timedelta(days=150))
        exporter = self._shell(None, "trade", day0, rng.choice(("trade", "impex", "supply")))
        exporter.party.incorporated = date(2016, 1, 1) + timedelta(days=rng.randrange(2500))
        exporter.active_from = START
        ring = self._ring(scheme, i, [exporter], [], list(exporter.ports), goods)
        return ring

    def _ring_hub_reexport(self, i: int) -> Ring:
        rng = self.rng
        ring = self._ring_licensed(
            "hub_reexport",
            i,
            [
                "ga_metal",
                "ge_ingot",
                "ge_dioxide",
                "sb_ingot",
                "w_apt",
                "dy_oxide",
                "tb_oxide",
                "gaas_wafer",
            ],
        )
        day0 = self._start(ring)
        listed = self._military(ring, day0)
        for _ in range(rng.randint(1, 2)):
            ring.consignees.append(
                self._front_consignee(ring, rng.choice(HUB_COUNTRIES), day0, listed)
            )
        return ring

    def _ring_shell_consignee(self, i: int) -> Ring:
        rng = self.rng
        ring = self._ring_licensed(
            "shell_consignee",
            i,
            [
                "ga_metal",
                "ge_ingot",
                "sb_ingot",
                "w_bar",
                "w_heavy",
                "dy_oxide",
                "graphite_hp",
                "te_metal",
            ],
        )
        day0 = self._start(ring)
        target = rng.choice(self.world.listed)
        ring.listed.append(target.party_id)
        self._member(ring, target.party_id, "end_user")
        for _ in range(rng.randint(1, 2)):
            ring.consignees.append(
                self._front_consignee(
                    ring,
                    rng.choice(("DE", "NL", "KR", "SG", "AE", "TR", "IN", "CA", "GB")),
                    day0,
                    target.party_id,
                )
            )
        return ring

    def _ring_false_end_user(self, i: int) -> Ring:
        rng = self.rng
        ring = self._ring_licensed(
            "false_end_user",
            i,
            [
                "w_heavy",
                "w_bar",
                "ge_ingot",
                "ga_metal",
                "sb_ingot",
                "graphite_hp",
                "dy_metal",
                "sm_metal",
                "tb_metal",
            ],
        )
        day0 = self._start(ring)
        self._military(ring, day0)
        established = [
            c
            for c in self.world.consignees.get("producer", [])
            + self.world.consignees.get("alloy", [])
            if c.country in ("DE", "KR", "JP", "IN", "TR", "NL", "IT", "GB", "FR")
        ]
        ring.consignees.append(
            rng.choice(established) if established else new_consignee(self.world, rng, "DE", "ring")
        )
        return ring

    def _ring_undervaluation(self, i: int) -> Ring:
        rng = self.rng
        producers = [
            e for e in self.world.exporters["producer"] if any(g in CONTROLLED for g in e.goods)
        ]
        exporter = producers[(i * 7 + rng.randrange(len(producers))) % len(producers)]
        ring = self._ring(
            "undervaluation", i, [exporter], [], list(exporter.ports), list(exporter.goods)
        )
        country = rng.choice(("HK", "SG", "AE"))
        affiliate = new_consignee(
            self.world,
            rng,
            country,
            "ring",
            "Trading",
            START - timedelta(days=rng.randint(100, 900)),
            0.6,
        )
        rep = [
            r["src_party_id"]
            for r in self.world.relations
            if r["dst_party_id"] == exporter.party.party_id
            and r["relation"] == "legal_representative"
        ]
        if rep:
            self.world.relate(str(rep[0]), affiliate.party.party_id, "director")
        ring.consignees.append(affiliate)
        self._member(ring, affiliate.party.party_id, "consignee")
        return ring

    def _front_user(self, ring: Ring, country: str) -> str:
        """A civil-sounding end user owned by the ring's listed party."""
        rng = self.rng
        key = f"user:{country}"
        if key not in ring.fronts:
            name = self.world.namer.foreign(
                country, rng.choice(("Components", "Technologies", "Industries"))
            )
            party = self.world.add_party(
                Party(
                    self.world.ids.party("C"),
                    "company",
                    name,
                    country,
                    self.world.namer.foreign_address(country),
                )
            )
            listed = self._listed(ring)
            if listed is not None:
                self.world.relate(listed.party_id, party.party_id, "owner", None, 1.0)
            ring.fronts[key] = name
            self._member(ring, party.party_id, "end_user_front")
        return ring.fronts[key]

    def _ring_licence(
        self, ring: Ring, consignee: Consignee, good: str, day: date, kg: float, end_user: str
    ) -> Licence:
        """The ring's own licence for this buyer and good, renewed when used up or expired."""
        key = (ring.exporter.uscc, consignee.party.party_id, good)
        licence = ring.licences.get(key)
        if (
            licence is None
            or day > licence.valid_until
            or licence.used_kg + kg > licence.quantity_kg
        ):
            rng = self.rng
            issued = max(
                self.world.item_of(good).effective_from, day - timedelta(days=rng.randint(5, 40))
            )
            licence = issue(
                self.world,
                rng,
                ring.exporter,
                consignee.name,
                consignee.country,
                good,
                issued,
                max(kg * rng.uniform(3, 6), kg + 1),
                end_user,
                mk.end_use(rng, CONTROLLED[good].element),
            )
            ring.licences[key] = licence
        return licence

    def _diversion_event(self, ring: Ring, day: date, variant: str, left: int) -> Touched:
        rng = self.rng
        goods = self._goods_on(ring, day)
        if not goods:
            return []
        good = rng.choice(goods)
        consignee = ring.consignees[-1] if rng.random() < 0.7 else rng.choice(ring.consignees)
        exporter = ring.exporter
        listed = self._listed(ring)
        loud = variant == "loud"
        n = min(left, rng.choice((1, 1, 2)))
        lines = []
        if ring.scheme == "false_end_user":
            end_user = self._front_user(ring, consignee.country)
        elif ring.scheme == "hub_reexport":
            end_user = self._front_user(ring, consignee.country) if not loud else consignee.name
        else:
            end_user = consignee.name
        for _ in range(n):
            kg = self._kg(good, 0.6)
            factor = 1.0
            if ring.scheme == "undervaluation":
                factor = rng.uniform(0.2, 0.4) if loud else rng.uniform(0.6, 0.75)
            line = mk.controlled(
                rng, good, day, exporter.currency, exporter.desc_style, 0.0, kg, factor
            )
            line.origin = exporter.region
            licence = self._ring_licence(ring, consignee, good, day, line.net_kg, end_user)
            cite(rng, self.world, line, licence, day)
            line.end_user = licence.end_user
            line.end_use = licence.end_use
            if ring.scheme == "undervaluation":
                line.true_usd = line.usd / factor
                line.true_desc = f"{CONTROLLED[good].en} invoiced at {factor:.0%} of its value"
            elif listed is not None:
                line.true_desc = f"{CONTROLLED[good].en} for {listed.name}"
                if ring.scheme == "false_end_user" and loud:
                    line.end_user = respell(rng, rng.choice([listed.name, *listed.alt_names[1:]]))
                if ring.scheme == "hub_reexport" and loud:
                    line.end_user = "" if rng.random() < 0.5 else consignee.name
            self._fraud(line, ring, variant)
            lines.append(line)
        trade = None
        if ring.scheme == "hub_reexport":
            trade = (listed.country if listed is not None else "US") if loud else consignee.country
        decl = self._licensed_decl(
            ring, exporter, consignee, day, lines, variant, trade_country=trade
        )
        if ring.scheme == "shell_consignee" and loud and listed is not None and listed.address:
            decl.consignee_address = listed.address  # the listed party's own address
        return [(decl, lines)]

    _event_hub_reexport = _diversion_event
    _event_shell_consignee = _diversion_event
    _event_false_end_user = _diversion_event
    _event_undervaluation = _diversion_event
