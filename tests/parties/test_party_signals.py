from __future__ import annotations

import polars as pl
import pytest

from orewatch.parties.signals import LINE_SIGNAL_SCHEMA, PARTY_SCHEMA, PartyFindings, party_findings
from orewatch.screening.reasons import reason_table


@pytest.fixture(scope="module")
def findings(ring_tables: dict[str, pl.DataFrame]) -> PartyFindings:
    return party_findings(ring_tables)


def reasons_of(findings: PartyFindings, party_id: str) -> set[str]:
    row = findings.parties.filter(pl.col("party_id") == party_id)
    return set(row["reasons"].item().split(";")) if row.height else set()


def test_the_broker_ranks_first_with_the_shells_named(findings: PartyFindings) -> None:
    top = findings.parties.row(0, named=True)
    assert top["party_id"] == "B1"
    assert "PARTY_CONTROLLER_OF_SHELLS" in top["reasons"]
    assert "长沙晟源国际贸易有限公司" in top["evidence"]


def test_shells_are_a_cluster_controlled_by_the_broker(findings: PartyFindings) -> None:
    for shell in ("S1", "S2", "S3", "S4"):
        assert {"EXPORTER_SHELL_CLUSTER", "EXPORTER_BROKER_CONTROLLED"} <= reasons_of(
            findings, shell
        )
    assert reasons_of(findings, "H1") == set()


def test_listed_end_user_its_front_and_the_chain(findings: PartyFindings) -> None:
    assert "PARTY_WATCHLISTED" in reasons_of(findings, "E1")
    front = reasons_of(findings, "F1")
    assert {"PARTY_NEAR_WATCHLIST", "CONSIGNEE_TRANSSHIPMENT_CHAIN"} <= front
    assert reasons_of(findings, "J1") == set()  # the stem-sharing honest consignee


def test_line_signals_carry_known_codes_and_evidence(findings: PartyFindings) -> None:
    signals = findings.line_signals
    assert signals.schema == pl.Schema(LINE_SIGNAL_SCHEMA)
    assert set(signals["code"]) <= set(reason_table().reasons)
    assert (signals["evidence"].str.len_chars() > 0).all()
    to_front = signals.filter(pl.col("code") == "CONSIGNEE_LINKED_WATCHLIST")
    assert to_front.height == 10  # every line to the front consignee, all its spellings
    assert to_front["evidence"].str.contains("James Johnson").all()
    assert "Apex Keystone Photonics" in to_front["evidence"][0]
    shells = signals.filter(pl.col("code") == "EXPORTER_SHELL_CLUSTER")
    assert shells.height == 8


def test_parties_follow_the_contract_and_are_ranked(findings: PartyFindings) -> None:
    parties = findings.parties
    assert parties.schema == pl.Schema(PARTY_SCHEMA)
    assert parties["score"].to_list() == sorted(parties["score"].to_list(), reverse=True)
    assert parties["party_id"].is_unique().all()


def test_only_declarations_still_gives_findings(ring_tables: dict[str, pl.DataFrame]) -> None:
    findings = party_findings({"declarations": ring_tables["declarations"]})
    assert findings.line_signals.is_empty()
    assert findings.entities.height > 0
    assert party_findings({}).parties.is_empty()


def test_extra_lists_are_screened_too(ring_tables: dict[str, pl.DataFrame]) -> None:
    extra = pl.DataFrame(
        {
            "list": ["US DoD 1260H"],
            "source": ["dod_1260h"],
            "entry_id": ["dod_1260h:1"],
            "name": ["Guangxi Baise Xinsheng Nonferrous Metals Co., Ltd."],
            "alt_names": [[]],
            "country": ["CN"],
        },
        schema_overrides={"alt_names": pl.List(pl.String())},
    )
    tables = {k: v for k, v in ring_tables.items() if k != "watchlist"}
    findings = party_findings(tables, extra)
    assert "PARTY_WATCHLISTED" in reasons_of(findings, "H1")
    assert "EXPORTER_WATCHLISTED" in set(findings.line_signals["code"])


def test_a_consignee_formed_shortly_before_its_first_line_is_recent(
    findings: PartyFindings,
) -> None:
    """F1 was incorporated in May 2023 and first received goods in March 2024; J1, an old
    company, and exporters (however new) are not flagged as new consignees."""
    assert "CONSIGNEE_RECENTLY_INCORPORATED" in reasons_of(findings, "F1")
    assert "CONSIGNEE_RECENTLY_INCORPORATED" not in reasons_of(findings, "J1")
    assert "CONSIGNEE_RECENTLY_INCORPORATED" not in reasons_of(findings, "S1")
    lines = findings.line_signals.filter(pl.col("code") == "CONSIGNEE_RECENTLY_INCORPORATED")
    assert lines.height == 10  # every line to the front, whichever spelling it was sent to
    assert lines["evidence"].str.contains("incorporated 2023-05-14, first line 2024-03-01").all()
    assert lines["evidence"].str.contains("292 days later").all()
