"""API and view models of cases (Pydantic), separate from the ORM tables.

What the service returns is already redacted for the reader: a model built for a
partner-customs user holds no personal data the case does not release to them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

EvidenceKind = Literal[
    "declaration", "document", "licence_check", "lineage_trace", "network_snapshot"
]
LinkKind = Literal["related", "same_network", "follow_up"]

WITHHELD = "[withheld]"


class Frozen(BaseModel):
    """Immutable model base."""

    model_config = ConfigDict(frozen=True)


class AlertIn(Frozen):
    """An alert row as screening wrote it (``alerts.csv``)."""

    declaration_id: str = Field(min_length=1, max_length=40)
    line_no: int = Field(ge=1)
    score: float
    channel: str
    reasons: str = ""
    explanation: str = ""


class SubjectIn(Frozen):
    """A party a case is about; ``personal`` marks a natural person."""

    party_id: str = Field(min_length=1, max_length=40)
    name: str = ""
    role: str = "exporter"
    personal: bool = False


class CaseIn(Frozen):
    """A new case: from one or many alerts."""

    title: str = Field(min_length=3, max_length=300)
    summary: str = ""
    alerts: list[AlertIn] = Field(min_length=1)
    subjects: list[SubjectIn] = []


class NoteIn(Frozen):
    body: str = Field(min_length=1, max_length=20000)
    restricted: bool = False


class EvidenceIn(Frozen):
    """Evidence with its provenance: where it came from (``source``) and what it is."""

    kind: EvidenceKind
    reference: str = Field(min_length=1, max_length=300)
    source: str = Field(min_length=1, max_length=300)
    description: str = ""
    content: dict[str, Any] = {}
    personal: bool = False


class StatusIn(Frozen):
    status: str
    reason: str = ""


class AssignIn(Frozen):
    user_id: int


class LinkIn(Frozen):
    other_case_id: int
    kind: LinkKind = "related"


class ShareIn(Frozen):
    agency_id: str
    release_personal: bool = False


class TokenIn(Frozen):
    username: str
    password: str


class TokenOut(Frozen):
    token: str
    token_type: str = "bearer"


class AlertOut(AlertIn):
    pass


class SubjectOut(SubjectIn):
    pass


class NoteOut(Frozen):
    id: int
    author: str
    agency_id: str
    body: str
    restricted: bool
    created_at: datetime


class EvidenceOut(Frozen):
    id: int
    kind: str
    reference: str
    source: str
    description: str
    content: dict[str, Any]
    sha256: str
    personal: bool
    added_by: str
    captured_at: datetime


class StatusChangeOut(Frozen):
    from_status: str
    to_status: str
    reason: str
    by: str
    at: datetime


class LinkOut(Frozen):
    case_id: int
    kind: str
    title: str


class ShareOut(Frozen):
    agency_id: str
    release_personal: bool


class CaseSummary(Frozen):
    id: int
    title: str
    agency_id: str
    status: str
    assignee: str | None
    alerts: int
    created_at: datetime
    updated_at: datetime


class CaseOut(Frozen):
    """A case as one reader may see it (``redacted`` says whether data was withheld)."""

    id: int
    title: str
    summary: str
    agency_id: str
    status: str
    status_reason: str
    assignee: str | None
    created_by: str
    created_at: datetime
    updated_at: datetime
    owner_view: bool
    redacted: bool
    next_statuses: list[str]
    alerts: list[AlertOut]
    subjects: list[SubjectOut]
    notes: list[NoteOut]
    evidence: list[EvidenceOut]
    history: list[StatusChangeOut]
    links: list[LinkOut]
    shares: list[ShareOut]


class TypicalCase(Frozen):
    """A case published as a typical case: no names, identifiers or notes."""

    case_ref: str
    title: str
    summary: str
    outcome: str
    reasons: list[str]
    steps: list[str]
    evidence_kinds: dict[str, int]
    published_at: datetime


class AuditRow(Frozen):
    seq: int
    at: str
    actor: str
    agency_id: str
    action: str
    target: str
    detail: str


class AuditReport(Frozen):
    rows: int
    ok: bool
    problems: list[str]
