"""The JSON API of the workbench (``/api/v1``): bearer tokens, every route authorised.

Thin: each endpoint resolves the caller, calls :class:`CaseService` and returns its
(already redacted) models. Alerts are read from the loaded screening outputs and
only by principals holding ``alerts.read``; each read is audited.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import HTMLResponse

from orewatch.cases.auth import AuthError, Principal
from orewatch.cases.dossier import render_dossier
from orewatch.cases.schemas import (
    AssignIn,
    AuditReport,
    CaseIn,
    CaseOut,
    CaseSummary,
    EvidenceIn,
    LinkIn,
    NoteIn,
    ShareIn,
    StatusIn,
    TokenIn,
    TokenOut,
    TypicalCase,
)
from orewatch.web.context import Workbench, workbench
from orewatch.web.outputs import alert_queue
from orewatch.web.security import api_user, http_errors, require

router = APIRouter(prefix="/api/v1", tags=["cases"])

Bench = Annotated[Workbench, Depends(workbench)]
Caller = Annotated[Principal, Depends(api_user)]


@router.post("/auth/token", response_model=TokenOut)
def token(body: TokenIn, bench: Bench) -> TokenOut:
    """Exchange a username and password for a bearer token (30 days)."""
    try:
        _, secret, _ = bench.service.login(body.username, body.password, kind="token")
    except AuthError as error:
        raise HTTPException(401, str(error)) from error
    return TokenOut(token=secret)


@router.get("/alerts")
def alerts(
    bench: Bench,
    caller: Caller,
    channel: str = "",
    reason: str = "",
    q: str = "",
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    """A page of the alert queue, highest score first."""
    require(caller, "alerts.read")
    page, total = alert_queue(bench.outputs.alerts, channel, reason, q, limit, offset)
    bench.service.record_read(caller, "alerts", {"channel": channel, "reason": reason, "q": q})
    return {"total": total, "offset": offset, "alerts": page.to_dicts()}


@router.get("/cases", response_model=list[CaseSummary])
def list_cases(bench: Bench, caller: Caller, status: str = "") -> list[CaseSummary]:
    """Cases the caller's agency owns or was shared."""
    with http_errors():
        return bench.service.list_cases(caller, status or None)


@router.post("/cases", response_model=CaseOut, status_code=201)
def create_case(body: CaseIn, bench: Bench, caller: Caller) -> CaseOut:
    """Open a case from one or many alerts."""
    with http_errors():
        case_id = bench.service.create_case(caller, body)
        return bench.service.get_case(caller, case_id)


@router.get("/cases/{case_id}", response_model=CaseOut)
def get_case(case_id: int, bench: Bench, caller: Caller) -> CaseOut:
    """One case, redacted for the caller."""
    with http_errors():
        return bench.service.get_case(caller, case_id)


@router.post("/cases/{case_id}/notes", response_model=CaseOut)
def add_note(case_id: int, body: NoteIn, bench: Bench, caller: Caller) -> CaseOut:
    with http_errors():
        bench.service.add_note(caller, case_id, body.body, body.restricted)
        return bench.service.get_case(caller, case_id)


@router.post("/cases/{case_id}/evidence", response_model=CaseOut)
def add_evidence(case_id: int, body: EvidenceIn, bench: Bench, caller: Caller) -> CaseOut:
    with http_errors():
        bench.service.add_evidence(caller, case_id, body)
        return bench.service.get_case(caller, case_id)


@router.post("/cases/{case_id}/status", response_model=CaseOut)
def change_status(case_id: int, body: StatusIn, bench: Bench, caller: Caller) -> CaseOut:
    with http_errors():
        bench.service.change_status(caller, case_id, body.status, body.reason)
        return bench.service.get_case(caller, case_id)


@router.post("/cases/{case_id}/assign", response_model=CaseOut)
def assign(case_id: int, body: AssignIn, bench: Bench, caller: Caller) -> CaseOut:
    with http_errors():
        bench.service.assign(caller, case_id, body.user_id)
        return bench.service.get_case(caller, case_id)


@router.post("/cases/{case_id}/links", response_model=CaseOut)
def link(case_id: int, body: LinkIn, bench: Bench, caller: Caller) -> CaseOut:
    with http_errors():
        bench.service.link(caller, case_id, body.other_case_id, body.kind)
        return bench.service.get_case(caller, case_id)


@router.post("/cases/{case_id}/shares", response_model=CaseOut)
def share(case_id: int, body: ShareIn, bench: Bench, caller: Caller) -> CaseOut:
    with http_errors():
        bench.service.share(caller, case_id, body.agency_id, body.release_personal)
        return bench.service.get_case(caller, case_id)


@router.get("/cases/{case_id}/dossier", response_class=HTMLResponse)
def dossier(case_id: int, bench: Bench, caller: Caller) -> HTMLResponse:
    """The transfer dossier as one HTML document."""
    with http_errors():
        case, trail = bench.service.dossier_case(caller, case_id)
    return HTMLResponse(render_dossier(case, trail))


@router.post("/cases/{case_id}/publication", response_model=TypicalCase)
def publish(case_id: int, bench: Bench, caller: Caller) -> TypicalCase:
    """The case as a typical case, personal data removed."""
    with http_errors():
        return bench.service.publish(caller, case_id)


@router.get("/audit/verify", response_model=AuditReport)
def verify(bench: Bench, caller: Caller) -> AuditReport:
    """Recompute the audit chain (auditors)."""
    require(caller, "audit.read")
    return bench.service.verify_audit()
