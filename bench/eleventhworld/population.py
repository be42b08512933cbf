"""Who trades: a heavy-tailed exporter population, their consignees abroad (free-zone
distributors among them), restricted parties, front companies tied to them, and rings of
small senders sharing phones and addresses.

Exporter sizes follow a Pareto law, so a few traders lodge thousands of lines and most
lodge a handful. Each exporter ships to its own book of consignees.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from eleventhworld import names

COUNTRIES = np.array(
    [
        "US",
        "JP",
        "KR",
        "DE",
        "NL",
        "VN",
        "MY",
        "TH",
        "IN",
        "SG",
        "AE",
        "HK",
        "RU",
        "BR",
        "MX",
        "TR",
        "AU",
        "GB",
        "FR",
        "IT",
        "ID",
        "CA",
        "BE",
    ]
)
COUNTRY_W = np.array(
    [12, 10, 10, 7, 5, 6, 4, 4, 6, 3, 3, 6, 4, 3, 2, 2, 3, 3, 2, 2, 3, 2, 2], dtype=float
)
HUBS = np.array(["AE", "SG", "HK"])
TRANSIT = np.array(["MY", "TH", "VN", "AE", "MX", "TR", "KZ"])
REGIONS = [
    "430000",
    "431000",
    "360700",
    "150200",
    "530000",
    "450000",
    "330200",
    "350200",
    "440300",
    "370200",
    "430200",
    "510000",
    "330782",
]
USCC_CHARS = np.array(list("0123456789ABCDEFGHJKLMNPQRTUWXY"))


USCC_WEIGHTS = np.array([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28])


def uscc(rng: np.random.Generator, regions: np.ndarray, kind: str = "91") -> np.ndarray:
    """Unified social credit codes (GB 32100): kind (91 company, 92 individual business)
    + division + 9-character organisation code + check character."""
    n = len(regions)
    head = np.array([list(kind + str(r)) for r in regions])
    index = {c: i for i, c in enumerate(USCC_CHARS)}
    head_i = np.vectorize(index.__getitem__)(head) if n else np.zeros((0, 8), int)
    body_i = rng.integers(0, 10, size=(n, 9))
    first17 = np.concatenate([head_i, body_i], axis=1)
    check = (31 - (first17 * USCC_WEIGHTS).sum(axis=1) % 31) % 31
    chars = USCC_CHARS[np.concatenate([first17, check[:, None]], axis=1)]
    return np.array(["".join(row) for row in chars], dtype=object)


def phones(rng: np.random.Generator, n: int, prefix: str) -> np.ndarray:
    """Phone numbers with a country prefix."""
    return np.array([f"{prefix}{x:08d}" for x in rng.integers(0, 10**8, n)], dtype=object)


@dataclass
class Population:
    """Parallel arrays per kind of party (see the fields' names)."""

    exp_id: np.ndarray
    exp_zh: np.ndarray
    exp_en: np.ndarray
    exp_up: np.ndarray
    exp_region: np.ndarray
    exp_weight: np.ndarray
    exp_controlled: np.ndarray
    exp_phone: np.ndarray
    exp_address: np.ndarray
    exp_since: np.ndarray
    con_name: np.ndarray
    con_country: np.ndarray
    con_onward: np.ndarray
    con_address: np.ndarray
    con_since: np.ndarray
    book: list[np.ndarray]
    watch_name: np.ndarray
    watch_alt: np.ndarray
    watch_country: np.ndarray
    watch_listed: np.ndarray
    watch_list: np.ndarray
    watch_address: np.ndarray
    watch_phone: np.ndarray
    front_con: np.ndarray
    front_watch: np.ndarray
    ring_senders: list[np.ndarray]
    ring_con: np.ndarray
    persons_zh: np.ndarray
    persons_en: np.ndarray
    persons_alt: np.ndarray

    @property
    def n_regular_con(self) -> int:
        """Consignees before the front companies."""
        return int(self.front_con[0])


def _exporters(rng: np.random.Generator, n: int, kind: str = "91") -> dict[str, np.ndarray]:
    co = names.chinese_companies(rng, n)
    region = np.array(REGIONS, dtype=object)[rng.integers(0, len(REGIONS), n)]
    weight = np.sort(rng.pareto(1.05, n) + 1.0)[::-1]
    weight = np.minimum(weight, weight[min(2, n - 1)] * 4)
    rank = np.arange(n) / n
    controlled = rng.random(n) < np.where(rank < 0.1, 0.4, 0.25)
    start = np.datetime64("2023-06-01")
    since = start + np.where(rng.random(n) < 0.8, 0, rng.integers(0, 900, n)).astype(
        "timedelta64[D]"
    )
    return {
        "exp_id": uscc(rng, region, kind),
        "exp_zh": np.array(co["zh"], dtype=object),
        "exp_en": np.array(co["en"], dtype=object),
        "exp_up": np.array(co["up"], dtype=object),
        "exp_region": region,
        "exp_weight": weight / weight.sum(),
        "exp_controlled": controlled,
        "exp_phone": phones(rng, n, "+86-731-"),
        "exp_address": np.array(
            [
                f"{names.PLACES[i % len(names.PLACES)][0]}工业园{j}号"
                for i, j in zip(rng.integers(0, 99, n), rng.integers(1, 300, n), strict=True)
            ],
            dtype=object,
        ),
        "exp_since": since,
    }


def _consignees(rng: np.random.Generator, n: int) -> dict[str, np.ndarray]:
    country = rng.choice(COUNTRIES, n, p=COUNTRY_W / COUNTRY_W.sum())
    onward = country.astype(object).copy()
    hub = np.isin(country, HUBS) & (rng.random(n) < 0.6)
    onward[hub] = rng.choice(np.array(["IN", "TR", "VN", "ID", "DE", "KR", "BR"]), hub.sum())
    since = np.datetime64("2005-01-01") + rng.integers(0, 6000, n).astype("timedelta64[D]")
    return {
        "con_name": np.array(names.foreign_companies(rng, country), dtype=object),
        "con_country": country.astype(object),
        "con_onward": onward,
        "con_address": np.array(
            [
                f"{k} {s} Road, {c}"
                for k, s, c in zip(
                    rng.integers(1, 999, n),
                    rng.choice(np.array(["Harbour", "Station", "King", "Park", "Lake"]), n),
                    country,
                    strict=True,
                )
            ],
            dtype=object,
        ),
        "con_since": since,
    }


def _watchlist(rng: np.random.Generator, n: int) -> dict[str, np.ndarray]:
    country = rng.choice(np.array(["US", "US", "US", "JP", "JP", "TW"]), n)
    core = rng.choice(np.array(names.FOREIGN_CORE), n)
    trade = rng.choice(np.array(names.DEFENCE), n)
    name = np.array(
        [
            f"{a} {b} {names.SUFFIX.get(str(c), 'Corp.')}"
            for a, b, c in zip(core, trade, country, strict=True)
        ],
        dtype=object,
    )
    alt = np.array(
        [f"{a.upper()} {b.upper()}" for a, b in zip(core, trade, strict=True)], dtype=object
    )
    listed = np.datetime64("2023-02-16") + rng.integers(0, 1200, n).astype("timedelta64[D]")
    lists = rng.choice(
        np.array(["MOFCOM export control control list", "Unreliable entity list"]), n
    )
    return {
        "watch_name": name,
        "watch_alt": alt,
        "watch_country": country.astype(object),
        "watch_listed": listed,
        "watch_list": lists.astype(object),
        "watch_address": np.array(
            [
                f"{k} Defense Park Way, {c}"
                for k, c in zip(rng.integers(1, 999, n), country, strict=True)
            ],
            dtype=object,
        ),
        "watch_phone": phones(rng, n, "+1-703-"),
    }


def build_population(rng: np.random.Generator, lines: int) -> Population:
    """Everyone, sized to the number of lines."""
    n_exp = max(60, lines // 280)
    n_con = max(120, lines // 180)
    exp = _exporters(rng, n_exp)
    con = _consignees(rng, n_con)
    watch = _watchlist(rng, max(16, lines // 4000))
    # front consignees: newly incorporated in transit countries, each tied to a listed party
    n_front = max(6, lines // 9000)
    front_country = rng.choice(TRANSIT, n_front)
    front = {
        "con_name": np.array(
            names.foreign_companies(rng, front_country, ["Trading", "Resources", "Supply"]),
            dtype=object,
        ),
        "con_country": front_country.astype(object),
        "con_onward": front_country.astype(object),
        "con_address": np.array(
            [
                f"Unit {k}, Free Zone Tower, {c}"
                for k, c in zip(rng.integers(100, 999, n_front), front_country, strict=True)
            ],
            dtype=object,
        ),
        "con_since": np.datetime64("2024-05-01")
        + rng.integers(0, 420, n_front).astype("timedelta64[D]"),
    }
    front_con = np.arange(n_con, n_con + n_front)
    con = {k: np.concatenate([con[k], front[k]]) for k in con}
    # rings: small senders sharing a phone and an address, to one consignee each
    n_rings = max(3, lines // 25000)
    ring_con = rng.choice(
        np.flatnonzero(np.isin(con["con_country"][:n_con], ["US", "JP", "KR", "DE"])), n_rings
    )
    ring_size = rng.integers(3, 7, n_rings)
    ring_start = n_exp
    ring_senders = []
    ring = _exporters(rng, int(ring_size.sum()), "92")
    for r, size in enumerate(ring_size):
        members = np.arange(ring_start, ring_start + size)
        ring_senders.append(members)
        lo = members - n_exp
        ring["exp_phone"][lo] = ring["exp_phone"][lo[0]]
        ring["exp_address"][lo] = f"义乌市稠城街道{r + 5}号{r + 1}楼"
        ring["exp_since"][lo] = np.datetime64("2024-03-01") + np.int64(r * 60)
        ring["exp_controlled"][lo] = False
        ring_start += size
    ring["exp_weight"][:] = 0.0
    exp = {k: np.concatenate([exp[k], ring[k]]) for k in exp}
    # books: each regular exporter ships to a few consignees, more for the large ones
    size = np.clip((exp["exp_weight"][:n_exp] * n_exp * 4).astype(int) + 2, 2, 40)
    book = [rng.choice(n_con, int(s), replace=False) for s in size]
    ppl = names.person_names(rng, n_front * 2 + 10)
    return Population(
        **exp,
        **con,
        **watch,
        book=book,
        front_con=front_con,
        front_watch=rng.integers(0, len(watch["watch_name"]), n_front),
        ring_senders=ring_senders,
        ring_con=ring_con,
        persons_zh=np.array(ppl["zh"], dtype=object),
        persons_en=np.array(ppl["en"], dtype=object),
        persons_alt=np.array(ppl["alt"], dtype=object),
    )
