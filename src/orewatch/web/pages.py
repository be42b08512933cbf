"""Server-rendered pages of the workbench (session cookie, CSRF-checked forms).

Views only translate HTTP to service calls and frames to templates; who may see or
do what is decided by the service (cases) and by permissions (screening pages need
``alerts.read``, which partner customs never hold). Reads of screening data about
declarations and parties are audited.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from orewatch.cases.auth import AuthError
from orewatch.cases.dossier import render_dossier
from orewatch.cases.flows import STATUSES
from orewatch.cases.schemas import AlertIn, CaseIn, EvidenceIn, SubjectIn
from orewatch.web import charts
from orewatch.web.context import Workbench, workbench
from orewatch.web.effectiveness import router as effectiveness_router
from orewatch.web.i18n import translator
from orewatch.web.outputs import (
    alert_queue,
    declaration_lines,
    facility,
    facility_flows,
    licence,
    material_flow,
    materials,
    neighbourhood,
    party,
    party_alerts,
    party_of_registration,
)
from orewatch.web.security import (
    LANG_COOKIE,
    SESSION_COOKIE,
    PageUser,
    check_csrf,
    csrf_form,
    http_errors,
    language,
    page_user,
    require,
    safe_next,
)

router = APIRouter(include_in_schema=False)
router.include_router(effectiveness_router)

Bench = Annotated[Workbench, Depends(workbench)]
User = Annotated[PageUser, Depends(page_user)]
Csrf = Annotated[str, Depends(csrf_form)]

STATIC = Path(__file__).parent / "static"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; frame-ancestors 'none'; form-action 'self'"
)
PAGE_SIZE = 50


def render(
    bench: Workbench, request: Request, user: PageUser | None, name: str, **context: Any
) -> HTMLResponse:
    """A template rendered with the common context and security headers."""
    lang = user.lang if user else language(request)
    response = bench.templates.TemplateResponse(
        request,
        name,
        {"t": translator(lang), "lang": lang, "user": user, "path": request.url.path} | context,
    )
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    return response


def open_cases(bench: Workbench, user: PageUser) -> list[Any]:
    """The user's agency's cases still open to evidence (for "add to case" forms)."""
    if not user.principal.can("cases.evidence"):
        return []
    return [
        c
        for c in bench.service.list_cases(user.principal)
        if c.agency_id == user.principal.agency_id and c.status != "closed"
    ]


def back(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


# -- public --------------------------------------------------------------------------


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, bench: Bench, next: str = "/", error: str = "") -> Response:
    return render(bench, request, None, "login.html", next=safe_next(next), error=error)


@router.post("/login")
def login(
    bench: Bench,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next: Annotated[str, Form()] = "/",
) -> Response:
    """Check the password; set an HttpOnly, SameSite=Strict session cookie."""
    try:
        _, secret, _ = bench.service.login(username, password)
    except AuthError:
        return back(f"/login?error=1&next={safe_next(next)}")
    response = back(safe_next(next))
    response.set_cookie(
        SESSION_COOKIE,
        secret,
        httponly=True,
        samesite="strict",
        secure=bench.secure_cookies,
        max_age=12 * 3600,
    )
    return response


@router.get("/lang/{code}")
def switch_language(code: str, next: str = "/alerts") -> Response:
    """Switch between Chinese and English (cookie), then go back."""
    if code not in {"en", "zh"}:
        raise HTTPException(404, "unknown language")
    response = back(safe_next(next))
    response.set_cookie(LANG_COOKIE, code, samesite="lax", max_age=365 * 86400)
    return response


@router.get("/static/{name}")
def static(name: str) -> Response:
    """The workbench's own CSS and JS (a fixed list of files, nothing else)."""
    allowed = {p.name for p in STATIC.iterdir() if p.is_file()}
    if name not in allowed:
        raise HTTPException(404, "no such file")
    return FileResponse(STATIC / name, headers={"Cache-Control": "public, max-age=3600"})


@router.get("/vendor/plotly.min.js")
def plotly_js() -> Response:
    """Plotly's browser bundle as shipped inside the installed ``plotly`` package."""
    path = Path(str(files("plotly") / "package_data" / "plotly.min.js"))
    return FileResponse(
        path, media_type="text/javascript", headers={"Cache-Control": "public, max-age=86400"}
    )


# -- session -------------------------------------------------------------------------


@router.post("/logout")
def logout(request: Request, bench: Bench, user: User, csrf: Csrf) -> Response:
    check_csrf(user, csrf)
    bench.service.logout(user.principal, request.cookies.get(SESSION_COOKIE, ""))
    response = back("/login")
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.get("/")
def home(user: User) -> Response:
    return back("/alerts" if user.principal.can("alerts.read") else "/cases")


# -- screening pages -----------------------------------------------------------------


@router.get("/alerts", response_class=HTMLResponse)
def alerts_page(
    request: Request,
    bench: Bench,
    user: User,
    channel: str = "",
    reason: str = "",
    q: str = "",
    page: int = 0,
) -> Response:
    """The alert queue, highest score first, filtered by channel, reason and id."""
    require(user.principal, "alerts.read")
    page = max(page, 0)
    rows, total = alert_queue(bench.outputs.alerts, channel, reason, q, PAGE_SIZE, page * PAGE_SIZE)
    bench.service.record_read(user.principal, "alerts", {"channel": channel, "reason": reason})
    return render(
        bench,
        request,
        user,
        "alerts.html",
        rows=rows.to_dicts(),
        total=total,
        page=page,
        pages=(total + PAGE_SIZE - 1) // PAGE_SIZE,
        channel=channel,
        reason=reason,
        q=q,
        reasons=bench.outputs.reasons[:40],
        loaded=not bench.outputs.alerts.is_empty(),
    )


@router.get("/declarations/{declaration_id}", response_class=HTMLResponse)
def declaration_page(request: Request, bench: Bench, user: User, declaration_id: str) -> Response:
    """A declaration: its lines, scores, reasons, explanation and licence."""
    require(user.principal, "alerts.read")
    lines = declaration_lines(bench.outputs, declaration_id)
    if lines.is_empty():
        raise HTTPException(404, f"no declaration {declaration_id}")
    rows = lines.to_dicts()
    licence_nos = sorted({str(r.get("license_no") or "") for r in rows} - {""})
    licences = [x for x in (licence(bench.outputs, n) for n in licence_nos) if x]
    bench.service.record_read(user.principal, f"declaration:{declaration_id}")
    cases = open_cases(bench, user)
    exporter = party_of_registration(bench.outputs, str(rows[0].get("exporter_id") or ""))
    return render(
        bench,
        request,
        user,
        "declaration.html",
        declaration_id=declaration_id,
        rows=rows,
        licences=licences,
        licence_nos=licence_nos,
        cases=cases,
        exporter_party=exporter,
    )


@router.get("/parties/{party_id}", response_class=HTMLResponse)
def party_page(request: Request, bench: Bench, user: User, party_id: str) -> Response:
    """A party: its record, its screening findings, its network drawn, its alerts."""
    require(user.principal, "alerts.read")
    record, scored = party(bench.outputs, party_id)
    if record is None and scored.is_empty():
        raise HTTPException(404, f"no party {party_id}")
    edges = neighbourhood(bench.outputs.relations, party_id)
    scores = {
        str(p): float(s or 0)
        for p, s in bench.outputs.parties.select("party_id", "score").iter_rows()
    }
    figure = charts.network_figure(edges, party_id, scores)
    registration = str((record or {}).get("registration_id") or "")
    bench.service.record_read(user.principal, f"party:{party_id}")
    return render(
        bench,
        request,
        user,
        "party.html",
        party_id=party_id,
        record=record,
        scored=scored.to_dicts(),
        edges=edges.to_dicts(),
        figure=figure,
        alerts=party_alerts(bench.outputs, registration).to_dicts(),
        cases=open_cases(bench, user),
    )


@router.get("/facilities/{facility_id}", response_class=HTMLResponse)
def facility_page(request: Request, bench: Bench, user: User, facility_id: str) -> Response:
    """A facility: monthly in/out per material and its flagged balance gaps."""
    require(user.principal, "alerts.read")
    record, gaps = facility(bench.outputs, facility_id)
    flows = facility_flows(bench.outputs.movements, facility_id)
    if record is None and gaps.is_empty() and flows.is_empty():
        raise HTTPException(404, f"no facility {facility_id}")
    figure = charts.balance_figure(flows, gaps)
    return render(
        bench,
        request,
        user,
        "facility.html",
        facility_id=facility_id,
        record=record,
        gaps=gaps.to_dicts(),
        figure=figure,
    )


@router.get("/materials", response_class=HTMLResponse)
def materials_page(request: Request, bench: Bench, user: User) -> Response:
    require(user.principal, "alerts.read")
    return render(
        bench,
        request,
        user,
        "materials.html",
        materials=materials(bench.outputs.movements),
        routes=bench.outputs.routes.head(30).to_dicts(),
    )


@router.get("/materials/{material}", response_class=HTMLResponse)
def material_page(request: Request, bench: Bench, user: User, material: str) -> Response:
    """A material's flow between facilities as a Sankey."""
    require(user.principal, "alerts.read")
    flows = material_flow(bench.outputs.movements, material)
    records = bench.outputs.facility_records
    labels = {}
    if "name" in records.columns:
        labels = {str(f): f"{f} {n}" for f, n in records.select("facility_id", "name").iter_rows()}
    return render(
        bench,
        request,
        user,
        "material.html",
        material=material,
        figure=charts.sankey_figure(flows, labels),
        flows=flows.height,
    )


# -- cases ---------------------------------------------------------------------------


@router.get("/cases", response_class=HTMLResponse)
def cases_page(request: Request, bench: Bench, user: User, status: str = "") -> Response:
    with http_errors():
        cases = bench.service.list_cases(user.principal, status or None)
    return render(bench, request, user, "cases.html", cases=cases, status=status, statuses=STATUSES)


@router.post("/cases")
def create_case(
    bench: Bench,
    user: User,
    csrf: Csrf,
    declaration_id: Annotated[str, Form()],
    title: Annotated[str, Form()],
    summary: Annotated[str, Form()] = "",
) -> Response:
    """Open a case from a declaration's alerted lines (all lines if none is alerted)."""
    check_csrf(user, csrf)
    require(user.principal, "alerts.read")
    lines = declaration_lines(bench.outputs, declaration_id)
    if lines.is_empty():
        raise HTTPException(404, f"no declaration {declaration_id}")
    flagged = lines.filter(lines["channel"] != "green") if "channel" in lines.columns else lines
    rows = (flagged if not flagged.is_empty() else lines).to_dicts()
    alerts = [
        AlertIn(
            declaration_id=declaration_id,
            line_no=int(r["line_no"]),
            score=float(r.get("score") or 0.0),
            channel=str(r.get("channel") or ""),
            reasons=str(r.get("reasons") or ""),
            explanation=str(r.get("explanation") or ""),
        )
        for r in rows
    ]
    first = rows[0]
    subjects = (
        [SubjectIn(party_id=str(first["exporter_id"]), name=str(first.get("exporter_name") or ""))]
        if first.get("exporter_id")
        else []
    )
    with http_errors():
        case_id = bench.service.create_case(
            user.principal, CaseIn(title=title, summary=summary, alerts=alerts, subjects=subjects)
        )
    return back(f"/cases/{case_id}")


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def case_page(request: Request, bench: Bench, user: User, case_id: int) -> Response:
    with http_errors():
        case = bench.service.get_case(user.principal, case_id)
    owner = case.owner_view
    return render(
        bench,
        request,
        user,
        "case.html",
        case=case,
        colleagues=bench.service.colleagues(user.principal) if owner else [],
        agencies=[a for a in bench.service.agencies() if a.id != case.agency_id] if owner else [],
        other_cases=[
            c
            for c in bench.service.list_cases(user.principal)
            if c.id != case_id and c.agency_id == user.principal.agency_id
        ]
        if owner
        else [],
        kinds=["declaration", "document", "licence_check", "lineage_trace", "network_snapshot"],
    )


@router.post("/cases/{case_id}/notes")
def add_note(
    bench: Bench,
    user: User,
    csrf: Csrf,
    case_id: int,
    body: Annotated[str, Form()],
    restricted: Annotated[bool, Form()] = False,
) -> Response:
    check_csrf(user, csrf)
    with http_errors():
        bench.service.add_note(user.principal, case_id, body, restricted)
    return back(f"/cases/{case_id}")


@router.post("/cases/{case_id}/evidence")
def add_evidence(
    bench: Bench,
    user: User,
    csrf: Csrf,
    case_id: int,
    kind: Annotated[str, Form()],
    reference: Annotated[str, Form()],
    source: Annotated[str, Form()],
    description: Annotated[str, Form()] = "",
    personal: Annotated[bool, Form()] = False,
) -> Response:
    """Attach evidence typed in by the analyst, with its stated source."""
    check_csrf(user, csrf)
    with http_errors():
        item = EvidenceIn.model_validate(
            {
                "kind": kind,
                "reference": reference,
                "source": source,
                "description": description,
                "personal": personal,
            }
        )
        bench.service.add_evidence(user.principal, case_id, item)
    return back(f"/cases/{case_id}")


@router.post("/evidence/declaration")
def attach_declaration(
    bench: Bench,
    user: User,
    csrf: Csrf,
    case_id: Annotated[int, Form()],
    declaration_id: Annotated[str, Form()],
) -> Response:
    """Attach a declaration (its lines and licences) as evidence, sourced to its file."""
    check_csrf(user, csrf)
    require(user.principal, "alerts.read")
    lines = declaration_lines(bench.outputs, declaration_id)
    if lines.is_empty():
        raise HTTPException(404, f"no declaration {declaration_id}")
    rows = [{k: (None if v is None else str(v)) for k, v in r.items()} for r in lines.to_dicts()]
    numbers = sorted({str(r.get("license_no") or "") for r in rows} - {""})
    item = EvidenceIn(
        kind="declaration",
        reference=declaration_id,
        source=f"declarations.csv in {bench.outputs.world_source or '-'}; alerts.csv in {bench.outputs.source}",  # noqa: E501
        description=f"{len(rows)} line(s); licences: {', '.join(numbers) or 'none'}",
        content={"lines": rows, "licences": [licence(bench.outputs, n) for n in numbers]},
    )
    with http_errors():
        bench.service.add_evidence(user.principal, case_id, item)
    return back(f"/cases/{case_id}")


@router.post("/evidence/network")
def attach_network(
    bench: Bench,
    user: User,
    csrf: Csrf,
    case_id: Annotated[int, Form()],
    party_id: Annotated[str, Form()],
) -> Response:
    """Attach a snapshot of a party's network (edges within two hops) as evidence."""
    check_csrf(user, csrf)
    require(user.principal, "alerts.read")
    edges = neighbourhood(bench.outputs.relations, party_id)
    item = EvidenceIn(
        kind="network_snapshot",
        reference=party_id,
        source=f"relations.csv in {bench.outputs.world_source or '-'}",
        description=f"{edges.height} relations within two hops of {party_id}",
        content={
            "edges": [
                {k: (None if v is None else str(v)) for k, v in r.items()} for r in edges.to_dicts()
            ]
        },
    )
    with http_errors():
        bench.service.add_evidence(user.principal, case_id, item)
    return back(f"/cases/{case_id}")


@router.post("/cases/{case_id}/status")
def change_status(
    bench: Bench,
    user: User,
    csrf: Csrf,
    case_id: int,
    status: Annotated[str, Form()],
    reason: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(user, csrf)
    with http_errors():
        bench.service.change_status(user.principal, case_id, status, reason)
    return back(f"/cases/{case_id}")


@router.post("/cases/{case_id}/assign")
def assign(
    bench: Bench, user: User, csrf: Csrf, case_id: int, user_id: Annotated[int, Form()]
) -> Response:
    check_csrf(user, csrf)
    with http_errors():
        bench.service.assign(user.principal, case_id, user_id)
    return back(f"/cases/{case_id}")


@router.post("/cases/{case_id}/share")
def share(
    bench: Bench,
    user: User,
    csrf: Csrf,
    case_id: int,
    agency_id: Annotated[str, Form()],
    release_personal: Annotated[bool, Form()] = False,
) -> Response:
    check_csrf(user, csrf)
    with http_errors():
        bench.service.share(user.principal, case_id, agency_id, release_personal)
    return back(f"/cases/{case_id}")


@router.post("/cases/{case_id}/link")
def link(
    bench: Bench,
    user: User,
    csrf: Csrf,
    case_id: int,
    other_case_id: Annotated[int, Form()],
    kind: Annotated[str, Form()] = "related",
) -> Response:
    check_csrf(user, csrf)
    with http_errors():
        bench.service.link(user.principal, case_id, other_case_id, kind)
    return back(f"/cases/{case_id}")


@router.get("/cases/{case_id}/dossier", response_class=HTMLResponse)
def dossier(bench: Bench, user: User, case_id: int) -> Response:
    """The transfer dossier (self-contained HTML, printable)."""
    with http_errors():
        case, trail = bench.service.dossier_case(user.principal, case_id)
    return HTMLResponse(render_dossier(case, trail), headers={"Content-Security-Policy": CSP})


@router.post("/cases/{case_id}/publication", response_class=HTMLResponse)
def publication(request: Request, bench: Bench, user: User, csrf: Csrf, case_id: int) -> Response:
    """Publish the case as a typical case (personal data removed) and show it."""
    check_csrf(user, csrf)
    with http_errors():
        published = bench.service.publish(user.principal, case_id)
    return render(bench, request, user, "publication.html", published=published)


@router.get("/audit", response_class=HTMLResponse)
def audit_page(request: Request, bench: Bench, user: User) -> Response:
    """The latest audit rows and the result of verifying the whole chain."""
    with http_errors():
        rows = bench.service.audit_recent(user.principal)
    return render(
        bench, request, user, "audit.html", rows=rows, report=bench.service.verify_audit()
    )
