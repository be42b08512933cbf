"""What every ring shares: the scheme table, the ring itself, and the machinery that runs
rings through the window (events on chosen days, inspection as each declaration is
lodged, adaptation after a seizure), finds them shells, fronts and hosts, and builds
fraudulent lines from the same parts as honest ones.

A seizure (an inspection or post-clearance finding) moves the ring to its next port and
broker, its next wording for the goods, a fresh shell exporter or front consignee, and
drops the host it was caught in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from eighteenthworld import lines as mk
from eighteenthworld import market
from eighteenthworld.calendar import END, START, month_of, pick_day
from eighteenthworld.goods import CONTROLLED, ORDINARY
from eighteenthworld.honest import host_declaration
from eighteenthworld.inspections import Inspector
from eighteenthworld.model import Broker, Consignee, Declaration, Exporter, Licence, Line, Party
from eighteenthworld.population import new_consignee, new_exporter
from eighteenthworld.state import World
from eighteenthworld.watchlist import directors_of, listed_at, military

SCHEMES: tuple[str, ...] = (
    "structuring",
    "scrap_cover",
    "alloy_cover",
    "device_cover",
    "ree_mislabel",
    "licence_overdraw",
    "licence_borrowed",
    "hub_reexport",
    "undervaluation",
    "false_end_user",
    "shell_consignee",
    "concealment",
    "market_bundle",
)
FAMILY: dict[str, str] = {
    "structuring": "structuring",
    "scrap_cover": "misdeclaration",
    "alloy_cover": "misdeclaration",
    "device_cover": "misdeclaration",
    "ree_mislabel": "misdeclaration",
    "licence_overdraw": "licensing",
    "licence_borrowed": "licensing",
    "hub_reexport": "diversion",
    "undervaluation": "valuation",
    "false_end_user": "diversion",
    "shell_consignee": "diversion",
    "concealment": "concealment",
    "market_bundle": "misdeclaration",
}
WEIGHTS: dict[str, float] = {
    "structuring": 0.14,
    "scrap_cover": 0.08,
    "alloy_cover": 0.08,
    "device_cover": 0.08,
    "ree_mislabel": 0.08,
    "licence_overdraw": 0.08,
    "licence_borrowed": 0.06,
    "hub_reexport": 0.09,
    "undervaluation": 0.07,
    "false_end_user": 0.05,
    "shell_consignee": 0.06,
    "concealment": 0.06,
    "market_bundle": 0.07,
}
#: Lines a ring of the scheme carries before a second ring is set up.
RING_LINES: dict[str, int] = {
    "structuring": 90,
    "licence_overdraw": 25,
    "licence_borrowed": 25,
    "concealment": 40,
    "market_bundle": 40,
}
#: Schemes that only hide in other people's declarations: they choose their hosts first.
HOSTED = frozenset({"concealment", "market_bundle"})
#: Fraudulent lines an event lodges on average (to spread a ring's events over the window).
EVENT_LINES: dict[str, float] = {
    "structuring": 12.0,
    "hub_reexport": 1.3,
    "shell_consignee": 1.3,
    "false_end_user": 1.3,
    "undervaluation": 1.3,
}
#: Fraud lot sizes (kg) by true good.
FRAUD_LOT: dict[str, tuple[float, float]] = {
    "ga_metal": (30, 600),
    "ge_ingot": (20, 400),
    "ge_scrap": (50, 500),
    "ge_substrate": (2, 20),
    "gaas_wafer": (1, 15),
    "gan_wafer": (0.2, 3),
    "inp_wafer": (0.2, 3),
    "sb_ingot": (2_000, 20_000),
    "bi_ingot": (1_000, 10_000),
    "w_bar": (500, 8_000),
    "w_heavy": (200, 3_000),
    "te_metal": (100, 2_000),
    "mo_powder_hp": (100, 2_000),
    "dy_oxide": (50, 2_000),
    "tb_oxide": (10, 300),
    "y_oxide": (300, 5_000),
    "gd_oxide": (100, 3_000),
    "lu_oxide": (10, 200),
    "sc_oxide": (10, 200),
    "dy_metal": (20, 500),
    "tb_metal": (5, 200),
    "sm_metal": (50, 1_000),
    "ge_dioxide": (20, 400),
    "w_apt": (2_000, 20_000),
    "graphite_hp": (500, 10_000),
}
HUB_COUNTRIES = ("AE", "MY", "TR", "KZ", "TH", "VN", "HK", "SG", "MX", "IN")
SHELL_COUNTRIES = ("DE", "NL", "KR", "SG", "AE", "TR", "IN", "CA", "GB")
#: Where a ring's replacement shell is registered (city tag, industry).
SHELL_TAG: dict[str, tuple[str, str]] = {
    "structuring": ("ecom", "ecom"),
    "scrap_cover": ("scrap", "recycling"),
    "alloy_cover": ("alloy", "alloy"),
    "device_cover": ("device", "optics"),
    "ree_mislabel": ("ree", "chemical"),
    "hub_reexport": ("trade", "impex"),
    "shell_consignee": ("trade", "supply"),
}
#: Schemes whose goods leave the domestic chain unbooked (a leaking facility).
LEAKING = frozenset(
    {
        "structuring",
        "scrap_cover",
        "alloy_cover",
        "device_cover",
        "ree_mislabel",
        "concealment",
        "market_bundle",
    }
)


@dataclass
class Ring:
    id: str
    scheme: str
    exporters: list[Exporter]
    consignees: list[Consignee]
    ports: list[str]
    brokers: list[Broker | None]
    goods: list[str]
    hosts: list[Exporter] = field(default_factory=list)
    wording: int = 0
    generation: int = 0
    seizures: list[date] = field(default_factory=list)
    applied: int = 0
    licences: dict[tuple[str, str, str], Licence] = field(default_factory=dict)
    listed: list[str] = field(default_factory=list)
    fronts: dict[str, str] = field(default_factory=dict)

    @property
    def port(self) -> str:
        return self.ports[self.generation % len(self.ports)]

    @property
    def broker(self) -> Broker | None:
        return self.brokers[self.generation % len(self.brokers)] if self.brokers else None

    @property
    def exporter(self) -> Exporter:
        return self.exporters[-1]


#: Declarations an event touched, each with the fraudulent lines it lodged there.
Touched = list[tuple[Declaration, list[Line]]]


def quotas(world: World) -> dict[str, int]:
    total = round(world.knobs.fraud_share * world.lines)
    return {s: max(3, round(total * w)) for s, w in WEIGHTS.items()}


class RingBase:
    """Runs rings, inspecting each declaration as it is lodged."""

    def __init__(self, world: World, inspector: Inspector) -> None:
        self.world = world
        self.inspector = inspector
        self.rng = world.rng("schemes")
        self.made = 0
        self.hosts: dict[str, list[Declaration]] = {}
        for decl in sorted(world.decls, key=lambda d: (d.at, d.id)):
            if decl.family in ("consolidator", "market"):
                self.hosts.setdefault(decl.family, []).append(decl)
        self.world.exporters.setdefault("ring", [])
        self.used_licences: set[str] = set()
        self.flows: list[tuple[str, str, str, float]] = []

    # --- driver -----------------------------------------------------------------------

    def run(self) -> int:
        order = sorted(quotas(self.world).items(), key=lambda kv: kv[0] not in HOSTED)
        for scheme, quota in order:
            per_ring = RING_LINES.get(scheme, 60)
            n_rings = max(1, min(5, round(quota / per_ring)))
            shares = [quota // n_rings + (1 if i < quota % n_rings else 0) for i in range(n_rings)]
            for i, share in enumerate(shares):
                runner = getattr(self, f"_run_{scheme}", None)
                if runner is not None:
                    runner(i, share)
                else:
                    self._rounds(getattr(self, f"_ring_{scheme}")(i), share)
        return self.made

    def _rounds(self, ring: Ring, quota: int) -> None:
        """Events on ring-chosen days until its quota of fraudulent lines is lodged."""
        rng = self.rng
        start = self._start(ring)
        made = 0
        idle = 0
        while made < quota and idle < 3:
            before = made
            expected = max(
                4, -(-(quota - made) * 10 // round(EVENT_LINES.get(ring.scheme, 1.0) * 10))
            )
            days = sorted(pick_day(rng, start, END) for _ in range(expected))
            for day in days:
                if made >= quota:
                    break
                self._adapt(ring, day)
                variant = "faint" if rng.random() < self.world.knobs.faint_share else "loud"
                touched = getattr(self, f"_event_{ring.scheme}")(ring, day, variant, quota - made)
                made += self._lodge(ring, touched)
            idle = idle + 1 if made == before else 0

    def _start(self, ring: Ring) -> date:
        effs = [self.world.item_of(g).effective_from for g in ring.goods] or [START]
        return max(START, min(effs) + timedelta(days=20))

    def _lodge(self, ring: Ring, touched: Touched) -> int:
        made = 0
        for decl, fraud in touched:
            made += len(fraud)
            if ring.scheme in LEAKING:
                for line in fraud:
                    self.flows.append(
                        (ring.id, material_of(line), month_of(decl.day), line.true_kg)
                    )
            found = self.inspector.decide(decl)
            if found:
                ring.seizures.append(decl.day + timedelta(days=2))
            for line in fraud:
                later = self.inspector.post_audit(decl, line)
                if later is not None:
                    ring.seizures.append(later)
        self.made += made
        return made

    def _adapt(self, ring: Ring, day: date) -> None:
        due = sorted(d for d in ring.seizures if d <= day)
        while ring.applied < len(due):
            ring.applied += 1
            ring.generation += 1
            ring.wording += 1
            self._burn(ring, day)

    def _burn(self, ring: Ring, day: date) -> None:
        """After a seizure: a fresh shell or host, so the caught one is not used again."""
        rng = self.rng
        if ring.scheme in SHELL_TAG:
            tag, industry = SHELL_TAG[ring.scheme]
            ring.exporters.append(self._shell(ring, tag, day, industry))
        if ring.hosts:
            ring.hosts.pop(0)  # the caught host is dropped; the next search finds another
        if ring.scheme in ("hub_reexport", "shell_consignee"):
            country = rng.choice(
                HUB_COUNTRIES if ring.scheme == "hub_reexport" else SHELL_COUNTRIES
            )
            ring.consignees.append(self._front_consignee(ring, country, day))

    # --- parties of rings -------------------------------------------------------------

    def _ring(
        self,
        scheme: str,
        i: int,
        exporters: list[Exporter],
        consignees: list[Consignee],
        ports: list[str],
        goods: list[str],
        utc: bool = False,
    ) -> Ring:
        rng = self.rng
        brokers: list[Broker | None] = [b for b in self.world.brokers if (b.style == "utc") == utc]
        rng.shuffle(brokers)
        brokers = [*brokers[:4], None]
        rng.shuffle(ports)
        ring = Ring(f"{scheme}-{i + 1}", scheme, exporters, consignees, ports, brokers, goods)
        for exporter in exporters:
            self._member(ring, exporter.party.party_id, "exporter")
        for consignee in consignees:
            self._member(ring, consignee.party.party_id, "consignee")
        return ring

    def _member(self, ring: Ring, party_id: str, role: str) -> None:
        self.world.truth_parties.append(
            {"party_id": party_id, "scheme": ring.scheme, "ring": ring.id, "role": role}
        )

    def _shell(
        self, ring: Ring | None, tag: str, day: date, industry: str | None = None
    ) -> Exporter:
        rng = self.rng
        industry = industry or rng.choice(("trade", "impex", "supply", "materials", "metals"))
        incorporated = max(date(2019, 1, 1), day - timedelta(days=rng.randint(60, 500)))
        shell = new_exporter(self.world, rng, "ring", tag, industry, incorporated, 0.5)
        shell.active_from = min(shell.active_from, day)
        self.world.exporters["ring"].append(shell)
        if ring is not None:
            organiser = ring.fronts.get("organiser")
            if organiser is None:
                zh, py = self.world.namer.chinese_person()
                person = self.world.add_party(
                    Party(self.world.ids.party("P"), "person", zh, "CN", "", [py])
                )
                self.world.persons.append(person)
                organiser = ring.fronts["organiser"] = person.party_id
                self._member(ring, organiser, "organiser")
            if rng.random() < 0.7:
                self.world.relate(
                    organiser,
                    shell.party.party_id,
                    "shareholder",
                    incorporated,
                    round(rng.uniform(0.3, 1.0), 2),
                )
            self._member(ring, shell.party.party_id, "exporter")
        return shell

    def _front_consignee(
        self, ring: Ring, country: str, day: date, listed_party: str | None = None
    ) -> Consignee:
        """A new foreign company fronting for a listed party (address or director)."""
        rng = self.rng
        incorporated = day - timedelta(days=rng.randint(60, 300))
        consignee = new_consignee(
            self.world, rng, country, "ring", "Trading", incorporated, agent_share=0.7
        )
        listed = self._listed(ring, listed_party)
        if listed is not None:
            directors = directors_of(self.world, listed)
            if directors:
                self.world.relate(
                    rng.choice(directors), consignee.party.party_id, "director", incorporated
                )
        self._member(ring, consignee.party.party_id, "consignee")
        return consignee

    def _listed(self, ring: Ring, party_id: str | None = None) -> Party | None:
        pid = party_id or (ring.listed[-1] if ring.listed else None)
        for party in self.world.listed:
            if party.party_id == pid:
                return party
        return None

    def _military(self, ring: Ring, day: date) -> str:
        """A listed military end user for this ring (Japan's only once listed)."""
        rng = self.rng
        pool = [p for p in military(self.world, "US")]
        jp = [p for p in military(self.world, "JP") if listed_at(self.world, p) <= day]
        if jp and rng.random() < 0.3:
            pool = jp
        party = rng.choice(pool)
        ring.listed.append(party.party_id)
        self._member(ring, party.party_id, "end_user")
        return party.party_id

    # --- lines ------------------------------------------------------------------------

    def _fraud(self, line: Line, ring: Ring, variant: str) -> Line:
        line.scheme, line.variant, line.ring = ring.scheme, variant, ring.id
        line.phase = ring.generation
        line.family = FAMILY[ring.scheme]
        if not line.true_hs:
            line.true_hs = line.hs
        if not line.true_kg:
            line.true_kg = line.net_kg
        if not line.true_usd:
            line.true_usd = line.usd
        line.traps = []
        line.house = ""
        return line

    def _kg(self, good: str, scale: float = 1.0) -> float:
        lo, hi = FRAUD_LOT.get(good, CONTROLLED[good].lot)
        return mk.lot(self.rng, (lo, hi), scale)

    def _disguised(
        self,
        true_key: str,
        decoy_key: str,
        day: date,
        currency: str,
        style: str,
        kg: float,
        variant: str,
        spec_reveals: bool = False,
    ) -> Line:
        rng = self.rng
        true = CONTROLLED[true_key]
        decoy = ORDINARY[decoy_key]
        true_usd = kg * market.export_price(true.price, day) * true.factor * rng.uniform(0.9, 1.1)
        quantity, net = mk.quantity_of(rng, decoy.unit, kg, decoy.kg_per_unit)
        if variant == "loud":
            usd = true_usd * rng.uniform(0.8, 1.0)
        else:
            per_kg = rng.uniform(*decoy.usd_kg)
            if decoy.price != "flat":
                per_kg *= market.export_price(decoy.price, day)
            usd = net * per_kg * rng.uniform(1.0, 1.8)
        spec = true.spec if spec_reveals else decoy.zh
        line = Line(
            hs=decoy.hs,
            description=mk.describe(rng, decoy.zh, decoy.en, style),
            spec=mk.declared_elements(rng, spec, "一般用途"),
            quantity=quantity,
            unit=decoy.unit,
            net_kg=net,
            gross_kg=mk.gross_of(rng, net, decoy.unit, 0.1),
            usd=usd,
            value=0.0,
            good=decoy_key,
            element=true.element,
            true_hs=true.hs,
            true_desc=f"{true.en} ({true.zh}) declared as {decoy.en}",
            true_kg=net,
            true_usd=true_usd,
        )
        return line

    def _money(self, line: Line, currency: str, day: date) -> Line:
        line.value = round(market.to_currency(line.usd, currency, day), 2)
        return line

    def _goods_on(self, ring: Ring, day: date) -> list[str]:
        return [g for g in ring.goods if self.world.licence_needed(g, day)]

    # --- hosts ------------------------------------------------------------------------

    def _host(
        self, ring: Ring, family: str, day: date, modes: tuple[str, ...]
    ) -> Declaration | None:
        """An honest multi-line declaration near ``day`` to hide a line in."""
        candidates = [
            d
            for d in self.hosts.get(family, [])
            if not d.decided and not d.hosted and d.mode in modes and abs((d.day - day).days) <= 30
        ]
        if not candidates:
            made = host_declaration(self.world, self.rng, family, day)
            self.hosts.setdefault(family, []).append(made)
            if made.mode not in modes:
                return None
            candidates = [made]
        preferred = [d for d in candidates if d.exporter in ring.hosts]
        pick = min(preferred or candidates, key=lambda d: (abs((d.day - day).days), d.id))
        if pick.exporter not in ring.hosts:
            ring.hosts.append(pick.exporter)
        return pick

    def _insert(self, decl: Declaration, line: Line) -> None:
        decl.lines.insert(self.rng.randint(0, len(decl.lines)), line)
        decl.hosted = True


def material_of(line: Line) -> str:
    """The material code of what the line really carries."""
    for good in CONTROLLED.values():
        if good.hs == line.true_hs:
            return good.material
    return f"{line.element}:metal"
