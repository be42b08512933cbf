"""Login and authorisation: argon2 password hashes, sessions and tokens, roles.

Deny by default: a :class:`Principal` may do only what its roles grant
(:data:`ROLE_PERMISSIONS`), and may see a case only if its agency owns it or the
case is explicitly shared with that agency. Partner customs never see the alert
queue or screening pages. Secrets are random, shown once, stored as SHA-256.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from orewatch.cases.models import Credential, User, utcnow

#: Permission names, granted by role.
ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    "viewer": frozenset({"cases.read"}),
    "analyst": frozenset(
        {"cases.read", "cases.create", "cases.note", "cases.evidence", "alerts.read"}
    ),
    "supervisor": frozenset(
        {
            "cases.read",
            "cases.create",
            "cases.note",
            "cases.evidence",
            "cases.assign",
            "cases.status",
            "cases.share",
            "cases.link",
            "cases.publish",
            "cases.dossier",
            "alerts.read",
        }
    ),
    "partner": frozenset({"cases.read", "cases.note"}),
    "auditor": frozenset({"cases.read", "audit.read"}),
    "admin": frozenset({"audit.read", "users.manage"}),
}

SESSION_HOURS = 12
TOKEN_DAYS = 30


class AuthError(PermissionError):
    """Not logged in, bad credentials, or not allowed; the message says which."""


@dataclass(frozen=True)
class Principal:
    """A logged-in user as the rest of the system sees them."""

    user_id: int
    username: str
    display_name: str
    agency_id: str
    agency_kind: str
    roles: frozenset[str]

    @property
    def permissions(self) -> frozenset[str]:
        """Every permission any of the user's roles grants."""
        granted: set[str] = set()
        for role in self.roles:
            granted |= ROLE_PERMISSIONS.get(role, frozenset())
        if self.agency_kind == "partner_customs":
            granted -= {"alerts.read", "cases.create"}
        return frozenset(granted)

    def can(self, permission: str) -> bool:
        """Whether the user holds ``permission``."""
        return permission in self.permissions

    def require(self, permission: str) -> None:
        """Raise :class:`AuthError` unless the user holds ``permission``."""
        if not self.can(permission):
            raise AuthError(f"{self.username} lacks permission {permission}")


def hasher() -> PasswordHasher:
    """argon2id with the library's recommended parameters."""
    return PasswordHasher()


def hash_password(password: str, ph: PasswordHasher | None = None) -> str:
    """The argon2id hash of ``password`` (refuses passwords shorter than 8)."""
    if len(password) < 8:
        raise ValueError("password must have at least 8 characters")
    return (ph or hasher()).hash(password)


def principal_of(user: User) -> Principal:
    """The :class:`Principal` of a stored user."""
    return Principal(
        user_id=user.id,
        username=user.username,
        display_name=user.display_name or user.username,
        agency_id=user.agency_id,
        agency_kind=user.agency.kind,
        roles=frozenset(user.roles.split()),
    )


def authenticate(
    session: Session, username: str, password: str, ph: PasswordHasher | None = None
) -> Principal:
    """Check a username and password; the same error whichever of the two is wrong."""
    ph = ph or hasher()
    user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
    if user is None or not user.active:
        ph.hash("timing-equaliser")
        raise AuthError("unknown user or wrong password")
    try:
        ph.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError) as error:
        raise AuthError("unknown user or wrong password") from error
    return principal_of(user)


def digest(secret: str) -> str:
    """SHA-256 of a session or token secret (what the store keeps)."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def issue(session: Session, principal: Principal, kind: str) -> tuple[str, str]:
    """Create a ``session`` or ``token`` credential; return (secret, csrf token)."""
    secret = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(24)
    life = timedelta(hours=SESSION_HOURS) if kind == "session" else timedelta(days=TOKEN_DAYS)
    session.add(
        Credential(
            token_hash=digest(secret),
            kind=kind,
            user_id=principal.user_id,
            csrf=csrf,
            expires_at=utcnow() + life,
        )
    )
    return secret, csrf


def resolve(session: Session, secret: str, kind: str) -> tuple[Principal, str]:
    """The principal and CSRF token behind a live credential, else :class:`AuthError`."""
    credential = session.get(Credential, digest(secret))
    if credential is None or credential.kind != kind:
        raise AuthError("not logged in")
    expires = credential.expires_at
    if expires.tzinfo is None:
        expires = expires.replace(tzinfo=utcnow().tzinfo)
    if expires < utcnow():
        raise AuthError("session expired")
    user = session.get(User, credential.user_id)
    if user is None or not user.active:
        raise AuthError("not logged in")
    return principal_of(user), credential.csrf


def revoke(session: Session, secret: str) -> None:
    """Forget a credential (log out)."""
    session.execute(delete(Credential).where(Credential.token_hash == digest(secret)))
