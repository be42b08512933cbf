"""Honest lines with every contract column, held as numpy columns so schemes can mutate them.

Schemes then change chosen rows in place (``Lines.set``); the declaration-level fields
(date, consignee, exporter) are changed for whole declarations (``Lines.set_decl``) so
that a declaration never disagrees with itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import numpy as np
import polars as pl

from seventhworld.foreign import END_USERS
from seventhworld.goods import WORLD_START, goods_frame
from seventhworld.lines import FX, OFFICE
from seventhworld.names import cat, containers, pick

#: An object array's null as ``np.where``'s ``x`` or ``y`` (numpy's types take no None).
NULL: Any = None


@dataclass
class Lines:
    """The world's lines as numpy columns (contract and internal)."""

    cols: dict[str, np.ndarray]

    @property
    def n(self) -> int:
        return len(self.cols["d"])

    def set(self, idx: np.ndarray, **values: object) -> None:
        for name, value in values.items():
            if name not in self.cols:
                self.cols[name] = np.full(self.n, None, dtype=object)
            column = self.cols[name]
            if column.dtype != object and isinstance(value, np.ndarray) and value.dtype == object:
                self.cols[name] = column = column.astype(object)
            column[idx] = value

    def rows_of(self, decls: np.ndarray) -> np.ndarray:
        """Every row of the given declarations."""
        return np.flatnonzero(np.isin(self.cols["d"], decls))

    def set_decl(self, idx: np.ndarray, **values: np.ndarray) -> np.ndarray:
        """Set declaration-level values (one per row of ``idx``) on all lines of those
        declarations; returns the rows changed."""
        d = self.cols["d"][idx]
        d_unique, first = np.unique(d, return_index=True)
        rows = self.rows_of(d_unique)
        pos = np.searchsorted(d_unique, self.cols["d"][rows])
        for name, value in values.items():
            per_decl = np.asarray(
                value, dtype=object if np.asarray(value).dtype == object else None
            )[first]
            self.set(rows, **{name: per_decl[pos]})
        return rows

    def frame(self) -> pl.DataFrame:
        return pl.DataFrame({k: _series(k, v) for k, v in self.cols.items()})


def _series(name: str, values: np.ndarray) -> pl.Series:
    """A column as polars types (object arrays of text or numbers become String or Float)."""
    if values.dtype != object:
        return pl.Series(name, values)
    return pl.Series(name, values.tolist(), strict=False)


def assemble(
    rng: np.random.Generator,
    decl: pl.DataFrame,
    lines: pl.DataFrame,
    exp: pl.DataFrame,
    cons: pl.DataFrame,
) -> Lines:
    """Every contract column of honest lines, plus what schemes and inspections need."""
    goods = goods_frame()
    df = lines.join(decl.drop("n_lines"), on="d", how="left").sort("d", "line_no")
    n = df.height
    c: dict[str, np.ndarray] = {k: df[k].to_numpy().copy() for k in df.columns}
    e, g, k = c["exp"], c["g"], c["cons"]
    c["date"] = np.datetime64(WORLD_START.isoformat()) + c["day"].astype("timedelta64[D]")
    c["exporter_id"] = exp["exporter_id"].to_numpy()[e].astype(object)
    drift = rng.random(n) < 0.05
    c["exporter_name"] = np.where(drift, exp["en"].to_numpy()[e], exp["zh"].to_numpy()[e]).astype(
        object
    )
    c["declarant_id"] = np.where(
        rng.random(n) < 0.7, exp["declarant_id"].to_numpy()[e], NULL
    ).astype(object)
    c["consignee_name"] = cons["name"].to_numpy()[k].astype(object)
    c["consignee_address"] = np.where(
        rng.random(n) < 0.8, cons["address"].to_numpy()[k], NULL
    ).astype(object)
    country = cons["country"].to_numpy()[k].astype(object)
    c["consignee_country"] = country
    relay = (country == "HK") & (rng.random(n) < 0.3)
    c["destination_country"] = np.where(
        relay, pick(rng, np.array(["VN", "TH", "MY", "PH"]), n), country
    ).astype(object)
    c["trade_country"] = np.where(rng.random(n) < 0.6, country, NULL).astype(object)
    c["hs_code"] = goods["hs"].to_numpy()[g].astype(object)
    style = exp["style"].to_numpy()[e]
    zh, en = goods["zh"].to_numpy()[g], goods["en"].to_numpy()[g]
    c["description"] = np.where(
        style == "zh", zh, np.where(style == "en", en, cat(zh, " ", en))
    ).astype(object)
    controlled = goods["controlled"].to_numpy()[g]
    spec = goods["spec"].to_numpy()[g]
    c["specification"] = np.where(~controlled & (rng.random(n) < 0.1), NULL, spec).astype(object)
    c["element"] = goods["element"].to_numpy()[g].astype(object)
    effective = goods["effective_date"].to_numpy().astype("datetime64[D]")[g]
    c["needs_licence"] = controlled & (c["date"] >= effective)
    currency = np.where(rng.random(n) < 0.12, "CNY", cons["currency"].to_numpy()[k]).astype(object)
    c["currency"] = currency
    c["value"] = np.round(c["usd"] * np.vectorize(FX.get)(currency), 2)
    _end_use(rng, c, country)
    _transport(rng, c)
    c["origin_region"] = np.where(rng.random(n) < 0.7, exp["region"].to_numpy()[e], NULL).astype(
        object
    )
    c["license_no"] = np.full(n, None, dtype=object)
    c["scheme"] = np.full(n, None, dtype=object)
    c["lic_mode"] = np.where(c["needs_licence"], "honest", NULL).astype(object)
    c["lic_cons"] = k.copy()
    c["true_hs"] = c["hs_code"].copy()
    c["true_desc"] = c["description"].copy()
    c["true_kg"] = c["net_weight_kg"].astype(float).copy()
    c["true_usd"] = c["usd"].astype(float).copy()
    c["true_value"] = c["value"].astype(float).copy()
    return Lines(c)


def _end_use(rng: np.random.Generator, c: dict[str, np.ndarray], country: np.ndarray) -> None:
    """Declared end users and uses: on controlled lines, in the buyer's language."""
    n = len(country)
    user = c["consignee_name"].copy()
    use = np.full(n, "工业生产", dtype=object)
    # One end user per consignee (the licence names it): the consignee itself, or for two
    # in five consignees of these countries a named institute or manufacturer.
    cons = c["cons"]
    for land, options in END_USERS.items():  # per country, not per line
        sel = np.flatnonzero(country == land)
        choice = cons[sel] % len(options)
        named = (cons[sel] * 7919) % 10 < 4
        user[sel[named]] = np.array([o[0] for o in options], dtype=object)[choice[named]]
        use[sel] = np.array([o[1] for o in options], dtype=object)[choice]
    need = c["needs_licence"]
    c["end_user_name"] = np.where(need | (rng.random(n) < 0.02), user, NULL).astype(object)
    c["end_use"] = np.where(need, use, NULL).astype(object)


def _transport(rng: np.random.Generator, c: dict[str, np.ndarray]) -> None:
    """Containers for sea and rail, and a transport document in each mode's format."""
    n = len(c["d"])
    mode = c["mode"]
    d = c["d"]
    n_decl = int(d.max()) + 1
    boxes = [containers(rng, n_decl) for _ in range(3)]
    count = rng.integers(1, 4, n_decl)
    joined = np.where(count >= 2, cat(boxes[0], ";", boxes[1]), boxes[0])
    joined = np.where(count >= 3, cat(joined, ";", boxes[2]), joined)
    c["container_ids"] = np.where(np.isin(mode, ["sea", "rail"]), joined[d], NULL).astype(object)
    serial = rng.integers(10**9, 10**10, n_decl).astype(str)[d]
    doc = np.full(n, None, dtype=object)
    for m, prefix in {
        "sea": "COSU",
        "rail": "CRX",
        "road": "TIR-CN",
        "air": "784-",
        "express": "SF",
        "post": "EA",
        "passenger": "PAX",
    }.items():
        sel = mode == m
        doc[sel] = cat(prefix, serial[sel], "CN" if m == "post" else "")
    c["transport_doc"] = doc
    office = np.vectorize(OFFICE.get)(c["port"])
    year = c["date"].astype("datetime64[Y]").astype(int) + 1970
    c["declaration_id"] = cat(office, year.astype(str), "E", np.char.zfill(d.astype(str), 9))


def declared_at(rng: np.random.Generator, c: dict[str, np.ndarray]) -> np.ndarray:
    """Lodging time as text: UTC ('Z') at air and express offices, +08:00 at sea ports,
    local time without zone at land ports."""
    local = c["date"].astype("datetime64[m]") + c["minute"].astype("timedelta64[m]")
    utc = local - np.timedelta64(8, "h")
    mode = c["mode"]
    port = c["port"]
    from seventhworld.lines import UTC_PORTS

    in_utc = np.isin(port, list(UTC_PORTS)) & ~np.isin(mode, ["sea"])
    sea = mode == "sea"
    text_utc = np.char.add(np.datetime_as_string(utc, unit="s").astype(str), "Z")
    text_sea = np.char.add(np.datetime_as_string(local, unit="s").astype(str), "+08:00")
    text_loc = np.char.replace(np.datetime_as_string(local, unit="m").astype(str), "T", " ")
    return np.where(in_utc, text_utc, np.where(sea, text_sea, text_loc)).astype(object)


def start_date() -> dt.date:
    return WORLD_START
