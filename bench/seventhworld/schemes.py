"""The fraud schemes, each a mutation of chosen honest lines, labelled with its own name.

Licence schemes leave the goods as they are and falsify the licence cited (the licence
table is built afterwards from what each line cites, see :mod:`seventhworld.licences`).
End-use schemes change who receives the goods. Misdeclaration changes what the line
says the goods are (code, grade, value, quantity). Concealment hides controlled
material in other goods or in small parcels. Transshipment routes licensed goods to
young front companies in transit countries.

Not every line can be found from the declarations alone, and some cannot be found at
all: a fifth of the container concealments change no weight, half the understated
quantities understate the gross weight too, and some fronts have no tie in the parties
table (see :func:`seventhworld.parties.parties`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import numpy as np

from seventhworld.assemble import Lines
from seventhworld.foreign import LISTED, fronts
from seventhworld.goods import DISGUISES, LEAKS, WORLD_START, goods_frame
from seventhworld.names import cat, pick

#: An object array's null as ``np.where``'s ``x`` or ``y`` (numpy's types take no None).
NULL: Any = None

WEIGHTS: dict[str, float] = {
    "lic_absent": 1.0,
    "lic_phantom": 0.6,
    "lic_lapsed": 0.6,
    "lic_borrowed": 0.7,
    "lic_overdrawn": 0.6,
    "lic_dead": 0.6,
    "enduse_listed": 0.7,
    "enduse_blank": 0.5,
    "dest_barred": 0.4,
    "front_buyer": 0.6,
    "mis_code": 1.2,
    "mis_grade": 1.0,
    "mis_value": 0.8,
    "mis_weight": 0.8,
    "hide_container": 1.0,
    "hide_sample": 0.8,
    "hide_ant": 1.0,
    "via_hub": 1.0,
    "via_mix": 0.6,
}


class Ctx:
    """What a scheme needs besides the lines: the generator, actors, and new consignees."""

    def __init__(self, rng: np.random.Generator, lines: Lines, exp_rogue: np.ndarray, n_cons: int):
        self.rng = rng
        self.lines = lines
        self.rogue = exp_rogue
        self.next_cons = n_cons  # new consignees (fronts, listed) get indices from here
        self.extra_cons: list[dict[str, Any]] = []
        self.fronts = fronts(rng, 14, WORLD_START)
        self.front_cons: dict[tuple[int, str], int] = {}
        self.ants: list[dict[str, Any]] = []

    def free(self) -> np.ndarray:
        return self.lines.cols["scheme"] == None  # noqa: E711 (object array)

    def clean(self) -> np.ndarray:
        """Rows whose declaration holds no labelled line yet (safe to change as a whole)."""
        d = self.lines.cols["d"]
        dirty = np.bincount(d[~self.free()], minlength=int(d.max()) + 1) > 0
        return ~dirty[d]

    def choose(self, mask: np.ndarray, k: int, whole: bool = False) -> np.ndarray:
        """``k`` free rows of ``mask``, rogue exporters' lines seven times as likely;
        ``whole``: only from declarations with no labelled line (changed as a whole)."""
        pool = np.flatnonzero(mask & self.free() & (self.clean() if whole else True))
        if len(pool) == 0 or k <= 0:
            return pool[:0]
        w = 1.0 + 6.0 * self.rogue[self.lines.cols["exp"][pool]]
        return self.rng.choice(pool, min(k, len(pool)), replace=False, p=w / w.sum())

    def new_consignee(
        self, name: str, country: str, address: str, kind: str, key: tuple[int, str]
    ) -> int:
        if key in self.front_cons:
            return self.front_cons[key]
        idx = self.next_cons
        self.next_cons += 1
        self.front_cons[key] = idx
        self.extra_cons.append(
            {
                "cons": idx,
                "name": name,
                "country": country,
                "address": address,
                "kind": kind,
                "key": key,
            }
        )
        return idx

    def label(self, rows: np.ndarray, scheme: str) -> None:
        self.lines.set(rows, scheme=scheme)

    def controlled(self) -> np.ndarray:
        c = self.lines.cols
        return c["needs_licence"] & ~np.isin(c["mode"], ["express", "post", "passenger"])

    def single(self) -> np.ndarray:
        d = self.lines.cols["d"]
        counts = np.bincount(d)
        return counts[d] == 1


def _eff_days() -> dict[str, int]:
    goods = goods_frame().filter(pl_controlled())
    return {
        row["element"]: (row["effective_date"] - WORLD_START).days
        for row in goods.iter_rows(named=True)
    }


def pl_controlled():  # type: ignore[no-untyped-def]
    import polars as pl

    return pl.col("controlled")


def lic_absent(x: Ctx, k: int) -> None:
    """Controlled goods declared as such, citing no licence; two in five just after the
    control took effect (the exporter kept shipping as before)."""
    rows = x.choose(x.controlled(), k, whole=True)
    c = x.lines.cols
    eff = _eff_days()
    eff_day = np.array([eff.get(el, -1) for el in c["element"][rows]])
    late = (eff_day > 0) & (x.rng.random(len(rows)) < 0.4)
    if late.any():
        new_day = eff_day[late] + x.rng.integers(0, 25, int(late.sum()))
        minute = np.where(
            x.rng.random(int(late.sum())) < 0.3,
            x.rng.integers(0, 40, int(late.sum())),
            c["minute"][rows[late]],
        )
        x.lines.set_decl(rows[late], day=new_day, minute=minute)
    x.lines.set(
        rows,
        lic_mode="none",
        end_user_name=np.where(x.rng.random(len(rows)) < 0.5, NULL, c["end_user_name"][rows]),
    )
    x.label(rows, "lic_absent")


def _lic_mode(name: str, mode: str) -> Callable[[Ctx, int], None]:
    def scheme(x: Ctx, k: int) -> None:
        rows = x.choose(x.controlled(), k)
        x.lines.set(rows, lic_mode=mode)
        x.label(rows, name)

    scheme.__doc__ = f"Controlled goods citing a licence that is {mode} (see licences.py)."
    return scheme


lic_phantom = _lic_mode("lic_phantom", "phantom")
lic_lapsed = _lic_mode("lic_lapsed", "lapsed")
lic_borrowed = _lic_mode("lic_borrowed", "borrowed")


def _group_tails(x: Ctx, k: int, name: str, mode: str) -> None:
    """The last one to three draws of licence groups (exporter, good, consignee, half
    year): the licence is exhausted or dead by then (licences.py sets that)."""
    c = x.lines.cols
    labelled = np.zeros(int(c["lg"].max()) + 1, dtype=bool)
    labelled[c["lg"][~x.free()]] = True  # groups another scheme already uses
    mask = c["needs_licence"] & x.free() & ~labelled[c["lg"]]
    rows = np.flatnonzero(mask)
    group = c["lg"][rows]
    order = np.lexsort((c["day"][rows], group))
    rows, group = rows[order], group[order]
    last = np.r_[group[1:] != group[:-1], True]
    # count positions from each group's end
    idx_end = np.flatnonzero(last)
    ends = np.repeat(idx_end, np.diff(np.r_[-1, idx_end]))
    rank_from_end = ends - np.arange(len(rows))
    size = np.diff(np.r_[-1, idx_end])
    gsize = np.repeat(size, size)
    tail_len = np.repeat(x.rng.integers(1, 4, len(size)), size)  # one length per group
    tails = rows[(rank_from_end < tail_len) & (gsize >= 3)]
    groups = np.unique(c["lg"][tails])
    x.rng.shuffle(groups)
    chosen = []
    total = 0
    for gid in groups:  # per group, a few dozen
        r = tails[c["lg"][tails] == gid]
        if total >= k:
            break
        chosen.append(r)
        total += len(r)
    if not chosen:
        return
    sel = np.concatenate(chosen)
    x.lines.set(sel, lic_mode=mode)
    x.label(sel, name)


def lic_overdrawn(x: Ctx, k: int) -> None:
    """Draws after the licensed quantity ran out (cumulative quantity over the licence)."""
    _group_tails(x, k, "lic_overdrawn", "overdrawn")


def lic_dead(x: Ctx, k: int) -> None:
    """Draws on a licence revoked or suspended before the shipment."""
    _group_tails(x, k, "lic_dead", "dead")


def enduse_listed(x: Ctx, k: int) -> None:
    """A listed party as consignee or end user, after its listing, spelled in another
    script or form than the list's main name."""
    c = x.lines.cols
    listed_day = np.array([(dt.date.fromisoformat(item[4]) - WORLD_START).days for item in LISTED])
    who = x.rng.integers(0, len(LISTED), x.lines.n)
    ok = x.controlled() & (c["day"] > listed_day[who])
    rows = x.choose(ok, (2 * k) // 3, whole=True)
    who = who[rows]
    alias = np.array([item[1][0] for item in LISTED], dtype=object)[who]
    country = np.array([item[2] for item in LISTED], dtype=object)[who]
    as_consignee = x.rng.random(len(rows)) < 0.5
    x.lines.set(rows, end_user_name=alias)
    r = rows[as_consignee]
    if len(r):
        changed = x.lines.set_decl(
            r,
            consignee_name=alias[as_consignee],
            consignee_country=country[as_consignee],
            destination_country=country[as_consignee],
            consignee_address=np.full(len(r), None, dtype=object),
        )
        others = changed[c["needs_licence"][changed]]
        x.lines.set(others, end_user_name=c["end_user_name"][others])
        x.label(others, "enduse_listed")
    x.label(rows, "enduse_listed")


def enduse_blank(x: Ctx, k: int) -> None:
    """Controlled goods with a licence but no end user and no end use declared."""
    rows = x.choose(x.controlled(), k)
    x.lines.set(rows, end_user_name=None, end_use=None)
    x.label(rows, "enduse_blank")


def dest_barred(x: Ctx, k: int) -> None:
    """Gallium, germanium or antimony bound for the US while licences to it were denied
    in principle (consignee in Korea or Japan, the licence's), or any item for a
    Japanese military use after 2026-01-06."""
    c = x.lines.cols
    deny_end = (dt.date(2025, 11, 8) - WORLD_START).days
    jp_day = (dt.date(2026, 1, 6) - WORLD_START).days
    us = (
        x.controlled()
        & np.isin(c["element"], ["gallium", "germanium", "antimony"])
        & (c["day"] <= deny_end)
    )
    us &= np.isin(c["consignee_country"], ["KR", "JP", "DE", "NL"])
    rows = x.choose(us, (k * 2) // 3, whole=True)
    x.lines.set_decl(rows, destination_country=np.full(len(rows), "US", dtype=object))
    x.label(rows, "dest_barred")
    jp = x.controlled() & (c["consignee_country"] == "JP") & (c["day"] >= jp_day)
    rows = x.choose(jp, k - len(rows))
    uses = np.array(
        ["防衛装備品の製造", "defence equipment components", "自衛隊向け部品"], dtype=object
    )
    x.lines.set(rows, end_use=pick(x.rng, uses, len(rows)))
    x.label(rows, "dest_barred")


def _retarget(
    x: Ctx,
    rows: np.ndarray,
    cons: np.ndarray,
    name: np.ndarray,
    country: np.ndarray,
    address: np.ndarray,
    scheme: str,
) -> None:
    """Send whole declarations to a new consignee; their licensable lines are the scheme's."""
    c = x.lines.cols
    changed = x.lines.set_decl(
        rows,
        consignee_name=name,
        consignee_country=country,
        destination_country=country,
        consignee_address=address,
        lic_cons=cons,
        trade_country=country,
    )
    hit = changed[c["needs_licence"][changed] & (x.free()[changed] | np.isin(changed, rows))]
    x.lines.set(hit, end_user_name=c["consignee_name"][hit])
    x.label(hit, scheme)


def _front_cons(x: Ctx, f: np.ndarray, kind: str) -> tuple[np.ndarray, ...]:
    fr = x.fronts
    names = (fr["institute"] if kind == "institute" else fr["name"]).to_numpy()[f]
    countries = fr["country"].to_numpy()[f]
    addresses = fr["address"].to_numpy()[f]
    cons = np.array(
        [
            x.new_consignee(str(nm), str(co), str(ad), kind, (int(i), kind))
            for nm, co, ad, i in zip(names, countries, addresses, f, strict=True)
        ]
    )
    return cons, names.astype(object), countries.astype(object), addresses.astype(object)


def front_buyer(x: Ctx, k: int) -> None:
    """An 'institute' in a transit country whose real buyer is a listed party: licensed,
    end use stated as research, in English or Russian."""
    rows = x.choose(x.controlled(), max(k // 2, 1), whole=True)  # whole declarations: ~2 lines each
    f = x.rng.integers(0, 6, len(rows))
    cons, names, countries, addresses = _front_cons(x, f, "institute")
    _retarget(x, rows, cons, names, countries, addresses, "front_buyer")
    uses = np.array(
        ["scientific research", "научные исследования", "laboratory testing, civil"], dtype=object
    )
    x.lines.set(rows, end_use=pick(x.rng, uses, len(rows)))


def via_hub(x: Ctx, k: int) -> None:
    """Licensed controlled goods to young trading fronts in transit countries tied to a
    listed party (the licence names the front)."""
    rows = x.choose(x.controlled(), max(k // 2, 1), whole=True)  # whole declarations: ~2 lines each
    f = x.rng.integers(0, len(x.fronts), len(rows))
    cons, names, countries, addresses = _front_cons(x, f, "front")
    _retarget(x, rows, cons, names, countries, addresses, "via_hub")


def via_mix(x: Ctx, k: int) -> None:
    """Three general traders in transit countries that receive unrelated controlled items
    (gallium, terbium, tungsten, graphite...) from many exporters."""
    rows = x.choose(x.controlled(), max(k // 2, 1), whole=True)  # whole declarations: ~2 lines each
    f = len(x.fronts) - 1 - x.rng.integers(0, 3, len(rows))
    cons, names, countries, addresses = _front_cons(x, f, "front")
    _retarget(x, rows, cons, names, countries, addresses, "via_mix")


def _disguise(x: Ctx, rows: np.ndarray) -> dict[str, np.ndarray]:
    c = x.lines.cols
    el = c["element"][rows]
    hs = np.array([DISGUISES[e][0] for e in el], dtype=object)
    zh = np.array([DISGUISES[e][1] for e in el], dtype=object)
    en = np.array([DISGUISES[e][2] for e in el], dtype=object)
    leak = np.array([LEAKS[e] for e in el], dtype=object)
    u = x.rng.random(len(rows))
    desc = np.where(u < 0.5, zh, np.where(u < 0.75, en, cat(zh, " ", en)))
    leaks = x.rng.random(len(rows))
    desc = np.where(leaks < 0.2, cat(desc, "(含", leak, ")"), desc)
    spec = np.where(
        leaks > 0.85, cat("成分:", leak), np.where(x.rng.random(len(rows)) < 0.5, NULL, "工业用")
    )
    return {"hs_code": hs, "description": desc.astype(object), "specification": spec.astype(object)}


def mis_code(x: Ctx, k: int) -> None:
    """Controlled material under an uncontrolled neighbour's code; the text sometimes
    leaks it; the value either the true one or the disguise's price."""
    rows = x.choose(x.controlled(), k)
    c = x.lines.cols
    fields = _disguise(x, rows)
    cheap = x.rng.random(len(rows)) < 0.5
    value = np.where(
        cheap,
        np.round(c["value"][rows] * x.rng.uniform(0.01, 0.08, len(rows)), 2),
        c["value"][rows],
    )
    x.lines.set(rows, **fields, value=value, lic_mode="none", end_user_name=None, end_use=None)
    x.label(rows, "mis_code")


def mis_grade(x: Ctx, k: int) -> None:
    """A controlled grade declared as its uncontrolled twin (lower purity, coarser
    powder, magnet without Dy), or with the grade left out."""
    goods = goods_frame()
    twin_of = {r["twin_of"]: r for r in goods.filter(goods["twin_of"] != "").iter_rows(named=True)}
    key = goods["key"].to_numpy()
    c = x.lines.cols
    has_twin = np.isin(key[c["g"]], list(twin_of))
    rows = x.choose(x.controlled() & has_twin, k)
    twins = [twin_of[key[g]] for g in c["g"][rows]]
    blank = x.rng.random(len(rows)) < 0.35
    spec = np.where(
        blank,
        np.where(x.rng.random(len(rows)) < 0.5, NULL, "工业级"),
        np.array([t["spec"] for t in twins], dtype=object),
    )
    hs = np.array([t["hs"] for t in twins], dtype=object)
    price = (
        np.array([t["usd_per_kg"] for t in twins]) / goods["usd_per_kg"].to_numpy()[c["g"][rows]]
    )
    at_twin = x.rng.random(len(rows)) < 0.7
    value = np.where(at_twin, np.round(c["value"][rows] * price, 2), c["value"][rows])
    desc = np.array([t["zh"] for t in twins], dtype=object)
    desc = np.where(
        x.rng.random(len(rows)) < 0.3,
        cat(desc, " ", np.array([t["en"] for t in twins], dtype=object)),
        desc,
    )
    x.lines.set(
        rows,
        hs_code=hs,
        description=desc,
        specification=spec.astype(object),
        value=value,
        lic_mode="none",
        end_user_name=None,
        end_use=None,
    )
    x.label(rows, "mis_grade")


def mis_value(x: Ctx, k: int) -> None:
    """Licensed controlled goods declared at a fifth to half of their value."""
    rows = x.choose(x.controlled(), k)
    c = x.lines.cols
    x.lines.set(rows, value=np.round(c["value"][rows] * x.rng.uniform(0.2, 0.5, len(rows)), 2))
    x.label(rows, "mis_value")


def mis_weight(x: Ctx, k: int) -> None:
    """Quantity and net weight understated (value scaled alike); half keep the true
    gross weight, half understate it too."""
    rows = x.choose(x.controlled(), k)
    c = x.lines.cols
    f = x.rng.uniform(0.3, 0.6, len(rows))
    counted = np.isin(c["unit"][rows], ["pcs", "set"])
    qty = np.where(
        counted,
        np.maximum(np.round(c["quantity"][rows].astype(float) * f), 1),
        np.round(c["quantity"][rows].astype(float) * f, 3),
    )
    gross = c["gross_weight_kg"][rows].astype(float)
    gross = np.where(x.rng.random(len(rows)) < 0.5, gross, np.round(gross * f, 2))
    x.lines.set(
        rows,
        quantity=qty,
        net_weight_kg=np.round(c["net_weight_kg"][rows].astype(float) * f, 3),
        gross_weight_kg=gross,
        value=np.round(c["value"][rows] * f, 2),
    )
    x.label(rows, "mis_weight")


HIDDEN = np.array(["antimony", "tungsten", "gallium", "germanium", "terbium", "graphite"])
HIDDEN_ZH = {
    "antimony": "锑锭",
    "tungsten": "仲钨酸铵",
    "gallium": "金属镓",
    "germanium": "锗锭",
    "terbium": "金属铽",
    "graphite": "高纯石墨",
}
HIDDEN_HS = {
    "antimony": "8110101000",
    "tungsten": "2841801000",
    "gallium": "8112929010",
    "germanium": "8112921090",
    "terbium": "2805301300",
    "graphite": "3801100030",
}


def hide_container(x: Ctx, k: int) -> None:
    """Controlled material hidden in an ordinary sea line: the gross weight carries it
    (half), or the net weight too (three in ten: heavy per piece), or nothing shows
    (one in five: the declared goods were short-shipped to make room)."""
    c = x.lines.cols
    goods = goods_frame()
    ordinary = ~goods["controlled"].to_numpy()[c["g"]] & (goods["twin_of"].to_numpy()[c["g"]] == "")
    mask = ordinary & (c["mode"] == "sea") & (c["net_weight_kg"].astype(float) > 500)
    mask &= c["hs_code"] != "4901990000"
    rows = x.choose(mask, k)
    what = pick(x.rng, HIDDEN, len(rows))
    hidden = np.round(
        c["net_weight_kg"][rows].astype(float) * x.rng.uniform(0.08, 0.35, len(rows)), 1
    )
    u = x.rng.random(len(rows))
    gross = c["gross_weight_kg"][rows].astype(float)
    net = c["net_weight_kg"][rows].astype(float)
    x.lines.set(
        rows,
        gross_weight_kg=np.where(u < 0.8, np.round(gross + hidden, 2), gross),
        net_weight_kg=np.where(u < 0.3, np.round(net + hidden, 3), net),
        true_hs=np.array([HIDDEN_HS[w] for w in what], dtype=object),
        true_desc=cat(
            "夹藏",
            np.array([HIDDEN_ZH[w] for w in what], dtype=object),
            " ",
            hidden.astype(str),
            "kg",
        ),
        true_kg=hidden,
    )
    x.label(rows, "hide_container")


SAMPLE_HS = np.array(["7326909000", "4901990000", "9023009000", "8112990090"], dtype=object)
SAMPLE_DESC = np.array(
    ["金属样品", "sample, no commercial value", "测试块 test coupons", "样品 合金块"], dtype=object
)


def hide_sample(x: Ctx, k: int) -> None:
    """Dense controlled metal sent as 'samples' by express, post or hand luggage."""
    c = x.lines.cols
    rows = x.choose(np.isin(c["mode"], ["express", "post", "passenger"]) & x.single(), k)
    j = x.rng.integers(0, len(SAMPLE_HS), len(rows))
    net = np.round(x.rng.uniform(0.4, 4.0, len(rows)), 3)
    what = pick(x.rng, np.array(["gallium", "germanium", "terbium", "dysprosium"]), len(rows))
    dest = pick(x.rng, np.array(["US", "JP", "KR", "RU", "AE", "TR", "KZ"]), len(rows)).astype(
        object
    )
    x.lines.set(
        rows,
        hs_code=SAMPLE_HS[j],
        description=SAMPLE_DESC[j],
        specification=None,
        quantity=x.rng.integers(1, 6, len(rows)).astype(float),
        unit="pcs",
        net_weight_kg=net,
        gross_weight_kg=np.round(net * 1.3 + 0.2, 2),
        value=np.round(x.rng.uniform(3, 30, len(rows)), 2),
        currency="USD",
        destination_country=dest,
        consignee_country=dest,
        trade_country=None,
        true_hs=np.array([HIDDEN_HS.get(w, "2846901500") for w in what], dtype=object),
        true_desc=cat("样品实为", what),
        true_kg=net,
    )
    x.label(rows, "hide_sample")


def hide_ant(x: Ctx, k: int) -> None:
    """'Ants moving house': clusters of 20-60 small parcels to one consignee over four
    months from half a dozen young senders that share a telephone or an address."""
    c = x.lines.cols
    small = np.isin(c["mode"], ["express", "post", "road"]) & x.single()
    span = int(c["day"].max())
    done = 0
    cluster = 0
    while done < k:  # per cluster (a handful)
        size = int(x.rng.integers(20, 61))
        rows = x.choose(small, min(size, k - done + 5))
        if len(rows) == 0:
            break
        country = str(pick(x.rng, np.array(["RU", "KZ", "HK", "AE"]), 1)[0])
        name = (
            f"{['Vostok', 'Nomad', 'Pearl River', 'Dune'][cluster % 4]} Logistics Hub {cluster + 1}"
        )
        cons = x.new_consignee(
            name, country, f"Warehouse {cluster + 7}, {country}", "ant", (cluster, "ant")
        )
        senders = int(x.rng.integers(5, 12))
        first = int(x.rng.integers(0, max(span - 130, 1)))
        day = first + x.rng.integers(0, 120, len(rows))
        sender = x.rng.integers(0, senders, len(rows))
        x.ants.append({"cluster": cluster, "senders": senders, "first_day": first, "cons": cons})
        what = pick(x.rng, np.array(["antimony", "gallium", "germanium"]), len(rows))
        honest_name = x.rng.random(len(rows)) < 0.5
        hs = np.where(
            honest_name, np.array([HIDDEN_HS[w] for w in what], dtype=object), "8311300000"
        )
        desc = np.where(
            honest_name, np.array([HIDDEN_ZH[w] for w in what], dtype=object), "焊锡条 solder bars"
        )
        net = np.round(x.rng.uniform(4, 30, len(rows)), 2)
        x.lines.set_decl(
            rows,
            day=day,
            exp=-1 - (cluster * 100 + sender),
            consignee_name=np.full(len(rows), name, dtype=object),
            consignee_country=np.full(len(rows), country, dtype=object),
            destination_country=np.full(len(rows), country, dtype=object),
            consignee_address=np.full(
                len(rows), f"Warehouse {cluster + 7}, {country}", dtype=object
            ),
            lic_cons=np.full(len(rows), cons),
        )
        usd = net * np.where(honest_name, 60, 25)
        x.lines.set(
            rows,
            hs_code=hs,
            description=desc,
            specification=None,
            quantity=net,
            unit="kg",
            net_weight_kg=net,
            gross_weight_kg=np.round(net * 1.05, 2),
            value=np.round(usd, 2),
            currency="USD",
            license_no=None,
            end_user_name=None,
            end_use=None,
            lic_mode="none",
            true_hs=np.array([HIDDEN_HS[w] for w in what], dtype=object),
            true_desc=cat(what, " (ant)"),
            true_kg=net,
            trade_country=None,
        )
        x.label(rows, "hide_ant")
        done += len(rows)
        cluster += 1


SCHEMES: dict[str, Callable[[Ctx, int], None]] = {
    "lic_overdrawn": lic_overdrawn,
    "lic_dead": lic_dead,
    "lic_absent": lic_absent,
    "lic_phantom": lic_phantom,
    "lic_lapsed": lic_lapsed,
    "lic_borrowed": lic_borrowed,
    "enduse_listed": enduse_listed,
    "enduse_blank": enduse_blank,
    "dest_barred": dest_barred,
    "front_buyer": front_buyer,
    "via_hub": via_hub,
    "via_mix": via_mix,
    "mis_code": mis_code,
    "mis_grade": mis_grade,
    "mis_value": mis_value,
    "mis_weight": mis_weight,
    "hide_container": hide_container,
    "hide_sample": hide_sample,
    "hide_ant": hide_ant,
}


def apply(x: Ctx, fraud_share: float, weights: dict[str, float]) -> None:
    """Apply every scheme with its share of ``fraud_share`` of the lines."""
    total = sum(weights.get(s, 0.0) for s in SCHEMES)
    budget = fraud_share * x.lines.n
    for name, scheme in SCHEMES.items():
        w = weights.get(name, 0.0)
        if w > 0:
            scheme(x, max(3, round(budget * w / total)))
