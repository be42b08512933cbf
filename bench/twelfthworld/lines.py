"""Declarations and their goods lines as columns of numpy arrays (one dict per batch).

The same steps make honest trade and the smugglers' cover: draw declarations (who, when,
where, how many lines), explode them into lines, give each line goods (kept where a
scheme already chose them), weigh and price them, and word them. All vectorised.
"""

from __future__ import annotations

import numpy as np

from twelfthworld import text, vocab
from twelfthworld.population import DAYS, Population, month_index, seasonal_days

Cols = dict[str, np.ndarray]

MODES = np.array(["sea", "air", "express", "post", "road", "rail", "passenger"])
N_ORD = len(vocab.ORDINARY)
GOOD_KG = np.array([g.line_kg for g in vocab.ORDINARY + vocab.CONTROLLED])  # type: ignore[operator]
GOOD_USD = np.array([g.usd_per_kg for g in vocab.ORDINARY + vocab.CONTROLLED])  # type: ignore[operator]
GOOD_UNIT = np.array([g.unit for g in vocab.ORDINARY + vocab.CONTROLLED])  # type: ignore[operator]
GOOD_KG_PER_UNIT = np.array([g.kg_per_unit for g in vocab.ORDINARY + vocab.CONTROLLED])  # type: ignore[operator]
GOOD_HS = np.array([g.hs for g in vocab.ORDINARY + vocab.CONTROLLED])  # type: ignore[operator]
PACK_LO = np.array([g.pack[0] for g in vocab.ORDINARY] + [1.01] * len(vocab.CONTROLLED))
PACK_HI = np.array([g.pack[1] for g in vocab.ORDINARY] + [1.06] * len(vocab.CONTROLLED))
MODE_SCALE = {
    "sea": 1.0,
    "rail": 0.8,
    "road": 0.5,
    "air": 0.08,
    "express": 0.01,
    "post": 0.004,
    "passenger": 0.002,
}


def port_modes(rng: np.random.Generator, port: np.ndarray) -> np.ndarray:
    """A mode each port serves, by its mix."""
    out = np.empty(port.size, dtype=object)
    for p, (_, _, modes, _, _) in enumerate(vocab.PORTS):
        at = port == p
        names, w = list(modes), np.array(list(modes.values()))
        out[at] = rng.choice(np.array(names), int(at.sum()), p=w / w.sum())
    return out


def line_counts(rng: np.random.Generator, n: int, consolidator: np.ndarray) -> np.ndarray:
    """One line mostly, a few lines often, 20-60 for a forwarder's consolidation."""
    base = np.where(rng.random(n) < 0.6, 1, rng.integers(2, 7, n))
    base = np.where(rng.random(n) < 0.1, rng.integers(6, 16, n), base)
    return np.where(consolidator & (rng.random(n) < 0.6), rng.integers(20, 61, n), base)


def declarations(rng: np.random.Generator, pop: Population, n: int) -> Cols:
    """Honest declarations: dated by the season, filed by active exporters."""
    ex = pop.exporters
    act = ex["activity"].to_numpy()
    first = ex["first_day"].to_numpy()
    day = seasonal_days(rng, n)
    exporter = rng.choice(act.size, n, p=act / act.sum())
    for _ in range(4):  # an exporter files only once it exists
        early = day < first[exporter]
        exporter[early] = rng.choice(act.size, int(early.sum()), p=act / act.sum())
    day = np.maximum(day, first[exporter])
    consolidator = ex["kind"].to_numpy()[exporter] == "forwarder"
    return declarations_for(rng, pop, exporter, day, line_counts(rng, n, consolidator))


def declarations_for(
    rng: np.random.Generator,
    pop: Population,
    exporter: np.ndarray,
    day: np.ndarray,
    n_lines: np.ndarray,
    mode: np.ndarray | None = None,
    consignee: np.ndarray | None = None,
) -> Cols:
    """Declarations of given exporters on given days; port, mode, consignee and broker
    from the exporter's habits unless given."""
    n = exporter.size
    home = pop.exporters["home_port"].to_numpy()[exporter]
    weights = np.array(vocab.PORT_WEIGHT, dtype=float)
    port = np.where(
        rng.random(n) < 0.8, home, rng.choice(len(vocab.PORTS), n, p=weights / weights.sum())
    )
    if mode is None:
        mode = port_modes(rng, port)
    else:  # a port that serves the mode
        serving = {m: [p for p, row in enumerate(vocab.PORTS) if m in row[2]] for m in MODES}
        for m in np.unique(mode):
            at = mode == m
            port[at] = rng.choice(np.array(serving[m]), int(at.sum()))
    if consignee is None:
        consignee = pop.consignee_of[exporter, rng.integers(0, pop.consignee_of.shape[1], n)]
    broker = pop.exporters["broker"].to_numpy()[exporter]
    broker = np.where(rng.random(n) < 0.1, rng.integers(0, pop.brokers.size, n), broker)
    return {
        "day": day.astype(np.int64),
        "second": rng.integers(8 * 3600, 20 * 3600, n),
        "exporter": exporter.astype(np.int64),
        "port": port.astype(np.int64),
        "mode": mode.astype(object),
        "consignee": consignee.astype(np.int64),
        "broker": broker.astype(np.int64),
        "n_lines": n_lines.astype(np.int64),
    }


def explode(decl: Cols, first_id: int) -> Cols:
    """One row per goods line, declaration columns repeated, numbered from 1."""
    n_lines = decl["n_lines"]
    idx = np.repeat(np.arange(n_lines.size), n_lines)
    starts = np.repeat(np.cumsum(n_lines) - n_lines, n_lines)
    out = {k: v[idx] for k, v in decl.items() if k != "n_lines"}
    out["decl"] = idx + first_id
    out["line_no"] = np.arange(idx.size) - starts + 1
    out["good"] = np.full(idx.size, -1)
    out["scheme"] = np.full(idx.size, "", dtype=object)
    return out


def assign_goods(rng: np.random.Generator, pop: Population, lines: Cols) -> None:
    """Goods for lines without any: the exporter's usual goods, any goods for a
    forwarder, a controlled item on some lines of metal traders."""
    open_ = lines["good"] < 0
    ex = lines["exporter"][open_]
    n = ex.size
    usual = pop.goods_profile[ex, rng.integers(0, pop.goods_profile.shape[1], n)]
    forwarder = pop.exporters["kind"].to_numpy()[ex] == "forwarder"
    good = np.where(forwarder, rng.integers(0, N_ORD, n), usual)
    ctrl = pop.controlled_profile[ex, rng.integers(0, 2, n)]
    small_decl = lines["line_no"][open_] <= 3
    use_ctrl = (ctrl >= 0) & small_decl & (rng.random(n) < 0.45)
    good = np.where(use_ctrl, N_ORD + ctrl, good)
    lines["good"][open_] = good


def weigh_and_price(rng: np.random.Generator, pop: Population, lines: Cols) -> None:
    """Net and gross kg, quantity in the goods' unit, value in USD at the day's price."""
    good, mode = lines["good"], lines["mode"]
    scale = np.array([MODE_SCALE[m] for m in mode])
    net = GOOD_KG[good] * scale * rng.lognormal(0, 0.7, good.size)
    per_unit = GOOD_KG_PER_UNIT[good]
    counted = np.isin(GOOD_UNIT[good], ["pcs", "set"])
    net = np.where(counted, np.maximum(np.round(net / per_unit), 1) * per_unit, net)
    net = np.where((GOOD_UNIT[good] == "t") & (net >= 1000), np.round(net / 500) * 500, net)
    net = np.round(np.maximum(net, 0.05), 3)
    lines["net_kg"] = net
    lines["gross_kg"] = np.round(net * rng.uniform(PACK_LO[good], PACK_HI[good]), 2)
    price = GOOD_USD[good] * rng.lognormal(0, 0.18, good.size)
    ctrl = good >= N_ORD
    idx = np.clip(good - N_ORD, 0, None)
    price = np.where(ctrl, price * pop.price_index[idx, np.clip(lines["day"], 0, DAYS - 1)], price)
    lines["value_usd"] = np.round(net * price, 2)


def quantity(lines: Cols) -> tuple[np.ndarray, np.ndarray]:
    """Declared quantity and unit from the declared net kg (net kg is always kg)."""
    good = lines["good"]
    unit = GOOD_UNIT[good]
    q = lines["net_kg"] / GOOD_KG_PER_UNIT[good]
    q = np.where(np.isin(unit, ["pcs", "set"]), np.round(q), np.round(q, 3))
    return q, unit


def word(
    rng: np.random.Generator, pop: Population, lines: Cols, names: text.Pool, specs: text.Pool
) -> None:
    """Description and specification in the exporter's house style (empty spec on some)."""
    good, ex = lines["good"], lines["exporter"]
    lines["description"] = names.draw(good, text.house_style(ex * 31 + good, rng))
    spec = specs.draw(good, text.house_style(ex * 17 + good, rng, 0.6))
    lines["specification"] = np.where(rng.random(good.size) < 0.08, "", spec)


def pools(rng: np.random.Generator) -> tuple[text.Pool, text.Pool]:
    """Name and specification pools for every goods (ordinary, then controlled)."""
    goods = vocab.ORDINARY + vocab.CONTROLLED  # type: ignore[operator]
    names = text.Pool([text.variants(g.names, rng) for g in goods])
    specs = text.Pool([[*list(g.specs), text.full_width(g.specs[0])] for g in goods])
    return names, specs


def months(lines: Cols) -> np.ndarray:
    """Month index of each line."""
    return month_index(lines["day"])


def concat(batches: list[Cols]) -> Cols:
    """Batches of lines as one."""
    keys = batches[0].keys()
    return {k: np.concatenate([b[k] for b in batches]) for k in keys}
