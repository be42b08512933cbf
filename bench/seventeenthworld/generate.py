"""Putting the world together, stage by stage, each with its own random stream.

Order matters and is fixed: the honest population and its trade first (smugglers live
among them and borrow from them), honest licences, the listed parties, then the rings
with the inspection service watching, then the registries, the chain of custody,
statistics and prices built from what happened, and last the rendering of everything
into contract tables and the truth. Each stage draws from its own child of the seed, so
a change in one stage's draws does not reshuffle the others.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl

from . import goods, registry, render, stats, write
from .books import Books
from .chain import Chain
from .honest import SPEC_SCHEMA, honest_lines
from .inspections import Inspector, line_features
from .knobs import KnobError, Knobs, check_lines
from .licensing import Serials, license_honest
from .places import fx
from .population import populate
from .rings import Context
from .schemes import FAMILY, plan_rings, run_rings
from .timeline import iso

STAGES = (
    "population",
    "honest",
    "licences",
    "watchlist",
    "rings",
    "inspections",
    "registry",
    "chain",
    "render",
    "stats",
    "prices",
)


def _knobs(knobs: dict[str, object]) -> Knobs:
    try:
        return Knobs(**knobs)  # type: ignore[arg-type]
    except TypeError as exc:
        known = ", ".join(Knobs.__dataclass_fields__)
        raise KnobError(f"unknown knob ({exc}); the knobs are: {known}") from None


def generate(out_dir: Path, *, lines: int, seed: int, **knobs: object) -> Path:
    """Write a world of about ``lines`` declaration lines to ``out_dir`` (truth in
    ``out_dir/truth``) and return ``out_dir``."""
    cfg = _knobs(knobs)
    check_lines(lines)
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise KnobError(f"seed must be a whole number >= 0, got {seed!r}")
    out_dir = Path(out_dir)
    rngs = dict(
        zip(
            STAGES,
            (np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(len(STAGES))),
            strict=True,
        )
    )
    noise = cfg.honest_noise

    books = Books()
    populate(rngs["population"], books, lines)
    fraud_lines = round(cfg.fraud_share * lines)
    honest_target = max(lines // 2, lines - int(fraud_lines * 1.45))
    spec = honest_lines(rngs["honest"], books, honest_target, noise)
    serials = Serials(rngs["licences"])
    spec = license_honest(rngs["licences"], books, spec, serials, noise)
    registry.seed_watchlist(rngs["watchlist"], books, lines)

    n_ex = len(books.exporters)
    first = spec.group_by("exporter").agg(pl.col("day").min()).sort("exporter")
    first_seen = {int(e): int(d) for e, d in first.iter_rows()}
    inspector = Inspector(
        rngs["inspections"], cfg.inspection_rate, cfg.inspection_bias, cfg.find_rate, noise
    )
    inspector.fit(_weights(spec, books, first_seen), lines)

    ctx = Context(rngs["rings"], books, cfg, serials, inspector)
    rings = plan_rings(ctx, fraud_lines, cfg.faint_share)
    run_rings(ctx, rings, first_seen)
    ring_lines = pl.DataFrame(
        [{k: row.get(k) for k in SPEC_SCHEMA} for row in ctx.lines], schema=SPEC_SCHEMA
    )
    spec = pl.concat([spec, ring_lines]).sort("decl", "line")

    n_ex = len(books.exporters)
    seen = np.full(n_ex, 10**6, dtype=np.int64)
    firsts = spec.group_by("exporter").agg(pl.col("day").min())
    seen[firsts["exporter"].to_numpy()] = firsts["day"].to_numpy()
    incorporated = np.array([e.incorporated for e in books.exporters], dtype=np.int64)
    inspector.honest(spec, seen, incorporated)

    registry.honest_relations(rngs["registry"], books)
    registry.credit_list_honest(rngs["registry"], books)
    resolve = registry.Resolver(rngs["registry"], books)

    chain = Chain(rngs["chain"], books)
    chain.build(spec, resolve)
    chain.traces(resolve)
    production = chain.balances(noise)

    declarations, keys = render.declarations(rngs["render"], books, spec, noise)

    write.prepare(out_dir)
    write.table("declarations", declarations, out_dir)
    write.table("licenses", _licences(books), out_dir)
    write.table("parties", registry.parties_table(rngs["registry"], books, resolve, noise), out_dir)
    write.table("relations", registry.relations_table(books, resolve), out_dir)
    write.table("facilities", chain.facilities_table(), out_dir)
    write.table("movements", chain.movements(), out_dir)
    write.table("production", production, out_dir)
    write.table("inspections", _inspections(inspector.frame(), spec, keys), out_dir)
    write.table("trade_stats", stats.trade_stats(rngs["stats"], books, spec), out_dir)
    write.table("prices", stats.prices(rngs["prices"]), out_dir)
    write.table("watchlist", registry.watchlist_table(books), out_dir)
    write.truth(_truth(spec, keys, books), out_dir)
    return out_dir


def _weights(spec: pl.DataFrame, books: Books, first_seen: dict[int, int]) -> np.ndarray:
    exporter = spec["exporter"].to_numpy()
    day = spec["day"].to_numpy().astype(np.int64)
    first = np.array([first_seen.get(i, 0) for i in range(len(books.exporters))])[exporter]
    inc = np.array([e.incorporated for e in books.exporters])[exporter]
    return line_features(
        spec["product"].to_numpy().astype(np.int64),
        day,
        spec["mode"].to_numpy().astype(object),
        spec["dest"].to_numpy().astype(object),
        spec["net_kg"].to_numpy(),
        spec["value_usd"].to_numpy(),
        ((day - first) < 120) | ((day - inc) < 180),
    )


def _licences(books: Books) -> pl.DataFrame:
    rows = []
    for lic in books.licences:
        holder = books.exporters[lic.exporter]
        if lic.consignee >= 0:
            cons = books.consignees[lic.consignee]
            name, country = cons.name, cons.country
        else:
            name, country = (
                "多个收货人 various consignees",
                books.general_licence_country[lic.licence_no],
            )
        rows.append(
            (
                lic.licence_no,
                iso(lic.issued),
                iso(lic.valid_until),
                holder.uscc,
                lic.control if lic.write_control else "",
                lic.hs if lic.write_hs else "",
                lic.quantity_kg,
                name,
                country,
                lic.end_user,
                lic.end_use,
                lic.status,
                iso(lic.status_since) if lic.status_since >= 0 and lic.status != "valid" else "",
            )
        )
    frame = pl.DataFrame(
        rows,
        schema={
            c: (pl.Float64 if c == "quantity_kg" else pl.String)
            for c in (
                "license_no",
                "issued_at",
                "valid_until",
                "exporter_id",
                "control_id",
                "hs_code",
                "quantity_kg",
                "consignee_name",
                "consignee_country",
                "end_user_name",
                "end_use",
                "status",
                "status_since",
            )
        },
        orient="row",
    )
    return frame.sort("license_no")


FOUND_TEXT = {
    "unlicensed": "无有效出口许可证 no valid export licence",
    "diverted": "实际收货人/最终用户与许可不符 goods diverted from the licensed end user",
    "undervalued": "申报价格低于实际成交价 declared below the transaction value",
}


def _inspections(records: pl.DataFrame, spec: pl.DataFrame, keys: pl.DataFrame) -> pl.DataFrame:
    line_info = spec.select("decl", "line", "currency", "day")
    decl_ids = keys.group_by("decl").agg(pl.col("declaration_id").first())
    whole = records.filter(pl.col("line") < 0).join(
        decl_ids, on="decl", how="left", maintain_order="left"
    )
    whole = whole.with_columns(
        pl.lit(None, pl.Int32).alias("line_no"),
        pl.lit("USD").alias("currency"),
        pl.col("day").alias("decl_day"),
    )
    part = (
        records.filter(pl.col("line") >= 0)
        .join(
            keys.select("decl", "line", "declaration_id", "line_no"),
            on=["decl", "line"],
            how="left",
            maintain_order="left",
        )
        .join(
            line_info.rename({"day": "decl_day"}),
            on=["decl", "line"],
            how="left",
            maintain_order="left",
        )
    )
    both = pl.concat([part.select(whole.columns), whole], how="vertical_relaxed")
    product = both["found_product"].to_numpy()
    has = product >= 0
    hs = np.where(has, goods.HS[np.clip(product, 0, None)], None)
    text = np.array(
        [f"{goods.PRODUCTS[p].zh[0]} {goods.PRODUCTS[p].en[0]}" if p >= 0 else "" for p in product],
        dtype=object,
    )
    result = both["result"].to_numpy()
    for r, t in FOUND_TEXT.items():
        text[result == r] = t
    value_usd = both["found_value_usd"].to_numpy()
    currency = both["currency"].to_numpy().astype(object)
    value = np.round(value_usd * fx(currency, both["decl_day"].to_numpy()), 2)
    frame = pl.DataFrame(
        {
            "declaration_id": both["declaration_id"],
            "line_no": both["line_no"],
            "inspected_at": [iso(int(d)) for d in both["day"].to_list()],
            "method": both["method"],
            "result": both["result"],
            "found_hs_code": pl.Series(
                [None if h is None else str(h) for h in hs], dtype=pl.String
            ),
            "found_description": pl.Series([t or None for t in text.tolist()], dtype=pl.String),
            "found_quantity_kg": both["found_kg"].fill_nan(None).round(1),
            "found_value": pl.Series(value).fill_nan(None),
        }
    )
    return frame.sort("declaration_id", "line_no", nulls_last=True)


def _truth(spec: pl.DataFrame, keys: pl.DataFrame, books: Books) -> pl.DataFrame:
    fraud = spec.filter(pl.col("scheme") != "").join(
        keys, on=["decl", "line"], how="left", maintain_order="left"
    )
    exporter_id = [books.exporters[int(e)].uscc for e in fraud["exporter"].to_list()]
    return fraud.select(
        "declaration_id",
        "line_no",
        "scheme",
        "variant",
        pl.col("scheme").replace_strict(FAMILY).alias("family"),
        pl.Series("exporter_id", exporter_id),
        pl.Series("true_hs_code", goods.HS[fraud["true_product"].to_numpy()].astype(str)),
    )
