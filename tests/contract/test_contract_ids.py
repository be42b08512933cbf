"""Credit codes (GB 32100-2015) and resident identity numbers (GB 11643)."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orewatch.contract.ids import (
    USCC_ALPHABET,
    is_valid_resident_id,
    is_valid_uscc,
    looks_like_uscc,
    resident_check_char,
    resident_id_valid_expr,
    uscc_check_char,
    uscc_check_char_expr,
)

PUBLISHED_USCC = "91350100M000100Y43"
PUBLISHED_RESIDENT_ID = "11010519491231002X"


def test_published_credit_code_is_valid() -> None:
    assert uscc_check_char(PUBLISHED_USCC[:17]) == "3"
    assert is_valid_uscc(PUBLISHED_USCC)


@pytest.mark.parametrize(
    "code",
    [
        "91350100M000100Y44",  # wrong check character
        "91350100M000100Y4",  # 17 characters
        "91350100M000100Y43X",  # 19 characters
        "9135010OM000100Y43",  # letter O is not in the alphabet
        "91350100m000100y43",  # lower case is not the code
        "",
    ],
)
def test_invalid_credit_codes(code: str) -> None:
    assert not is_valid_uscc(code)


def test_check_char_refuses_bad_input() -> None:
    with pytest.raises(ValueError):
        uscc_check_char("123")
    with pytest.raises(ValueError):
        uscc_check_char("I" * 17)


def test_published_resident_id_is_valid() -> None:
    assert resident_check_char(PUBLISHED_RESIDENT_ID[:17]) == "X"
    assert is_valid_resident_id(PUBLISHED_RESIDENT_ID)


@pytest.mark.parametrize(
    "number",
    [
        "110105194912310021",  # wrong check digit
        "11010519491231002",  # too short
        "11010519491231002x",  # lower-case x
    ],
)
def test_invalid_resident_ids(number: str) -> None:
    assert not is_valid_resident_id(number)


def test_feb_30_with_right_check_digit_is_refused() -> None:
    first17 = "11010519490230002"
    assert not is_valid_resident_id(first17 + resident_check_char(first17))


first17s = st.text(alphabet=USCC_ALPHABET, min_size=17, max_size=17).filter(
    lambda s: s[2:8].isdigit()
)


@settings(max_examples=200, deadline=None)
@given(first17s)
def test_generated_codes_are_valid_and_one_typo_breaks_them(first17: str) -> None:
    code = first17 + uscc_check_char(first17)
    assert is_valid_uscc(code)
    wrong = next(c for c in USCC_ALPHABET if c != code[-1])
    assert not is_valid_uscc(code[:-1] + wrong)


@settings(max_examples=100, deadline=None)
@given(st.lists(first17s, min_size=1, max_size=20))
def test_vectorised_check_char_matches_scalar(prefixes: list[str]) -> None:
    codes = [p + "0" for p in prefixes]
    got = pl.select(uscc_check_char_expr(pl.lit(pl.Series(codes)))).to_series().to_list()
    assert got == [uscc_check_char(p) for p in prefixes]


def test_vectorised_check_char_is_null_for_other_shapes() -> None:
    got = pl.select(
        uscc_check_char_expr(pl.lit(pl.Series(["abc", None, "4403980123"])))
    ).to_series()
    assert got.to_list() == [None, None, None]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet="0123456789X", min_size=18, max_size=18), max_size=20))
def test_vectorised_resident_id_matches_scalar(numbers: list[str]) -> None:
    numbers = [*numbers, PUBLISHED_RESIDENT_ID]
    got = pl.select(resident_id_valid_expr(pl.lit(pl.Series(numbers, dtype=pl.String)))).to_series()
    assert got.to_list() == [is_valid_resident_id(n) for n in numbers]


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(alphabet=USCC_ALPHABET, min_size=2, max_size=2),
            st.text(alphabet="0123456789", min_size=6, max_size=6),
            st.text(alphabet=USCC_ALPHABET, min_size=9, max_size=9),
        ).map("".join),
        min_size=1,
        max_size=5,
    ),
    st.lists(st.text(alphabet="0123456789X", min_size=18, max_size=18), max_size=5),
)
def test_vectorised_checks_on_a_column_of_mixed_shapes(prefixes: list[str], ids: list[str]) -> None:
    """Each row is judged alone, whatever the other rows' shapes (a list per row)."""
    values = [*(p + "0" for p in prefixes), *ids, PUBLISHED_RESIDENT_ID, "abc", None, "é" * 18]
    column = pl.lit(pl.Series(values, dtype=pl.String))
    got = pl.select(
        check=uscc_check_char_expr(column), resident=resident_id_valid_expr(column)
    ).rows()
    assert got == [
        (
            uscc_check_char(v[:17]) if v is not None and looks_like_uscc(v) else None,
            v is not None and is_valid_resident_id(v),
        )
        for v in values
    ]
