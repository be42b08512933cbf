from __future__ import annotations

import polars as pl
import pytest

from orewatch.parties.records import party_records
from orewatch.parties.resolve import (
    Resolution,
    ResolveSettings,
    group_guard,
    resolve,
    typo_equal,
)


@pytest.fixture(scope="module")
def resolved(ring_tables: dict[str, pl.DataFrame]) -> Resolution:
    return resolve(party_records(ring_tables))


def entity_of(resolution: Resolution, record_id: str) -> str:
    row = resolution.entities.filter(pl.col("record_id") == record_id)
    return str(row["entity_id"].item())


def test_exporters_on_declarations_join_their_party_by_registration_id(
    resolved: Resolution,
) -> None:
    assert entity_of(resolved, "parties:S3") == "E-S3"
    mention = resolved.entities.filter(
        (pl.col("source") == "declarations.exporter") & pl.col("name").str.starts_with("長沙")
    )
    assert mention["entity_id"].to_list() == ["E-S3"]
    assert "same registration id" in mention["evidence"].item()


def test_consignee_spellings_resolve_to_one_entity_with_evidence(resolved: Resolution) -> None:
    consignees = resolved.entities.filter(pl.col("name").str.starts_with("Hoang Long"))
    assert consignees["entity_id"].unique().to_list() == ["E-F1"]
    assert consignees["evidence"].str.contains("same name key").all()


def test_stem_sharing_company_with_another_legal_form_stays_apart(resolved: Resolution) -> None:
    assert entity_of(resolved, "parties:J1") != entity_of(resolved, "parties:E1")
    shells = {entity_of(resolved, f"parties:S{i}") for i in range(1, 5)}
    assert len(shells) == 4  # shared phone and address do not make one company


def test_same_name_different_registration_ids_are_two_companies() -> None:
    parties = pl.DataFrame(
        {
            "party_id": ["P1", "P2"],
            "kind": ["company", "company"],
            "name": ["Maas Technologies B.V.", "Maas Technologies B.V."],
            "country": ["NL", "NL"],
            "registration_id": ["NL1", "NL2"],
        }
    )
    resolution = resolve(party_records({"parties": parties}), ResolveSettings(probabilistic=False))
    assert resolution.entities["entity_id"].n_unique() == 2


def test_entity_ids_are_stable_across_runs(
    ring_tables: dict[str, pl.DataFrame], resolved: Resolution
) -> None:
    again = resolve(party_records(ring_tables))
    left = resolved.entities.select("record_id", "entity_id").sort("record_id")
    right = again.entities.select("record_id", "entity_id").sort("record_id")
    assert left.equals(right)


def test_probabilistic_links_catch_typos_within_a_country() -> None:
    stems = ["Nordic", "Baltic", "Alpine", "Andes", "Pacific", "Atlas", "Boreal", "Cobalt"]
    stems += ["Delta", "Ember", "Fjord", "Granite", "Harbor", "Iris", "Juniper", "Kestrel"]
    names = [f"{s} {g}" for s in stems for g in ("Rare Metals AB", "Alloys GmbH")]
    names.append("Nordik Rare Metals AB")
    parties = pl.DataFrame(
        {
            "party_id": [f"P{i:03d}" for i in range(len(names))],
            "kind": ["company"] * len(names),
            "name": names,
            "country": ["SE"] * len(names),
        }
    )
    resolution = resolve(party_records({"parties": parties}))
    ids = dict(resolution.entities.select("name", "entity_id").iter_rows())
    assert ids["Nordik Rare Metals AB"] == ids["Nordic Rare Metals AB"]
    assert ids["Baltic Rare Metals AB"] != ids["Nordic Rare Metals AB"]
    assert resolution.entities["entity_id"].n_unique() == len(names) - 1
    assert resolution.links["rule"].to_list() == ["probabilistic"]


def test_a_typo_is_one_edit_that_spares_the_first_letter() -> None:
    words = pl.Series(["korvelmar", "korvelmar", "daesung", "metal", "jindong"])
    others = pl.Series(["korvelmr", "korvlemar", "haesung", "medal", "jinpeng"])
    assert typo_equal(words, others).to_list() == [True, True, False, True, False]


def test_fuzzy_links_never_join_two_registered_companies() -> None:
    stems = ["Nordic", "Baltic", "Alpine", "Andes", "Pacific", "Atlas", "Boreal", "Cobalt"]
    stems += ["Delta", "Ember", "Fjord", "Granite", "Harbor", "Iris", "Juniper", "Kestrel"]
    names = [f"{s} {g}" for s in stems for g in ("Rare Metals AB", "Alloys GmbH")]
    names += ["Korvelmar Metals AB", "Korvelmar Metals", "Korvelmor Metals AB", "Korvelmr Metals"]
    regs: list[str | None] = [None] * (len(names) - 4) + ["SE1", None, "SE2", None]
    parties = pl.DataFrame(
        {
            "party_id": [f"P{i:03d}" for i in range(len(names))],
            "kind": ["company"] * len(names),
            "name": names,
            "country": ["SE"] * len(names),
            "registration_id": regs,
        }
    )
    ids = dict(
        resolve(party_records({"parties": parties}))
        .entities.select("name", "entity_id")
        .iter_rows()
    )
    assert ids["Korvelmar Metals"] == ids["Korvelmar Metals AB"]  # same name key
    assert ids["Korvelmar Metals"] != ids["Korvelmor Metals AB"]  # one edit, two registers


def test_a_bare_group_that_fits_two_registered_ones_joins_neither() -> None:
    records = pl.DataFrame(
        {
            "record_id": ["a", "a2", "b", "bare", "c"],
            "registration_id": ["R1", None, "R2", None, None],
        }
    )
    settled = pl.DataFrame(
        {"record_id": ["a", "a2", "b", "bare", "c"], "component": ["A", "A", "B", "X", "C"]}
    )
    pairs = pl.DataFrame(
        {
            "record_id_l": ["a2", "bare", "bare", "c", "a2"],
            "record_id_r": ["b", "a", "b", "a", "c"],
        }
    )
    kept = group_guard(pairs, records, settled)
    # a2 belongs to R1's group: never linked to R2's; 'bare' fits both: joins neither.
    assert set(kept.select("record_id_l", "record_id_r").iter_rows()) == {("c", "a"), ("a2", "c")}


def test_a_name_common_worldwide_still_names_one_company_in_each_country() -> None:
    countries = ["VN", "TH", "MY", "ID", "SG"]
    parties = pl.DataFrame(
        {
            "party_id": [f"P{i}" for i in range(len(countries))] + ["M-VN", "M-NONE"],
            "kind": ["company"] * (len(countries) + 2),
            "name": ["Apex Industries Co., Ltd."] * len(countries)
            + ["Apex Industries Company Limited", "Apex Industries Company Limited"],
            "country": [*countries, "VN", None],
            "registration_id": [f"{c}-1" for c in countries] + [None, None],
        }
    )
    ids = dict(
        resolve(party_records({"parties": parties}), ResolveSettings(probabilistic=False))
        .entities.select("record_id", "entity_id")
        .iter_rows()
    )
    assert ids["parties:M-VN"] == ids["parties:P0"]  # one Apex Industries in Vietnam
    # Without a country the mention could be any of the five: it joins none.
    assert ids["parties:M-NONE"] not in {ids[f"parties:P{i}"] for i in range(len(countries))}
