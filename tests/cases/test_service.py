"""The case service on both backends: flow, visibility, redaction, evidence, output."""

from __future__ import annotations

import pytest
from case_support import case_in

from orewatch.cases.auth import AuthError, Principal
from orewatch.cases.dossier import render_dossier
from orewatch.cases.flows import FlowError
from orewatch.cases.schemas import WITHHELD, EvidenceIn
from orewatch.cases.service import CaseService, NotFound, evidence_hash

People = dict[str, Principal]


def licence_check() -> EvidenceIn:
    return EvidenceIn(
        kind="licence_check",
        reference="2025DU000001",
        source="controls catalogue 2025-06-01; licences.csv row 12",
        description="licence covers 80 kg to NL, shipment went to HK",
        content={"licence_no": "2025DU000001", "covers": False},
    )


def personal_document() -> EvidenceIn:
    return EvidenceIn(
        kind="document",
        reference="ID card of 张伟",
        source="interview 2025-07-01",
        content={"id_number": "350100199001011234"},
        personal=True,
    )


def test_case_moves_through_the_flow(service: CaseService, people: People) -> None:
    case_id = service.create_case(people["ana"], case_in())
    sup = people["sup"]
    service.assign(sup, case_id, people["ana"].user_id)
    service.change_status(sup, case_id, "investigating")
    service.change_status(sup, case_id, "transferred", "value over criminal threshold")
    service.change_status(sup, case_id, "closed", "judgment served")
    case = service.get_case(sup, case_id)
    assert [h.to_status for h in case.history] == ["investigating", "transferred", "closed"]
    assert (case.status, case.status_reason, case.assignee) == ("closed", "judgment served", "ana")
    assert len(case.alerts) == 2


def test_flow_refuses_a_skipped_step(service: CaseService, people: People) -> None:
    case_id = service.create_case(people["ana"], case_in())
    with pytest.raises(FlowError, match="cannot go from 'open' to 'transferred'"):
        service.change_status(people["sup"], case_id, "transferred", "x")


def test_analyst_cannot_change_status(service: CaseService, people: People) -> None:
    case_id = service.create_case(people["ana"], case_in())
    with pytest.raises(AuthError, match=r"cases\.status"):
        service.change_status(people["ana"], case_id, "investigating")


def test_other_agency_sees_nothing_until_shared(service: CaseService, people: People) -> None:
    case_id = service.create_case(people["ana"], case_in())
    for name in ("cop", "hk"):
        assert service.list_cases(people[name]) == []
        with pytest.raises(NotFound):
            service.get_case(people[name], case_id)
        with pytest.raises(NotFound):
            service.add_note(people[name], case_id, "let me in")
    service.share(people["sup"], case_id, "public_security", release_personal=True)
    assert [c.id for c in service.list_cases(people["cop"])] == [case_id]
    with pytest.raises(AuthError, match="owning agency"):
        service.change_status(people["cop"], case_id, "investigating")


def test_partner_sees_shared_case_without_personal_data(
    service: CaseService, people: People
) -> None:
    case_id = service.create_case(people["ana"], case_in())
    service.add_evidence(people["ana"], case_id, personal_document())
    service.add_evidence(people["ana"], case_id, licence_check())
    service.add_note(people["ana"], case_id, "informant says 张伟 lives in Xiamen", restricted=True)
    service.add_note(people["ana"], case_id, "container seized at the border")
    service.share(people["sup"], case_id, "hk_customs", release_personal=False)
    seen = service.get_case(people["hk"], case_id)
    text = seen.model_dump_json()
    assert "张伟" not in text
    assert "350100199001011234" not in text
    assert "zw@example.com" not in text
    assert seen.redacted
    assert [n.body for n in seen.notes] == ["container seized at the border"]
    assert {s.name for s in seen.subjects} == {WITHHELD, "厦门某贸易有限公司"}
    assert seen.evidence[1].content == {"licence_no": "2025DU000001", "covers": False}
    with pytest.raises(NotFound):
        service.get_case(people["mo"], case_id)


def test_evidence_keeps_provenance_and_hash(service: CaseService, people: People) -> None:
    case_id = service.create_case(people["ana"], case_in())
    item = licence_check()
    service.add_evidence(people["ana"], case_id, item)
    (stored,) = service.get_case(people["sup"], case_id).evidence
    assert stored.source == item.source
    assert stored.added_by == "ana"
    assert stored.sha256 == evidence_hash(item.kind, item.reference, item.source, item.content)


def test_links_join_cases_of_the_same_agency(service: CaseService, people: People) -> None:
    first = service.create_case(people["ana"], case_in("first"))
    second = service.create_case(people["ana"], case_in("second"))
    other = service.create_case(people["cop"], case_in("police case"))
    service.link(people["sup"], first, second, "same_network")
    assert [(x.case_id, x.kind) for x in service.get_case(people["sup"], first).links] == [
        (second, "same_network")
    ]
    with pytest.raises(NotFound):
        service.link(people["sup"], first, other)


def test_dossier_holds_evidence_history_and_audit(service: CaseService, people: People) -> None:
    case_id = service.create_case(people["ana"], case_in())
    service.add_evidence(people["ana"], case_id, licence_check())
    service.change_status(people["sup"], case_id, "investigating")
    service.change_status(people["sup"], case_id, "transferred", "over threshold")
    case, trail = service.dossier_case(people["sup"], case_id)
    html = render_dossier(case, trail)
    assert "Transfer dossier" in html
    assert case.evidence[0].sha256 in html
    assert "over threshold" in html
    assert {"case.create", "case.evidence", "case.status"} <= {r.action for r in trail}


def test_publication_removes_personal_data(service: CaseService, people: People) -> None:
    case_id = service.create_case(people["ana"], case_in())
    service.add_evidence(people["ana"], case_id, personal_document())
    with pytest.raises(FlowError, match="cannot be published"):
        service.publish(people["sup"], case_id)
    service.change_status(people["sup"], case_id, "investigating")
    service.change_status(people["sup"], case_id, "administrative_penalty", "fine for 张伟")
    published = service.publish(people["sup"], case_id)
    text = published.model_dump_json()
    for secret in ("张伟", "91350100M000100Y43", "010120250000000001", "sup", "ana"):
        assert secret not in text
    assert published.reasons == ["HS_MISDECLARED", "VALUE_LOW"]
    assert published.evidence_kinds == {"document": 1}


def test_reads_and_changes_are_audited(service: CaseService, people: People) -> None:
    case_id = service.create_case(people["ana"], case_in())
    service.get_case(people["ana"], case_id)
    actions = [r.action for r in service.audit_recent(people["aud"], 5)]
    assert actions[:2] == ["case.read", "case.create"]
    with pytest.raises(AuthError):
        service.audit_recent(people["ana"])
