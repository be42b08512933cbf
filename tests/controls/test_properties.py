"""Property tests over dates and codes: the semantics hold everywhere, not just on examples."""

from __future__ import annotations

from datetime import date, timedelta

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from orewatch.controls import load_catalogue
from orewatch.controls.matching import match_kind

CAT = load_catalogue()
CODES = sorted({c for i in CAT.items for c in i.hs_codes})
DAYS = st.dates(min_value=date(2023, 1, 1), max_value=date(2028, 12, 31))
DESTS = st.sampled_from(["US", "JP", "DE", "VN", "NL", "KZ"])
DECLARED = st.one_of(
    st.sampled_from(CODES),
    st.sampled_from(CODES).flatmap(lambda c: st.integers(6, len(c)).map(lambda n: c[:n])),
    st.sampled_from([c for c in CODES if len(c) == 8]).flatmap(
        lambda c: st.text("0123456789", min_size=2, max_size=2).map(lambda s: c + s)
    ),
    st.text("0123456789", min_size=6, max_size=10),
)


def _change_days() -> set[date]:
    days: set[date] = set()
    for entry in (*CAT.items, *CAT.rules):
        days.add(entry.effective_from)
        for d in (entry.effective_until, entry.suspended_until):
            if d is not None:
                days.add(d + timedelta(days=1))
        if entry.suspended_from is not None:
            days.add(entry.suspended_from)
        if entry.status_caveat and entry.suspended_until is not None:
            days.add(entry.suspended_until + timedelta(days=1))
    return days


CHANGES = _change_days()


@given(DAYS)
def test_nothing_controlled_before_its_effective_date(day: date) -> None:
    for item in CAT.items:
        if day < item.effective_from:
            for code in item.hs_codes:
                assert item.id not in CAT.check(code, "DE", day).control_ids


@given(DAYS)
def test_suspended_items_never_in_force(day: date) -> None:
    for item in CAT.items:
        if item.is_suspended(day):
            assert not item.in_force(day)
            for code in item.hs_codes:
                assert item.id not in CAT.check(code, "US", day).control_ids


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(DECLARED, DAYS, DESTS), min_size=1, max_size=40))
def test_check_and_frame_agree(rows: list[tuple[str, date, str]]) -> None:
    frame = pl.DataFrame(
        {
            "hs_code": [r[0] for r in rows],
            "declared_at": [r[1] for r in rows],
            "destination_country": [r[2] for r in rows],
        },
        schema={"hs_code": pl.String, "declared_at": pl.Date, "destination_country": pl.String},
    )
    out = CAT.evaluate_frame(frame).to_dicts()
    for (hs, day, dest), row in zip(rows, out, strict=True):
        d = CAT.check(hs, dest, day)
        assert tuple(row["control_ids"]) == d.control_ids, (hs, day, dest)
        assert row["controlled"] == d.controlled
        assert row["licence_required"] == d.licence_required
        assert row["prohibited_destination"] == d.prohibited
        assert row["military_end_user_banned"] == bool(d.end_user_restrictions)
        assert row["match_kind"] == d.best_match_kind


@settings(max_examples=80, deadline=None)
@given(DECLARED, DAYS, DESTS)
def test_a_day_without_rule_change_changes_nothing(hs: str, day: date, dest: str) -> None:
    nxt = day + timedelta(days=1)
    if nxt in CHANGES:
        return
    a, b = CAT.check(hs, dest, day), CAT.check(hs, dest, nxt)
    assert (a.control_ids, a.licence_required, a.prohibited, a.end_user_restrictions) == (
        b.control_ids, b.licence_required, b.prohibited, b.end_user_restrictions,
    )  # fmt: skip
    assert a.caveats == b.caveats


@given(st.text("0123456789", min_size=1, max_size=12), st.sampled_from(CODES))
def test_prefix_matching_is_symmetric(declared: str, code: str) -> None:
    kind = match_kind(declared, code)
    if declared.startswith(code):
        assert kind in ("exact", "catalogue_prefix")
        assert (kind == "exact") == (len(code) == 10)
    elif code.startswith(declared):
        assert kind == "declared_prefix"
        assert match_kind(code, declared) in ("exact", "catalogue_prefix") or len(declared) < 8
    else:
        assert kind is None
        assert match_kind(code, declared) is None
