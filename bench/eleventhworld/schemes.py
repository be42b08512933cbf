"""The smuggling schemes, each rewriting a chosen set of lines and labelling them.

Every scheme takes ``k`` host lines not yet used by another scheme and rewrites what is
true and what is declared about them. Some schemes are run by a few rogue exporters
(``code_swap``, ``short_weight``, ``stowaway``, ``detour_front``); others are spread thin
over many (``unpermitted``, ``lowball_invoice``, ``sample_parcel``). Not all leave
evidence in the data: ``grab_bag_buyer`` lines are properly licensed and only the buyer's
pattern is odd; a share of ``stowaway`` lines forge the gross weight too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from eleventhworld.goods import Goods
from eleventhworld.permits import Ledger, single
from eleventhworld.population import Population
from eleventhworld.regime import Regime
from eleventhworld.shipments import END_USES, typical_kg

DAY = np.timedelta64(1, "D")
BAN_FROM = np.datetime64("2024-12-03")
BAN_UNTIL = np.datetime64("2025-11-08")
END = np.datetime64("2026-10-31")
BANNED = ("gallium", "germanium", "antimony")
DECOYS = {
    "gallium": ("7907009000", "2818200000"),
    "germanium": ("8105209000", "2818200000"),
    "antimony": ("7801990000", "2836500000"),
    "graphite": ("2836500000", "3926909090"),
    "tungsten": ("7202600000", "8105209000"),
    "bismuth": ("7801990000", "7907009000"),
    "tellurium": ("7907009000", "8112690000"),
    "molybdenum": ("7202600000", "8105209000"),
    "indium": ("8112690000", "7907009000"),
}
RARE_EARTH_DECOYS = ("2846101000", "2805301100")
LEAK_ZH = {
    "gallium": "含镓",
    "germanium": "含锗",
    "antimony": "含锑",
    "tungsten": "含钨",
    "graphite": "石墨",
    "bismuth": "含铋",
    "tellurium": "含碲",
    "molybdenum": "含钼",
    "indium": "含铟",
}
PARCEL_WORDS = np.array(
    ["样品 sample", "sample, no commercial value", "金属样品", "test piece 测试件", "gift 礼品"],
    dtype=object,
)


@dataclass
class World:
    """What the schemes read and rewrite."""

    rng: np.random.Generator
    cols: dict[str, np.ndarray]
    pop: Population
    goods: Goods
    regime: Regime
    ledger: Ledger
    taken: np.ndarray
    rogues: np.ndarray
    licensed_decl: np.ndarray

    def hosts(self, pool: np.ndarray, k: int, licensed_ok: bool = False) -> np.ndarray:
        """Up to ``k`` free lines among ``pool`` (a mask), one a declaration, their whole
        declarations marked as taken (a scheme may rewrite the declaration's exporter,
        consignee or day). Unless ``licensed_ok``, declarations holding a controlled line
        are left alone, so that rewriting them leaves no honest line in breach."""
        decl = self.cols["decl"]
        free = pool & ~self.taken & (licensed_ok | ~self.licensed_decl)
        perm = self.rng.permutation(np.flatnonzero(free))
        _, first = np.unique(decl[perm], return_index=True)
        rows = np.sort(perm[np.sort(first)][:k])
        self.taken[np.isin(decl, decl[rows])] = True
        return rows

    def bulk(self) -> np.ndarray:
        return np.isin(self.cols["mode"], ["sea", "air", "road", "rail"])

    def controlled_in_force(self, rows: np.ndarray, elements: tuple[str, ...] = ()) -> np.ndarray:
        """Give ``rows`` controlled products that need a licence on their day (moving the
        day past the item's start where none does)."""
        g, rng = self.goods, self.rng
        choice = g.controlled()
        if elements:
            choice = choice[np.isin(g.element[choice], elements)]
        choice = choice[g.element[choice] != "holmium"]
        w = g.shares(True)[choice - g.n_ordinary]
        product = rng.choice(choice, len(rows), p=w / w.sum())
        self.cols["product"][rows] = product
        self.cols["decl_product"][rows] = product
        self.set_kg(rows, typical_kg(rng, self.cols["mode"][rows], g.usd_after[product]))
        start = np.array(
            [self.regime.items[i].start for i in g.item[product]], dtype="datetime64[D]"
        )
        late = self.cols["day"][rows] < start
        self.cols["day"][rows[late]] = np.minimum(
            start[late] + rng.integers(0, 400, late.sum()) * DAY, END
        )
        return product

    def set_kg(self, rows: np.ndarray, kg: np.ndarray) -> None:
        self.cols["kg"][rows] = kg
        self.cols["true_kg"][rows] = kg
        self.cols["decl_kg"][rows] = kg

    def civil_end_user(self, rows: np.ndarray) -> None:
        self.cols["end_user"][rows] = self.pop.con_name[self.cols["consignee"][rows]]
        self.cols["end_use"][rows] = self.rng.choice(END_USES, len(rows))


def _rogue_rows(w: World, pool: np.ndarray, n_rogues: int) -> np.ndarray:
    """``pool`` restricted to a few rogue exporters' lines."""
    return pool & np.isin(w.cols["exporter"], w.rogues[:n_rogues])


def unpermitted(w: World, k: int) -> np.ndarray:
    """Controlled goods under their own code without any licence; a third shipped in the
    six weeks after the item's control started, as if nothing had changed."""
    rows = w.hosts(w.bulk() & w.pop.exp_controlled[w.cols["exporter"]], k)
    product = w.controlled_in_force(rows)
    edge = w.rng.random(len(rows)) < 0.35
    start = np.array(
        [w.regime.items[i].start for i in w.goods.item[product[edge]]], dtype="datetime64[D]"
    )
    w.cols["day"][rows[edge]] = start + w.rng.integers(0, 42, edge.sum()) * DAY
    w.cols["license_no"][rows] = ""
    return rows


def ghost_permit(w: World, k: int) -> np.ndarray:
    """A licence number in the right format that was never issued."""
    rows = w.hosts(w.bulk() & w.pop.exp_controlled[w.cols["exporter"]], k)
    w.controlled_in_force(rows)
    w.civil_end_user(rows)
    w.cols["license_no"][rows] = w.ledger.numbers(w.cols["day"][rows] - 30 * DAY)
    return rows


def _licensed_copy(
    w: World, rows: np.ndarray, lic: dict[str, np.ndarray], pick: np.ndarray
) -> None:
    """Make ``rows`` look like shipments under licence ``pick``."""
    c = w.cols
    c["exporter"][rows] = lic["exporter"][pick]
    c["consignee"][rows] = lic["consignee"][pick]
    c["product"][rows] = lic["product"][pick]
    c["decl_product"][rows] = lic["product"][pick]
    c["license_no"][rows] = lic["license_no"][pick]
    c["end_user"][rows] = lic["end_user"][pick]


def lapsed_permit(w: World, k: int) -> np.ndarray:
    """A real licence cited after its last valid day, or (back-dated) before its issue."""
    rows = w.hosts(w.bulk(), k)
    lic = w.ledger.table()
    pick = w.rng.choice(np.flatnonzero(~lic["general"]), len(rows))
    _licensed_copy(w, rows, lic, pick)
    early = w.rng.random(len(rows)) < 0.35
    day = np.where(
        early,
        lic["issued"][pick] - w.rng.integers(2, 25, len(rows)) * DAY,
        lic["valid"][pick] + w.rng.integers(1, 75, len(rows)) * DAY,
    )
    w.cols["day"][rows] = np.minimum(day, END)
    return rows


def borrowed_permit(w: World, k: int) -> np.ndarray:
    """A real, current licence issued for another exporter, item, or consignee/country."""
    rows = w.hosts(w.bulk() & w.pop.exp_controlled[w.cols["exporter"]], k)
    lic = w.ledger.table()
    pick = w.rng.choice(len(lic["license_no"]), len(rows))
    how = w.rng.integers(0, 3, len(rows))
    _licensed_copy(w, rows, lic, pick)
    span = (lic["valid"][pick] - lic["issued"][pick]).astype(int)
    w.cols["day"][rows] = np.minimum(
        lic["issued"][pick] + (w.rng.random(len(rows)) * span).astype(int) * DAY, END
    )
    other_exp = rows[how == 0]
    w.cols["exporter"][other_exp] = w.rng.choice(
        np.flatnonzero(w.pop.exp_controlled[: len(w.pop.book)]), len(other_exp)
    )
    other_item = rows[how == 1]
    w.controlled_in_force(other_item)
    other_con = rows[how == 2]
    w.cols["consignee"][other_con] = w.rng.choice(w.pop.n_regular_con, len(other_con))
    w.civil_end_user(other_con)
    return rows


def overdrawn_quota(w: World, k: int) -> np.ndarray:
    """Extra draws on a general licence late in its year, past its total quantity (the
    lines past the quantity are labelled in :func:`label_overdraws`)."""
    lic = w.ledger.table()
    general = np.flatnonzero(lic["general"])
    if len(general) < 3:  # small worlds: overdraw single licences too
        general = np.arange(len(lic["general"]))
    per = 4
    chosen = w.rng.choice(general, min(len(general), max(1, k // per)), replace=False)
    pick = np.repeat(chosen, per)
    rows = w.hosts(w.bulk(), len(pick))
    pick = pick[: len(rows)]
    _licensed_copy(w, rows, lic, pick)
    w.cols["day"][rows] = np.minimum(
        lic["valid"][pick] - w.rng.integers(0, 40, len(rows)) * DAY, END
    )
    w.set_kg(rows, np.round(lic["kg"][pick] * w.rng.uniform(0.12, 0.3, len(rows)), 1))
    return rows


def ban_edge(w: World, k: int) -> np.ndarray:
    """Gallium, germanium or antimony to a US buyer while the ban holds, half of it in
    the first month, citing a licence issued before the ban; a third declared to Canada
    or Mexico with the US as trading country."""
    rows = w.hosts(w.bulk() & w.pop.exp_controlled[w.cols["exporter"]], k)
    c, rng, pop = w.cols, w.rng, w.pop
    w.controlled_in_force(rows, BANNED)
    first = rng.random(len(rows)) < 0.5
    span = (BAN_UNTIL - BAN_FROM).astype(int)
    c["day"][rows] = (
        BAN_FROM
        + np.where(first, rng.integers(0, 30, len(rows)), rng.integers(0, span, len(rows))) * DAY
    )
    us = np.flatnonzero(pop.con_country == "US")
    c["consignee"][rows] = rng.choice(us, len(rows))
    w.civil_end_user(rows)
    neighbour = rows[rng.random(len(rows)) < 0.33]
    near = np.flatnonzero(np.isin(pop.con_country, ["CA", "MX"]))
    c["consignee"][neighbour] = rng.choice(near, len(neighbour))
    c["dest"][neighbour] = pop.con_country[c["consignee"][neighbour]]
    c["trade"][neighbour] = "US"
    issued = BAN_FROM - rng.integers(5, 60, len(rows)) * DAY
    c["license_no"][rows] = w.ledger.add(
        issued=issued,
        valid=issued + 180 * DAY,
        exporter=c["exporter"][rows],
        consignee=c["consignee"][rows],
        product=c["product"][rows],
        kg=np.round(c["kg"][rows] * 1.05, 1),
        end_user=c["end_user"][rows],
    )
    return rows


def listed_end_user(w: World, k: int) -> np.ndarray:
    """A restricted party as end user (or as consignee), after its listing, with a licence
    obtained for a civil end user."""
    rows = w.hosts(w.bulk() & w.pop.exp_controlled[w.cols["exporter"]], k)
    c, rng, pop = w.cols, w.rng, w.pop
    w.controlled_in_force(rows)
    who = rng.integers(0, len(pop.watch_name), len(rows))
    c["day"][rows] = np.clip(
        np.maximum(c["day"][rows], pop.watch_listed[who] + rng.integers(1, 200, len(rows)) * DAY),
        None,
        END,
    )
    home = np.flatnonzero(pop.con_country[: pop.n_regular_con] == "US")
    c["consignee"][rows] = rng.choice(home, len(rows))
    w.civil_end_user(rows)
    c["license_no"][rows] = single(w.ledger, c, rows)
    spelled = np.where(rng.random(len(rows)) < 0.5, pop.watch_name[who], pop.watch_alt[who])
    as_consignee = rng.random(len(rows)) < 0.4
    c["end_user"][rows] = spelled
    c["end_use"][rows] = rng.choice(
        np.array(["research", "electronics", "precision parts"], dtype=object), len(rows)
    )
    c["con_name_override"][rows[as_consignee]] = spelled[as_consignee]
    c["con_country_override"][rows[as_consignee]] = pop.watch_country[who[as_consignee]]
    c["dest"][rows] = np.where(as_consignee, pop.watch_country[who], c["dest"][rows])
    return rows


def blank_end_user(w: World, k: int) -> np.ndarray:
    """Licensed controlled goods declared with no end user and no end use."""
    rows = w.hosts(w.bulk() & w.pop.exp_controlled[w.cols["exporter"]], k)
    w.controlled_in_force(rows)
    w.civil_end_user(rows)
    w.cols["license_no"][rows] = single(w.ledger, w.cols, rows)
    w.cols["end_user"][rows] = ""
    w.cols["end_use"][rows] = ""
    return rows


def _decoy(w: World, rows: np.ndarray) -> np.ndarray:
    """An uncontrolled product that a controlled one could pass for."""
    g = w.goods
    hs_index = {str(h): i for i, h in enumerate(g.hs[: g.n_ordinary])}
    element = g.element[w.cols["product"][rows]]
    two = np.array([DECOYS.get(str(e), RARE_EARTH_DECOYS) for e in element])
    side = w.rng.integers(0, 2, len(rows))
    return np.array([hs_index[h] for h in two[np.arange(len(rows)), side]])


def code_swap(w: World, k: int) -> np.ndarray:
    """Controlled material declared under an uncontrolled code; a third of the
    descriptions leak the truth; half invoice at the decoy's price."""
    rows = w.hosts(_rogue_rows(w, w.bulk(), 5), k)
    c, rng = w.cols, w.rng
    product = w.controlled_in_force(rows)
    decoy = _decoy(w, rows)
    c["decl_product"][rows] = decoy
    c["license_no"][rows] = ""
    c["end_user"][rows] = ""
    leak = rng.random(len(rows)) < 0.33
    words = np.array([LEAK_ZH.get(str(e), "稀土") for e in w.goods.element[product]], dtype=object)
    c["spec_extra"][rows[leak]] = np.char.add("|成分:", words[leak].astype(str))
    cheap = rng.random(len(rows)) < 0.5
    c["value_factor"][rows[cheap]] = (
        w.goods.usd_after[decoy[cheap]] / w.goods.usd_after[product[cheap]]
    )
    return rows


def lowball_invoice(w: World, k: int) -> np.ndarray:
    """A licensed shipment invoiced at a fifth to half of its worth."""
    rows = w.hosts(w.cols["license_no"] != "", k, licensed_ok=True)
    w.cols["value_factor"][rows] = w.rng.uniform(0.2, 0.5, len(rows))
    return rows


def short_weight(w: World, k: int) -> np.ndarray:
    """A licensed shipment declared at 35-70 % of its weight (saving quota); value in line
    with the declared weight; the gross weight is the container's weighed one."""
    pool = (w.cols["license_no"] != "") & np.isin(w.cols["mode"], ["sea", "road", "rail"])
    rows = w.hosts(_rogue_rows(w, pool, 8), k, licensed_ok=True)
    if len(rows) < k:
        rows = np.concatenate([rows, w.hosts(pool, k - len(rows), licensed_ok=True)])
    share = w.rng.uniform(0.35, 0.7, len(rows))
    w.cols["decl_kg"][rows] = np.round(w.cols["true_kg"][rows] * share, 2)
    w.cols["value_factor"][rows] = share
    return rows


def stowaway(w: World, k: int) -> np.ndarray:
    """Dense ingots hidden in an ordinary line of a container; in 60 % the gross weight
    shows the surplus, in the rest the weight was forged too."""
    c = w.cols
    ordinary = w.goods.item[c["product"]] == ""
    multi = (c["line_no"] > 1) | np.roll(c["line_no"] > 1, -1)
    pool = ordinary & (c["mode"] == "sea") & multi
    rogue = _rogue_rows(w, pool, 14)
    rows = w.hosts(rogue if rogue.sum() >= k else pool, k)
    shows = w.rng.random(len(rows)) < 0.6
    c["hidden_kg"][rows[shows]] = np.round(
        c["true_kg"][rows[shows]] * w.rng.uniform(0.25, 0.9, shows.sum()), 1
    )
    return rows


def sample_parcel(w: World, k: int) -> np.ndarray:
    """Small dense controlled material by express, post or hand luggage, as samples."""
    c, rng, pop = w.cols, w.rng, w.pop
    rows = w.hosts(np.isin(c["mode"], ["express", "post", "passenger"]), k)
    product = w.controlled_in_force(
        rows, ("gallium", "germanium", "indium", "terbium", "scandium", "dysprosium")
    )
    decoy = np.array(
        [
            i
            for i, h in enumerate(w.goods.hs[: w.goods.n_ordinary])
            if h in ("3926909090", "7117190000", "6911101000")
        ]
    )
    c["decl_product"][rows] = rng.choice(decoy, len(rows))
    w.set_kg(rows, np.round(rng.uniform(0.3, 4.0, len(rows)), 2))
    c["decl_description"][rows] = np.where(
        rng.random(len(rows)) < 0.6, rng.choice(PARCEL_WORDS, len(rows)), ""
    )
    worth = w.goods.usd_after[product] * c["true_kg"][rows]
    c["value_factor"][rows] = rng.uniform(5, 60, len(rows)) / worth
    buyers = np.flatnonzero(np.isin(pop.con_country, ["US", "JP", "KR", "DE"]))
    c["consignee"][rows] = rng.choice(buyers, len(rows))
    c["license_no"][rows] = ""
    return rows


def ant_moving(w: World, k: int) -> np.ndarray:
    """Many small shipments from a ring of senders sharing a phone and an address to one
    consignee; half under the true code without licence, half as alloy samples."""
    c, rng, pop = w.cols, w.rng, w.pop
    rows = w.hosts(np.isin(c["mode"], ["express", "post", "air"]), k)
    ring = rng.integers(0, len(pop.ring_senders), len(rows))
    sizes = np.array([len(s) for s in pop.ring_senders])
    first = np.array([s[0] for s in pop.ring_senders])
    c["exporter"][rows] = first[ring] + (rng.random(len(rows)) * sizes[ring]).astype(int)
    c["consignee"][rows] = pop.ring_con[ring]
    c["mode"][rows] = np.where(c["mode"][rows] == "air", "express", c["mode"][rows])
    w.controlled_in_force(rows, ("gallium", "germanium", "antimony", "tungsten"))
    since = pop.exp_since[c["exporter"][rows]]
    c["day"][rows] = np.minimum(np.maximum(c["day"][rows], since), END)
    w.set_kg(rows, np.round(rng.uniform(2, 20, len(rows)), 2))
    hide = rng.random(len(rows)) < 0.5
    c["decl_product"][rows[hide]] = _decoy(w, rows[hide])
    c["license_no"][rows] = ""
    return rows


def detour_front(w: World, k: int) -> np.ndarray:
    """Banned elements (and rare earths) licensed to a newly incorporated front company in
    a transit country tied to a restricted party; 30 % name the US as trading country."""
    c, rng, pop = w.cols, w.rng, w.pop
    rows = w.hosts(_rogue_rows(w, w.bulk() & (c["mode"] != "rail"), 10), k)
    w.controlled_in_force(rows, (*BANNED, "dysprosium", "terbium"))
    front = rng.integers(0, len(pop.front_con), len(rows))
    c["consignee"][rows] = pop.front_con[front]
    c["dest"][rows] = pop.con_country[pop.front_con[front]]
    since = pop.con_since[pop.front_con[front]]
    in_ban = rng.random(len(rows)) < 0.7
    span = (BAN_UNTIL - np.maximum(since, BAN_FROM)).astype(int)
    ban_day = (
        np.maximum(since, BAN_FROM)
        + (rng.random(len(rows)) * np.maximum(span, 1)).astype(int) * DAY
    )
    any_day = since + rng.integers(20, 400, len(rows)) * DAY
    c["day"][rows] = np.minimum(np.where(in_ban & (span > 0), ban_day, any_day), END)
    w.civil_end_user(rows)
    c["trade"][rows[rng.random(len(rows)) < 0.3]] = "US"
    c["license_no"][rows] = single(w.ledger, c, rows)
    return rows


def grab_bag_buyer(w: World, k: int) -> np.ndarray:
    """A few small buyers in hubs receiving unrelated controlled items from many
    exporters, every shipment properly licensed: only the pattern is odd."""
    c, rng, pop = w.cols, w.rng, w.pop
    rows = w.hosts(w.bulk() & w.pop.exp_controlled[c["exporter"]], k)
    hubs = np.flatnonzero(np.isin(pop.con_country[: pop.n_regular_con], ["AE", "HK", "KZ", "TR"]))
    buyers = rng.choice(hubs, min(3, len(hubs)), replace=False)
    c["consignee"][rows] = rng.choice(buyers, len(rows))
    c["dest"][rows] = pop.con_onward[c["consignee"][rows]]
    w.controlled_in_force(rows)
    w.civil_end_user(rows)
    c["license_no"][rows] = single(w.ledger, c, rows)
    return rows


SchemeFn = Callable[[World, int], np.ndarray]
# run order matters: schemes that need honest licensed lines come first
SCHEME_FNS: dict[str, SchemeFn] = {
    "lowball_invoice": lowball_invoice,
    "short_weight": short_weight,
    "unpermitted": unpermitted,
    "ghost_permit": ghost_permit,
    "lapsed_permit": lapsed_permit,
    "borrowed_permit": borrowed_permit,
    "overdrawn_quota": overdrawn_quota,
    "ban_edge": ban_edge,
    "listed_end_user": listed_end_user,
    "blank_end_user": blank_end_user,
    "code_swap": code_swap,
    "stowaway": stowaway,
    "sample_parcel": sample_parcel,
    "ant_moving": ant_moving,
    "detour_front": detour_front,
    "grab_bag_buyer": grab_bag_buyer,
}
WEIGHTS = {
    "lowball_invoice": 0.9,
    "short_weight": 0.7,
    "unpermitted": 1.2,
    "ghost_permit": 0.5,
    "lapsed_permit": 0.6,
    "borrowed_permit": 0.7,
    "overdrawn_quota": 0.5,
    "ban_edge": 0.7,
    "listed_end_user": 0.5,
    "blank_end_user": 0.4,
    "code_swap": 1.2,
    "stowaway": 0.8,
    "sample_parcel": 0.8,
    "ant_moving": 0.9,
    "detour_front": 1.0,
    "grab_bag_buyer": 0.4,
}
