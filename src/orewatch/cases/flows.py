"""The case status flow: which step may follow which, and which steps need a reason.

open → investigating → administrative_penalty | transferred → closed. A case may
also be closed from ``open`` or ``investigating`` (no violation found), always with
a reason. Pure data and pure functions: the service enforces, the pages display.
"""

from __future__ import annotations

from dataclasses import dataclass

STATUSES: tuple[str, ...] = (
    "open",
    "investigating",
    "administrative_penalty",
    "transferred",
    "closed",
)

TRANSITIONS: dict[str, frozenset[str]] = {
    "open": frozenset({"investigating", "closed"}),
    "investigating": frozenset({"administrative_penalty", "transferred", "closed"}),
    "administrative_penalty": frozenset({"closed"}),
    "transferred": frozenset({"closed"}),
    "closed": frozenset(),
}

#: Steps that must carry a written reason (they decide something about a party).
NEEDS_REASON: frozenset[str] = frozenset({"administrative_penalty", "transferred", "closed"})


class FlowError(ValueError):
    """A status change the flow does not allow, with the allowed next steps."""


@dataclass(frozen=True)
class Step:
    """A checked status change."""

    from_status: str
    to_status: str
    reason: str


def next_statuses(status: str) -> list[str]:
    """The statuses that may follow ``status``, in flow order."""
    allowed = TRANSITIONS.get(status, frozenset())
    return [s for s in STATUSES if s in allowed]


def check_step(current: str, target: str, reason: str) -> Step:
    """Validate ``current → target``; raise :class:`FlowError` saying why not."""
    if target not in STATUSES:
        raise FlowError(f"unknown status {target!r}; known: {', '.join(STATUSES)}")
    if target not in TRANSITIONS.get(current, frozenset()):
        allowed = ", ".join(next_statuses(current)) or "none (the case is closed)"
        raise FlowError(f"cannot go from {current!r} to {target!r}; allowed: {allowed}")
    if target in NEEDS_REASON and not reason.strip():
        raise FlowError(f"moving to {target!r} needs a reason")
    return Step(current, target, reason.strip())
