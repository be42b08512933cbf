"""The fraud, line by line, as smugglers of strategic minerals do it.

Every scheme takes honest lines from a pool, rewrites what the smuggler changes, and
records the lines under its own name. Licence schemes act after licences are issued (they
need them); the others before. Which lines of a scheme remain detectable is part of the
design: ``grade_shave`` with a real lead-concentrate price and ``relay_front`` with a valid
licence leave little in the declaration itself, the evidence sits in other tables.

Scheme names (truth ``scheme``):
  lic_none, lic_phantom, lic_stale, lic_borrowed, lic_overdraw        licence fraud
  enduse_listed, enduse_blank                                         end use
  code_swap, downstream_guise, grade_shave, undervalue, short_weight  misdeclaration
  hidden_in_box, dense_sample, ant_swarm                              concealment
  relay_front, relay_mixed                                            transshipment
  chain_excess                                                        domestic chain
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import polars as pl

from . import goods as goods_mod
from . import licences, names, places

Rng = np.random.Generator
Cols = dict[str, np.ndarray]

WEIGHTS: dict[str, float] = {
    "lic_none": 8,
    "lic_phantom": 4,
    "lic_stale": 4,
    "lic_borrowed": 5,
    "lic_overdraw": 5,
    "enduse_listed": 5,
    "enduse_blank": 3,
    "code_swap": 10,
    "downstream_guise": 7,
    "grade_shave": 5,
    "undervalue": 7,
    "short_weight": 6,
    "hidden_in_box": 6,
    "dense_sample": 6,
    "ant_swarm": 7,
    "relay_front": 7,
    "relay_mixed": 4,
    "chain_excess": 4,
}
#: schemes whose declarations complicit brokers file about half the time
BROKERED = (
    "code_swap",
    "downstream_guise",
    "grade_shave",
    "undervalue",
    "short_weight",
    "hidden_in_box",
)


@dataclass
class Scene:
    """Everything the schemes read and rewrite."""

    rng: Rng
    cols: Cols
    goods: pl.DataFrame
    counts: dict[str, int]
    used: np.ndarray
    truth: list[pl.DataFrame] = field(default_factory=list)
    labels: dict[str, np.ndarray] = field(default_factory=dict)

    def g(self, column: str) -> np.ndarray:
        """A goods column for every line (by its true product)."""
        return self.goods[column].to_numpy()[self.cols["product"]]

    def take(self, pool: np.ndarray, scheme: str, n: int | None = None) -> np.ndarray:
        """Up to ``n`` (default the scheme's count) unused rows from ``pool``, marked used."""
        free = np.flatnonzero(pool & ~self.used)
        want = self.counts.get(scheme, 0) if n is None else n
        rows = self.rng.choice(free, min(want, free.size), replace=False) if want else free[:0]
        self.used[rows] = True
        self.labels[scheme] = np.concatenate([self.labels.get(scheme, rows[:0]), rows])
        return rows

    def product_index(self, key: str) -> int:
        return int(np.flatnonzero(self.goods["key"].to_numpy() == key)[0])


def counts(rng: Rng, n_lines: int, fraud_share: float, weights: dict[str, float]) -> dict[str, int]:
    """Lines per scheme: the fraud share split by the relative weights."""
    total = fraud_share * n_lines
    w = np.array(list(weights.values()), dtype=float)
    n = np.floor(total * w / w.sum() + rng.random(w.size)).astype(int)
    return dict(zip(weights, np.maximum(n, 1).tolist(), strict=True))


def in_force(s: Scene) -> np.ndarray:
    """Controlled lines whose control is in force on the day, not from institutes."""
    start = s.g("controlled_from")
    day = places.START + s.cols["day"]
    ok = ~np.isnat(start) & (day >= start)
    return ok & (s.g("family") == "ctrl") & (s.cols["kind"] != "lab")


def single(s: Scene) -> np.ndarray:
    """Lines alone in their declaration (a consignee change stays consistent)."""
    decl = s.cols["decl"]
    sizes = np.bincount(decl)
    return sizes[decl] == 1


def broker(s: Scene) -> None:
    """Half the declarations of the brokered schemes are lodged by a complicit broker."""
    crooked = s.cols["_complicit"]
    for scheme in BROKERED:
        rows = s.labels.get(scheme, np.array([], dtype=int))
        rows = rows[s.rng.random(rows.size) < 0.55]
        decls = np.unique(s.cols["decl"][rows])
        mask = np.isin(s.cols["decl"], decls)
        s.cols["declarant_id"][mask] = crooked[(s.cols["exp"][mask] * 7) % crooked.size]


def relabel_goods(s: Scene, rows: np.ndarray, key: str, leak: np.ndarray) -> None:
    """Declare ``rows`` as product ``key``; where ``leak``, the specification still names
    the true material (in Chinese or English)."""
    i = s.product_index(key)
    g = s.goods.row(i, named=True)
    true_zh = s.g("zh")[rows]
    true_en = s.g("en")[rows]
    s.cols["hs_code"][rows] = g["hs"]
    u = s.rng.random(rows.size)
    s.cols["description"][rows] = np.where(u < 0.6, g["zh"], g["en"])
    spec = np.where(
        s.rng.random(rows.size) < 0.5,
        "实为 " + true_zh.astype(object),
        "contains " + true_en.astype(object),
    )
    s.cols["specification"][rows] = np.where(leak, spec, "包装: 托盘 pallets")
    s.cols["end_user_name"][rows] = ""
    s.cols["end_use"][rows] = ""
    s.cols["_licensed"][rows] = False
    unit = g["unit"]
    kg = s.cols["net_weight_kg"][rows]
    s.cols["unit"][rows] = unit
    s.cols["quantity"][rows] = np.where(
        unit == "t",
        np.round(kg / 1000, 3),
        np.where(unit == "pcs", np.maximum(np.round(kg / g["kg_per_unit"]), 1), kg),
    )


def declared_value(s: Scene, rows: np.ndarray, usd: np.ndarray) -> None:
    """Set the declared value of ``rows`` from USD in each line's currency."""
    fx = np.array([places.FX[c] for c in s.cols["currency"][rows]])
    s.cols["value"][rows] = np.round(usd * fx, 2)


# --- misdeclaration ------------------------------------------------------------------


def code_swap(s: Scene) -> None:
    """Controlled material under the code and name of a look-alike uncontrolled good; the
    specification leaks the truth on 35 % of lines; half are valued at the decoy's price."""
    keys = s.g("key")
    has = np.isin(keys, list(goods_mod.DECOY))
    rows = s.take(in_force(s) & has, "code_swap")
    decoy = np.array([goods_mod.DECOY[k] for k in keys[rows]])
    for key in np.unique(decoy):
        sel = rows[decoy == key]
        relabel_goods(s, sel, str(key), s.rng.random(sel.size) < 0.35)
        cheap = s.rng.random(sel.size) < 0.5
        price = float(s.goods.filter(pl.col("key") == key)["usd_kg"][0])
        usd = s.cols["net_weight_kg"][sel] * price * s.rng.lognormal(0, 0.2, sel.size)
        declared_value(s, sel[cheap], usd[cheap])


def downstream_guise(s: Scene) -> None:
    """A controlled form (GaAs or GaN wafers, Ge substrates, Tb-bearing NdFeB, heavy alloy,
    Mo powder) declared as the uncontrolled downstream product it resembles; 40 % leak."""
    keys = s.g("key")
    rows = s.take(in_force(s) & np.isin(keys, list(goods_mod.DOWNSTREAM)), "downstream_guise")
    target = np.array([goods_mod.DOWNSTREAM[k] for k in keys[rows]])
    for key in np.unique(target):
        sel = rows[target == key]
        relabel_goods(s, sel, str(key), s.rng.random(sel.size) < 0.4)


def grade_shave(s: Scene) -> None:
    """Antimony concentrate (controlled) shipped as lead concentrate (uncontrolled) whose
    specification states a low antimony content; 60 % are valued as lead concentrate."""
    pool = (s.cols["kind"] == "ore") | (s.cols["kind"] == "metal") | (s.cols["kind"] == "border")
    pool &= np.isin(s.cols["mode"], ["sea", "road", "rail"]) & (
        places.START + s.cols["day"] >= np.datetime64("2024-09-15")
    )
    rows = s.take(pool, "grade_shave")
    sb = s.product_index("sb_conc")
    s.cols["product"][rows] = sb
    kg = np.round(s.rng.uniform(12_000, 32_000, rows.size), 0)
    s.cols["kg"][rows] = kg
    s.cols["net_weight_kg"][rows] = kg
    s.cols["gross_weight_kg"][rows] = np.round(kg * 1.01, 1)
    relabel_goods(s, rows, "lead_conc", np.zeros(rows.size, dtype=bool))
    sb_true = s.rng.uniform(38, 60, rows.size)
    pb = s.rng.uniform(8, 20, rows.size)
    stated = s.rng.uniform(1.0, 4.5, rows.size)
    s.cols["specification"][rows] = [
        f"Pb {a:.1f}%, Sb {b:.1f}%; 吨袋 jumbo bags" for a, b in zip(pb + 30, stated, strict=True)
    ]
    s.cols["grade"][rows] = sb_true
    cheap = s.rng.random(rows.size) < 0.6
    usd = np.where(cheap, kg * 1.6, kg * 12.0) * s.rng.lognormal(0, 0.2, rows.size)
    declared_value(s, rows, usd)


def undervalue(s: Scene) -> None:
    """Licensed controlled lines declared at 20-45 % of their value (export-tax and price
    arbitrage; also hides volume from value statistics)."""
    rows = s.take(in_force(s), "undervalue")
    s.cols["value"][rows] = np.round(s.cols["value"][rows] * s.rng.uniform(0.2, 0.45, rows.size), 2)


def short_weight(s: Scene) -> None:
    """Licensed controlled lines declaring 35-70 % of the weight shipped (the surplus goes
    beyond the licence); the value is scaled down too on half of them, and the gross weight
    stays true on a third (an odd gross/net ratio)."""
    rows = s.take(in_force(s), "short_weight")
    f = s.rng.uniform(0.35, 0.7, rows.size)
    true_kg = s.cols["net_weight_kg"][rows].copy()
    s.cols["net_weight_kg"][rows] = np.round(true_kg * f, 3)
    s.cols["quantity"][rows] = np.round(s.cols["quantity"][rows] * f, 3)
    keep_gross = s.rng.random(rows.size) < 0.35
    s.cols["gross_weight_kg"][rows] = np.where(
        keep_gross,
        s.cols["gross_weight_kg"][rows],
        np.round(s.cols["gross_weight_kg"][rows] * f, 2),
    )
    scale = s.rng.random(rows.size) < 0.5
    s.cols["value"][rows] = np.where(
        scale, np.round(s.cols["value"][rows] * f, 2), s.cols["value"][rows]
    )
    s.cols["_true_kg"][rows] = true_kg


# --- concealment ---------------------------------------------------------------------


def hidden_in_box(s: Scene) -> None:
    """Controlled metal hidden in a container line of ordinary goods: the gross weight
    carries 8-35 % more than the goods plus packing; 40 % give a mining region as origin."""
    pool = (
        (s.g("family") == "plain")
        & np.isin(s.cols["mode"], ["sea", "rail"])
        & (s.cols["kind"] == "maker")
    )
    rows = s.take(pool, "hidden_in_box")
    extra = s.cols["net_weight_kg"][rows] * s.rng.uniform(0.08, 0.35, rows.size)
    s.cols["gross_weight_kg"][rows] = np.round(s.cols["gross_weight_kg"][rows] + extra, 2)
    mining = np.array(["360700", "451200", "530900", "431381"], dtype=object)
    moved = s.rng.random(rows.size) < 0.4
    s.cols["origin_region"][rows[moved]] = mining[s.rng.integers(0, 4, int(moved.sum()))]
    s.cols["_hidden_kg"][rows] = extra


SAMPLE_NAMES = [
    ("金属样品", "metal samples", "7326909000"),
    ("合金块 样品", "alloy block samples", "8487900000"),
    ("配重块", "counterweights", "7326909000"),
    ("铝制零件", "aluminium parts", "7616999000"),
    ("焊料样品", "solder samples", "8003000000"),
]


def dense_sample(s: Scene) -> None:
    """Kilograms of gallium, germanium, indium phosphide or terbium oxide sent as "samples"
    or parts by courier, post or in hand luggage, valued at a few dollars a kilogram."""
    pool = (
        np.isin(s.cols["mode"], ["express", "post", "passenger"])
        & (s.g("family") != "lab")
        & (s.cols["day"] >= 120)
    )
    rows = s.take(pool, "dense_sample")
    hidden = np.array(
        [s.product_index(k) for k in ("ga_metal", "ge_metal", "inp", "tb_oxide", "ge_dioxide")]
    )
    s.cols["product"][rows] = hidden[s.rng.integers(0, hidden.size, rows.size)]
    kg = np.round(s.rng.lognormal(1.3, 0.7, rows.size).clip(0.3, 30), 2)
    pick = s.rng.integers(0, len(SAMPLE_NAMES), rows.size)
    s.cols["hs_code"][rows] = [SAMPLE_NAMES[i][2] for i in pick]
    s.cols["description"][rows] = [
        SAMPLE_NAMES[i][0] if s.rng.random() < 0.6 else SAMPLE_NAMES[i][1] for i in pick
    ]
    s.cols["specification"][rows] = np.where(
        s.rng.random(rows.size) < 0.25, "样品 无商业价值 no commercial value", ""
    )
    s.cols["unit"][rows] = "kg"
    s.cols["quantity"][rows] = kg
    s.cols["net_weight_kg"][rows] = kg
    s.cols["kg"][rows] = kg
    s.cols["gross_weight_kg"][rows] = np.round(kg * 1.1, 2)
    declared_value(s, rows, kg * s.rng.uniform(2, 15, rows.size))
    s.cols["end_user_name"][rows] = ""
    s.cols["end_use"][rows] = ""
    s.cols["_licensed"][rows] = False


# --- licence fraud (after licences are issued) -------------------------------------------


def pick_licence_rows(s: Scene) -> None:
    """Reserve the lines of the licence schemes before licences are issued; the lines of
    ``lic_none`` and ``lic_phantom`` get none, the others keep theirs for now."""
    for scheme in ("lic_none", "lic_phantom", "lic_stale", "lic_borrowed", "enduse_blank"):
        rows = s.take(in_force(s), scheme)
        if scheme in ("lic_none", "lic_phantom", "lic_stale", "lic_borrowed"):
            s.cols["_licensed"][rows] = False


def licence_fraud(s: Scene, lic: pl.DataFrame) -> pl.DataFrame:
    """Phantom, stale and borrowed licence numbers, and over-drawn licences. Returns the
    licences table with the stale licences added and the over-drawn quantities cut."""
    c, rng = s.cols, s.rng
    rows = s.labels.get("lic_phantom", np.array([], dtype=int))
    years = (places.START + c["day"][rows]).astype("datetime64[Y]").astype(int) + 1970
    c["license_no"][rows] = licences.numbers(
        rng, rows.size, c["origin_region"][rows], years, phantom=True
    )
    stale = s.labels.get("lic_stale", np.array([], dtype=int))
    lic = pl.concat([lic, stale_licences(s, stale)], how="diagonal_relaxed")
    borrowed = s.labels.get("lic_borrowed", np.array([], dtype=int))
    control = s.g("control_id")
    for r in borrowed:
        same = lic.filter(
            (pl.col("control_id") == control[r]) & (pl.col("exporter_id") != c["exporter_id"][r])
        )
        own = lic.filter(pl.col("exporter_id") == c["exporter_id"][r])
        chosen = same if same.height and (rng.random() < 0.6 or not own.height) else own
        if chosen.height:
            c["license_no"][r] = chosen["license_no"][int(rng.integers(chosen.height))]
    return overdraw(s, lic)


def stale_licences(s: Scene, rows: np.ndarray) -> pl.DataFrame:
    """A licence for each stale line's exporter, item and consignee that expired 3-150 days
    before the line (three in four) or is issued after it (one in four)."""
    c, rng = s.cols, s.rng
    day = places.START + c["day"][rows]
    early = rng.random(rows.size) < 0.25
    expired = day - rng.integers(3, 150, rows.size)
    issued = np.where(early, day + rng.integers(3, 60, rows.size), expired - 364)
    until = np.where(early, issued + 364, expired)
    years = issued.astype("datetime64[Y]").astype(int) + 1970
    nos = licences.numbers(rng, rows.size, c["origin_region"][rows], years, late=True)
    c["license_no"][rows] = nos
    return pl.DataFrame(
        {
            "license_no": nos.astype(str),
            "issued_at": issued.astype("datetime64[D]"),
            "valid_until": until.astype("datetime64[D]"),
            "exporter_id": c["exporter_id"][rows].astype(str),
            "control_id": s.g("control_id")[rows].astype(str),
            "quantity_kg": np.round(c["kg"][rows] * 1.3, 1),
            "consignee_name": c["consignee_name"][rows].astype(str),
            "consignee_country": c["consignee_country"][rows].astype(str),
            "end_user_name": c["end_user_name"][rows].astype(str),
            "end_use": c["end_use"][rows].astype(str),
            "status": "valid",
        }
    )


def overdraw(s: Scene, lic: pl.DataFrame) -> pl.DataFrame:
    """Cut some licences to 45-70 % of what was drawn on them; the lines drawn after the
    licensed quantity ran out are the fraud."""
    c = s.cols
    want = s.counts.get("lic_overdraw", 0)
    on = np.flatnonzero((c["lic"] >= 0) & ~s.used)
    frame = pl.DataFrame(
        {"row": on, "lic": c["lic"][on], "day": c["day"][on], "kg": c["net_weight_kg"][on]}
    )
    multi = (
        frame.group_by("lic", maintain_order=True)
        .agg(pl.len().alias("n"))
        .filter(pl.col("n") >= 3)["lic"]
        .to_numpy()
        .copy()
    )
    s.rng.shuffle(multi)
    cut = np.ones(lic.height)
    got, chosen = 0, []
    for licence in multi:
        if got >= want:
            break
        part = frame.filter(pl.col("lic") == licence).sort("day")
        kg = part["kg"].to_numpy()
        limit = kg.sum() * s.rng.uniform(0.45, 0.7)
        over = part["row"].to_numpy()[np.cumsum(kg) > limit]
        quantity = float(lic["quantity_kg"][int(licence)])
        cut[int(licence)] = round(limit, 1) / max(quantity, 1e-9)
        chosen.append(over)
        got += over.size
    rows = np.concatenate(chosen) if chosen else np.array([], dtype=int)
    s.used[rows] = True
    s.labels["lic_overdraw"] = rows
    return lic.with_columns((pl.col("quantity_kg") * pl.Series(cut)).round(1).alias("quantity_kg"))


def enduse_blank(s: Scene) -> None:
    """Licensed controlled lines that leave the end user and end use empty."""
    rows = s.labels.get("enduse_blank", np.array([], dtype=int))
    s.cols["end_user_name"][rows] = ""
    s.cols["end_use"][rows] = ""


# --- end use and transshipment (consignee changes; single-line declarations) -----------------


def redirect(
    s: Scene, rows: np.ndarray, name: np.ndarray, address: np.ndarray, country: np.ndarray
) -> None:
    """Send ``rows`` (single-line declarations) to another consignee and country, with a
    mode, port and currency that fit the new destination."""
    c, rng = s.cols, s.rng
    c["consignee_name"][rows] = name
    c["consignee_address"][rows] = address
    c["consignee_country"][rows] = country
    c["destination_country"][rows] = country
    c["trade_country"][rows] = country
    c["country"][rows] = country
    mode = places.modes(rng, country.astype(str), c["kind"][rows])
    c["mode"][rows] = mode
    c["port"][rows] = places.ports(rng, mode, country.astype(str))
    c["currency"][rows] = places.currencies(rng, country.astype(str), mode)
    c["transport_doc"][rows] = places.transport_docs(rng, mode)
    boxed = np.isin(mode, ["sea", "rail"])
    c["container_ids"][rows] = np.where(boxed, places.containers(rng, rows.size), "")
    declared_value(s, rows, c["usd"][rows])


def enduse_listed(s: Scene, listed: pl.DataFrame) -> None:
    """Controlled goods whose end user is a restricted party (spelled as the smuggler
    spells it); half go straight to it with no licence, half through an ordinary consignee
    citing the exporter's licence for someone else."""
    c, rng = s.cols, s.rng
    rows = s.take(in_force(s) & single(s), "enduse_listed")
    pick = rng.integers(0, listed.height, rows.size)
    name = listed["name"].to_numpy()[pick]
    alias = np.array([a.split(";")[0] for a in listed["alias"].to_numpy()[pick]], dtype=object)
    spelled = np.where(rng.random(rows.size) < 0.5, name, alias)
    direct = rng.random(rows.size) < 0.5
    d = rows[direct]
    redirect(
        s,
        d,
        name[direct],
        listed["address"].to_numpy()[pick][direct],
        listed["country"].to_numpy()[pick][direct],
    )
    c["end_user_name"][rows] = spelled
    c["end_use"][rows] = np.where(rng.random(rows.size) < 0.3, "军工 defence", c["end_use"][rows])
    c["_licensed"][rows] = False
    c["_keep_other_licence"][rows[~direct]] = True


def front_companies(rng: Rng, listed: pl.DataFrame, n: int, day0: int) -> pl.DataFrame:
    """Consignees in relay countries incorporated shortly before they start buying, each
    linked to a restricted party by a shared phone, a shared address or a shared director."""
    from .actors import RELAYS

    country = rng.choice(RELAYS, n)
    name, address = names.foreign_company(rng, country)
    link = rng.choice(["phone", "address", "director"], n)
    owner = rng.integers(0, listed.height, n)
    phone = np.where(
        link == "phone", listed["phone"].to_numpy()[owner], names.phones(rng, n, "+7 ")
    )
    linked_address = np.where(link == "address", listed["address"].to_numpy()[owner], address)
    return pl.DataFrame(
        {
            "consignee_name": name,
            "consignee_address": linked_address,
            "consignee_country": country,
            "phone": phone,
            "role": "front",
            "incorporated_at_day": day0 - rng.integers(20, 300, n),
            "link": link,
            "listed_id": listed["party_id"].to_numpy()[owner],
        }
    ).unique("consignee_name", keep="first", maintain_order=True)


def relay_front(s: Scene, fronts: pl.DataFrame) -> None:
    """Controlled goods, licensed truthfully to a young front company in a relay country
    that is linked to a restricted party (the licence names the front)."""
    rows = s.take(in_force(s) & single(s) & (s.cols["day"] >= 200), "relay_front")
    pick = s.rng.integers(0, fronts.height, rows.size)
    redirect(
        s,
        rows,
        fronts["consignee_name"].to_numpy()[pick],
        fronts["consignee_address"].to_numpy()[pick],
        fronts["consignee_country"].to_numpy()[pick],
    )
    s.cols["end_user_name"][rows] = fronts["consignee_name"].to_numpy()[pick]


def relay_mixed(s: Scene, mixers: pl.DataFrame) -> None:
    """A handful of consignees in relay countries that import ordinary goods (honest lines
    stay theirs) and, from several exporters, unrelated controlled items; licensed."""
    rows = s.take(in_force(s) & single(s), "relay_mixed")
    pick = s.rng.integers(0, mixers.height, rows.size)
    redirect(
        s,
        rows,
        mixers["consignee_name"].to_numpy()[pick],
        mixers["consignee_address"].to_numpy()[pick],
        mixers["consignee_country"].to_numpy()[pick],
    )
    s.cols["end_user_name"][rows] = mixers["consignee_name"].to_numpy()[pick]
    cover = np.flatnonzero((s.g("family") == "plain") & single(s) & ~s.used)
    cover = s.rng.choice(cover, min(cover.size, rows.size), replace=False)
    pick = s.rng.integers(0, mixers.height, cover.size)
    redirect(
        s,
        cover,
        mixers["consignee_name"].to_numpy()[pick],
        mixers["consignee_address"].to_numpy()[pick],
        mixers["consignee_country"].to_numpy()[pick],
    )


def ant_swarm(s: Scene, senders: pl.DataFrame, targets: pl.DataFrame) -> None:
    """Swarms of small parcels of controlled metal to one consignee from new senders that
    share phones or addresses, each sending a few lines, no licence, mostly true names."""
    c, rng = s.cols, s.rng
    rows = s.take(
        np.isin(c["mode"], ["express", "post"]) & single(s) & (c["day"] >= 60), "ant_swarm"
    )
    swarm = senders["swarm"].to_numpy()
    target = rng.integers(0, targets.height, rows.size)
    member = np.array([rng.choice(np.flatnonzero(swarm == t)) for t in target])
    c["exporter_id"][rows] = senders["exporter_id"].to_numpy()[member]
    c["exporter_name"][rows] = senders["name_zh"].to_numpy()[member]
    c["origin_region"][rows] = senders["region"].to_numpy()[member]
    c["consignee_name"][rows] = targets["consignee_name"].to_numpy()[target]
    c["consignee_address"][rows] = targets["consignee_address"].to_numpy()[target]
    for col in ("consignee_country", "destination_country", "trade_country", "country"):
        c[col][rows] = targets["consignee_country"].to_numpy()[target]
    hidden = np.array(
        [s.product_index(k) for k in ("ga_metal", "ge_metal", "bi_metal", "te_metal", "inp")]
    )
    c["product"][rows] = hidden[rng.integers(0, hidden.size, rows.size)]
    kg = np.round(rng.uniform(1, 20, rows.size), 2)
    c["kg"][rows] = kg
    c["net_weight_kg"][rows] = kg
    c["gross_weight_kg"][rows] = np.round(kg * 1.08, 2)
    c["quantity"][rows] = kg
    c["unit"][rows] = "kg"
    c["hs_code"][rows] = s.g("hs")[rows]
    c["description"][rows] = np.where(rng.random(rows.size) < 0.7, s.g("zh")[rows], s.g("en")[rows])
    c["specification"][rows] = ""
    c["end_user_name"][rows] = ""
    c["end_use"][rows] = ""
    c["_licensed"][rows] = False
    declared_value(s, rows, kg * s.g("usd_kg")[rows] * rng.uniform(0.3, 1.0, rows.size))
