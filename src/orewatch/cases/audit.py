"""The append-only, hash-chained audit log.

Every change and every read of restricted data appends one row in the same
transaction as the act it records. Each row's ``hash`` is the SHA-256 of the
previous row's hash and the row's own canonical content, so altering, deleting or
reordering any row breaks the chain from that row on; :func:`verify` finds where.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from orewatch.cases.models import AuditEntry, utcnow

GENESIS = "0" * 64


@dataclass(frozen=True)
class Actor:
    """Who did something: a username and agency (``system`` for set-up steps)."""

    username: str
    agency_id: str


SYSTEM = Actor("system", "-")


@dataclass(frozen=True)
class Problem:
    """One break in the chain: the row's sequence number and what is wrong."""

    seq: int
    issue: str


def row_hash(
    prev_hash: str,
    seq: int,
    at: str,
    actor: str,
    agency_id: str,
    action: str,
    target: str,
    detail: str,
) -> str:
    """SHA-256 over the previous hash and this row's fields, canonically encoded."""
    payload = json.dumps(
        [prev_hash, seq, at, actor, agency_id, action, target, detail],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append(
    session: Session,
    actor: Actor,
    action: str,
    target: str,
    detail: Mapping[str, Any] | None = None,
) -> AuditEntry:
    """Append one row after the current last one (call inside a write transaction)."""
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    seq, prev = (1, GENESIS) if last is None else (last[0] + 1, last[1])
    at = utcnow().isoformat(timespec="microseconds")
    body = json.dumps(dict(detail or {}), ensure_ascii=False, sort_keys=True, default=str)
    entry = AuditEntry(
        seq=seq,
        at=at,
        actor=actor.username,
        agency_id=actor.agency_id,
        action=action,
        target=target,
        detail=body,
        prev_hash=prev,
        hash=row_hash(prev, seq, at, actor.username, actor.agency_id, action, target, body),
    )
    session.add(entry)
    session.flush()
    return entry


def check_chain(rows: Iterable[AuditEntry]) -> list[Problem]:
    """Every break in ``rows`` (read in storage order, expected to be seq 1, 2, 3...)."""
    problems: list[Problem] = []
    expected_seq, prev = 1, GENESIS
    for row in rows:
        if row.seq != expected_seq:
            problems.append(
                Problem(row.seq, f"expected row {expected_seq} here (deleted or reordered)")
            )
        if row.prev_hash != prev:
            problems.append(
                Problem(row.seq, "previous-hash link broken (row deleted, inserted or reordered)")
            )
        recomputed = row_hash(
            row.prev_hash,
            row.seq,
            row.at,
            row.actor,
            row.agency_id,
            row.action,
            row.target,
            row.detail,
        )
        if recomputed != row.hash:
            problems.append(Problem(row.seq, "content does not match its hash (row altered)"))
        expected_seq, prev = row.seq + 1, row.hash
    return problems


def verify(session: Session) -> tuple[int, list[Problem]]:
    """Check the whole log in sequence order; return the row count and every problem.

    The sequence number is hashed with each row, so renumbering rows to reorder
    them is an alteration, a deleted row leaves a gap and a broken link, and a
    swap of two rows' contents breaks both rows' links.
    """
    total = session.execute(select(func.count()).select_from(AuditEntry)).scalar_one()
    rows = session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars()
    return int(total), check_chain(rows)


def recent(session: Session, limit: int = 200) -> list[AuditEntry]:
    """The latest ``limit`` rows, newest first (for the audit page)."""
    return list(
        session.execute(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(limit)).scalars()
    )
