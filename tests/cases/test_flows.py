from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orewatch.cases.flows import STATUSES, TRANSITIONS, FlowError, check_step, next_statuses


def test_the_documented_flow_is_allowed() -> None:
    path = [
        ("open", "investigating", ""),
        ("investigating", "transferred", "smuggling over threshold"),
        ("transferred", "closed", "judgment served"),
    ]
    for current, target, reason in path:
        assert check_step(current, target, reason).to_status == target


def test_penalty_and_transfer_need_a_reason() -> None:
    with pytest.raises(FlowError, match="needs a reason"):
        check_step("investigating", "administrative_penalty", "  ")


def test_refusal_names_the_allowed_steps() -> None:
    with pytest.raises(FlowError, match="allowed: investigating, closed"):
        check_step("open", "transferred", "why not")


def test_closed_is_final() -> None:
    assert next_statuses("closed") == []


def allowed(current: str, target: str, reason: str) -> bool:
    try:
        check_step(current, target, reason)
    except FlowError:
        return False
    return True


@given(st.sampled_from(STATUSES), st.sampled_from(STATUSES), st.text(min_size=1).filter(str.strip))
def test_check_step_agrees_with_the_table(current: str, target: str, reason: str) -> None:
    assert allowed(current, target, reason) == (target in TRANSITIONS[current])
