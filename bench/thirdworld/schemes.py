"""The fraud schemes, each a function that turns chosen lines into one kind of smuggling.

Every scheme picks rows (mostly from the organised networks' declarations, some from
ordinary exporters tempted once), rewrites what the declaration shows, keeps what was
really shipped in ``true_*`` columns for inspections, and labels the rows with its name.
Schemes that change who the goods go to use one-line declarations, so one declaration
never carries two consignees.

What each leaves as evidence, by design (not every line is meant to be findable):

- ``permit_missing``: controlled code, no licence cited.
- ``permit_forged``: a licence number in the right format that was never issued.
- ``permit_lapsed``: a real licence of the exporter, expired or not yet valid on the day.
- ``permit_lent``: a real, valid licence issued to another exporter.
- ``permit_mismatch``: the exporter's own valid licence, for another item, consignee or country.
- ``permit_overdrawn``: a valid licence whose cumulative draws pass its quantity.
- ``listed_party``: consignee or declared end user on the watchlist at the date (names spelled
  differently); the licence itself is in order.
- ``banned_end_use``: US or Japanese military end user/use, or gallium/germanium/antimony to
  the US while that was denied; half cite no licence, half one issued for another consignee.
- ``blank_end_user``: end user and end use left empty by an exporter who normally fills them.
- ``false_code``: controlled material declared under the code and name of an ordinary good;
  a third leak the truth in the description, half are valued at the cover good's price.
- ``low_value``: licensed controlled goods invoiced at a quarter to a half of their worth.
- ``short_weight``: licensed goods with quantity and net weight cut by a third to a half; the
  gross weight mostly still tells the real mass.
- ``hidden_in_cargo``: controlled material packed into an ordinary line of a sea container:
  the gross weight swells, or the net weight does while the value does not.
- ``sample_parcel``: a few kilograms of a precious controlled material sent as a cheap
  "sample" by parcel, post or in a passenger's bag, under an ordinary code.
- ``parcel_swarm``: rings of private senders sharing a phone (and often an address) sending
  many small "metal powder" parcels to one consignee.
- ``hub_relay``: licensed controlled goods to young front companies in transit hubs whose
  directors, phones or addresses they share with listed companies.
- ``odd_buyer``: small, young consignees taking unrelated controlled materials from several
  exporters, each licensed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import polars as pl

from thirdworld import names
from thirdworld.actors import day
from thirdworld.goods import CNY_PER, CONTROL_FROM, CONTROLLED, HUBS
from thirdworld.licensing import licence_frame, numbers
from thirdworld.lines import Lines

DEFAULT_WEIGHTS: dict[str, float] = {
    "permit_missing": 1.0,
    "permit_forged": 0.6,
    "permit_lapsed": 0.6,
    "permit_lent": 0.5,
    "permit_mismatch": 0.6,
    "permit_overdrawn": 0.6,
    "listed_party": 0.6,
    "banned_end_use": 0.5,
    "blank_end_user": 0.5,
    "false_code": 1.5,
    "low_value": 1.0,
    "short_weight": 0.8,
    "hidden_in_cargo": 1.2,
    "sample_parcel": 1.0,
    "parcel_swarm": 1.2,
    "hub_relay": 1.0,
    "odd_buyer": 0.6,
}
PRECIOUS = ("ga_metal", "ge_metal", "geo2", "tb_metal", "dy_metal", "sc_oxide", "gaas_wafer", "inp")
SAMPLE_WORDS = (
    "样品",
    "sample",
    "metal sample",
    "合金样块",
    "free sample, no commercial value",
    "赠品",
)


@dataclass
class Ctx:
    """A world under construction: its lines, parties and licences, and what is taken."""

    rng: np.random.Generator
    lines: Lines
    goods: pl.DataFrame
    exporters: pl.DataFrame
    consignees: pl.DataFrame
    watchlist: pl.DataFrame
    fronts: pl.DataFrame
    licences: list[pl.DataFrame] = field(default_factory=list)
    relations: list[pl.DataFrame] = field(default_factory=list)
    people: list[pl.DataFrame] = field(default_factory=list)

    def __post_init__(self) -> None:
        decl = pl.Series(self.lines["declaration_id"])
        counts = decl.to_frame("d").group_by("d").agg(pl.len().alias("n"))
        self.lines["one_line"] = (
            decl.to_frame("d")
            .join(counts, on="d", how="left", maintain_order="left")["n"]
            .to_numpy()
            == 1
        )
        self.net = self.exporters["network"].to_numpy()[self.lines["exp"]] >= 0
        self.parcel = np.isin(self.lines["mode"], ["express", "post", "passenger"])
        self.key = {k: i for i, k in enumerate(self.goods["key"].to_list())}
        self.ctrl_g = np.flatnonzero(self.goods["controlled"].to_numpy())
        since = [day(CONTROL_FROM[e]) if e else 10**9 for e in self.goods["element"].to_list()]
        self.since = np.array(since)
        self.front_index = self.add_consignees(self.fronts.drop("network"))

    @property
    def taken(self) -> np.ndarray:
        return self.lines["scheme"] != ""

    def choose(self, n: int, eligible: np.ndarray, bias: float = 25.0) -> np.ndarray:
        """``n`` free eligible rows, networks' rows ``bias`` times likelier."""
        licensed = self.lines.get("licence_group", np.full(len(eligible), -1)) >= 0
        pool = np.flatnonzero(eligible & ~self.taken & ~licensed)
        if pool.size == 0 or n <= 0:
            return pool[:0]
        w = np.where(self.net[pool], bias, 1.0)
        return self.rng.choice(pool, min(n, pool.size), replace=False, p=w / w.sum())

    def add_consignees(self, frame: pl.DataFrame) -> np.ndarray:
        """Append consignees; their indexes."""
        start = self.consignees.height
        self.consignees = pl.concat([self.consignees, frame], how="diagonal_relaxed")
        return np.arange(start, self.consignees.height)

    def recast(self, rows: np.ndarray, keys: tuple[str, ...] | None = None) -> None:
        """Make ``rows`` honest-looking shipments of a controlled item in force on the day."""
        L, rng, gt = self.lines, self.rng, self.goods
        cand = self.ctrl_g if keys is None else np.array([self.key[k] for k in keys])
        allowed = self.since[cand][None, :] <= L["day"][rows][:, None]
        score = np.where(allowed, rng.random((rows.size, cand.size)), -1)
        g = cand[score.argmax(axis=1)]
        kg = gt["line_kg"].to_numpy()[g] * rng.lognormal(0, 0.7, rows.size)
        kg = np.round(np.maximum(kg * np.where(L["mode"][rows] == "air", 0.05, 1.0), 1.0), 1)
        self.set_goods(rows, g, kg)
        L["true_g"][rows], L["true_kg"][rows] = g, kg
        value = kg * gt["cny_per_kg"].to_numpy()[g] * rng.lognormal(0, 0.12, rows.size)
        L["true_value_cny"][rows] = value
        L["value"][rows] = np.round(value / self.rate(rows), 2)
        L["needs_licence"][rows] = True
        L["license_no"][rows] = ""
        fills = self.exporters["fills_end_user"].to_numpy()[L["exp"][rows]]
        L["end_user_name"][rows] = np.where(fills, L["consignee_name"][rows], "")
        L["end_use"][rows] = np.where(fills, "industrial use 工业用途", "")
        L["specification"][rows] = "品牌类型:0|出口享惠情况:3|纯度:99.99%"

    def set_goods(self, rows: np.ndarray, g: np.ndarray, kg: np.ndarray) -> None:
        """Declared goods ``g`` of ``kg`` net on ``rows``: code, words, unit, weights."""
        L, gt, rng = self.lines, self.goods, self.rng
        unit = gt["unit"].to_numpy()[g].astype(object)
        piece = np.maximum(gt["piece_kg"].to_numpy()[g], 1e-3)
        L["g"][rows] = g
        L["hs_code"][rows] = gt["hs"].to_numpy()[g]
        zh = rng.random(rows.size) < 0.55
        L["description"][rows] = np.where(zh, gt["zh"].to_numpy()[g], gt["en"].to_numpy()[g])
        L["unit"][rows] = unit
        L["quantity"][rows] = np.select(
            [unit == "t", np.isin(unit, ["pcs", "set"])],
            [np.round(kg / 1000, 3), np.maximum(np.round(kg / piece), 1)],
            np.round(kg, 1),
        )
        L["net_weight_kg"][rows] = kg
        gross = kg * rng.uniform(gt["gross_low"].to_numpy()[g], gt["gross_high"].to_numpy()[g])
        L["gross_weight_kg"][rows] = np.round(gross, 2)

    def rate(self, rows: np.ndarray) -> np.ndarray:
        return np.array([CNY_PER[c] for c in self.lines["currency"][rows]])

    def set_consignee(self, rows: np.ndarray, cons: np.ndarray) -> None:
        """Send ``rows`` to consignees ``cons`` (one-line declarations only)."""
        L, c = self.lines, self.consignees
        L["cons"][rows] = cons
        L["consignee_name"][rows] = names.sloppy(
            self.rng, c["name"].to_numpy()[cons].astype(object), 0.3
        )
        L["consignee_address"][rows] = c["address"].to_numpy()[cons]
        country = c["country"].to_numpy()[cons]
        L["consignee_country"][rows] = country
        L["destination_country"][rows] = country
        L["trade_country"][rows] = country

    def licence(
        self,
        rows: np.ndarray,
        *,
        issued: np.ndarray | None = None,
        valid: np.ndarray | None = None,
        exporter_id: np.ndarray | None = None,
        g: np.ndarray | None = None,
        consignee: np.ndarray | None = None,
        country: np.ndarray | None = None,
        kg_factor: float = 1.3,
        cite: bool = True,
    ) -> np.ndarray:
        """Issue one licence per row (defaults: matching and valid) and cite it."""
        if rows.size == 0:
            return np.array([], dtype=object)
        L, rng, n = self.lines, self.rng, rows.size
        issued = L["day"][rows] - rng.integers(10, 90, n) if issued is None else issued
        valid = issued + 364 if valid is None else valid
        g = L["true_g"][rows] if g is None else g
        no = numbers(rng, issued)
        self.licences.append(
            licence_frame(
                rng,
                no=no,
                issued=issued,
                valid_until=valid,
                exporter_id=L["exporter_id"][rows] if exporter_id is None else exporter_id,
                control_id=self.goods["control_id"].to_numpy()[g],
                hs=self.goods["hs"].to_numpy()[g],
                kg=L["net_weight_kg"][rows] * kg_factor,
                consignee=self.consignees["name"].to_numpy()[L["cons"][rows]]
                if consignee is None
                else consignee,
                country=L["consignee_country"][rows] if country is None else country,
                end_user=L["end_user_name"][rows],
                end_use=L["end_use"][rows],
            )
        )
        if cite:
            L["license_no"][rows] = no
        return no

    def label(self, rows: np.ndarray, scheme: str) -> None:
        self.lines["scheme"][rows] = scheme


def controlled_rows(ctx: Ctx, n: int, one_line: bool = False) -> np.ndarray:
    """Rows for a scheme on controlled goods: not parcels, after the first controls."""
    eligible = ~ctx.parcel & (ctx.lines["day"] >= ctx.since[ctx.ctrl_g].min())
    if one_line:
        eligible &= ctx.lines["one_line"]
    return ctx.choose(n, eligible)


def permit_missing(ctx: Ctx, n: int) -> None:
    rows = controlled_rows(ctx, n)
    ctx.recast(rows)
    ctx.label(rows, "permit_missing")


def permit_forged(ctx: Ctx, n: int) -> None:
    rows = controlled_rows(ctx, n)
    ctx.recast(rows)
    ctx.lines["license_no"][rows] = numbers(ctx.rng, ctx.lines["day"][rows] - 30)
    ctx.label(rows, "permit_forged")


def permit_lapsed(ctx: Ctx, n: int) -> None:
    rows = controlled_rows(ctx, n)
    ctx.recast(rows)
    d = ctx.lines["day"][rows]
    expired = ctx.rng.random(rows.size) < 0.7
    valid = np.where(expired, d - ctx.rng.integers(15, 200, rows.size), d + 300)
    issued = np.where(expired, valid - 364, d + ctx.rng.integers(10, 90, rows.size))
    ctx.licence(rows, issued=issued, valid=valid)
    ctx.label(rows, "permit_lapsed")


def permit_lent(ctx: Ctx, n: int) -> None:
    rows = controlled_rows(ctx, n)
    ctx.recast(rows)
    metals = np.flatnonzero(ctx.exporters["profile"].to_numpy() == "metals")
    other = metals[ctx.rng.integers(0, metals.size, rows.size)]
    same = other == ctx.lines["exp"][rows]
    other[same] = metals[(np.searchsorted(metals, other[same]) + 1) % metals.size]
    ctx.licence(rows, exporter_id=ctx.exporters["exporter_id"].to_numpy()[other])
    ctx.label(rows, "permit_lent")


def permit_mismatch(ctx: Ctx, n: int) -> None:
    rows = controlled_rows(ctx, n)
    ctx.recast(rows)
    L, rng = ctx.lines, ctx.rng
    how = rng.integers(0, 3, rows.size)
    g = L["true_g"][rows].copy()
    elements = ctx.goods["element"].to_numpy()
    other_g = ctx.ctrl_g[rng.integers(0, ctx.ctrl_g.size, rows.size)]
    clash = elements[other_g] == elements[g]
    other_g[clash] = ctx.ctrl_g[(np.searchsorted(ctx.ctrl_g, other_g[clash]) + 3) % ctx.ctrl_g.size]
    g = np.where(how == 0, other_g, g)
    names_now = ctx.consignees["name"].to_numpy()[L["cons"][rows]]
    stranger = ctx.consignees["name"].to_numpy()[rng.integers(0, ctx.consignees.height, rows.size)]
    consignee = np.where(how == 1, stranger, names_now)
    country = L["consignee_country"][rows].copy()
    alt = np.array(HUBS, dtype=object)[rng.integers(0, len(HUBS), rows.size)]
    country = np.where((how == 2) & (alt != country), alt, np.where(how == 2, "SG", country))
    ctx.licence(rows, g=g, consignee=consignee, country=country)
    ctx.label(rows, "permit_mismatch")


def permit_overdrawn(ctx: Ctx, n: int) -> None:
    """Shrink the quantity of honest licences so that later draws overrun them."""
    L = ctx.lines
    group = L.get("licence_group")
    if group is None or not ctx.licences:
        return
    rows = np.flatnonzero(group >= 0)
    frame = pl.DataFrame(
        {
            "row": rows,
            "grp": group[rows],
            "day": L["day"][rows],
            "kg": L["net_weight_kg"][rows],
            "net": ctx.net[rows],
        }
    )
    sizes = frame.group_by("grp", maintain_order=True).agg(
        pl.len().alias("n"), pl.col("net").any().alias("net")
    )
    sizes = sizes.filter(pl.col("n") >= 2)
    w = np.where(sizes["net"].to_numpy(), 10.0, 1.0)
    order = ctx.rng.choice(sizes.height, sizes.height, replace=False, p=w / w.sum())
    cut = ctx.rng.uniform(0.45, 0.75, sizes.height)
    picked, done = [], 0
    for i in order:  # per licence, until enough lines overrun (a few dozen licences)
        if done >= n:
            break
        grp = sizes["grp"][int(i)]
        lines = frame.filter(pl.col("grp") == grp).sort("day", "row")
        cum = lines["kg"].cum_sum().to_numpy()
        limit = cum[-1] * cut[i]
        over = lines["row"].to_numpy()[cum > limit]
        over = over[~ctx.taken[over]]
        if over.size == 0:
            continue
        picked.append((grp, limit))
        ctx.label(over, "permit_overdrawn")
        done += over.size
    honest = ctx.licences[0]
    for grp, limit in picked:
        honest[int(grp), "quantity_kg"] = round(float(limit), 1)


def listed_party(ctx: Ctx, n: int) -> None:
    L, rng, wl = ctx.lines, ctx.rng, ctx.watchlist
    listed = wl["listed"].to_numpy()
    rows = controlled_rows(ctx, n * 2, one_line=True)
    pick = rng.integers(0, wl.height, rows.size)
    ok = listed[pick] + 10 <= L["day"][rows]
    rows, pick = rows[ok][:n], pick[ok][:n]
    ctx.recast(rows)
    party = np.where(
        rng.random(rows.size) < 0.5, wl["name"].to_numpy()[pick], wl["alt_names"].to_numpy()[pick]
    )
    as_consignee = rng.random(rows.size) < 0.5
    c = rows[as_consignee]
    idx = ctx.add_consignees(
        pl.DataFrame(
            {
                "name": party[as_consignee].astype(str),
                "country": wl["country"].to_numpy()[pick][as_consignee],
                "address": wl["address"].to_numpy()[pick][as_consignee],
                "phone": "",
                "incorporated": day(dt.date(2005, 1, 1)),
                "kind": "listed",
            }
        )
    )
    ctx.set_consignee(c, idx)
    e = rows[~as_consignee]
    L["end_user_name"][e] = party[~as_consignee]
    L["end_use"][rows] = np.where(rng.random(rows.size) < 0.5, "research and development", "研发用")
    L["end_user_name"][c] = np.where(rng.random(c.size) < 0.5, L["consignee_name"][c], "")
    ctx.licence(rows)
    ctx.label(rows, "listed_party")


def banned_end_use(ctx: Ctx, n: int) -> None:
    L, rng = ctx.lines, ctx.rng
    rows = controlled_rows(ctx, n, one_line=True)
    d = L["day"][rows]
    japan = (d >= day(dt.date(2026, 1, 6))) & (rng.random(rows.size) < 0.35)
    deny = (
        (d >= day(dt.date(2024, 12, 3)))
        & (d <= day(dt.date(2025, 11, 8)))
        & ~japan
        & (rng.random(rows.size) < 0.5)
    )
    ctx.recast(rows[deny], ("ga_metal", "ge_metal", "geo2", "sb_ingot", "sb2o3"))
    ctx.recast(rows[~deny])
    country = np.where(japan, "JP", "US").astype(object)
    frame = names.foreign_companies(rng, country)
    frame = np.char.replace(
        np.char.replace(frame.astype(str), "Trading", "Aerospace"), "Supply", "Defense Systems"
    )
    idx = ctx.add_consignees(
        pl.DataFrame(
            {
                "name": frame,
                "country": country.astype(str),
                "address": names.addresses(rng, country).astype(str),
                "phone": names.phones(rng, country).astype(str),
                "incorporated": day(dt.date(1995, 1, 1)),
                "kind": "military",
            }
        )
    )
    ctx.set_consignee(rows, idx)
    military = ~deny | (rng.random(rows.size) < 0.5)
    L["end_user_name"][rows] = L["consignee_name"][rows]
    L["end_use"][rows] = np.where(
        military,
        np.where(
            japan,
            "defence equipment for the Self-Defense Forces",
            rng.choice(
                ["missile guidance components", "军用雷达部件", "military infrared sights"],
                rows.size,
            ),
        ),
        "electronic components",
    )
    cite = rng.random(rows.size) < 0.5
    stranger = ctx.consignees["name"].to_numpy()[
        rng.integers(0, ctx.consignees.height, int(cite.sum()))
    ]
    ctx.licence(rows[cite], consignee=stranger, country=np.full(int(cite.sum()), "SG"))
    ctx.label(rows, "banned_end_use")


def blank_end_user(ctx: Ctx, n: int) -> None:
    fills = ctx.exporters["fills_end_user"].to_numpy()[ctx.lines["exp"]]
    eligible = ~ctx.parcel & fills & (ctx.lines["day"] >= ctx.since[ctx.ctrl_g].min())
    rows = ctx.choose(n, eligible)
    ctx.recast(rows)
    ctx.lines["end_user_name"][rows] = ""
    ctx.lines["end_use"][rows] = ""
    ctx.licence(rows)
    ctx.label(rows, "blank_end_user")


def false_code(ctx: Ctx, n: int) -> None:
    L, rng, gt = ctx.lines, ctx.rng, ctx.goods
    rows = controlled_rows(ctx, n)
    ctx.recast(rows)
    true_g = L["true_g"][rows]
    covers = {c.key: c.cover for c in CONTROLLED}
    cover = np.array([ctx.key[covers[k]] for k in gt["key"].to_numpy()[true_g]])
    kg = L["true_kg"][rows]
    ctx.set_goods(rows, cover, kg)
    leak = rng.random(rows.size) < 0.33
    hint = np.where(
        rng.random(rows.size) < 0.5, gt["zh"].to_numpy()[true_g], gt["en"].to_numpy()[true_g]
    )
    L["description"][rows] = np.where(
        leak,
        names.join(L["description"][rows], np.full(rows.size, " / ", dtype=object), hint),
        L["description"][rows],
    )
    cheap = rng.random(rows.size) < 0.5
    cover_value = kg * gt["cny_per_kg"].to_numpy()[cover] * rng.lognormal(0, 0.15, rows.size)
    L["value"][rows] = np.where(cheap, np.round(cover_value / ctx.rate(rows), 2), L["value"][rows])
    L["end_user_name"][rows] = ""
    L["end_use"][rows] = ""
    L["specification"][rows] = np.where(
        rng.random(rows.size) < 0.3, "品牌类型:0|纯度:6N|用途:工业", "品牌类型:0|出口享惠情况:3"
    )
    ctx.label(rows, "false_code")


def low_value(ctx: Ctx, n: int) -> None:
    rows = controlled_rows(ctx, n)
    ctx.recast(rows)
    ctx.lines["value"][rows] = np.round(
        ctx.lines["value"][rows] * ctx.rng.uniform(0.25, 0.5, rows.size), 2
    )
    ctx.licence(rows)
    ctx.label(rows, "low_value")


def short_weight(ctx: Ctx, n: int) -> None:
    L, rng = ctx.lines, ctx.rng
    rows = controlled_rows(ctx, n)
    ctx.recast(rows)
    true_gross = L["gross_weight_kg"][rows].copy()
    cut = rng.uniform(0.4, 0.67, rows.size)
    ctx.set_goods(rows, L["true_g"][rows], np.round(L["true_kg"][rows] * cut, 1))
    L["value"][rows] = np.round(L["value"][rows] * cut, 2)
    keep_gross = rng.random(rows.size) < 0.7
    L["gross_weight_kg"][rows] = np.where(keep_gross, true_gross, L["gross_weight_kg"][rows])
    ctx.licence(rows)
    ctx.label(rows, "short_weight")


def hidden_in_cargo(ctx: Ctx, n: int) -> None:
    L, rng = ctx.lines, ctx.rng
    ordinary = ~ctx.goods["controlled"].to_numpy()[L["g"]]
    rows = ctx.choose(n, (L["mode"] == "sea") & ~L["one_line"] & ordinary)
    keys = (
        "ga_metal",
        "ge_metal",
        "sb_ingot",
        "dy_oxide",
        "tb_oxide",
        "bi_metal",
        "apt",
        "dy_metal",
    )
    cand = np.array([ctx.key[k] for k in keys])
    allowed = ctx.since[cand][None, :] <= L["day"][rows][:, None]
    g = cand[np.where(allowed, rng.random((rows.size, cand.size)), -1).argmax(axis=1)]
    hidden = np.round(rng.uniform(150, 2500, rows.size), 1)
    in_net = rng.random(rows.size) < 0.3
    gross = np.where(
        np.isnan(L["gross_weight_kg"][rows]),
        L["net_weight_kg"][rows] * 1.05,
        L["gross_weight_kg"][rows],
    )
    L["gross_weight_kg"][rows] = np.round(gross + hidden, 2)
    L["net_weight_kg"][rows] = np.where(
        in_net, np.round(L["net_weight_kg"][rows] + hidden, 2), L["net_weight_kg"][rows]
    )
    L["true_g"][rows], L["true_kg"][rows] = g, hidden
    L["true_value_cny"][rows] = hidden * ctx.goods["cny_per_kg"].to_numpy()[g]
    ctx.label(rows, "hidden_in_cargo")


def sample_parcel(ctx: Ctx, n: int) -> None:
    L, rng, gt = ctx.lines, ctx.rng, ctx.goods
    rows = ctx.choose(n, ctx.parcel & L["one_line"], bias=3.0)
    cand = np.array([ctx.key[k] for k in PRECIOUS])
    g = cand[rng.integers(0, cand.size, rows.size)]
    kg = np.round(rng.uniform(0.3, 6, rows.size), 2)
    cover = np.array([ctx.key[k] for k in ("alloyparts", "phonecase", "toys")])[
        rng.integers(0, 3, rows.size)
    ]
    ctx.set_goods(rows, cover, kg)
    L["quantity"][rows] = rng.integers(1, 6, rows.size).astype(float)
    L["unit"][rows] = "pcs"
    L["description"][rows] = np.array(SAMPLE_WORDS, dtype=object)[
        rng.integers(0, len(SAMPLE_WORDS), rows.size)
    ]
    L["value"][rows] = np.round(rng.uniform(50, 600, rows.size) / ctx.rate(rows), 2)
    L["true_g"][rows], L["true_kg"][rows] = g, kg
    L["true_value_cny"][rows] = kg * gt["cny_per_kg"].to_numpy()[g]
    ctx.label(rows, "sample_parcel")


def parcel_swarm(ctx: Ctx, n: int) -> None:
    """Rings of 3-6 private senders, one shared phone, to one consignee each."""
    L, rng, gt = ctx.lines, ctx.rng, ctx.goods
    rows = ctx.choose(n, ctx.parcel & L["one_line"], bias=1.0)
    if rows.size == 0:
        return
    n_rings = max(1, rows.size // 25)
    ring = rng.integers(0, n_rings, rows.size)
    size = rng.integers(3, 7, n_rings)
    from thirdworld.actors import make_persons

    people = make_persons(rng, int(size.sum()))
    owner = np.repeat(np.arange(n_rings), size)
    phone = people["phone"].to_numpy()[np.searchsorted(owner, np.arange(n_rings))]
    shared_addr = rng.random(n_rings) < 0.6
    addr = people["address"].to_numpy()[np.searchsorted(owner, np.arange(n_rings))]
    people = people.with_columns(
        pl.Series("phone", phone[owner]),
        pl.Series(
            "address", np.where(shared_addr[owner], addr[owner], people["address"].to_numpy())
        ),
    )
    ctx.people.append(people)
    member = np.searchsorted(owner, ring) + (rng.random(rows.size) * size[ring]).astype(int)
    country = rng.choice(["KR", "JP", "US", "DE", "NL", "TW"], n_rings).astype(object)
    idx = ctx.add_consignees(
        pl.DataFrame(
            {
                "name": names.foreign_companies(rng, country).astype(str),
                "country": country.astype(str),
                "address": names.addresses(rng, country).astype(str),
                "phone": names.phones(rng, country).astype(str),
                "incorporated": day(dt.date(2024, 1, 1)) + rng.integers(0, 500, n_rings),
                "kind": "ring",
            }
        )
    )
    ctx.set_consignee(rows, idx[ring])
    L["exporter_id"][rows] = people["person_id"].to_numpy()[member]
    L["exporter_name"][rows] = people["name_zh"].to_numpy()[member]
    kg = np.round(rng.uniform(0.5, 4, rows.size), 2)
    powder = np.full(rows.size, ctx.key["alloyparts"])
    ctx.set_goods(rows, powder, kg)
    L["hs_code"][rows] = "7205290000"
    L["unit"][rows] = "kg"
    L["quantity"][rows] = kg
    L["description"][rows] = rng.choice(
        ["金属粉末", "metal powder", "合金粉", "iron powder 铁粉"], rows.size
    )
    cand = np.array(
        [ctx.key[k] for k in ("ga_metal", "ge_metal", "geo2", "sb2o3", "dy_oxide", "tb_oxide")]
    )
    g = cand[rng.integers(0, cand.size, n_rings)][ring]
    L["value"][rows] = np.round(kg * rng.uniform(20, 60, rows.size) / ctx.rate(rows), 2)
    L["true_g"][rows], L["true_kg"][rows] = g, kg
    L["true_value_cny"][rows] = kg * gt["cny_per_kg"].to_numpy()[g]
    ctx.label(rows, "parcel_swarm")


def hub_relay(ctx: Ctx, n: int) -> None:
    L, rng, fronts = ctx.lines, ctx.rng, ctx.fronts
    eligible = ~ctx.parcel & L["one_line"] & ctx.net
    rows = ctx.choose(n * 2, eligible, bias=1.0)
    net = ctx.exporters["network"].to_numpy()[L["exp"][rows]]
    f_net = fronts["network"].to_numpy()
    start = np.searchsorted(f_net, net)
    count = np.searchsorted(f_net, net, side="right") - start
    pick = start + (rng.random(rows.size) * count).astype(np.int64)
    ok = fronts["incorporated"].to_numpy()[pick] + 15 <= L["day"][rows]
    rows, pick = rows[ok][:n], pick[ok][:n]
    ctx.recast(rows)
    ctx.set_consignee(rows, ctx.front_index[pick])
    leak = rng.random(rows.size) < 0.3
    L["trade_country"][rows] = np.where(
        leak, rng.choice(["US", "RU", "JP", "KR", "DE"], rows.size), L["trade_country"][rows]
    )
    L["end_user_name"][rows] = L["consignee_name"][rows]
    L["end_use"][rows] = np.where(rng.random(rows.size) < 0.5, "distribution", "贸易分销")
    ctx.licence(rows)
    ctx.label(rows, "hub_relay")


def odd_buyer(ctx: Ctx, n: int) -> None:
    L, rng = ctx.lines, ctx.rng
    rows = controlled_rows(ctx, n, one_line=True)
    n_buyers = max(1, rows.size // 12)
    country = rng.choice(["HK", "SG", "AE", "TR", "KZ", "RS"], n_buyers).astype(object)
    idx = ctx.add_consignees(
        pl.DataFrame(
            {
                "name": names.foreign_companies(rng, country).astype(str),
                "country": country.astype(str),
                "address": names.addresses(rng, country).astype(str),
                "phone": names.phones(rng, country).astype(str),
                "incorporated": day(dt.date(2024, 3, 1)) + rng.integers(0, 300, n_buyers),
                "kind": "broker",
            }
        )
    )
    ctx.recast(rows)
    ctx.set_consignee(rows, idx[rng.integers(0, n_buyers, rows.size)])
    L["end_use"][rows] = np.where(rng.random(rows.size) < 0.5, "trading", "贸易")
    ctx.licence(rows)
    ctx.label(rows, "odd_buyer")


SCHEMES: dict[str, Callable[[Ctx, int], None]] = {
    "permit_overdrawn": permit_overdrawn,
    "hub_relay": hub_relay,
    "parcel_swarm": parcel_swarm,
    "sample_parcel": sample_parcel,
    "hidden_in_cargo": hidden_in_cargo,
    "listed_party": listed_party,
    "banned_end_use": banned_end_use,
    "odd_buyer": odd_buyer,
    "permit_missing": permit_missing,
    "permit_forged": permit_forged,
    "permit_lapsed": permit_lapsed,
    "permit_lent": permit_lent,
    "permit_mismatch": permit_mismatch,
    "blank_end_user": blank_end_user,
    "false_code": false_code,
    "low_value": low_value,
    "short_weight": short_weight,
}


def apply_schemes(ctx: Ctx, fraud_lines: int, weights: dict[str, float]) -> None:
    """Run every weighted scheme for its share of ``fraud_lines`` (order: scarce pools first)."""
    total = sum(weights.values())
    for name, scheme in SCHEMES.items():
        share = weights.get(name, 0.0)
        if share > 0:
            scheme(ctx, max(1, round(fraud_lines * share / total)))
