"""The honest bulk of a world: declarations, their lines and ordinary trade, vectorised.

A world is held as one dict of numpy arrays over lines (``Lines``); declaration-level
facts (date, exporter, consignee, port, mode, destination) are drawn per declaration and
broadcast to its lines. Fraud schemes later rewrite chosen rows of the same arrays.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from .catalogue import CONTROLLED, LOOKALIKE, MODES, ORDINARY, PORTS
from .parties import DAYS, START, Cast

GOODS = ORDINARY + LOOKALIKE
GOOD_PRICE = np.array([g.usd_per_kg for g in GOODS])
GOOD_KG = np.array([g.line_kg for g in GOODS])
CTRL_PRICE = np.array([c.usd_per_kg for c in CONTROLLED])
CTRL_KG = np.array([c.line_kg for c in CONTROLLED])
CTRL_PACK = 1.05  # gross / net of controlled material (drums, bags on pallets)
MONTH_WEIGHT = np.array([1.15, 0.65, 1.0, 1.0, 1.05, 1.05, 1.0, 1.05, 1.15, 0.85, 1.2, 1.15])
WEEKDAY_WEIGHT = np.array([1.0, 1.05, 1.05, 1.0, 1.1, 0.55, 0.25])
SMALL_MODES = np.array([MODES.index(m) for m in ("express", "post", "passenger")])
END_USES = (
    "电池负极材料 battery anode",
    "光纤预制棒 optical fibre",
    "semiconductor substrates",
    "合金添加剂 alloying additive",
    "catalyst",
    "永磁体 magnet manufacturing",
    "阻燃剂 flame retardant",
    "硬质合金 hard metal tools",
)

Lines = dict[str, np.ndarray]


def day_weights() -> np.ndarray:
    """Relative volume of each day of the span: season (Spring Festival dip, Golden Week,
    a pre-Christmas peak) times weekday."""
    days = [START + dt.timedelta(days=i) for i in range(DAYS)]
    w = np.array([MONTH_WEIGHT[d.month - 1] * WEEKDAY_WEIGHT[d.weekday()] for d in days])
    return w / w.sum()


def _padded(lists: list, width: int) -> tuple[np.ndarray, np.ndarray]:
    """Ragged lists as a padded matrix and their lengths (for vectorised picks)."""
    out = np.zeros((len(lists), width), dtype=np.int64)
    lens = np.array([max(1, min(len(x), width)) for x in lists])
    for i, x in enumerate(lists):
        out[i, : min(len(x), width)] = list(x)[:width]
    return out, lens


def _pick(
    rng: np.random.Generator, matrix: np.ndarray, lens: np.ndarray, rows: np.ndarray
) -> np.ndarray:
    """One entry per row of ``matrix`` (its first ``lens`` entries), rows given per item."""
    k = (rng.random(rows.size) * lens[rows]).astype(np.int64)
    return matrix[rows, k]


def honest_lines(rng: np.random.Generator, cast: Cast, n_lines: int) -> Lines:
    """``n_lines`` honest lines in declarations of 1 to 25 lines."""
    sizes = np.where(rng.random(n_lines) < 0.42, 1, 1 + rng.geometric(0.3, n_lines)).clip(1, 25)
    n_decl = int(np.searchsorted(np.cumsum(sizes), n_lines) + 1)
    sizes = sizes[:n_decl]
    sizes[-1] -= sizes.sum() - n_lines
    decl = np.repeat(np.arange(n_decl), sizes)

    ring_members = {e for r in cast.rings for e in r["exporters"]}
    ordinary_exp = np.array([i for i in range(len(cast.exporters)) if i not in ring_members])
    zipf = 1.0 / np.arange(1, ordinary_exp.size + 1) ** 0.9
    zipf = rng.permutation(zipf)
    exp_d = rng.choice(ordinary_exp, size=n_decl, p=zipf / zipf.sum())

    day_d = rng.choice(DAYS, size=n_decl, p=day_weights())
    since = np.array([(e["since"] - START).days for e in cast.exporters])
    late = day_d < since[exp_d]
    day_d[late] = since[exp_d[late]] + rng.integers(0, 60, late.sum())
    day_d = day_d.clip(0, DAYS - 1)

    home = np.array([e["port"] for e in cast.exporters])
    port_d = np.where(rng.random(n_decl) < 0.85, home[exp_d], rng.integers(len(PORTS), size=n_decl))
    mode_w = np.array([p[2] for p in PORTS])
    cum = np.cumsum(mode_w / mode_w.sum(axis=1, keepdims=True), axis=1)
    mode_d = (rng.random(n_decl)[:, None] > cum[port_d]).sum(axis=1).clip(0, len(MODES) - 1)

    con_m, con_n = _padded([e["consignees"] for e in cast.exporters], 8)
    con_d = _pick(rng, con_m, con_n, exp_d)
    country = np.array([c["country"] for c in cast.consignees])
    dest_d = country[con_d]
    trade_d = dest_d.copy()
    via = rng.random(n_decl) < 0.06
    trade_d[via] = rng.choice(np.array(["HK", "SG", "AE"]), via.sum())
    transit = rng.random(n_decl) < 0.02  # honest goods through a hub to a buyer elsewhere
    dest_d[transit] = rng.choice(np.array(["HK", "SG", "AE", "NL"]), transit.sum())

    exp = exp_d[decl]
    goods_m, goods_n = _padded([e["goods"] for e in cast.exporters], 8)
    good = _pick(rng, goods_m, goods_n, exp)
    traders = np.array([e["trader"] for e in cast.exporters])
    trader_items = rng.integers(len(CONTROLLED), size=(len(cast.exporters), 3))
    ctrl = np.full(n_lines, -1)
    is_ctrl = traders[exp] & (rng.random(n_lines) < 0.45)
    ctrl[is_ctrl] = trader_items[exp[is_ctrl], rng.integers(3, size=is_ctrl.sum())]

    lines: Lines = {
        "decl": decl,
        "day": day_d[decl],
        "exporter": exp,
        "consignee": con_d[decl],
        "port": port_d[decl],
        "mode": mode_d[decl],
        "dest": dest_d[decl],
        "trade": trade_d[decl],
        "good": good,
        "ctrl": ctrl,
    }
    _drop_barred(lines, cast)
    _quantities(rng, lines, cast)
    return lines


def _drop_barred(lines: Lines, cast: Cast) -> None:
    """Honest traders do not ship controlled items to a party listed on that day."""
    listed_day = np.array(
        [
            (cast.watch[c["watch"]]["listed_at"] - START).days if c["kind"] == "listed" else 10**6
            for c in cast.consignees
        ]
    )
    barred = (lines["ctrl"] >= 0) & (lines["day"] >= listed_day[lines["consignee"]])
    lines["ctrl"][barred] = -1


def _quantities(rng: np.random.Generator, lines: Lines, cast: Cast) -> None:
    """True net kg, value (USD), end user and end use of each line."""
    n = lines["decl"].size
    ctrl = lines["ctrl"] >= 0
    base_kg = np.where(ctrl, CTRL_KG[lines["ctrl"]], GOOD_KG[lines["good"]])
    kg: np.ndarray = base_kg * rng.lognormal(0, 0.7, n)
    small = np.isin(lines["mode"], SMALL_MODES)
    kg[small] = np.minimum(kg[small], rng.uniform(0.3, 30, small.sum()))
    air = lines["mode"] == 1
    kg[air] = np.minimum(kg[air], rng.uniform(20, 800, air.sum()))
    kg = np.round(np.maximum(kg, 0.05), 2)
    price = np.where(ctrl, CTRL_PRICE[lines["ctrl"]], GOOD_PRICE[lines["good"]])
    exp_factor = rng.lognormal(0, 0.12, len(cast.exporters))
    lines["kg"] = kg
    lines["value_usd"] = np.round(
        kg * price * rng.lognormal(0, 0.15, n) * exp_factor[lines["exporter"]], 2
    )
    con_names = np.array([c["name"] for c in cast.consignees], dtype=object)
    end_user = np.full(n, "", dtype=object)
    end_user[ctrl] = con_names[lines["consignee"][ctrl]]
    end_use = np.full(n, "", dtype=object)
    end_use[ctrl] = np.array(END_USES, dtype=object)[rng.integers(len(END_USES), size=ctrl.sum())]
    some = ~ctrl & (rng.random(n) < 0.05)
    end_user[some] = con_names[lines["consignee"][some]]
    lines["end_user"] = end_user
    lines["end_use"] = end_use
    lines["scheme"] = np.full(n, "", dtype=object)
    lines["lic_mode"] = np.where(ctrl, "own", "").astype(object)
    lines["hs_override"] = np.full(n, "", dtype=object)
    lines["desc_override"] = np.full(n, "", dtype=object)
    lines["spec_override"] = np.full(n, "", dtype=object)
    lines["declared_kg"] = kg.copy()
    lines["gross_extra"] = np.zeros(n)
    lines["hidden"] = np.full(n, -1)  # controlled item hidden in an ordinary line
    lines["con_override"] = np.full(n, "", dtype=object)
    lines["cc_override"] = np.full(n, "", dtype=object)
