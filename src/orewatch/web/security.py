"""Who is asking: session cookies for pages, bearer tokens for the API; deny by default.

Every non-public route depends on :func:`page_user` or :func:`api_user`; both raise
before the view runs when there is no live credential. Page forms carry the
session's CSRF token, checked by :func:`check_csrf`.
"""

from __future__ import annotations

import hmac
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, Form, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from orewatch.cases.auth import AuthError, Principal, digest
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


#: How long a bearer token's good verdict is trusted before the store is asked again. A
#: token that expires, or whose user is deactivated, is refused at most this much later.
TOKEN_VERDICT_SECONDS = 5.0


@dataclass
class TokenVerdicts:
    """The principals behind recently accepted bearer tokens, for a few seconds.

    Asking the store costs two reads on the event loop for every API request (about
    0.5 ms CPU and 2 ms wall each; BENCHMARKS.md, HTTP round 3), which a client sending
    many requests pays again and again for the same answer. Only good verdicts are kept
    (a refused token is asked about every time), by the token's digest, never longer
    than ``seconds``.
    """

    seconds: float = TOKEN_VERDICT_SECONDS
    clock: Callable[[], float] = time.monotonic
    #: At most this many tokens are remembered; beyond it the stale ones are dropped.
    capacity: int = 10_000
    _known: dict[str, tuple[Principal, float]] = field(default_factory=dict, repr=False)

    def get(self, secret: str) -> Principal | None:
        """The principal accepted for ``secret`` less than ``seconds`` ago, else None."""
        known = self._known.get(digest(secret))
        if known is None or known[1] <= self.clock():
            return None
        return known[0]

    def put(self, secret: str, principal: Principal) -> None:
        """Remember that the store accepted ``secret`` as ``principal`` just now."""
        now = self.clock()
        if len(self._known) >= self.capacity:
            self._known = {k: v for k, v in self._known.items() if v[1] > now}
            if len(self._known) >= self.capacity:
                self._known.clear()
        self._known[digest(secret)] = (principal, now + self.seconds)


def token_verdicts(request: Request) -> TokenVerdicts:
    """The app's token verdicts (made on first use)."""
    verdicts: TokenVerdicts | None = getattr(request.app.state, "token_verdicts", None)
    if verdicts is None:
        verdicts = request.app.state.token_verdicts = TokenVerdicts()
    return verdicts


async def api_user(
    request: Request,
    bench: Annotated[Workbench, Depends(workbench)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Principal:
    """The principal behind a bearer token, or 401 (good verdicts kept a few seconds:
    :class:`TokenVerdicts`)."""
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise HTTPException(401, "bearer token required", headers={"WWW-Authenticate": "Bearer"})
    verdicts = token_verdicts(request)
    known = verdicts.get(credentials.credentials)
    if known is not None:
        return known
    try:
        principal, _ = bench.service.resolve(credentials.credentials, "token")
    except AuthError as error:
        raise HTTPException(401, str(error), headers={"WWW-Authenticate": "Bearer"}) from error
    verdicts.put(credentials.credentials, principal)
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
