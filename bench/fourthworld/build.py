"""The entry point: build a world and write its dataset folder and truth.

Sparse by design, as real extracts are: declarations carry no ``specification``,
``origin_region`` or ``container_ids``; end users only on some controlled lines;
addresses, brokers, transport documents and gross weights only on part of the lines.
The licence register lacks about a quarter of the licences cited; the parties table
holds the large exporters and a minority of the rest; there are no prices, no chain
tables, and trade statistics are yearly.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import polars as pl

from fourthworld import actors
from fourthworld.actors import START, TRANSIT, Parties
from fourthworld.goods import build_goods, covers_for, unit_kg
from fourthworld.inspections import inspect
from fourthworld.licensing import issue, needs_licence
from fourthworld.schemes import SCHEME_FUNCS, WEIGHTS, World
from fourthworld.shipments import FX, OFFICES, Lines, honest_lines, lookup
from orewatch.contract.schema import DECLARATIONS

SCHEMES: tuple[str, ...] = tuple(WEIGHTS)


@dataclass(frozen=True)
class Knobs:
    """What a run may vary: how much fraud, how many past checks, how often a check of
    each scheme confirms it (multipliers on :data:`inspections.CONFIRM`), scheme mix."""

    fraud_share: float = 0.025
    inspection_rate: float = 0.03
    confirm: Mapping[str, float] = field(default_factory=dict)
    weights: Mapping[str, float] = field(default_factory=lambda: dict(WEIGHTS))


def generate(out_dir: Path | str, lines: int = 100_000, seed: int = 1, **knobs: object) -> Path:
    """Write a world of ``lines`` declaration lines to ``out_dir``; returns the folder."""
    k = Knobs(**knobs)  # type: ignore[arg-type]
    out = Path(out_dir)
    rng = np.random.default_rng(seed)
    goods = build_goods()
    exporters = actors.make_exporters(rng, max(40, lines // 350)).with_columns(
        pl.lit(-1).alias("group")
    )
    ordinary = actors.make_consignees(rng, max(120, lines // 60))
    watch = actors.make_watchlist(rng, 60)
    parties = Parties(exporters, ordinary, watch)
    actors.register_exporters(parties, rng)
    links = actors.register_watchlisted(parties, rng)
    fronts = actors.make_fronts(rng, parties, max(9, lines // 4000), links)
    actors.register_honest_foreign(parties, rng, 0.15)
    senders = actors.make_senders(rng, parties, max(3, lines // 8000))
    exporters = pl.concat(
        [exporters.drop("exporter"), senders.cast(dict(exporters.drop("exporter").schema))]  # type: ignore[arg-type]
    ).with_row_index("exporter")
    consignees = all_consignees(ordinary, watch, fronts)
    L = honest_lines(rng, exporters, consignees.head(ordinary.height), goods, lines)
    add_blank_columns(L)
    needs = np.flatnonzero(needs_licence(goods, L))
    licences = issue(rng, L, needs, exporters)
    big = L["exporter"][needs] < 15
    L["end_user"][needs] = np.where(rng.random(needs.size) < np.where(big, 0.8, 0.55), "same", "")
    world = World(rng, L, goods, exporters, consignees, licences, covers_for(goods))
    total = sum(k.weights.get(s, 0.0) for s in SCHEMES) or 1.0
    for scheme in SCHEMES:
        count = round(k.fraud_share * lines * k.weights.get(scheme, 0.0) / total)
        if count:
            SCHEME_FUNCS[scheme](world, count)
    frame = declarations_frame(rng, world)
    write(out, "declarations", frame.select(pl.exclude("^_.*$")))
    truth = frame.filter(pl.col("_scheme") != "").select(
        "declaration_id", "line_no", pl.col("_scheme").alias("scheme")
    )
    (out / "truth").mkdir(parents=True, exist_ok=True)
    truth.write_csv(out / "truth" / "lines.csv")
    write(out, "inspections", inspect(rng, frame, k.inspection_rate, dict(k.confirm)))
    write(out, "licenses", licence_register(rng, world))
    write(out, "parties", pl.DataFrame(parties.party_rows, infer_schema_length=None))
    write(out, "relations", pl.DataFrame(parties.relation_rows, infer_schema_length=None))
    write(out, "watchlist", watchlist_table(watch))
    write(out, "trade_stats", trade_stats(world, frame))
    return out


def write(out: Path, name: str, frame: pl.DataFrame) -> None:
    out.mkdir(parents=True, exist_ok=True)
    frame.write_csv(out / f"{name}.csv", date_format="%Y-%m-%d")


def all_consignees(
    ordinary: pl.DataFrame, watch: pl.DataFrame, fronts: pl.DataFrame
) -> pl.DataFrame:
    """Ordinary consignees first (honest trade draws from them), then listed parties and
    fronts as possible consignees; one index over all."""
    base = ordinary.drop("consignee").with_columns(
        pl.lit(-1).alias("listed"),
        pl.lit(0).alias("listed_day"),
        pl.lit(False).alias("military"),
        pl.lit(0).alias("first_day"),
    )
    listed = watch.select(
        "name",
        "variants",
        "country",
        pl.lit(None, pl.String).alias("address"),
        pl.lit(False).alias("front"),
        pl.lit(None, pl.Date).alias("incorporated_at"),
        pl.col("listed").cast(pl.Int32),
        (pl.col("listed_at") - pl.lit(START)).dt.total_days().cast(pl.Int32).alias("listed_day"),
        "military",
        pl.lit(0).alias("first_day"),
    )
    front = fronts.with_columns(
        pl.lit(-1).alias("listed"), pl.lit(0).alias("listed_day"), pl.lit(False).alias("military")
    ).select(base.columns)
    parts = [p.cast(dict(base.schema)) for p in (base, listed.select(base.columns), front)]  # type: ignore[arg-type]
    return (
        pl.concat(parts)
        .with_row_index("consignee")
        .with_columns(pl.col("consignee").cast(pl.Int64))
    )


def add_blank_columns(L: Lines) -> None:
    n = L["decl"].size
    L["licence"] = np.full(n, -1, dtype=np.int64)
    L["true_good"] = L["good"].copy()
    for name in ("license_text", "end_user", "end_use", "leak"):
        L[name] = np.full(n, "", dtype=object)
    L["sample"] = np.zeros(n, dtype=bool)
    L["gross_kg"] = np.full(n, np.nan)


def _variant(list_col: str, pick: pl.Expr) -> pl.Expr:
    return pl.col(list_col).list.get(pick % pl.col(list_col).list.len())


def declarations_frame(rng: np.random.Generator, w: World) -> pl.DataFrame:
    """The declarations table (plus ``_``-prefixed helper columns) from the line arrays."""
    L, goods = w.lines, w.goods
    n = L["decl"].size
    per_unit = unit_kg(goods)[L["good"]]
    u = rng.random((6, n))
    mode = L["mode"]
    has_gross = np.where(
        np.isin(mode, ["sea", "rail", "road"]),
        u[0] < 0.85,
        np.where(mode == "air", u[0] < 0.6, False),
    )
    gross = np.where(np.isnan(L["gross_kg"]), L["kg"] * L["gross_ratio"], L["gross_kg"])
    fx = lookup(L["currency"], {k: str(v) for k, v in FX.items()}, "1").astype(float)
    lic = w.licences.sort("licence")
    lic_no = lic["license_no"].to_numpy()
    lic_pos = np.searchsorted(lic["licence"].to_numpy(), L["licence"])
    cited = np.where(L["licence"] >= 0, lic_no[np.minimum(lic_pos, lic_no.size - 1)], "")
    cited = np.where(L["license_text"] != "", L["license_text"], cited)
    listed_end_user = np.char.isnumeric(L["end_user"].astype(str))
    base = pl.DataFrame(
        {
            "decl": L["decl"],
            "line_no": L["line_no"],
            "day": L["day"],
            "second": L["second"],
            "port": L["port"],
            "mode": mode,
            "exporter": L["exporter"],
            "consignee": L["consignee"],
            "good": L["good"],
            "true_good": L["true_good"],
            "style": np.where(L["sample"], 3, L["style"]),
            "leak": L["leak"],
            "quantity": np.where(
                per_unit >= 1, L["kg"] / per_unit, np.maximum(1, np.round(L["kg"] / per_unit))
            ),
            "net": L["kg"],
            "gross": np.where(has_gross, gross, np.nan),
            "value": L["usd"] * fx,
            "currency": L["currency"],
            "license_no": pl.Series(cited.astype(str)).replace("", None),
            "end_user_code": np.where(listed_end_user, "listed", L["end_user"]),
            "end_user_listed": np.where(listed_end_user, L["end_user"], "-1").astype(int),
            "end_use_code": L["end_use"],
            "scheme": L["scheme"],
            "pick": rng.integers(0, 1000, n),
            "usual": u[1] < 0.75,
            "u_addr": u[2],
            "u_doc": u[3],
            "u_broker": u[4],
            "u_trade": u[5],
        }
    )
    ex = w.exporters.select(
        "exporter",
        "exporter_id",
        pl.col("variants").alias("ex_variants"),
        pl.col("start_day").alias("ex_start"),
    )
    co = w.consignees.select(
        "consignee",
        pl.col("variants").alias("co_variants"),
        pl.col("country").alias("co_country"),
        pl.col("address").alias("co_address"),
    )
    eu = w.consignees.select(
        pl.col("consignee").alias("end_user_listed"), pl.col("variants").alias("eu_variants")
    )
    g = goods.table.select(pl.col("good").cast(pl.Int64), "hs", "zh", "en", "unit", "packing")
    tg = goods.table.select(
        pl.col("good").cast(pl.Int64).alias("true_good"),
        pl.col("hs").alias("true_hs"),
        pl.col("item_id").alias("true_item"),
    )
    lic_eu = pl.DataFrame({"license_no": lic_no, "lic_end_use": lic["end_use"].to_numpy()})
    brokers = pl.Series([f"91440300MA5{i:06d}" for i in range(20)])
    f = (
        base.with_columns(
            pl.col(c).cast(pl.Int64)
            for c in ("exporter", "consignee", "good", "true_good", "end_user_listed")
        )
        .join(ex.with_columns(pl.col("exporter").cast(pl.Int64)), on="exporter", how="left")
        .join(co, on="consignee", how="left")
        .join(eu, on="end_user_listed", how="left")
        .join(g, on="good", how="left")
        .join(tg, on="true_good", how="left")
        .join(lic_eu, on="license_no", how="left")
    )
    zh_en = pl.format("{} {}", "zh", "en")
    sample_text = (
        pl.when(pl.col("pick") % 3 == 0)
        .then(pl.lit("样品"))
        .when(pl.col("pick") % 3 == 1)
        .then(pl.lit("metal sample"))
        .otherwise(pl.lit("合金样品 alloy sample"))
    )
    description = (
        pl.when(pl.col("style") == 0)
        .then(pl.col("zh"))
        .when(pl.col("style") == 1)
        .then(zh_en)
        .when(pl.col("style") == 2)
        .then(pl.col("en"))
        .otherwise(sample_text)
    ) + pl.col("leak")
    exporter_pick = pl.when(pl.col("usual")).then(pl.col("exporter")).otherwise(pl.col("pick"))
    same = pl.col("end_user_code") == "same"
    office = pl.col("port").replace_strict(OFFICES, default="0000")
    date = pl.lit(START) + pl.duration(days=pl.col("day"))
    hk_elsewhere = (pl.col("co_country") == "HK") & (pl.col("u_trade") < 0.15)
    out = f.with_columns(
        pl.format(
            "{}{}0{}", office, date.dt.year(), (pl.col("decl") * 7 + 100_000_003).cast(pl.String)
        ).alias("declaration_id"),
        (date.cast(pl.Datetime) + pl.duration(seconds=pl.col("second")))
        .dt.strftime("%Y-%m-%d %H:%M:%S")
        .alias("declared_at"),
        _variant("ex_variants", exporter_pick).alias("exporter_name"),
        pl.when(pl.col("u_broker") < 0.3)
        .then(pl.lit(brokers).get(pl.col("pick") % 20))
        .alias("declarant_id"),
        _variant("co_variants", pl.when(pl.col("usual")).then(0).otherwise(pl.col("pick"))).alias(
            "consignee_name"
        ),
        pl.when(pl.col("u_addr") < 0.25).then(pl.col("co_address")).alias("consignee_address"),
        pl.col("co_country").alias("consignee_country"),
        pl.when(hk_elsewhere)
        .then(pl.lit("VN"))
        .otherwise(pl.col("co_country"))
        .alias("destination_country"),
        pl.when(pl.col("u_trade") > 0.88).then(pl.col("co_country")).alias("trade_country"),
        pl.when(same)
        .then(_variant("co_variants", pl.col("pick")))
        .when(pl.col("end_user_code") == "listed")
        .then(_variant("eu_variants", pl.col("pick")))
        .alias("end_user_name"),
        pl.when(same & (pl.col("u_doc") < 0.7))
        .then(pl.col("lic_end_use"))
        .when(pl.col("end_use_code").is_in(["", "none"]).not_())
        .then(pl.col("end_use_code"))
        .alias("end_use"),
        pl.col("hs").alias("hs_code"),
        description.alias("description"),
        pl.col("quantity").round(3),
        pl.col("net").round(3).alias("net_weight_kg"),
        pl.col("gross").fill_nan(None).round(3).alias("gross_weight_kg"),
        pl.col("value").round(2),
        pl.when(pl.col("u_doc") < 0.5)
        .then(
            pl.format(
                "{}{}",
                pl.col("mode").str.slice(0, 2).str.to_uppercase(),
                (pl.col("decl") * 13 + 70_000_000).cast(pl.String),
            )
        )
        .alias("transport_doc"),
        pl.col("packing").alias("包装种类"),
        # helpers for truth, inspections and trade statistics
        pl.col("scheme").alias("_scheme"),
        pl.col("true_hs").alias("_true_hs"),
        pl.col("true_item").is_not_null().alias("_true_controlled"),
        pl.col("hs")
        .is_in(w.goods.table.filter(pl.col("item_id").is_not_null())["hs"].implode())
        .alias("_controlled"),
        pl.col("co_country").is_in(list(TRANSIT)).alias("_transit"),
        pl.col("mode").is_in(["express", "post", "passenger"]).alias("_parcel"),
        ((pl.col("ex_start") > 0) & (pl.col("day") - pl.col("ex_start") < 60)).alias(
            "_new_exporter"
        ),
        date.alias("_day_date"),
    )
    columns = [c for c in DECLARATIONS.names if c in out.columns] + ["包装种类"]
    return out.select(*columns, pl.col("^_.*$")).sort("declaration_id", "line_no")


def licence_register(rng: np.random.Generator, w: World) -> pl.DataFrame:
    """The registered licences in the contract's columns (control id or commodity code)."""
    reg = w.licences.filter(pl.col("in_register"))
    n = reg.height
    ex = w.exporters.select(pl.col("exporter").cast(pl.Int64), "exporter_id")
    co = w.consignees.select(
        pl.col("consignee").cast(pl.Int64),
        pl.col("name").alias("consignee_name"),
        pl.col("country").alias("consignee_country"),
    )
    g = w.goods.table.select(pl.col("good").cast(pl.Int64), "item_id", "hs")
    by_id = pl.Series(rng.random(n) < 0.7)
    return (
        reg.with_columns(pl.col(c).cast(pl.Int64) for c in ("exporter", "consignee", "good"))
        .join(ex, on="exporter", how="left")
        .join(co, on="consignee", how="left")
        .join(g, on="good", how="left")
        .with_columns(by_id.alias("by_id"))
        .select(
            "license_no",
            (pl.lit(START) + pl.duration(days=pl.col("issued"))).alias("issued_at"),
            (pl.lit(START) + pl.duration(days=pl.col("valid"))).alias("valid_until"),
            "exporter_id",
            pl.when("by_id").then(pl.col("item_id")).alias("control_id"),
            pl.when(~pl.col("by_id")).then(pl.col("hs")).alias("hs_code"),
            "quantity_kg",
            "consignee_name",
            "consignee_country",
            pl.when(~pl.col("other_end_user"))
            .then(pl.col("consignee_name"))
            .alias("end_user_name"),
            "end_use",
            pl.lit("valid").alias("status"),
        )
        .unique("license_no", keep="first", maintain_order=True)
    )


def watchlist_table(watch: pl.DataFrame) -> pl.DataFrame:
    return watch.select("list", "name", "alt_names", "kind", "country", "listed_at", "reason")


def trade_stats(w: World, frame: pl.DataFrame) -> pl.DataFrame:
    """Yearly statistics: China's exports as declared, partners' imports as found at
    their border (under the true code), and transit countries' re-exports of what they
    imported from China after the controls (the surge the controls caused)."""
    fx = pl.col("currency").replace_strict({k: 1 / v for k, v in FX.items()}, default=1.0)
    y = frame.with_columns(
        pl.col("_day_date").dt.year().cast(pl.String).alias("period"),
        (pl.col("value") * fx).alias("usd"),
    )
    exports = (
        y.group_by(
            pl.col("destination_country").alias("partner"),
            pl.col("hs_code").str.slice(0, 6).alias("hs_code"),
            "period",
        )
        .agg(
            pl.col("usd").sum().alias("value_usd"),
            pl.col("net_weight_kg").sum().alias("quantity_kg"),
        )
        .with_columns(pl.lit("CN").alias("reporter"), pl.lit("export").alias("flow"))
    )
    imports = (
        y.group_by(
            pl.col("destination_country").alias("reporter"),
            pl.col("_true_hs").str.slice(0, 6).alias("hs_code"),
            "period",
        )
        .agg(
            (pl.col("usd").sum() * 1.08).alias("value_usd"),
            pl.col("net_weight_kg").sum().alias("quantity_kg"),
        )
        .with_columns(pl.lit("CN").alias("partner"), pl.lit("import").alias("flow"))
    )
    relay = imports.filter(
        pl.col("reporter").is_in(list(TRANSIT)) & (pl.col("period") >= "2025")
    ).with_columns(
        pl.col("value_usd") * 0.6,
        pl.col("quantity_kg") * 0.6,
        pl.lit("US").alias("partner"),
        pl.lit("re_export").alias("flow"),
    )
    cols = ["reporter", "partner", "flow", "hs_code", "period", "value_usd", "quantity_kg"]
    out = pl.concat([t.select(cols) for t in (exports, imports, relay)])
    return out.with_columns(pl.col("value_usd").round(0), pl.col("quantity_kg").round(1)).sort(
        cols[:5]
    )


__all__ = ["SCHEMES", "Knobs", "generate"]
