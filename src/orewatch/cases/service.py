"""The case service: every case operation, authorised and audited in one place.

Views (API and pages) call these methods with the caller's :class:`Principal`; the
service decides what that principal may see and do (deny by default), writes the
change and its audit row in one transaction, and returns redacted models. A case
that a principal may not see is reported as not found, so its existence leaks not.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from orewatch.cases import audit, auth, flows, privacy
from orewatch.cases.models import (
    Agency,
    AuditEntry,
    Case,
    CaseAlert,
    CaseLink,
    Evidence,
    Note,
    Share,
    StatusChange,
    Subject,
    User,
    utcnow,
)
from orewatch.cases.schemas import (
    WITHHELD,
    AlertOut,
    AuditReport,
    AuditRow,
    CaseIn,
    CaseOut,
    CaseSummary,
    EvidenceIn,
    EvidenceOut,
    LinkOut,
    NoteOut,
    ShareOut,
    StatusChangeOut,
    SubjectOut,
    TypicalCase,
)
from orewatch.cases.store import CaseStore

#: Outcomes after which a case may be published as a typical case.
PUBLISHABLE = frozenset({"administrative_penalty", "transferred", "closed"})


def audit_row(entry: AuditEntry) -> AuditRow:
    """An audit log entry as the API and the dossier show it."""
    return AuditRow(
        seq=entry.seq,
        at=entry.at,
        actor=entry.actor,
        agency_id=entry.agency_id,
        action=entry.action,
        target=entry.target,
        detail=entry.detail,
    )


class NotFound(LookupError):
    """No such case, or none the caller may see."""


@dataclass(frozen=True)
class Access:
    """How a principal sees a case: as its owner, or through a share."""

    owner: bool
    release_personal: bool


def actor_of(principal: auth.Principal) -> audit.Actor:
    """The audit actor for a principal."""
    return audit.Actor(principal.username, principal.agency_id)


def evidence_hash(kind: str, reference: str, source: str, content: dict[str, Any]) -> str:
    """SHA-256 of an evidence item's canonical JSON: proves it was not changed later."""
    payload = json.dumps(
        [kind, reference, source, content], ensure_ascii=False, sort_keys=True, default=str
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class CaseService:
    """Operations on cases, users and the audit log over one :class:`CaseStore`."""

    def __init__(self, store: CaseStore, password_hasher: PasswordHasher | None = None) -> None:
        """``password_hasher``: argon2id with the library defaults unless given."""
        self.store = store
        self.password_hasher = password_hasher or auth.hasher()

    # -- agencies and users -------------------------------------------------------

    def ensure_agency(
        self, agency_id: str, name: str, name_zh: str = "", kind: str = "domestic"
    ) -> None:
        """Create the agency if it is missing (idempotent set-up step)."""
        if kind not in {"domestic", "partner_customs"}:
            raise ValueError(f"agency kind {kind!r}: expected domestic or partner_customs")
        with self.store.write() as session:
            if session.get(Agency, agency_id) is None:
                session.add(Agency(id=agency_id, name=name, name_zh=name_zh, kind=kind))
                audit.append(
                    session,
                    audit.SYSTEM,
                    "agency.create",
                    f"agency:{agency_id}",
                    {"name": name, "kind": kind},
                )

    def create_user(
        self,
        username: str,
        password: str,
        agency_id: str,
        roles: Sequence[str],
        display_name: str = "",
        by: auth.Principal | None = None,
    ) -> int:
        """Add a user (by an admin, or by the system at set-up); returns the user id."""
        if by is not None:
            by.require("users.manage")
        unknown = set(roles) - set(auth.ROLE_PERMISSIONS)
        if unknown:
            raise ValueError(
                f"unknown roles {sorted(unknown)}; known: {sorted(auth.ROLE_PERMISSIONS)}"
            )
        with self.store.write() as session:
            if session.get(Agency, agency_id) is None:
                raise ValueError(f"unknown agency {agency_id!r}")
            if session.execute(select(User.id).where(User.username == username)).first():
                raise ValueError(f"user {username!r} exists")
            user = User(
                username=username,
                display_name=display_name or username,
                agency_id=agency_id,
                roles=" ".join(sorted(roles)),
                password_hash=auth.hash_password(password, self.password_hasher),
            )
            session.add(user)
            session.flush()
            actor = audit.SYSTEM if by is None else actor_of(by)
            audit.append(
                session,
                actor,
                "user.create",
                f"user:{username}",
                {"agency": agency_id, "roles": sorted(roles)},
            )
            return user.id

    def principal(self, username: str) -> auth.Principal:
        """The principal of a stored user, without a password (trusted callers only)."""
        with self.store.read() as session:
            user = session.execute(
                select(User).where(User.username == username)
            ).scalar_one_or_none()
            if user is None:
                raise NotFound(f"no user {username!r}")
            return auth.principal_of(user)

    def has_users(self) -> bool:
        """Whether any user exists (first start of a fresh store)."""
        with self.store.read() as session:
            return session.execute(select(User.id).limit(1)).first() is not None

    def agencies(self) -> list[Agency]:
        """Every agency (for share forms)."""
        with self.store.read() as session:
            return list(session.execute(select(Agency).order_by(Agency.id)).scalars())

    def colleagues(self, principal: auth.Principal) -> list[tuple[int, str]]:
        """Users of the principal's agency (for assignment)."""
        with self.store.read() as session:
            rows = session.execute(
                select(User.id, User.display_name)
                .where(User.agency_id == principal.agency_id, User.active.is_(True))
                .order_by(User.display_name)
            )
            return [(int(r[0]), str(r[1])) for r in rows]

    # -- login --------------------------------------------------------------------

    def login(
        self, username: str, password: str, kind: str = "session"
    ) -> tuple[auth.Principal, str, str]:
        """Check the password and issue a session or API token: (principal, secret, csrf).

        The slow argon2 check runs outside the write lock; a failure is audited too.
        """
        with self.store.read() as session:
            try:
                principal: auth.Principal | None = auth.authenticate(
                    session, username, password, self.password_hasher
                )
            except auth.AuthError:
                principal = None
        with self.store.write() as session:
            if principal is None:
                actor = audit.Actor(username[:80], "-")
                audit.append(session, actor, "login.failed", f"user:{username[:100]}")
        if principal is None:
            raise auth.AuthError("unknown user or wrong password")
        with self.store.write() as session:
            secret, csrf = auth.issue(session, principal, kind)
            audit.append(session, actor_of(principal), f"login.{kind}", f"user:{username}")
            return principal, secret, csrf

    def resolve(self, secret: str, kind: str) -> tuple[auth.Principal, str]:
        """The principal behind a cookie or bearer token."""
        with self.store.read() as session:
            return auth.resolve(session, secret, kind)

    def logout(self, principal: auth.Principal, secret: str) -> None:
        """End a session."""
        with self.store.write() as session:
            auth.revoke(session, secret)
            audit.append(session, actor_of(principal), "logout", f"user:{principal.username}")

    def record_read(
        self, principal: auth.Principal, what: str, detail: dict[str, Any] | None = None
    ) -> None:
        """Audit a read of restricted data made outside the case store (alerts, parties)."""
        with self.store.write() as session:
            audit.append(session, actor_of(principal), "read", what, detail)

    # -- access -------------------------------------------------------------------

    def _access(self, session: Session, principal: auth.Principal, case: Case | None) -> Access:
        if case is None:
            raise NotFound("no such case")
        if case.agency_id == principal.agency_id:
            return Access(owner=True, release_personal=True)
        share = session.execute(
            select(Share).where(Share.case_id == case.id, Share.agency_id == principal.agency_id)
        ).scalar_one_or_none()
        if share is None:
            raise NotFound("no such case")
        return Access(owner=False, release_personal=share.release_personal)

    def _owned(
        self, session: Session, principal: auth.Principal, case_id: int, permission: str
    ) -> Case:
        principal.require(permission)
        case = session.get(Case, case_id, with_for_update=False)
        access = self._access(session, principal, case)
        if not access.owner:
            raise auth.AuthError(f"only the owning agency may do {permission}")
        assert case is not None
        return case

    # -- cases --------------------------------------------------------------------

    def create_case(self, principal: auth.Principal, data: CaseIn) -> int:
        """Open a case from one or many alerts; the creator's agency owns it."""
        principal.require("cases.create")
        with self.store.write() as session:
            case = Case(
                title=data.title,
                summary=data.summary,
                agency_id=principal.agency_id,
                created_by=principal.user_id,
                status="open",
            )
            session.add(case)
            session.flush()
            for alert in data.alerts:
                session.add(CaseAlert(case_id=case.id, **alert.model_dump()))
            for subject in data.subjects:
                session.add(Subject(case_id=case.id, **subject.model_dump()))
            audit.append(
                session,
                actor_of(principal),
                "case.create",
                f"case:{case.id}",
                {
                    "title": data.title,
                    "alerts": [f"{a.declaration_id}/{a.line_no}" for a in data.alerts],
                },
            )
            return case.id

    def list_cases(self, principal: auth.Principal, status: str | None = None) -> list[CaseSummary]:
        """Cases the principal's agency owns or has been shared, newest first."""
        principal.require("cases.read")
        with self.store.read() as session:
            shared = select(Share.case_id).where(Share.agency_id == principal.agency_id)
            query = select(Case).where(
                or_(Case.agency_id == principal.agency_id, Case.id.in_(shared))
            )
            if status:
                query = query.where(Case.status == status)
            cases = list(session.execute(query.order_by(Case.id.desc())).scalars())
            counts = {
                int(case_id): int(count)
                for case_id, count in session.execute(
                    select(CaseAlert.case_id, func.count())
                    .where(CaseAlert.case_id.in_([c.id for c in cases]))
                    .group_by(CaseAlert.case_id)
                )
            }
            names = self._user_names(session)
            return [
                CaseSummary(
                    id=c.id,
                    title=c.title,
                    agency_id=c.agency_id,
                    status=c.status,
                    assignee=names.get(c.assignee_id) if c.assignee_id else None,
                    alerts=int(counts.get(c.id, 0)),
                    created_at=c.created_at,
                    updated_at=c.updated_at,
                )
                for c in cases
            ]

    def _user_names(self, session: Session) -> dict[int | None, str]:
        return {int(i): str(n) for i, n in session.execute(select(User.id, User.username))}

    def get_case(self, principal: auth.Principal, case_id: int) -> CaseOut:
        """One case as the principal may see it; the read is audited."""
        principal.require("cases.read")
        with self.store.write() as session:
            case = session.get(Case, case_id)
            access = self._access(session, principal, case)
            assert case is not None
            audit.append(
                session,
                actor_of(principal),
                "case.read",
                f"case:{case_id}",
                {"owner": access.owner, "personal": access.release_personal},
            )
            return self._case_out(session, case, access)

    def _case_out(self, session: Session, case: Case, access: Access) -> CaseOut:
        names = self._user_names(session)
        hidden_names = [
            n
            for s in session.execute(
                select(Subject).where(Subject.case_id == case.id, Subject.personal.is_(True))
            ).scalars()
            for n in (s.name, s.party_id)
        ]

        def clean(text: str) -> str:
            return privacy.scrub(text, hidden_names) if not access.release_personal else text

        agencies_of = {int(i): str(a) for i, a in session.execute(select(User.id, User.agency_id))}
        hide = not access.release_personal
        alerts = [
            AlertOut(
                declaration_id=a.declaration_id,
                line_no=a.line_no,
                score=a.score,
                channel=a.channel,
                reasons=a.reasons,
                explanation=WITHHELD if hide and a.explanation else a.explanation,
            )
            for a in session.execute(
                select(CaseAlert).where(CaseAlert.case_id == case.id).order_by(CaseAlert.id)
            ).scalars()
        ]
        subjects = [
            SubjectOut(party_id=WITHHELD, name=WITHHELD, role=s.role, personal=True)
            if hide and s.personal
            else SubjectOut(party_id=s.party_id, name=s.name, role=s.role, personal=s.personal)
            for s in session.execute(
                select(Subject).where(Subject.case_id == case.id).order_by(Subject.id)
            ).scalars()
        ]
        notes = [
            NoteOut(
                id=n.id,
                author=names.get(n.author_id, "?"),
                agency_id=agencies_of.get(n.author_id, "?"),
                body=clean(n.body),
                restricted=n.restricted,
                created_at=n.created_at,
            )
            for n in session.execute(
                select(Note).where(Note.case_id == case.id).order_by(Note.id)
            ).scalars()
            if access.owner or not n.restricted
        ]
        evidence = [
            EvidenceOut(
                id=e.id,
                kind=e.kind,
                reference=WITHHELD if hide and e.personal else e.reference,
                source=e.source,
                description=WITHHELD if hide and e.personal else e.description,
                content={} if hide and e.personal else e.content,
                sha256=e.sha256,
                personal=e.personal,
                added_by=names.get(e.added_by, "?"),
                captured_at=e.captured_at,
            )
            for e in session.execute(
                select(Evidence).where(Evidence.case_id == case.id).order_by(Evidence.id)
            ).scalars()
        ]
        history = [
            StatusChangeOut(
                from_status=h.from_status,
                to_status=h.to_status,
                reason=clean(h.reason),
                by=names.get(h.by_user, "?"),
                at=h.at,
            )
            for h in session.execute(
                select(StatusChange)
                .where(StatusChange.case_id == case.id)
                .order_by(StatusChange.id)
            ).scalars()
        ]
        links: list[LinkOut] = []
        if access.owner:
            rows = session.execute(
                select(CaseLink, Case)
                .join(Case, Case.id == CaseLink.to_case_id)
                .where(CaseLink.from_case_id == case.id)
            )
            links = [LinkOut(case_id=c.id, kind=link.kind, title=c.title) for link, c in rows]
        shares = (
            [
                ShareOut(agency_id=s.agency_id, release_personal=s.release_personal)
                for s in session.execute(select(Share).where(Share.case_id == case.id)).scalars()
            ]
            if access.owner
            else []
        )
        return CaseOut(
            id=case.id,
            title=clean(case.title),
            summary=clean(case.summary),
            agency_id=case.agency_id,
            status=case.status,
            status_reason=clean(case.status_reason),
            assignee=names.get(case.assignee_id) if case.assignee_id else None,
            created_by=names.get(case.created_by, "?"),
            created_at=case.created_at,
            updated_at=case.updated_at,
            owner_view=access.owner,
            redacted=hide,
            next_statuses=flows.next_statuses(case.status) if access.owner else [],
            alerts=alerts,
            subjects=subjects,
            notes=notes,
            evidence=evidence,
            history=history,
            links=links,
            shares=shares,
        )

    def _touch(self, case: Case) -> None:
        case.updated_at = utcnow()

    def assign(self, principal: auth.Principal, case_id: int, user_id: int) -> None:
        """Assign the case to a user of the owning agency."""
        with self.store.write() as session:
            case = self._owned(session, principal, case_id, "cases.assign")
            user = session.get(User, user_id)
            if user is None or user.agency_id != case.agency_id:
                raise ValueError("assignee must be a user of the owning agency")
            case.assignee_id = user_id
            self._touch(case)
            audit.append(
                session,
                actor_of(principal),
                "case.assign",
                f"case:{case_id}",
                {"assignee": user.username},
            )

    def change_status(
        self, principal: auth.Principal, case_id: int, target: str, reason: str = ""
    ) -> None:
        """Move the case along the status flow (:mod:`orewatch.cases.flows`)."""
        with self.store.write() as session:
            case = self._owned(session, principal, case_id, "cases.status")
            step = flows.check_step(case.status, target, reason)
            session.add(
                StatusChange(
                    case_id=case_id,
                    from_status=step.from_status,
                    to_status=step.to_status,
                    reason=step.reason,
                    by_user=principal.user_id,
                )
            )
            case.status, case.status_reason = step.to_status, step.reason
            self._touch(case)
            audit.append(
                session,
                actor_of(principal),
                "case.status",
                f"case:{case_id}",
                {"from": step.from_status, "to": step.to_status, "reason": step.reason},
            )

    def add_note(
        self, principal: auth.Principal, case_id: int, body: str, restricted: bool = False
    ) -> int:
        """Add a note (partners with a share may add unrestricted notes)."""
        principal.require("cases.note")
        with self.store.write() as session:
            case = session.get(Case, case_id)
            access = self._access(session, principal, case)
            assert case is not None
            note = Note(
                case_id=case_id,
                author_id=principal.user_id,
                body=body,
                restricted=restricted and access.owner,
            )
            session.add(note)
            self._touch(case)
            session.flush()
            audit.append(
                session,
                actor_of(principal),
                "case.note",
                f"case:{case_id}",
                {"note": note.id, "restricted": note.restricted},
            )
            return note.id

    def add_evidence(self, principal: auth.Principal, case_id: int, item: EvidenceIn) -> int:
        """Attach evidence with provenance; its content hash is fixed at capture."""
        with self.store.write() as session:
            case = self._owned(session, principal, case_id, "cases.evidence")
            evidence = Evidence(
                case_id=case_id,
                kind=item.kind,
                reference=item.reference,
                source=item.source,
                description=item.description,
                content=dict(item.content),
                sha256=evidence_hash(item.kind, item.reference, item.source, dict(item.content)),
                personal=item.personal,
                added_by=principal.user_id,
            )
            session.add(evidence)
            self._touch(case)
            session.flush()
            audit.append(
                session,
                actor_of(principal),
                "case.evidence",
                f"case:{case_id}",
                {
                    "evidence": evidence.id,
                    "kind": item.kind,
                    "source": item.source,
                    "sha256": evidence.sha256,
                },
            )
            return evidence.id

    def link(
        self, principal: auth.Principal, case_id: int, other_id: int, kind: str = "related"
    ) -> None:
        """Link two cases the principal's agency owns."""
        with self.store.write() as session:
            self._owned(session, principal, case_id, "cases.link")
            self._owned(session, principal, other_id, "cases.link")
            if other_id == case_id:
                raise ValueError("a case cannot be linked to itself")
            session.add(
                CaseLink(
                    from_case_id=case_id,
                    to_case_id=other_id,
                    kind=kind,
                    created_by=principal.user_id,
                )
            )
            audit.append(
                session,
                actor_of(principal),
                "case.link",
                f"case:{case_id}",
                {"to": other_id, "kind": kind},
            )

    def share(
        self,
        principal: auth.Principal,
        case_id: int,
        agency_id: str,
        release_personal: bool = False,
    ) -> None:
        """Share the case with another agency, with or without its personal data."""
        with self.store.write() as session:
            case = self._owned(session, principal, case_id, "cases.share")
            if session.get(Agency, agency_id) is None or agency_id == case.agency_id:
                raise ValueError(f"cannot share with agency {agency_id!r}")
            existing = session.execute(
                select(Share).where(Share.case_id == case_id, Share.agency_id == agency_id)
            ).scalar_one_or_none()
            if existing is None:
                session.add(
                    Share(
                        case_id=case_id,
                        agency_id=agency_id,
                        release_personal=release_personal,
                        created_by=principal.user_id,
                    )
                )
            else:
                existing.release_personal = release_personal
            audit.append(
                session,
                actor_of(principal),
                "case.share",
                f"case:{case_id}",
                {"agency": agency_id, "release_personal": release_personal},
            )

    def dossier_case(
        self, principal: auth.Principal, case_id: int
    ) -> tuple[CaseOut, list[AuditRow]]:
        """The full case and its audit trail for the transfer dossier (audited)."""
        with self.store.write() as session:
            case = self._owned(session, principal, case_id, "cases.dossier")
            audit.append(session, actor_of(principal), "case.dossier", f"case:{case_id}")
            out = self._case_out(session, case, Access(owner=True, release_personal=True))
            trail = [
                audit_row(r)
                for r in session.execute(
                    select(AuditEntry)
                    .where(AuditEntry.target == f"case:{case_id}")
                    .order_by(AuditEntry.seq)
                ).scalars()
            ]
            return out, trail

    def publish(self, principal: auth.Principal, case_id: int) -> TypicalCase:
        """The case as a typical case with personal data and identifiers removed."""
        with self.store.write() as session:
            case = self._owned(session, principal, case_id, "cases.publish")
            if case.status not in PUBLISHABLE:
                raise flows.FlowError(f"a {case.status!r} case cannot be published yet")
            full = self._case_out(session, case, Access(owner=True, release_personal=True))
            names = [s.name for s in full.subjects] + [s.party_id for s in full.subjects]
            names += [a.declaration_id for a in full.alerts] + [e.reference for e in full.evidence]
            names += list(self._user_names(session).values())
            reasons = sorted({r for a in full.alerts for r in a.reasons.split(";") if r})
            kinds: dict[str, int] = {}
            for e in full.evidence:
                kinds[e.kind] = kinds.get(e.kind, 0) + 1
            published = TypicalCase(
                case_ref=f"TC-{case.id:05d}",
                title=privacy.scrub(full.title, names),
                summary=privacy.scrub(full.summary, names),
                outcome=full.status,
                reasons=reasons,
                steps=[
                    f"{h.from_status} → {h.to_status}: {privacy.scrub(h.reason, names)}"
                    for h in full.history
                ],
                evidence_kinds=kinds,
                published_at=utcnow(),
            )
            audit.append(
                session,
                actor_of(principal),
                "case.publish",
                f"case:{case_id}",
                {"ref": published.case_ref},
            )
            return published

    # -- audit --------------------------------------------------------------------

    def verify_audit(self) -> AuditReport:
        """Check the whole chain (used by ``orewatch audit verify``)."""
        with self.store.read() as session:
            rows, problems = audit.verify(session)
        return AuditReport(
            rows=rows, ok=not problems, problems=[f"row {p.seq}: {p.issue}" for p in problems]
        )

    def audit_recent(self, principal: auth.Principal, limit: int = 200) -> list[AuditRow]:
        """The latest audit rows, for auditors and admins."""
        principal.require("audit.read")
        with self.store.read() as session:
            return [audit_row(r) for r in audit.recent(session, limit)]
