"""Who is asking: session cookies for pages, bearer tokens for the API; deny by default.

Every non-public route depends on :func:`page_user` or :func:`api_user`; both raise
before the view runs when there is no live credential. Page forms carry the
session's CSRF token, checked by :func:`check_csrf`.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, Form, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from orewatch.cases.auth import AuthError, Principal
from orewatch.cases.flows import FlowError
from orewatch.cases.service import NotFound
from orewatch.web.context import Workbench, workbench

SESSION_COOKIE = "orewatch_session"
LANG_COOKIE = "lang"

bearer = HTTPBearer(auto_error=False)


@dataclass(frozen=True)
class PageUser:
    """The principal behind a page request, its session CSRF token and language."""

    principal: Principal
    csrf: str
    lang: str


def language(request: Request) -> str:
    """``zh`` or ``en`` from the ``lang`` cookie (default English)."""
    return "zh" if request.cookies.get(LANG_COOKIE) == "zh" else "en"


def login_redirect(request: Request) -> str:
    """The login URL that comes back to this page."""
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return f"/login?next={quote(target, safe='')}"


async def page_user(request: Request, bench: Annotated[Workbench, Depends(workbench)]) -> PageUser:
    """The logged-in page user, or a 303 to the login page."""
    secret = request.cookies.get(SESSION_COOKIE, "")
    if not secret:
        raise HTTPException(303, "login required", headers={"Location": login_redirect(request)})
    try:
        principal, csrf = bench.service.resolve(secret, "session")
    except AuthError as error:
        raise HTTPException(
            303, "login required", headers={"Location": login_redirect(request)}
        ) from error
    return PageUser(principal, csrf, language(request))


async def api_user(
    bench: Annotated[Workbench, Depends(workbench)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Principal:
    """The principal behind a bearer token, or 401."""
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise HTTPException(401, "bearer token required", headers={"WWW-Authenticate": "Bearer"})
    try:
        principal, _ = bench.service.resolve(credentials.credentials, "token")
    except AuthError as error:
        raise HTTPException(401, str(error), headers={"WWW-Authenticate": "Bearer"}) from error
    return principal


def check_csrf(user: PageUser, token: str) -> None:
    """Refuse a form post whose CSRF token is not the session's."""
    if not hmac.compare_digest(user.csrf.encode(), token.encode()):
        raise HTTPException(403, "form expired or forged (CSRF token mismatch); reload the page")


async def csrf_form(csrf: Annotated[str, Form()] = "") -> str:
    """The CSRF token field of a posted form."""
    return csrf


def require(principal: Principal, permission: str) -> None:
    """403 unless the principal holds ``permission``."""
    if not principal.can(permission):
        raise HTTPException(403, f"{principal.username} lacks permission {permission}")


@contextmanager
def http_errors() -> Iterator[None]:
    """Turn service errors into HTTP answers that say why."""
    try:
        yield
    except NotFound as error:
        raise HTTPException(404, str(error) or "not found") from error
    except AuthError as error:
        raise HTTPException(403, str(error)) from error
    except (FlowError, ValueError) as error:
        raise HTTPException(400, str(error)) from error


def safe_next(target: str) -> str:
    """A same-site path to go back to (never another host)."""
    return target if target.startswith("/") and not target.startswith("//") else "/"
