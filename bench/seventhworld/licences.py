"""The licence table, built from what each line cites, and the number each line cites.

Licences are issued per exporter, good, consignee and half year, for the quantity the
exporter planned (a margin over what it ships), some in pieces or tonnes rather than
kilograms (``licensed_quantity``/``licensed_unit`` extend the contract; ``quantity_kg``
holds the conversion). One in seven licences with enough draws is amended half way: a
new number ``...-A1`` replaces it and the old one ends the day before. Some licences are
revoked or suspended after their last honest draw; ``status_since`` (an extra column)
says from when. Fraudulent citations: numbers that were never issued, licences expired
or not yet valid, another exporter's or another item's or consignee's licence, draws past
the licensed quantity, and draws on a revoked or suspended licence.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from seventhworld.assemble import Lines
from seventhworld.goods import WORLD_START, goods_frame

EL_CODE = {
    "gallium": "GA",
    "germanium": "GE",
    "antimony": "SB",
    "graphite": "GR",
    "tungsten": "WX",
    "tellurium": "TE",
    "bismuth": "BI",
    "molybdenum": "MO",
    "indium": "IN",
    "dysprosium": "DY",
    "terbium": "TB",
    "yttrium": "YT",
}


def _number(year: np.ndarray, element: np.ndarray, serial: np.ndarray) -> np.ndarray:
    code = np.array([EL_CODE[e] for e in element], dtype=object)
    return (
        np.char.add("MC", (year % 100).astype(str)).astype(object)
        + "-"
        + code
        + "-"
        + np.char.zfill(serial.astype(str), 6).astype(object)
    )


def _day(days: np.ndarray) -> np.ndarray:
    return (np.datetime64(WORLD_START.isoformat()) + days.astype("timedelta64[D]")).astype(
        "datetime64[D]"
    )


def build(
    rng: np.random.Generator, lines: Lines, cons: pl.DataFrame, exp_ids: np.ndarray
) -> pl.DataFrame:
    """Licences for every citing line; sets ``license_no`` on the lines."""
    c = lines.cols
    goods = goods_frame()
    mode = c["lic_mode"]
    grouped = np.isin(mode, ["honest", "overdrawn", "dead"])
    rows = np.flatnonzero(grouped)
    half = c["day"][rows] // 182
    key = np.stack([c["exp"][rows], c["g"][rows], c["lic_cons"][rows], half], axis=1)
    _, group = np.unique(key, axis=0, return_inverse=True)
    group = group.ravel()
    frame = pl.DataFrame(
        {
            "row": rows,
            "grp": group,
            "day": c["day"][rows],
            "kg": c["true_kg"][rows].astype(float),
            "net": c["net_weight_kg"][rows].astype(float),
            "mode": mode[rows].astype(str),
            "exp": c["exp"][rows],
            "g": c["g"][rows],
            "cons": c["lic_cons"][rows],
            "user": c["end_user_name"][rows],
            "use": c["end_use"][rows],
        },
        strict=False,
    )
    lic = (
        frame.group_by("grp")
        .agg(
            pl.col("day").min().alias("first"),
            pl.col("day").max().alias("last"),
            pl.col("day").filter(pl.col("mode") == "honest").max().alias("last_honest"),
            pl.col("day").filter(pl.col("mode") != "honest").min().alias("first_bad"),
            pl.col("kg").filter(pl.col("mode") == "honest").sum().alias("honest_kg"),
            pl.col("kg").sum().alias("kg"),
            # an exhausted licence: the declared honest draws plus less than the first late draw
            pl.col("net").filter(pl.col("mode") == "honest").sum().alias("honest_net"),
            pl.col("net").filter(pl.col("mode") == "overdrawn").min().alias("tail_kg"),
            pl.len().alias("draws"),
            (pl.col("mode") == "overdrawn").any().alias("overdrawn"),
            (pl.col("mode") == "dead").any().alias("dead"),
            pl.col("exp").first(),
            pl.col("g").first(),
            pl.col("cons").first(),
            pl.col("user").drop_nulls().first(),
            pl.col("use").drop_nulls().first(),
            pl.col("day").median().alias("mid"),
        )
        .sort("grp")
    )
    m = lic.height
    first = lic["first"].to_numpy()
    last = lic["last"].to_numpy()
    issued = first - rng.integers(5, 40, m)
    valid_until = np.maximum(issued + 365, last + rng.integers(5, 60, m))
    margin = rng.uniform(1.05, 1.6, m)
    qty = np.where(
        lic["overdrawn"].to_numpy(),
        lic["honest_net"].to_numpy()
        + lic["tail_kg"].fill_null(0).to_numpy() * rng.uniform(0, 0.9, m),
        lic["kg"].to_numpy() * margin,
    )
    status = np.full(m, "valid", dtype=object)
    since = np.full(m, None, dtype=object)
    dead = lic["dead"].to_numpy()
    last_honest = lic["last_honest"].fill_null(lic["first"]).to_numpy()
    first_bad = lic["first_bad"].fill_null(lic["last"] + 1).to_numpy()
    status[dead] = np.where(rng.random(int(dead.sum())) < 0.6, "revoked", "suspended")
    # Between the last honest draw and the first bad one (the same day when they share one).
    since_day = np.where(
        first_bad > last_honest,
        last_honest + np.maximum((first_bad - last_honest) // 2, 1),
        first_bad,
    )
    since[dead] = _day(since_day[dead]).astype(str)
    quiet = (
        ~dead & ~lic["overdrawn"].to_numpy() & (rng.random(m) < 0.05)
    )  # honest life-cycle: ended after its last draw
    status[quiet] = np.where(rng.random(int(quiet.sum())) < 0.5, "revoked", "suspended")
    since[quiet] = _day(last[quiet] + rng.integers(3, 40, int(quiet.sum()))).astype(str)
    g = lic["g"].to_numpy()
    element = goods["element"].to_numpy()[g]
    year = _day(issued).astype("datetime64[Y]").astype(int) + 1970
    number = _number(year, element, rng.permutation(m) + 1000)
    amended = (
        ~dead
        & ~lic["overdrawn"].to_numpy()
        & (lic["draws"].to_numpy() >= 4)
        & (rng.random(m) < 0.15)
    )
    split = lic["mid"].to_numpy().astype(int)
    # lines cite the licence of their group, or its amendment after the split day
    grp_of_row = np.full(lines.n, -1)
    grp_of_row[rows] = group
    cited = np.full(lines.n, None, dtype=object)
    cited[rows] = number[group]
    later = rows[amended[group] & (c["day"][rows] > split[group])]
    cited[later] = number[grp_of_row[later]] + "-A1"
    unit = goods["unit"].to_numpy()[g]
    per = goods["kg_per_unit"].to_numpy()[g]
    tonnes = (unit == "kg") & (qty > 5000) & (rng.random(m) < 0.5)
    lic_unit = np.where(unit == "pcs", "pcs", np.where(tonnes, "t", "kg"))
    lic_qty = np.where(
        unit == "pcs",
        np.round(qty / per),
        np.where(tonnes, np.round(qty / 1000, 3), np.round(qty, 1)),
    )
    qty_kg = np.where(unit == "pcs", lic_qty * per, np.where(tonnes, lic_qty * 1000, lic_qty))
    cons_name = cons["name"].to_numpy()
    cons_country = cons["country"].to_numpy()
    cons_idx = lic["cons"].to_numpy()
    base = pl.DataFrame(
        {
            "license_no": number,
            "issued_at": _day(issued).astype(str),
            "valid_until": np.where(amended, _day(split), _day(valid_until)).astype(str),
            "exporter_id": exp_ids[lic["exp"].to_numpy()],
            "control_id": goods["control_id"].to_numpy()[g],
            "hs_code": goods["hs"].to_numpy()[g],
            "quantity_kg": np.round(qty_kg, 3),
            "consignee_name": cons_name[cons_idx],
            "consignee_country": cons_country[cons_idx],
            "end_user_name": lic["user"].to_numpy(),
            "end_use": lic["use"].to_numpy(),
            "status": status,
            "status_since": since,
            "licensed_quantity": lic_qty,
            "licensed_unit": lic_unit,
        },
        strict=False,
    )
    amend = base.filter(pl.Series(amended)).with_columns(
        (pl.col("license_no") + "-A1").alias("license_no"),
        pl.Series("issued_at", _day(split[amended]).astype(str)),
        pl.Series("valid_until", _day(valid_until[amended]).astype(str)),
    )
    table = pl.concat([base, amend])
    cited = _fraud_citations(rng, lines, table, cited, exp_ids)
    lapsed = _lapsed(rng, lines, cons, exp_ids, m + 1000)
    lines.set(np.arange(lines.n), license_no=cited)
    rows_l = np.flatnonzero(mode == "lapsed")
    lines.set(rows_l, license_no=lapsed["license_no"].to_numpy().astype(object))
    return pl.concat([table, lapsed], how="diagonal_relaxed")


def _fraud_citations(
    rng: np.random.Generator,
    lines: Lines,
    table: pl.DataFrame,
    cited: np.ndarray,
    exp_ids: np.ndarray,
) -> np.ndarray:
    """Numbers cited by phantom and borrowed lines."""
    c = lines.cols
    mode = c["lic_mode"]
    phantom = np.flatnonzero(mode == "phantom")
    goods = goods_frame()
    year = c["date"][phantom].astype("datetime64[Y]").astype(int) + 1970
    cited[phantom] = _number(
        year,
        goods["element"].to_numpy()[c["g"][phantom]],
        rng.integers(900_000, 999_999, len(phantom)),
    )
    borrowed = np.flatnonzero(mode == "borrowed")
    valid = table.filter(pl.col("status") == "valid")
    numbers = valid["license_no"].to_numpy()
    owner = valid["exporter_id"].to_numpy()
    hs = valid["hs_code"].to_numpy()
    line_exp = exp_ids[c["exp"][borrowed]]
    line_hs = c["hs_code"][borrowed]
    # Another exporter's licence for the same item if there is one, else the exporter's
    # own licence for another item or consignee, else any licence.
    out = np.empty(len(borrowed), dtype=object)
    for i, (e, h) in enumerate(zip(line_exp, line_hs, strict=True)):  # a few dozen lines
        u = rng.random()
        if u < 0.45:
            options = numbers[(owner != e) & (hs == h)]
        elif u < 0.75:
            options = numbers[(owner == e) & (hs != h)]
        else:
            options = numbers[(owner == e)]
        if len(options) == 0:
            options = numbers[owner != e]
        out[i] = options[rng.integers(0, len(options))]
    cited[borrowed] = out
    # the licence of another consignee: lines whose own group licence exists but whose
    # consignee differs are already covered by "owner == e" above.
    return cited


def _lapsed(
    rng: np.random.Generator, lines: Lines, cons: pl.DataFrame, exp_ids: np.ndarray, start: int
) -> pl.DataFrame:
    """A licence per lapsed line, expired before it or not yet valid on its date."""
    c = lines.cols
    goods = goods_frame()
    rows = np.flatnonzero(c["lic_mode"] == "lapsed")
    n = len(rows)
    day = c["day"][rows]
    expired = rng.random(n) < 0.5
    until = np.where(expired, day - rng.integers(3, 90, n), day + rng.integers(200, 400, n))
    issued = np.where(expired, until - 365, day + rng.integers(2, 40, n))
    g = c["g"][rows]
    year = _day(issued).astype("datetime64[Y]").astype(int) + 1970
    return pl.DataFrame(
        {
            "license_no": _number(year, goods["element"].to_numpy()[g], start + np.arange(n)),
            "issued_at": _day(issued).astype(str),
            "valid_until": _day(until).astype(str),
            "exporter_id": exp_ids[c["exp"][rows]],
            "control_id": goods["control_id"].to_numpy()[g],
            "hs_code": goods["hs"].to_numpy()[g],
            "quantity_kg": np.round(c["true_kg"][rows].astype(float) * rng.uniform(1.5, 3, n), 1),
            "consignee_name": cons["name"].to_numpy()[c["lic_cons"][rows]],
            "consignee_country": cons["country"].to_numpy()[c["lic_cons"][rows]],
            "end_user_name": c["end_user_name"][rows],
            "end_use": c["end_use"][rows],
            "status": np.full(n, "valid", dtype=object),
        },
        strict=False,
    )
