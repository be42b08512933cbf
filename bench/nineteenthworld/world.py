"""Making one world: population, schemes, honest trade, the chain, inspections,
statistics; then writing the dataset and its truth."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from nineteenthworld import chain, clock, geo, inspections, market, schemes, stats, traps, writer
from nineteenthworld.companies import CompanyTrade
from nineteenthworld.context import Context
from nineteenthworld.knobs import KnobError, Knobs, check_lines
from nineteenthworld.ledger import Ledger, Row, Truth
from nineteenthworld.licensed import LicensedTrade
from nineteenthworld.population import Population
from nineteenthworld.rand import stream
from nineteenthworld.residents import ResidentTrade

GENERATOR = "nineteenthworld"
VERSION = 1
#: Shares of the honest company trade (what is not residents' trade).
SEGMENTS = (
    ("rail_container", 0.36),
    ("licensed", 0.075),
    ("bonded", 0.08),
    ("misc", 0.015),
    ("industry", 0.47),
)


def generate(out: Path, lines: int, seed: int, **knobs: float) -> Path:
    """Write a land-frontier world of ``lines`` declaration lines under ``out``."""
    settings = Knobs.from_mapping(dict(knobs))
    lines = check_lines(lines)
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise KnobError(f"seed must be a whole number, got {seed!r}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    ctx = make(lines, seed, settings)
    write(ctx, out)
    return out


def make(lines: int, seed: int, settings: Knobs) -> Context:
    pop = Population(stream(seed, "population"))
    pop.build(lines)
    ctx = Context(seed, settings, lines, pop, Ledger(seed))
    chain.build_producers(ctx)
    fraud = round(lines * settings.fraud_share)
    scheme_lines = schemes.run_all(ctx, fraud)
    honest = lines - scheme_lines
    if honest < lines // 3:
        raise KnobError(f"the schemes took {scheme_lines} of {lines} lines; lower fraud_share")
    resident = round(honest * settings.resident_share)
    ResidentTrade(ctx).generate(resident)
    rest = honest - resident
    traders: list[CompanyTrade] = []
    licensed = LicensedTrade(ctx)
    left = rest
    for name, share in SEGMENTS:
        target = left if name == SEGMENTS[-1][0] else min(left, round(rest * share))
        if name == "licensed":
            made = licensed.generate(target)
        else:
            trade = CompanyTrade(ctx, name)
            made = trade.generate(target)
            traders.append(trade)
        left -= made
    _relations(ctx, traders, licensed)
    assert len(ctx.ledger.rows) == lines, (len(ctx.ledger.rows), lines)
    traps.lay(ctx)
    return ctx


def _relations(ctx: Context, trades: list[CompanyTrade], licensed: LicensedTrade) -> None:
    """Brokers are their clients' agents, in the registry as in the schemes."""
    rng = ctx.rng("relations")
    for trade in trades:
        for trader in trade.traders:
            if trader.declarant is not None and rng.random() < 0.5:
                ctx.pop.relate(
                    trader.declarant, trader.party, "agent", since=trader.party.incorporated_at
                )
    for trader in licensed.traders:
        if trader.declarant is not None and rng.random() < 0.5:
            ctx.pop.relate(trader.declarant, trader.party, "agent")


def write(ctx: Context, out: Path) -> None:
    ledger = ctx.ledger
    production = chain.production_rows(ctx)
    found = inspections.inspect(ctx)
    trade = stats.trade_rows(ctx)
    rows = sorted(ledger.rows, key=lambda r: (r["_at"], r["declaration_id"], r["line_no"]))
    writer.write_table(out, "declarations", rows)
    writer.write_table(out, "licenses", sorted(ledger.licences, key=lambda r: r["license_no"]))
    writer.write_table(out, "parties", [_party(p) for p in ctx.pop.parties if p.in_table])
    writer.write_table(out, "relations", ctx.pop.relations)
    writer.write_table(out, "facilities", chain.facility_rows(ctx))
    writer.write_table(
        out, "movements", sorted(ledger.movements, key=lambda m: (m["moved_at"], m["movement_id"]))
    )
    writer.write_table(out, "production", production)
    writer.write_table(
        out,
        "inspections",
        sorted(found, key=lambda r: (r["inspected_at"], r["declaration_id"], r["line_no"] or 0)),
    )
    writer.write_table(out, "trade_stats", trade)
    writer.write_table(out, "prices", market.price_rows())
    writer.write_table(out, "watchlist", ctx.pop.watchlist)
    truth = out / "truth"
    fraud = [r for r in rows if r["_truth"] is not None]
    writer.write_csv(
        truth / "lines.csv",
        [_truth_line(r) for r in fraud],
        ("declaration_id", "line_no", "scheme"),
    )
    writer.write_csv(truth / "lines_detail.csv", [_detail(r) for r in fraud], DETAIL)
    seen: set[tuple[str, str, str, str]] = set()
    parties = []
    for entry in ctx.ledger.ring_parties:
        if entry not in seen:
            seen.add(entry)
            parties.append(dict(zip(("party_id", "scheme", "ring", "role"), entry, strict=True)))
    writer.write_csv(truth / "parties.csv", parties, ("party_id", "scheme", "ring", "role"))
    writer.write_csv(
        truth / "traps.csv", traps.trap_rows(rows), ("declaration_id", "line_no", "traps")
    )
    writer.write_json(
        truth / "world.json",
        {
            "generator": GENERATOR,
            "version": VERSION,
            "lines": ctx.lines,
            "seed": ctx.seed,
            "knobs": ctx.knobs.as_dict(),
            "period": [clock.START.isoformat(), clock.END.isoformat()],
            "schemes": list(schemes.SCHEMES),
            "fraud_lines": len(fraud),
            "declarations": len({r["declaration_id"] for r in rows}),
            "inspections": len(found),
            "files": sorted(writer.FILES.values()),
        },
    )


DETAIL = (
    "declaration_id",
    "line_no",
    "scheme",
    "variant",
    "ring",
    "result",
    "port",
    "mode",
    "declared_on",
    "declared_hs",
    "true_hs",
    "true_material",
    "declared_kg",
    "true_kg",
    "declared_value_cny",
    "true_value_cny",
    "true_destination",
    "inspected",
    "found",
)


def _truth_line(row: Row) -> Row:
    truth: Truth = row["_truth"]
    return {
        "declaration_id": row["declaration_id"],
        "line_no": row["line_no"],
        "scheme": truth.scheme,
    }


def _detail(row: Row) -> Row:
    truth: Truth = row["_truth"]
    day: dt.date = row["_day"]
    return {
        "declaration_id": row["declaration_id"],
        "line_no": row["line_no"],
        "scheme": truth.scheme,
        "variant": truth.variant,
        "ring": truth.ring,
        "result": truth.result,
        "port": row["port"],
        "mode": row["mode"],
        "declared_on": day.isoformat(),
        "declared_hs": row["hs_code"],
        "true_hs": truth.true_hs,
        "true_material": truth.true_material,
        "declared_kg": row["net_weight_kg"],
        "true_kg": truth.true_kg,
        "declared_value_cny": round(row["value"] * geo.fx(row["currency"], day), 2),
        "true_value_cny": truth.true_value_cny,
        "true_destination": truth.true_destination,
        "inspected": bool(row.get("_inspected")),
        "found": bool(row.get("_hit")),
    }


def _party(p) -> Row:
    return {
        "party_id": p.party_id,
        "kind": p.kind,
        "name": p.name,
        "alt_names": p.alt_names() or None,
        "country": p.country,
        "address": p.address,
        "phone": p.phone,
        "email": p.email,
        "registration_id": p.registration_id,
        "incorporated_at": p.incorporated_at,
    }
