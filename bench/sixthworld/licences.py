"""Export licences: issued for the honest draws, abused by the licence schemes.

One licence per exporter, consignee, item and half-year of draws, issued a few weeks
before the first draw with some headroom. Stale lines get a licence of their own that
has lapsed, is not yet valid or was revoked; borrowed lines cite someone else's;
phantom lines cite a number in the right format that was never issued; overdrawn
licences get a quantity smaller than what was drawn on them.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from .catalogue import CONTROLLED
from .lines import Lines
from .parties import START, Cast


def _number(region: str, year: int, seq: int) -> str:
    return f"{year % 100:02d}LX{region[:4]}{seq:06d}"


def build_licences(
    rng: np.random.Generator, lines: Lines, cast: Cast, overdrawn: int
) -> pl.DataFrame:
    """The licence table, and ``lines["licence"]`` filled for every line that cites one."""
    n = lines["decl"].size
    lic = np.full(n, "", dtype=object)
    region = np.array([e["region"] for e in cast.exporters], dtype=object)
    own = np.flatnonzero(np.isin(lines["lic_mode"], ["own"]) & (lines["ctrl"] >= 0))
    frame = pl.DataFrame(
        {
            "i": own,
            "exporter": lines["exporter"][own],
            "consignee": lines["consignee"][own],
            "ctrl": lines["ctrl"][own],
            "day": lines["day"][own],
            "kg": lines["declared_kg"][own],
            "half": lines["day"][own] // 183,
            "honest": lines["scheme"][own] == "",
        }
    )
    groups = frame.group_by("exporter", "consignee", "ctrl", "half", maintain_order=True).agg(
        pl.col("i"),
        pl.col("day").min().alias("first"),
        pl.col("day").max().alias("last"),
        pl.col("kg").sum().alias("kg"),
        pl.col("honest").all().alias("honest"),
        pl.len().alias("n"),
    )
    g = groups.height
    seq = rng.permutation(np.arange(1000, 1000 + 3 * g + 100))
    issued = groups["first"].to_numpy() - rng.integers(5, 40, g)
    valid = np.maximum(issued + 180, groups["last"].to_numpy() + rng.integers(10, 60, g))
    qty = np.round(groups["kg"].to_numpy() * rng.uniform(1.05, 1.5, g), 1)
    nos = np.array(
        [
            _number(region[e], 2025 + int(d > 244), s)
            for e, d, s in zip(groups["exporter"], issued, seq[:g], strict=True)
        ],
        dtype=object,
    )
    member = groups["i"].to_list()
    for j, idx in enumerate(member):
        lic[np.asarray(idx)] = nos[j]
    qty = _overdraw(rng, lines, groups, qty, overdrawn)
    rows = {
        "license_no": list(nos),
        "issued": list(issued),
        "valid": list(valid),
        "exporter": list(groups["exporter"]),
        "consignee": list(groups["consignee"]),
        "ctrl": list(groups["ctrl"]),
        "qty": list(qty),
        "status": ["valid"] * g,
    }
    _stale(rng, lines, lic, rows, region, seq[g : 2 * g + 50])
    _borrowed(rng, lines, lic, rows)
    phantom = np.flatnonzero(lines["lic_mode"] == "phantom")
    lic[phantom] = [
        _number(region[lines["exporter"][i]], 2025, int(s))
        for i, s in zip(phantom, rng.integers(900_000, 999_999, phantom.size), strict=True)
    ]
    lines["licence"] = lic
    return pl.DataFrame(rows)


def _overdraw(rng, lines: Lines, groups: pl.DataFrame, qty: np.ndarray, target: int) -> np.ndarray:
    """Shrink honest licences of 2+ draws until about ``target`` draws exceed them."""
    cand = np.flatnonzero((groups["honest"].to_numpy()) & (groups["n"].to_numpy() >= 2))
    rng.shuffle(cand)
    taken = 0
    members = groups["i"].to_list()
    for j in cand:
        if taken >= target:
            break
        idx = np.asarray(members[j])
        idx = idx[np.argsort(lines["day"][idx], kind="stable")]
        cum = np.cumsum(lines["declared_kg"][idx])
        keep = int(rng.integers(1, idx.size))
        qty[j] = round(float(cum[keep - 1]) * rng.uniform(1.0, 1.02), 1)
        over = idx[cum > qty[j]]
        lines["scheme"][over] = "overdrawn_permit"
        taken += over.size
    return qty


def _stale(
    rng, lines: Lines, lic: np.ndarray, rows: dict, region: np.ndarray, seq: np.ndarray
) -> None:
    stale = np.flatnonzero(lines["lic_mode"] == "stale")
    kind = rng.random(stale.size)
    for j, i in enumerate(stale):
        day = int(lines["day"][i])
        if kind[j] < 0.6:
            issued, valid, status = (
                day - int(rng.integers(400, 500)),
                day - int(rng.integers(5, 120)),
                "valid",
            )
        elif kind[j] < 0.85:
            issued = day + int(rng.integers(3, 40))
            valid, status = issued + 365, "valid"
        else:
            issued, valid, status = day - 60, day + 200, ("revoked", "suspended")[j % 2]
        no = _number(
            region[lines["exporter"][i]], 2024 + int(issued > 0), int(seq[j % seq.size]) + 500_000
        )
        lic[i] = no
        for key, val in (
            ("license_no", no),
            ("issued", issued),
            ("valid", valid),
            ("exporter", lines["exporter"][i]),
            ("consignee", lines["consignee"][i]),
            ("ctrl", lines["ctrl"][i]),
            ("qty", round(float(lines["declared_kg"][i]) * 1.3, 1)),
            ("status", status),
        ):
            rows[key].append(val)


def _borrowed(rng, lines: Lines, lic: np.ndarray, rows: dict) -> None:
    borrowed = np.flatnonzero(lines["lic_mode"] == "borrowed")
    exp = np.array(rows["exporter"])
    ctrl = np.array(rows["ctrl"])
    valid = np.array([s == "valid" for s in rows["status"]])
    for i in borrowed:
        same = rng.random() < 0.3
        pool = np.flatnonzero(
            valid
            & (
                (exp == lines["exporter"][i]) & (ctrl != lines["ctrl"][i])
                if same
                else valid & (exp != lines["exporter"][i])
            )
        )
        if pool.size == 0:
            pool = np.flatnonzero(valid & (exp != lines["exporter"][i]))
        lic[i] = rows["license_no"][int(rng.choice(pool))]


def licence_table(rows: pl.DataFrame, cast: Cast, rng: np.random.Generator) -> pl.DataFrame:
    """The contract's licences table, with control id or code left out on part of them."""
    import datetime as dt

    def day(d: int) -> str:
        return (START + dt.timedelta(days=int(d))).isoformat()

    n = rows.height
    ctrl = rows["ctrl"].to_numpy()
    has_id = rng.random(n) < 0.75
    has_hs = ~has_id | (rng.random(n) < 0.7)
    cons = [cast.consignees[c] for c in rows["consignee"]]
    return pl.DataFrame(
        {
            "license_no": rows["license_no"],
            "issued_at": [day(d) for d in rows["issued"]],
            "valid_until": [day(d) for d in rows["valid"]],
            "exporter_id": [cast.exporters[e]["id"] for e in rows["exporter"]],
            "control_id": [
                CONTROLLED[c].control_id if h else None for c, h in zip(ctrl, has_id, strict=True)
            ],
            "hs_code": [CONTROLLED[c].hs if h else None for c, h in zip(ctrl, has_hs, strict=True)],
            "quantity_kg": rows["qty"],
            "consignee_name": [c["name"] for c in cons],
            "consignee_country": [c["country"] for c in cons],
            "end_user_name": [c["name"] if rng.random() < 0.7 else None for c in cons],
            "end_use": [None] * n,
            "status": rows["status"],
        }
    )
