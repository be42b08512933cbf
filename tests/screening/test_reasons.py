import re
from pathlib import Path

import pytest

import orewatch
from orewatch.screening.reasons import parse_reasons, reason_table


def test_packaged_table_has_both_languages_and_positive_weights() -> None:
    table = reason_table()
    assert "LIC_MISSING" in table
    for reason in table.reasons.values():
        assert reason.en and reason.zh
        assert reason.weight > 0 or reason.family == "learned"


def test_unknown_code_is_refused() -> None:
    with pytest.raises(KeyError, match="unknown reason code"):
        reason_table()["NOT_A_CODE"]


def test_duplicate_codes_are_rejected() -> None:
    row = {"code": "A", "family": "f", "weight": 1, "en": "a", "zh": "甲"}
    with pytest.raises(ValueError, match="duplicate"):
        parse_reasons({"reasons": [row, row]})


def test_missing_fields_are_named() -> None:
    with pytest.raises(ValueError, match="lacks"):
        parse_reasons({"reasons": [{"code": "A"}]})


def test_seen_by_names_the_codes_only_a_look_at_the_goods_clears() -> None:
    row = {"code": "A", "family": "f", "weight": 1, "en": "a", "zh": "甲"}
    table = parse_reasons({"reasons": [row, {**row, "code": "B", "seen_by": "goods"}]})
    assert table["A"].seen_by == "any"
    assert table.seen_by("goods") == {"B"}
    assert "GROSS_NET_ODD" in reason_table().seen_by("goods")
    assert "LIC_MISSING" not in reason_table().seen_by("goods")
    assert reason_table().seen_by("none") == {"CONSIGNEE_TRANSSHIPMENT_CHAIN"}
    with pytest.raises(ValueError, match="seen_by"):
        parse_reasons({"reasons": [{**row, "seen_by": "papers"}]})


def test_every_documented_code_is_raised_by_some_code() -> None:
    """A code in the table that no module names would be documented to users (and given
    a weight) while nothing can ever raise it."""
    package = Path(orewatch.__file__).parent
    source = "\n".join(p.read_text(encoding="utf-8") for p in package.rglob("*.py"))
    named = set(re.findall(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b", source))
    assert set(reason_table().reasons) - named == set()
