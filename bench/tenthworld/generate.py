"""The entry point: ``generate(out_dir, lines=100_000, seed=1, **knobs)``.

Knobs: ``fraud_share`` (share of lines that are fraudulent, default 0.025),
``inspection_rate`` (border targeting intensity; 0.01 gives a few dozen finds per
100,000 lines, 0.04 about a hundred, 0.15 several hundred), ``audit_rate`` (post-clearance
audits), ``confirm`` (per-scheme multipliers on the chance a check confirms it) and
``confirm_scale`` (one multiplier for all), ``optional`` (``full``: every optional table;
``sparse``: declarations' required columns, inspections and truth only),
``consolidated_share`` and ``react_days`` (how soon a network changes after a find).
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import polars as pl

from tenthworld import actors, adapt, extras, flows, goods, inspect, names, schemes
from tenthworld.actors import END, EPOCHS, LEGIT_DEST, LEGIT_W, MINERAL_DEST, START

MIX = {
    "no_permit": 0.08,
    "phantom_permit": 0.06,
    "lapsed_permit": 0.06,
    "borrowed_permit": 0.07,
    "overdrawn_permit": 0.09,
    "barred_end_user": 0.08,
    "code_swap": 0.13,
    "cheap_invoice": 0.07,
    "light_weight": 0.06,
    "buried_line": 0.08,
    "sample_drip": 0.09,
    "detour_route": 0.07,
    "sliced_lot": 0.06,
}
SCHEMES = tuple(MIX)
REQUIRED = (
    "declaration_id",
    "line_no",
    "declared_at",
    "port",
    "mode",
    "exporter_id",
    "exporter_name",
    "consignee_name",
    "consignee_country",
    "destination_country",
    "hs_code",
    "description",
    "quantity",
    "unit",
    "net_weight_kg",
    "value",
    "currency",
)


def generate(
    out_dir: Path | str,
    lines: int = 100_000,
    seed: int = 1,
    *,
    fraud_share: float = 0.025,
    inspection_rate: float = 0.04,
    audit_rate: float = 0.01,
    confirm: dict[str, float] | None = None,
    confirm_scale: float = 1.0,
    optional: str = "full",
    consolidated_share: float = 0.3,
    react_days: int = 30,
) -> Path:
    """Write one world to ``out_dir`` and return it."""
    out = Path(out_dir)
    rng = np.random.default_rng(seed)
    conf = {s: confirm_scale * (confirm or {}).get(s, 1.0) for s in SCHEMES}
    ctrl = goods.load_controlled()
    n_people = max(300, lines // 60)
    people = names.people(rng, n_people)
    ex = actors.make_exporters(rng, max(150, lines // 90), n_people)
    countries = rng.choice(
        np.array(LEGIT_DEST, dtype=object), max(200, lines // 70), p=LEGIT_W / LEGIT_W.sum()
    )
    con = actors.make_consignees(rng, countries)
    buyers = np.flatnonzero(np.isin(con.country, MINERAL_DEST))[:80]
    wl = extras.watchlist(rng, 90)

    # the fraud's plan: networks, their generations' playbooks, each line's date
    n_fraud = round(lines * fraud_share)
    counts = rng.multinomial(n_fraud, list(MIX.values()))
    per = {s: int(c) for s, c in zip(SCHEMES, counts, strict=True)}
    k_net = {s: max(2, math.ceil(c / 30)) for s, c in per.items()}
    net_scheme = np.concatenate([np.full(k, s, dtype=object) for s, k in k_net.items()])
    fronts = actors.add_fronts(rng, ex, len(net_scheme), n_people)
    placeholder = np.zeros((len(net_scheme), EPOCHS), dtype=np.int64)
    pb = adapt.playbooks(rng, fronts, placeholder, net_scheme, ctrl)
    pb.consignee = network_consignees(rng, con, pb, len(wl))
    rings = make_rings(rng, ex, net_scheme, n_people)

    w = flows.World(
        rng=rng,
        ex=ex,
        con=con,
        ordinary=goods.ordinary_columns(),
        ctrl=ctrl,
        forwarders=np.flatnonzero(ex.kind == "forwarder"),
        minerals=np.flatnonzero(ex.kind == "mineral"),
        shippers=np.flatnonzero(np.isin(ex.kind, ["maker", "trader", "sole"])),
        mineral_buyers=buyers,
    )
    w.watch_names = np.where(
        rng.random(len(wl)) < 0.5,
        wl["name"].to_numpy(),
        wl["alt_names"].to_numpy(),
    )
    w.watch_countries = wl["country"].to_numpy()
    w.rings = rings

    plan_net, plan_day = plan_lines(rng, pb, per, k_net, ctrl)
    n_cover = int(0.9 * len(plan_net))
    n_ctrl = round(lines * 0.035)
    honest = flows.honest_ordinary(
        w, lines - n_ctrl - len(plan_net) - n_cover, consolidated_share, 0
    )
    key = int(honest["_decl"].max()) + 1
    mineral = flows.honest_controlled(w, n_ctrl, key)
    honest = flows.concat([honest, mineral])
    flows.draw_uniforms(rng, honest)
    lic_rows, seq = extras.honest_licences(w, honest, 0)
    w.honest_licences = lic_rows
    bury_lines(w, honest, pb, per["buried_line"], np.flatnonzero(net_scheme == "buried_line"))
    flows.names_of(w, honest)

    diligence = inspect.port_diligence(seed, sorted({p for v in flows.PORTS.values() for p in v}))
    first_key = int(honest["_decl"].max()) + 1
    epoch = np.zeros(len(plan_net), dtype=np.int64)
    for _round in range(8):
        w.rng = np.random.default_rng(seed * 7919 + 3)
        led = schemes.Ledger(seq)
        set_founding(ex, con, pb, plan_net, epoch, plan_day, seed)
        fb = schemes.fraud_block(w, pb, plan_net, epoch, plan_day, first_key, led)
        flows.names_of(w, fb)
        found = found_dates(frame(fb), ex, inspection_rate, audit_rate, diligence, conf)
        at = np.full(len(plan_net), np.datetime64("NaT"), dtype="datetime64[D]")
        has = fb["_plan"] >= 0
        at[fb["_plan"][has]] = found[has]
        new = adapt.next_epochs(plan_net, epoch, plan_day, at, react_days)
        if np.array_equal(new, epoch):
            break
        epoch = new
    allb = flows.concat([honest, fb])
    f = frame(allb)
    f = assign_ids(f, np.random.default_rng(seed + 5))
    border = inspect.border_checks(
        f, ex.founded[f["_exp"].to_numpy()], inspection_rate, diligence, conf
    )
    audit = inspect.audits(f, audit_rate, conf)
    write(
        out,
        f,
        border,
        audit,
        optional,
        lic_rows + led.rows,
        w,
        wl,
        people,
        epoch,
        plan_net,
        plan_day,
        pb,
    )
    return out


def network_consignees(
    rng: np.random.Generator, con: actors.Consignees, pb: adapt.Playbook, n_watch: int
) -> np.ndarray:
    """A new consignee per network generation: in the transit country for detours (newly
    incorporated, linked to a watchlisted party), anywhere the trade goes for the rest."""
    n, e = pb.transit.shape
    detour = (pb.scheme == "detour_route")[:, None] & np.ones(e, dtype=bool)
    # networks ship where trade goes, but not to the US (that is barred_end_user's trade)
    w = np.where(np.array(LEGIT_DEST) == "US", 0.0, LEGIT_W)
    country = np.where(
        detour, pb.transit, rng.choice(np.array(LEGIT_DEST, dtype=object), (n, e), p=w / w.sum())
    )
    extra = actors.make_consignees(rng, country.ravel())
    d = detour.ravel()
    extra.watch[d] = rng.integers(0, n_watch, d.sum())
    extra.link[d] = names.pick(rng, ("director", "shareholder", "agent"), int(d.sum()))
    extra.incorporated[d] = END  # set from first use in ``set_founding``
    return actors.append_consignees(con, extra).reshape(n, e)


def make_rings(
    rng: np.random.Generator, ex: actors.Exporters, net_scheme: np.ndarray, n_people: int
) -> dict[int, np.ndarray]:
    """Senders for parcel networks: 6-15 individuals each, sharing a few phones and
    addresses among them."""
    rings: dict[int, np.ndarray] = {}
    for k in np.flatnonzero(np.isin(net_scheme, ["sample_drip", "sliced_lot"])):
        size = int(rng.integers(6, 16))
        r = actors.make_exporters(rng, size, n_people)
        r.kind[:] = "sole"
        r.id = names.resident_ids(rng, r.division)
        p = names.people(rng, size)
        r.zh, r.en = p["zh"], p["en"]
        r.phone = rng.choice(r.phone[:2], size)
        r.address = rng.choice(r.address[:3], size)
        start = len(ex.id)
        for fname in ex.__dataclass_fields__:
            setattr(ex, fname, np.concatenate([getattr(ex, fname), getattr(r, fname)]))
        rings[int(k)] = np.arange(start, len(ex.id))
    return rings


def plan_lines(
    rng: np.random.Generator,
    pb: adapt.Playbook,
    per: dict[str, int],
    k_net: dict[str, int],
    ctrl: goods.Controlled,
) -> tuple[np.ndarray, np.ndarray]:
    """Network and date of every standalone fraudulent line: each network is busy over a
    window after its element's control date; sliced lots come in bursts of daily parcels."""
    nets, days = [], []
    base = 0
    for s in SCHEMES:
        k = k_net[s]
        ids = np.arange(base, base + k)
        base += k
        if s == "buried_line" or per[s] == 0:
            continue
        share = rng.dirichlet(np.ones(k) * 0.8)
        net = rng.choice(ids, per[s], p=share)
        since = np.maximum(ctrl.since[pb.item[net, 0]], START + 1)
        span = (END - since).astype(int)
        open_ = since + (rng.random(per[s]) * 0.3 * span).astype(int)
        day = open_ + (rng.random(per[s]) * (END - open_).astype(int)).astype(int)
        if s == "sliced_lot":
            order = np.argsort(net, kind="stable")
            net = net[order]
            burst = np.arange(per[s]) // 12
            first = day[order][burst * 0 + (burst * 12).clip(max=per[s] - 1)]
            day = first + (np.arange(per[s]) % 12)
            day = np.minimum(day, END)
        nets.append(net)
        days.append(day.astype("datetime64[D]"))
    return np.concatenate(nets), np.concatenate(days)


def bury_lines(
    w: flows.World, b: flows.Block, pb: adapt.Playbook, n: int, nets: np.ndarray
) -> None:
    """Hide ``buried_line`` fraud in sea consolidations' lines (one per declaration)."""
    size = np.bincount(b["_decl"])
    consol = (size[b["_decl"]] >= 30) & (b["mode"] == "sea") & ~b["_controlled"]
    cand = np.flatnonzero(consol)
    _, first = np.unique(b["_decl"][cand], return_index=True)
    pool = cand[first]
    extra = w.rng.choice(cand, min(len(cand), n * 2), replace=False)
    pool = np.unique(np.concatenate([pool, extra]))
    rows = w.rng.choice(pool, min(n, len(pool)), replace=False)
    net = w.rng.choice(nets, len(rows))
    b["_network"][rows] = net
    schemes.bury(w, b, rows, pb.front[net, 0], pb.item[net, 0])


def set_founding(
    ex: actors.Exporters,
    con: actors.Consignees,
    pb: adapt.Playbook,
    net: np.ndarray,
    epoch: np.ndarray,
    day: np.ndarray,
    seed: int,
) -> None:
    """Fronts are incorporated shortly before their first shipment (phoenixes weeks
    before, the first generation months or years before); so are detour consignees."""
    rng = np.random.default_rng(seed + 13)
    lead_new = rng.integers(20, 150, pb.front.shape)
    lead_old = rng.integers(90, 1500, pb.front.shape)
    lead_con = rng.integers(30, 240, pb.front.shape)
    first = pl.DataFrame({"n": net, "e": epoch, "d": day}).group_by("n", "e").agg(pl.col("d").min())
    for n_, e_, d_ in first.iter_rows():
        lead = lead_old[n_, e_] if e_ == 0 else lead_new[n_, e_]
        ex.founded[pb.front[n_, e_]] = np.datetime64(d_, "D") - lead
        if pb.scheme[n_] == "detour_route":
            con.incorporated[pb.consignee[n_, e_]] = np.datetime64(d_, "D") - lead_con[n_, e_]


def frame(b: flows.Block) -> pl.DataFrame:
    """A block as a Polars frame, with the declared value in dollars for the rules."""
    f = pl.DataFrame([column(k, v) for k, v in b.items()])
    f = f.with_columns(pl.col("declared_at").cast(pl.Date), pl.int_range(pl.len()).alias("_row"))
    fx = pl.col("currency").replace_strict(flows.FX, default=1.0)
    return f.with_columns((pl.col("value") / fx).alias("_usd_declared"))


def column(name: str, v: np.ndarray) -> pl.Series:
    """A block column as a typed series (text columns: missing cells null)."""
    if v.dtype != object:
        return pl.Series(name, v)
    # np.equal compares an object array with None elementwise; numpy's types take no None.
    missing = pl.Series(np.equal(v, None))  # type: ignore[call-overload]
    text = pl.Series(name, v.astype(str), dtype=pl.String)
    return pl.select(pl.when(missing).then(None).otherwise(text).alias(name)).to_series()


def found_dates(
    f: pl.DataFrame,
    ex: actors.Exporters,
    rate: float,
    audit_rate: float,
    diligence: dict[str, float],
    conf: dict[str, float],
) -> np.ndarray:
    """For each line of ``f``, the first date a check or an audit confirmed its fraud."""
    founded = ex.founded[f["_exp"].to_numpy()]
    border = inspect.border_checks(f, founded, rate, diligence, conf).filter(pl.col("_hit"))
    audit = inspect.audits(
        f.with_columns(pl.lit(None).alias("declaration_id")), audit_rate, conf
    ).filter(pl.col("_hit"))
    by_decl = (
        f.select("_row", "_decl", "_scheme")
        .filter(pl.col("_scheme") != "")
        .join(audit.select("_decl", "inspected_at"), on="_decl")
    )
    hits = pl.concat(
        [border.select("_row", "inspected_at"), by_decl.select("_row", "inspected_at")]
    )
    first = hits.group_by("_row").agg(pl.col("inspected_at").min())
    out = np.full(f.height, np.datetime64("NaT"), dtype="datetime64[D]")
    out[first["_row"].to_numpy()] = first["inspected_at"].to_numpy().astype("datetime64[D]")
    return out


def assign_ids(f: pl.DataFrame, rng: np.random.Generator) -> pl.DataFrame:
    """18-digit declaration numbers (customs code, year, export flag, serial), lines
    numbered within each declaration, file in date order."""
    d = f.group_by("_decl").agg(pl.col("port").first(), pl.col("declared_at").first()).sort("_decl")
    serial = rng.choice(10**9, d.height, replace=False)
    code = d["port"].replace_strict(flows.CUSTOMS_CODE).to_numpy()
    year = d["declared_at"].dt.year().to_numpy()
    ids = np.array(
        [f"{c}{y}0{s:09d}" for c, y, s in zip(code, year, serial, strict=True)], dtype=object
    )
    d = d.select("_decl").with_columns(pl.Series("declaration_id", ids, dtype=pl.String))
    f = f.join(d, on="_decl").sort("declared_at", "_decl", "_row")
    return f.with_columns(pl.int_range(1, pl.len() + 1).over("_decl").alias("line_no"))


def write(
    out: Path,
    f: pl.DataFrame,
    border: pl.DataFrame,
    audit: pl.DataFrame,
    optional: str,
    lic: list[dict[str, object]],
    w: flows.World,
    wl: pl.DataFrame,
    people: dict[str, np.ndarray],
    epoch: np.ndarray,
    plan_net: np.ndarray,
    plan_day: np.ndarray,
    pb: adapt.Playbook,
) -> None:
    """Every table of the world, its truth and which fraud came after adaptation."""
    (out / "truth").mkdir(parents=True, exist_ok=True)
    public = [c for c in ("declaration_id", "line_no", *flows.COLUMNS) if c in f.columns]
    cols = public if optional == "full" else list(REQUIRED)
    f.select(cols).write_csv(out / "declarations.csv")
    insp = pl.concat(
        [
            border.select(
                "declaration_id",
                pl.col("line_no").cast(pl.Int64),
                "inspected_at",
                "method",
                "result",
                "found_hs_code",
                "found_quantity_kg",
                pl.when(pl.col("result") == "undervalued")
                .then(
                    (
                        pl.col("_true_usd")
                        * pl.col("currency").replace_strict(flows.FX, default=1.0)
                    ).round(2)
                )
                .alias("found_value"),
            ),
            audit.select(
                "declaration_id",
                pl.lit(None, pl.Int64).alias("line_no"),
                "inspected_at",
                "method",
                "result",
            ),
        ],
        how="diagonal_relaxed",
    ).sort("inspected_at")
    insp.write_csv(out / "inspections.csv")
    fraud = f.filter(pl.col("_scheme") != "")
    fraud.select("declaration_id", "line_no", pl.col("_scheme").alias("scheme")).write_csv(
        out / "truth" / "lines.csv"
    )
    fraud.select(
        "declaration_id",
        "line_no",
        pl.col("_scheme").alias("scheme"),
        pl.col("_network").alias("network"),
        pl.col("_epoch").alias("generation"),
        (pl.col("_epoch") > 0).alias("adapted"),
        "exporter_id",
    ).write_csv(out / "truth" / "adapted.csv")
    if optional != "full":
        return
    extras.licences(lic).write_csv(out / "licenses.csv")
    wl.write_csv(out / "watchlist.csv")
    dissolved = dissolutions(pb, epoch, plan_net, plan_day)
    firms, rel = extras.parties(
        w.ex, w.con, people["en"], people["zh"], f["_exp"].unique().to_numpy(), dissolved
    )
    parties = pl.concat([firms, extras.watch_parties(wl, w.con)], how="diagonal_relaxed")
    parties.write_csv(out / "parties.csv")
    rel.write_csv(out / "relations.csv")
    extras.trade_stats(w.rng, f, actors.TRANSIT).write_csv(out / "trade_stats.csv")
    extras.prices(w).write_csv(out / "prices.csv")


def dissolutions(
    pb: adapt.Playbook, epoch: np.ndarray, net: np.ndarray, day: np.ndarray
) -> dict[int, np.datetime64]:
    """Fronts replaced by a phoenix: dissolved a week before the phoenix's first line."""
    out: dict[int, np.datetime64] = {}
    first = pl.DataFrame({"n": net, "e": epoch, "d": day}).group_by("n", "e").agg(pl.col("d").min())
    for n_, e_, d_ in first.iter_rows():
        if e_ > 0:
            out[int(pb.front[n_, e_ - 1])] = np.datetime64(d_, "D") - 7
    return out
