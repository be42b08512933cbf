"""The sixth world's smuggling schemes, each a rewrite of chosen rows of ``Lines``.

Every scheme labels the lines it makes fraudulent with its own name (truth). Not every
scheme leaves evidence in the data: a hidden load with no weight surplus, a cover code
with an innocent description, a front whose licence is in order are there to be missed.

Schemes (and what evidence, if any, they leave):
- ``no_permit``: a controlled item under its own code, no licence cited.
- ``phantom_permit``: cites a licence number no licence table holds.
- ``stale_permit``: cites a licence expired, not yet valid, or revoked on the day.
- ``borrowed_permit``: cites a licence of another exporter, or of the same exporter for
  another item.
- ``overdrawn_permit``: lines drawn after a licence's quantity is used up (see licences).
- ``barred_receiver``: a restricted party (listed before the day) as end user or consignee,
  or a military end use in the US or Japan.
- ``blank_end_user``: a licensed controlled line with no end user or end use.
- ``cover_code``: a controlled item declared under a look-alike ordinary code; the
  description leaks the truth on about a third.
- ``scrap_disguise``: declared as scrap, slag, residue, ash, alloy or other articles of a
  base metal; the description names the element or grade on part of them.
- ``price_split`` / ``price_padding``: in one declaration the controlled line is priced low
  and an ordinary line high, so the total is right.
- ``lowball``: a licensed controlled line undervalued.
- ``short_weight``: a licensed controlled line with understated quantity and net weight
  (value scaled down too on most; the gross weight, where given, stays true).
- ``stowaway``: a controlled item hidden in an ordinary sea line: a gross-weight surplus
  (40 %), a value well above the goods' (20 %), or nothing (40 %).
- ``courier_samples``: small dense lots by express, post or passenger, as samples.
- ``split_run``: a ring's volume split over many one-line declarations on consecutive days,
  by young exporters sharing a phone or an address, to one consignee group.
- ``relay_front``: licensed exports to young consignees in relay countries tied to a
  restricted party (director, phone, address), of unrelated controlled items.
- ``detour``: declared to a hub country; the consignee sits elsewhere (trade country
  differs) and shares an address or phone with a restricted party.
"""

from __future__ import annotations

import numpy as np

from .catalogue import (
    CONTROLLED,
    ELEMENT_ZH,
    GRADE_WORDS,
    LOOKALIKE,
    MODES,
    ORDINARY,
    PORTS,
    REAL_END_COUNTRIES,
    SCRAP_COVERS,
    SCRAP_WORDS_EN,
    SCRAP_WORDS_ZH,
)
from .lines import CTRL_KG, CTRL_PACK, CTRL_PRICE, END_USES, GOOD_PRICE, Lines
from .names import person
from .parties import DAYS, START, Cast

WEIGHTS: dict[str, float] = {
    "no_permit": 6,
    "phantom_permit": 4,
    "stale_permit": 5,
    "borrowed_permit": 5,
    "overdrawn_permit": 5,
    "barred_receiver": 5,
    "blank_end_user": 3,
    "cover_code": 8,
    "scrap_disguise": 8,
    "price_split": 5,
    "lowball": 6,
    "short_weight": 6,
    "stowaway": 8,
    "courier_samples": 6,
    "split_run": 8,
    "relay_front": 6,
    "detour": 5,
}
COVER_BASE = len(ORDINARY)  # LOOKALIKE indices are offset by this in GOODS


def _free(lines: Lines, mask: np.ndarray) -> np.ndarray:
    """Indices of lines no scheme has taken that also satisfy ``mask``."""
    return np.flatnonzero(mask & (lines["scheme"] == ""))


def _take(rng: np.random.Generator, pool: np.ndarray, k: int) -> np.ndarray:
    return rng.choice(pool, size=min(k, pool.size), replace=False) if pool.size else pool


def _single(lines: Lines) -> np.ndarray:
    """Lines that are their declaration's only line."""
    counts = np.bincount(lines["decl"])
    return counts[lines["decl"]] == 1


def _convert(
    rng: np.random.Generator,
    lines: Lines,
    idx: np.ndarray,
    items: np.ndarray | None = None,
    scale: float = 1.0,
) -> None:
    """Make ``idx`` carry a controlled item (true kg and value)."""
    items = rng.integers(len(CONTROLLED), size=idx.size) if items is None else items
    lines["ctrl"][idx] = items
    kg = np.round(CTRL_KG[items] * scale * rng.lognormal(0, 0.6, idx.size), 2).clip(0.05)
    lines["kg"][idx] = kg
    lines["declared_kg"][idx] = kg
    lines["value_usd"][idx] = np.round(kg * CTRL_PRICE[items] * rng.lognormal(0, 0.12, idx.size), 2)
    con = np.array([c["name"] for c in _CAST[0].consignees], dtype=object)
    lines["end_user"][idx] = con[lines["consignee"][idx]]
    lines["end_use"][idx] = np.array(END_USES, dtype=object)[
        rng.integers(len(END_USES), size=idx.size)
    ]


_CAST: list[Cast] = []


def apply_schemes(
    rng: np.random.Generator,
    lines: Lines,
    cast: Cast,
    fraud_share: float,
    weights: dict[str, float] | None = None,
) -> dict[str, int]:
    """Rewrite lines for each scheme; returns the overdrawn target (handled with licences)."""
    _CAST[:] = [cast]
    w = dict(WEIGHTS if weights is None else weights)
    total = sum(w.values())
    n = lines["decl"].size
    target = {k: round(fraud_share * n * v / total) for k, v in w.items()}
    ordinary = lines["ctrl"] < 0
    for name, fn in SCHEMES.items():
        if target.get(name, 0) > 0:
            fn(rng, lines, cast, target[name], ordinary)
    return {"overdrawn_permit": target.get("overdrawn_permit", 0)}


def _label(lines: Lines, idx: np.ndarray, name: str) -> None:
    lines["scheme"][idx] = name


def no_permit(rng, lines, cast, k, ordinary):
    idx = _take(rng, _free(lines, ordinary), k)
    _convert(rng, lines, idx)
    lines["lic_mode"][idx] = ""
    _label(lines, idx, "no_permit")


def phantom_permit(rng, lines, cast, k, ordinary):
    idx = _take(rng, _free(lines, ordinary), k)
    _convert(rng, lines, idx)
    lines["lic_mode"][idx] = "phantom"
    _label(lines, idx, "phantom_permit")


def _licensed(rng: np.random.Generator, lines: Lines, k: int) -> np.ndarray:
    """``k`` honest licensed controlled lines to abuse; when the world has too few, ordinary
    lines are turned into licensed controlled ones first (small worlds, high fraud shares)."""
    pool = _free(lines, (lines["ctrl"] >= 0) & (lines["lic_mode"] == "own"))
    if pool.size < 3 * k:
        extra = _take(rng, _free(lines, lines["ctrl"] < 0), 3 * k - pool.size)
        _convert(rng, lines, extra)
        lines["lic_mode"][extra] = "own"
        pool = np.concatenate([pool, extra])
    return _take(rng, pool, k)


def stale_permit(rng, lines, cast, k, ordinary):
    idx = _licensed(rng, lines, k)
    lines["lic_mode"][idx] = "stale"
    _label(lines, idx, "stale_permit")


def borrowed_permit(rng, lines, cast, k, ordinary):
    idx = _licensed(rng, lines, k)
    lines["lic_mode"][idx] = "borrowed"
    _label(lines, idx, "borrowed_permit")


def barred_receiver(rng, lines, cast, k, ordinary):
    idx = _take(rng, _free(lines, ordinary), k)
    _convert(rng, lines, idx)
    listed = np.array([(w["listed_at"] - START).days for w in cast.watch])
    how = rng.random(idx.size)
    single = _single(lines)[idx]
    for j, i in enumerate(idx):  # a few hundred lines at most: per-line choice of the party
        ok = np.flatnonzero(listed <= lines["day"][i])
        wi = int(rng.choice(ok)) if ok.size else int(np.argmin(listed))
        entry = cast.watch[wi]
        if how[j] < 0.6 or not single[j]:
            lines["end_user"][i] = entry["alt"] if rng.random() < 0.5 else entry["name"]
        elif how[j] < 0.85:
            lines["con_override"][i] = entry["alt"]
            lines["cc_override"][i] = entry["country"]
            lines["dest"][i] = entry["country"]
            lines["trade"][i] = entry["country"]
            lines["end_user"][i] = entry["name"]
        else:
            c = ("US", "JP")[int(rng.random() < 0.4)]
            lines["dest"][i] = c
            lines["trade"][i] = c
            lines["cc_override"][i] = c
            lines["end_use"][i] = ("军工 military use", "defence applications", "军用雷达 radar")[
                j % 3
            ]
    lines["lic_mode"][idx] = np.where(rng.random(idx.size) < 0.5, "own", "")
    _label(lines, idx, "barred_receiver")


def blank_end_user(rng, lines, cast, k, ordinary):
    idx = _licensed(rng, lines, k)
    lines["end_user"][idx] = ""
    lines["end_use"][idx] = ""
    _label(lines, idx, "blank_end_user")


def cover_code(rng, lines, cast, k, ordinary):
    idx = _take(rng, _free(lines, ordinary), k)
    _convert(rng, lines, idx)
    items = lines["ctrl"][idx]
    cover = np.array([CONTROLLED[i].covers[rng.integers(len(CONTROLLED[i].covers))] for i in items])
    lines["good"][idx] = COVER_BASE + cover
    lines["hs_override"][idx] = np.array([LOOKALIKE[c].hs for c in cover], dtype=object)
    leak = rng.random(idx.size) < 0.35
    lines["desc_override"][idx] = np.where(
        leak,
        np.array([f"{CONTROLLED[i].zh} {CONTROLLED[i].en}" for i in items], dtype=object),
        np.array(
            [LOOKALIKE[c].zh if j % 2 else LOOKALIKE[c].en for j, c in enumerate(cover)],
            dtype=object,
        ),
    )
    cheap = rng.random(idx.size) < 0.5
    cover_price = GOOD_PRICE[COVER_BASE + cover] * rng.lognormal(0, 0.15, idx.size)
    lines["value_usd"][idx] = np.where(
        cheap, np.round(lines["kg"][idx] * cover_price, 2), lines["value_usd"][idx]
    )
    lines["lic_mode"][idx] = ""
    lines["end_user"][idx] = ""
    lines["end_use"][idx] = ""
    _label(lines, idx, "cover_code")


def _scrap_text(
    rng: np.random.Generator, items: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cover code, description and specification for material passed off as scrap."""
    cover = np.array(SCRAP_COVERS)[rng.integers(len(SCRAP_COVERS), size=items.size)]
    word = rng.integers(len(SCRAP_WORDS_ZH), size=items.size)
    names_el = rng.random(items.size) < 0.45
    zh_first = rng.random(items.size) < 0.6
    desc = []
    for j, i in enumerate(items):
        element = CONTROLLED[i].material.split(":")[0]
        el_zh = ELEMENT_ZH[element] if names_el[j] else ""
        el_en = element + " " if names_el[j] else ""
        zh = f"含{el_zh}{SCRAP_WORDS_ZH[word[j]]}" if el_zh else SCRAP_WORDS_ZH[word[j]]
        en = f"{el_en}{SCRAP_WORDS_EN[word[j]]}"
        desc.append(zh if zh_first[j] else (en if j % 3 else f"{zh} {en}"))
    grade = rng.random(items.size) < 0.4
    spec = np.where(
        grade,
        np.array(GRADE_WORDS, dtype=object)[rng.integers(len(GRADE_WORDS), size=items.size)],
        "",
    )
    return cover, np.array(desc, dtype=object), spec


def _as_scrap(rng: np.random.Generator, lines: Lines, idx: np.ndarray) -> np.ndarray:
    """Declare the controlled lines ``idx`` as scrap-like goods; returns the cover goods."""
    cover, desc, spec = _scrap_text(rng, lines["ctrl"][idx])
    lines["good"][idx] = COVER_BASE + cover
    lines["hs_override"][idx] = np.array([LOOKALIKE[c].hs for c in cover], dtype=object)
    lines["desc_override"][idx] = desc
    lines["spec_override"][idx] = spec
    return cover


def scrap_disguise(rng, lines, cast, k, ordinary):
    idx = _take(rng, _free(lines, ordinary), k)
    _convert(rng, lines, idx)
    cover = _as_scrap(rng, lines, idx)
    price = GOOD_PRICE[COVER_BASE + cover] * rng.uniform(1.0, 4.0, idx.size)
    lines["value_usd"][idx] = np.round(lines["kg"][idx] * price, 2)
    lines["lic_mode"][idx] = ""
    lines["end_user"][idx] = ""
    lines["end_use"][idx] = ""
    _label(lines, idx, "scrap_disguise")


def price_split(rng, lines, cast, k, ordinary):
    counts = np.bincount(lines["decl"])
    multi = _free(lines, ordinary & (counts[lines["decl"]] >= 2))
    first = np.unique(lines["decl"][multi], return_index=True)[1]
    heads = _take(rng, multi[first], k)
    pads = heads + 1
    ok = (pads < lines["decl"].size) & (
        lines["decl"][np.minimum(pads, lines["decl"].size - 1)] == lines["decl"][heads]
    )
    heads, pads = heads[ok], pads[ok]
    pads_ok = lines["scheme"][pads] == ""
    heads, pads = heads[pads_ok], pads[pads_ok]
    _convert(rng, lines, heads)
    true = lines["value_usd"][heads].copy()
    lines["value_usd"][heads] = np.round(true * rng.uniform(0.15, 0.4, heads.size), 2)
    lines["value_usd"][pads] = np.round(
        lines["value_usd"][pads] + true - lines["value_usd"][heads], 2
    )
    lines["lic_mode"][heads] = "own"
    _label(lines, heads, "price_split")
    _label(lines, pads, "price_padding")


def lowball(rng, lines, cast, k, ordinary):
    idx = _licensed(rng, lines, k)
    lines["value_usd"][idx] = np.round(
        lines["value_usd"][idx] * rng.uniform(0.2, 0.55, idx.size), 2
    )
    _label(lines, idx, "lowball")


def short_weight(rng, lines, cast, k, ordinary):
    idx = _licensed(rng, lines, k)
    f = rng.uniform(0.3, 0.7, idx.size)
    lines["declared_kg"][idx] = np.round(lines["kg"][idx] * f, 2)
    lines["gross_extra"][idx] = (lines["kg"][idx] - lines["declared_kg"][idx]) * CTRL_PACK
    scale_value = rng.random(idx.size) < 0.6
    lines["value_usd"][idx] = np.where(
        scale_value, np.round(lines["value_usd"][idx] * f, 2), lines["value_usd"][idx]
    )
    _label(lines, idx, "short_weight")


def stowaway(rng, lines, cast, k, ordinary):
    sea = lines["mode"] == MODES.index("sea")
    idx = _take(rng, _free(lines, ordinary & sea), k)
    items = rng.integers(len(CONTROLLED), size=idx.size)
    hidden_kg = np.round(CTRL_KG[items] * rng.lognormal(-0.5, 0.5, idx.size), 2)
    lines["hidden"][idx] = items
    how = rng.random(idx.size)
    surplus = how < 0.4
    lines["gross_extra"][idx[surplus]] = hidden_kg[surplus]
    dense = (how >= 0.4) & (how < 0.6)
    lines["value_usd"][idx[dense]] = np.round(
        lines["value_usd"][idx[dense]] * rng.uniform(2, 4, dense.sum()), 2
    )
    lines["hidden_kg"] = lines.get("hidden_kg", np.zeros(lines["decl"].size))
    lines["hidden_kg"][idx] = hidden_kg
    _label(lines, idx, "stowaway")


def courier_samples(rng, lines, cast, k, ordinary):
    idx = _take(rng, _free(lines, ordinary & _single(lines)), k)
    _convert(rng, lines, idx, scale=0.0)
    kg = np.round(rng.uniform(0.1, 3.0, idx.size), 3)
    items = lines["ctrl"][idx]
    lines["kg"][idx] = kg
    lines["declared_kg"][idx] = kg
    lines["value_usd"][idx] = np.round(rng.uniform(5, 80, idx.size), 2)
    modes = np.array([MODES.index(m) for m in ("express", "post", "passenger")])
    lines["mode"][idx] = modes[rng.integers(3, size=idx.size)]
    hubs = np.array([i for i, p in enumerate(PORTS) if p[0] in ("CNSZX", "CNCAN", "CNPVG")])
    lines["port"][idx] = hubs[rng.integers(hubs.size, size=idx.size)]
    cc = np.array(REAL_END_COUNTRIES, dtype=object)[
        rng.integers(len(REAL_END_COUNTRIES), size=idx.size)
    ]
    lines["cc_override"][idx] = cc
    lines["dest"][idx] = cc
    lines["trade"][idx] = cc
    lines["con_override"][idx] = np.array([person(rng) for _ in idx], dtype=object)
    as_sample = rng.random(idx.size) < 0.5
    samp = np.array(["3824999999", "7326909000", "9001909000"], dtype=object)
    lines["hs_override"][idx] = np.where(as_sample, samp[rng.integers(3, size=idx.size)], "")
    lines["desc_override"][idx] = np.where(
        as_sample,
        np.array(("样品", "sample", "金属样品 metal sample", "测试样品 test piece"), dtype=object)[
            rng.integers(4, size=idx.size)
        ],
        np.array([CONTROLLED[i].en for i in items], dtype=object),
    )
    lines["lic_mode"][idx] = ""
    lines["end_user"][idx] = ""
    lines["end_use"][idx] = ""
    _label(lines, idx, "courier_samples")


def split_run(rng, lines, cast, k, ordinary):
    """Ring runs: one-line declarations re-assigned to a ring on consecutive days."""
    pool = _take(rng, _free(lines, ordinary & _single(lines)), k)
    per_ring = np.array_split(pool, len(cast.rings))
    for ring, idx in zip(cast.rings, per_ring, strict=True):
        if idx.size == 0:
            continue
        item = int(rng.integers(len(CONTROLLED)))
        start = (ring["since"] - START).days
        run_len = int(rng.integers(8, 21))
        runs = np.arange(idx.size) // run_len
        run_start = start + rng.integers(0, max(1, DAYS - start - 25), runs.max() + 1)
        lines["day"][idx] = (run_start[runs] + np.arange(idx.size) % run_len).clip(0, DAYS - 1)
        members = np.array(ring["exporters"])
        lines["exporter"][idx] = members[rng.integers(members.size, size=idx.size)]
        group = np.array(ring["consignees"])
        lines["consignee"][idx] = group[rng.integers(group.size, size=idx.size)]
        country = cast.consignees[ring["consignees"][0]]["country"]
        lines["dest"][idx] = country
        lines["trade"][idx] = country
        lines["mode"][idx] = (
            MODES.index("road") if country in ("VN", "KZ", "KG") else MODES.index("sea")
        )
        lines["port"][idx] = cast.exporters[ring["exporters"][0]]["port"]
        _convert(rng, lines, idx, items=np.full(idx.size, item), scale=0.12)
        covered = rng.random(idx.size) < 0.6
        ci = idx[covered]
        cv = _as_scrap(rng, lines, ci)
        lines["value_usd"][ci] = np.round(lines["kg"][ci] * GOOD_PRICE[COVER_BASE + cv] * 2, 2)
        lines["lic_mode"][idx] = ""
        lines["end_user"][ci] = ""
        _label(lines, idx, "split_run")


def _sent_to(rng, lines: Lines, k: int, ordinary: np.ndarray, pool: list[int]):
    """``k`` free one-line declarations re-addressed to consignees drawn from ``pool``."""
    idx = _take(rng, _free(lines, ordinary & _single(lines)), k)
    con = np.array(pool)[rng.integers(len(pool), size=idx.size)]
    lines["consignee"][idx] = con
    return idx, con


def relay_front(rng, lines, cast, k, ordinary):
    idx, con = _sent_to(rng, lines, k, ordinary, cast.fronts)
    inc = np.array([(cast.consignees[c]["since"] - START).days for c in con])
    lines["day"][idx] = np.maximum(lines["day"][idx], inc + 20).clip(0, DAYS - 1)
    country = np.array([cast.consignees[c]["country"] for c in con], dtype=object)
    lines["dest"][idx] = country
    lines["trade"][idx] = country
    _convert(rng, lines, idx)
    lines["lic_mode"][idx] = "own"
    _label(lines, idx, "relay_front")


def detour(rng, lines, cast, k, ordinary):
    idx, _ = _sent_to(rng, lines, k, ordinary, cast.detours)
    hubs = np.array(["HK", "AE", "SG", "MN", "KZ", "MY"], dtype=object)
    lines["dest"][idx] = hubs[rng.integers(hubs.size, size=idx.size)]
    third = np.array(["HK", "SG", "AE", "TR"], dtype=object)[rng.integers(4, size=idx.size)]
    lines["trade"][idx] = np.where(third == lines["dest"][idx], "CY", third)
    _convert(rng, lines, idx)
    lines["lic_mode"][idx] = "own"
    _label(lines, idx, "detour")


def overdrawn_permit(rng, lines, cast, k, ordinary):
    """Labelled when licences are drawn (see ``licences.overdraw``)."""


SCHEMES = {
    "split_run": split_run,
    "courier_samples": courier_samples,
    "relay_front": relay_front,
    "detour": detour,
    "price_split": price_split,
    "barred_receiver": barred_receiver,
    "no_permit": no_permit,
    "phantom_permit": phantom_permit,
    "cover_code": cover_code,
    "scrap_disguise": scrap_disguise,
    "stowaway": stowaway,
    "stale_permit": stale_permit,
    "borrowed_permit": borrowed_permit,
    "blank_end_user": blank_end_user,
    "lowball": lowball,
    "short_weight": short_weight,
    "overdrawn_permit": overdrawn_permit,
}
