"""The smuggling schemes, line by line, each labelled with its own name in truth.

Licence fraud: ``unlicensed_controlled`` (no licence cited), ``ghost_permit`` (a number
never issued), ``lapsed_permit`` (expired or not yet valid), ``lent_permit`` (another
exporter's licence, or one's own for another item or country), ``permit_overdraw``
(draws beyond the licensed quantity; only the lines past it are fraud).
End use: ``listed_end_user`` (a watchlisted end user as of the date, or a US military end
use after the ban), ``blank_end_user`` (end user and use left empty on a controlled line).
Misdeclaration: ``cover_code`` (controlled material under an ordinary metal/chemical
code; the text leaks it on about a third), ``cheap_invoice`` (20-50 % of the market
value), ``light_weight`` (net weight and quantity understated 40-70 %; the gross weight
keeps the truth on 70 %).
Concealment: ``container_stash`` (an ordinary line of a sea declaration hides ingots:
gross weight surplus on 60 %, nothing visible on 40 %; half the time goods the exporter
never shipped before), ``dense_samples`` (a few kg "samples" of little declared value by
express, post, air or passenger), ``parcel_swarm`` (small lots by express/air to one
consignee from 4-7 senders sharing phones or addresses).
Transshipment: ``hub_front`` (licensed controlled goods to a newly incorporated consignee
in a re-export hub, tied to a watchlisted party by a shared director, phone or address;
the tie is in the register for 70 % of fronts), ``mixed_basket_buyer`` (one consignee
buying unrelated controlled items from several exporters).
Undetectable by design: the 40 % of container stashes without surplus, the 30 % of
light weights with matching gross, cover codes priced as the cover without leaking text,
hub fronts without recorded ties.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from twelfthworld import parties, vocab
from twelfthworld.lines import GOOD_KG, GOOD_USD, MODE_SCALE, N_ORD, Cols, declarations_for, explode
from twelfthworld.population import Population, day_of
from twelfthworld.rings import Rings, add_exporters, build_rings, fraud_days, place

CTRL_KEYS = [c.key for c in vocab.CONTROLLED]
CTRL_EFF = np.array([day_of(c.effective) for c in vocab.CONTROLLED])
ORD_KEYS = [g.key for g in vocab.ORDINARY]
COVER = np.array([ORD_KEYS.index(k) for k in vocab.COVER_KEYS])
SAMPLE_COVER = np.array([ORD_KEYS.index(k) for k in vocab.SAMPLE_COVER_KEYS])
HUBS = np.array([c[0] for c in vocab.COUNTRIES if c[3] and c[0] != "HK"])
DENSE = ["ga_metal", "gaas", "ge_metal", "geo2", "inp", "tb4o7", "dy2o3", "te_metal"]
STASH = [
    "ga_metal",
    "ge_metal",
    "sb_metal",
    "w_metal",
    "bi_metal",
    "te_metal",
    "dy2o3",
    "tb4o7",
    "apt",
]
ANY = [k for k in CTRL_KEYS if k != "graphite"]


@dataclass(frozen=True)
class Scheme:
    """How a scheme's lines are drawn."""

    weight: float
    rings: int
    items: list[str]
    hub_share: float = 0.2
    modes: tuple[str, ...] = ()
    lines: tuple[int, int] = (1, 3)
    kind: str = "metal"


SCHEMES: dict[str, Scheme] = {
    "unlicensed_controlled": Scheme(1.0, 5, [*ANY, "graphite"]),
    "ghost_permit": Scheme(0.7, 3, ANY),
    "lapsed_permit": Scheme(0.7, 4, ANY),
    "lent_permit": Scheme(0.8, 4, ANY, hub_share=0.5),
    "permit_overdraw": Scheme(1.0, 4, [*ANY, "graphite"]),
    "listed_end_user": Scheme(0.7, 3, ANY),
    "blank_end_user": Scheme(0.6, 4, ANY),
    "cover_code": Scheme(1.6, 6, ANY, hub_share=0.7, lines=(1, 6)),
    "cheap_invoice": Scheme(1.0, 5, ANY, hub_share=0.6),
    "light_weight": Scheme(0.9, 4, ANY),
    "container_stash": Scheme(
        1.2, 5, STASH, hub_share=0.7, modes=("sea",), lines=(3, 25), kind="general"
    ),
    "dense_samples": Scheme(
        0.9, 6, DENSE, modes=("express", "post", "air", "passenger"), lines=(1, 1), kind="general"
    ),
    "parcel_swarm": Scheme(
        1.0,
        3,
        [*DENSE, "sb_metal", "w_metal"],
        hub_share=0.7,
        modes=("express", "air"),
        lines=(1, 1),
        kind="general",
    ),
    "hub_front": Scheme(1.2, 5, [*ANY, "graphite"], hub_share=0.6),
    "mixed_basket_buyer": Scheme(0.6, 3, ANY),
}
SAMPLE_WORDS = np.array(
    ["样品", "樣品", "Sample", "SAMPLE NCV", "样品(无商业价值)", "Free sample", "测试样品"],
    dtype=object,
)


def new_consignees(
    rng: np.random.Generator, pop: Population, country: np.ndarray, since: np.ndarray
) -> np.ndarray:
    """Append consignees incorporated on ``since`` days; their indices."""
    rows = parties.foreign_companies(rng, country).with_columns(
        pl.Series("since", since.astype(np.int64))
    )
    start = pop.consignees.height
    pop.consignees = pl.concat([pop.consignees, rows.select(pop.consignees.columns)])
    return np.arange(start, start + country.size)


def _swarm_rings(
    rng: np.random.Generator, pop: Population, spec: Scheme, hub_brokers: np.ndarray
) -> Rings:
    """Rings of 4-7 concurrent senders sharing a phone or an address with the first."""
    ids, starts = [], []
    for _ in range(spec.rings):
        first = int(rng.integers(day_of("2024-06-01"), day_of("2025-09-01")))
        lead = add_exporters(rng, pop, 1, spec.kind, np.array([first]))
        k = int(rng.integers(3, 7))
        rest = add_exporters(rng, pop, k, spec.kind, np.full(k, first), like=np.repeat(lead, k))
        ids.append(np.concatenate([lead, rest]))
        starts.append(np.full(k + 1, first))
    broker = np.where(
        rng.random(spec.rings) < spec.hub_share,
        rng.choice(hub_brokers, spec.rings),
        rng.integers(0, pop.brokers.size, spec.rings),
    )
    return Rings(ids, starts, broker, [])


def scheme_batch(
    rng: np.random.Generator,
    pop: Population,
    name: str,
    n: int,
    first_id: int,
    hub_brokers: np.ndarray,
) -> tuple[Cols, Rings]:
    """``n`` smuggling events of scheme ``name`` as declarations with one fraudulent line
    (and the scheme's cover lines around it)."""
    spec = SCHEMES[name]
    rings = (
        _swarm_rings(rng, pop, spec, hub_brokers)
        if name == "parcel_swarm"
        else build_rings(
            rng,
            pop,
            spec.rings,
            spec.kind,
            hub_brokers,
            spec.hub_share,
            phoenix=name not in ("mixed_basket_buyer",),
        )
    )
    ring = rng.integers(0, spec.rings, n)
    pool = np.array([CTRL_KEYS.index(k) for k in spec.items])
    favourite = rng.choice(pool, spec.rings)
    item = np.where(rng.random(n) < 0.7, favourite[ring], rng.choice(pool, n))
    if name == "mixed_basket_buyer":
        item = rng.choice(pool, n)
    day = fraud_days(rng, n, CTRL_EFF[item] + 1)
    if name == "parcel_swarm":
        exporter = np.array([rng.choice(rings.identities[r]) for r in ring])
        day = np.maximum(day, np.array([rings.starts[r][0] for r in ring]))
    else:
        exporter, day = place(rng, rings, ring, day)
    day = np.maximum(day, CTRL_EFF[item] + 1)
    mode = rng.choice(np.array(spec.modes), n) if spec.modes else None
    consignee = _consignees(rng, pop, name, ring, day, spec.rings)
    n_lines = rng.integers(spec.lines[0], spec.lines[1] + 1, n)
    decl = declarations_for(rng, pop, exporter, day, n_lines, mode, consignee)
    decl["broker"] = np.where(rng.random(n) < 0.85, rings.broker[ring], decl["broker"])
    lines = explode(decl, first_id)
    where = rng.integers(1, n_lines + 1)
    fraud = lines["line_no"] == where[lines["decl"] - first_id]
    lines["scheme"][fraud] = name
    lines["item"] = np.full(fraud.size, -1)
    lines["item"][fraud] = item
    good = N_ORD + item
    if name in ("cover_code", "parcel_swarm"):
        good = rng.choice(COVER, n)
    elif name == "dense_samples":
        good = rng.choice(SAMPLE_COVER, n)
    elif name == "container_stash":
        own = pop.goods_profile[exporter, rng.integers(0, 4, n)]
        good = np.where(rng.random(n) < 0.5, own, rng.integers(0, N_ORD, n))
    lines["good"][fraud] = good
    return lines, rings


def _consignees(
    rng: np.random.Generator,
    pop: Population,
    name: str,
    ring: np.ndarray,
    day: np.ndarray,
    n_rings: int,
) -> np.ndarray | None:
    """Who receives: a newly incorporated front in a hub, one buyer per ring, or the
    exporter's usual consignees (None)."""
    if name == "hub_front":
        per_ring = 3
        country = rng.choice(HUBS, n_rings * per_ring)
        first = np.array(
            [day[ring == r].min() if (ring == r).any() else day.min() for r in range(n_rings)]
        )
        since = np.repeat(first, per_ring) - rng.integers(30, 240, n_rings * per_ring)
        fronts = new_consignees(rng, pop, country, since)
        return fronts[ring * per_ring + rng.integers(0, per_ring, ring.size)]
    if name in ("mixed_basket_buyer", "parcel_swarm"):
        country = rng.choice(np.array(["AE", "HK", "TR", "US", "KZ", "MY", "JP", "KR"]), n_rings)
        buyers = new_consignees(rng, pop, country, np.full(n_rings, day.min() - 400))
        return buyers[ring]
    if name == "dense_samples":
        country = rng.choice(np.array(["US", "JP", "KR", "TW", "DE", "NL", "GB"]), n_rings * 6)
        buyers = new_consignees(rng, pop, country, np.full(country.size, 0))
        return buyers[ring * 6 + rng.integers(0, 6, ring.size)]
    return None


def tamper(rng: np.random.Generator, lines: Cols) -> None:
    """What each scheme does to the declared weight, value and words of its lines (after
    they were weighed, priced and worded honestly). Keeps the truth in ``true_*``."""
    scheme, item = lines["scheme"], lines["item"]
    lines["true_net"] = lines["net_kg"].copy()
    lines["true_value"] = lines["value_usd"].copy()

    def at(name: str) -> np.ndarray:
        return np.flatnonzero(scheme == name)

    hidden = np.concatenate(
        [at("cover_code"), at("parcel_swarm"), at("dense_samples"), at("container_stash")]
    )
    real_kg = (
        GOOD_KG[N_ORD + item[hidden]]
        * np.array([MODE_SCALE[m] for m in lines["mode"][hidden]])
        * rng.lognormal(0, 0.6, hidden.size)
    )
    real_kg = np.where(
        np.isin(lines["mode"][hidden], ["express", "post", "passenger", "air"]),
        np.clip(real_kg, 0.2, 25),
        np.clip(real_kg, 5, None),
    )
    swarm = scheme[hidden] == "parcel_swarm"
    sample = scheme[hidden] == "dense_samples"
    real_kg = np.where(
        swarm,
        rng.uniform(3, 25, hidden.size),
        np.where(sample, rng.uniform(0.3, 6, hidden.size), real_kg),
    )
    lines["true_net"][hidden] = np.round(real_kg, 3)
    lines["true_value"][hidden] = np.round(real_kg * GOOD_USD[N_ORD + item[hidden]] * 1.5, 2)
    i = at("cover_code")
    lines["net_kg"][i] = lines["true_net"][i]
    lines["gross_kg"][i] = np.round(lines["net_kg"][i] * rng.uniform(1.01, 1.06, i.size), 2)
    cheap = rng.random(i.size) < 0.5
    cover_usd = GOOD_USD[lines["good"][i]]
    lines["value_usd"][i] = np.round(
        np.where(
            cheap,
            lines["net_kg"][i] * cover_usd * rng.uniform(1, 2, i.size),
            lines["true_value"][i] * rng.uniform(0.6, 1.0, i.size),
        ),
        2,
    )
    leak = rng.random(i.size) < 0.35
    names = np.array([c.names[0] for c in vocab.CONTROLLED], dtype=object)
    en = np.array([c.names[2] for c in vocab.CONTROLLED], dtype=object)
    told = np.where(
        rng.random(i.size) < 0.5, names[item[i]], lines["description"][i] + " (" + en[item[i]] + ")"
    )
    lines["description"][i] = np.where(leak, told, lines["description"][i])
    specs = np.array([c.specs[0] for c in vocab.CONTROLLED], dtype=object)
    lines["specification"][i] = np.where(
        leak & (rng.random(i.size) < 0.6), specs[item[i]], lines["specification"][i]
    )
    i = at("parcel_swarm")
    lines["net_kg"][i] = lines["true_net"][i]
    lines["gross_kg"][i] = np.round(lines["net_kg"][i] * rng.uniform(1.05, 1.3, i.size), 2)
    lines["value_usd"][i] = np.round(
        lines["net_kg"][i] * GOOD_USD[lines["good"][i]] * rng.uniform(1, 3, i.size), 2
    )
    i = at("dense_samples")
    lines["net_kg"][i] = lines["true_net"][i]
    lines["gross_kg"][i] = np.round(lines["net_kg"][i] * rng.uniform(1.1, 1.6, i.size), 2)
    lines["value_usd"][i] = np.round(rng.uniform(5, 60, i.size), 2)
    lines["description"][i] = np.where(
        rng.random(i.size) < 0.6,
        SAMPLE_WORDS[rng.integers(0, SAMPLE_WORDS.size, i.size)],
        lines["description"][i] + " 样品",
    )
    i = at("container_stash")
    surplus = rng.random(i.size) < 0.6
    lines["gross_kg"][i] = np.round(
        lines["gross_kg"][i] + np.where(surplus, lines["true_net"][i], 0), 2
    )
    lines["true_net"][i] = lines["net_kg"][i] + lines["true_net"][i]
    i = at("cheap_invoice")
    lines["value_usd"][i] = np.round(lines["value_usd"][i] * rng.uniform(0.2, 0.5, i.size), 2)
    i = at("light_weight")
    cut = rng.uniform(0.3, 0.6, i.size)
    keep_gross = rng.random(i.size) < 0.7
    lines["net_kg"][i] = np.round(lines["net_kg"][i] * cut, 3)
    lines["value_usd"][i] = np.round(lines["value_usd"][i] * cut, 2)
    lines["gross_kg"][i] = np.where(
        keep_gross,
        lines["gross_kg"][i],
        np.round(lines["net_kg"][i] * rng.uniform(1.01, 1.06, i.size), 2),
    )


def allocate(total: int, weights: dict[str, float]) -> dict[str, int]:
    """Fraudulent lines per scheme from the total and the relative weights."""
    w = np.array([weights.get(k, 0.0) for k in SCHEMES])
    counts = np.floor(total * w / max(w.sum(), 1e-9)).astype(int)
    return {
        k: max(int(c), 1 if w[j] > 0 else 0)
        for j, (k, c) in enumerate(zip(SCHEMES, counts, strict=True))
    }
