"""Honest traps and honest noise, laid on the honest lines once the trade is made.

Traps are things honest trade really does that look like fraud to a naive rule (they
are listed per line in ``truth/traps.csv``); noise is the clerical mess of real data,
on a share ``honest_noise`` of honest lines.
"""

from __future__ import annotations

from collections import defaultdict

from nineteenthworld import names
from nineteenthworld.context import Context
from nineteenthworld.ledger import NOISE_KINDS, Row, apply_noise
from nineteenthworld.rand import pick_pairs

EXOTIC = {"RUB", "KZT", "MNT", "VND", "THB"}


def lay(ctx: Context) -> None:
    rng = ctx.rng("traps")
    pop = ctx.pop
    honest = [r for r in ctx.ledger.rows if r["_truth"] is None]
    hubs = {p.party_id for ps in pop.hubs.values() for p in ps}
    lookalikes = pop.lookalike_names()
    shared = {a for _, a in names.SHARED_ADDRESSES}
    ftz = {p.registration_id for p in pop.parties if p.address in shared}
    written: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in honest:
        written[row.get("_buyer", "")][row["consignee_name"]] += 1
    usual = {
        buyer: max(sorted(counts), key=lambda n: counts[n]) for buyer, counts in written.items()
    }
    for row in honest:
        traps: list[str] = row["_traps"]
        if row["currency"] in EXOTIC:
            traps.append("exotic_currency")
        if str(row["declared_at"]).endswith("+06:00"):
            traps.append("xinjiang_time")
        if row.get("_buyer") in hubs:
            traps.append("hub_consignee")
        if row["consignee_name"] in lookalikes:
            traps.append("watchlist_lookalike")
        if row["exporter_id"] in ftz and "shared_ftz_address" not in traps:
            traps.append("shared_ftz_address")
        if row["consignee_name"] != usual.get(row.get("_buyer", ""), row["consignee_name"]):
            # The buyer is usually written another way (Cyrillic against Latin).
            traps.append("multi_script_name")
    share = ctx.knobs.honest_noise
    for row in honest:
        if rng.random() >= share:
            continue
        for _ in range(3):
            if apply_noise(rng, row, pick_pairs(rng, NOISE_KINDS)):
                break


def trap_rows(rows: list[Row]) -> list[Row]:
    out = []
    for row in rows:
        if row["_truth"] is None and row["_traps"]:
            out.append(
                {
                    "declaration_id": row["declaration_id"],
                    "line_no": row["line_no"],
                    "traps": ";".join(dict.fromkeys(row["_traps"])),
                }
            )
    return out
