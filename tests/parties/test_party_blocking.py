from __future__ import annotations

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from orewatch.parties.blocking import candidate_pairs, deletion_keys, rare_tokens, similar_tokens


def rows(
    names: list[str], country: str = "SE", components: list[int] | None = None
) -> pl.DataFrame:
    words = [" ".join(sorted(n.lower().split())) for n in names]
    return pl.DataFrame(
        {
            "unique_id": list(range(len(names))),
            "words": words,
            "key": [w.replace(" ", "") for w in words],
            "country": [country] * len(names),
            "email": [None] * len(names),
            "component": components if components is not None else list(range(len(names))),
        },
        schema_overrides={"unique_id": pl.Int64(), "email": pl.String()},
    )


def pair_set(frame: pl.DataFrame) -> set[tuple[int, int]]:
    return set(frame.select("unique_id_l", "unique_id_r").iter_rows())


def test_a_dropped_letter_in_the_rare_word_still_meets_the_name() -> None:
    names = ["Korvelmar Metals", "Krvelmar Metals", "Ostvan Metals", "Metals Pelquin"]
    pairs = pair_set(candidate_pairs(rows(names), max_block=3))  # 'metals' is common
    assert (0, 1) in pairs
    assert (0, 2) not in pairs


def test_transposed_letters_share_a_deletion_key() -> None:
    pairs = similar_tokens(pl.Series(["korvelmar", "korvelmra", "ostvan"]))
    assert ("korvelmar", "korvelmra") in set(pairs.iter_rows())
    assert "ostvan" not in pairs["token"].to_list()


def test_names_already_settled_together_are_not_paired_again() -> None:
    names = ["Korvelmar Metals", "Korvelmar Metals AB", "Krvelmar Metals"]
    pairs = pair_set(candidate_pairs(rows(names, components=[7, 7, 8])))
    assert (0, 1) not in pairs
    assert {(0, 2), (1, 2)} <= pairs


def test_names_in_other_countries_are_not_paired() -> None:
    both = pl.concat(
        [rows(["Korvelmar Metals"], "SE"), rows(["Korvelmar Metals"], "NO")]
    ).with_columns(pl.Series("unique_id", [0, 1]), pl.Series("component", [0, 1]))
    assert candidate_pairs(both).is_empty()


def test_common_words_make_no_block() -> None:
    names = [f"Stem{i:03d} Metals" for i in range(300)]
    rare = rare_tokens(rows(names), max_block=200)
    assert "metals" not in rare["rare1"].to_list() + rare["rare2"].drop_nulls().to_list()


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet="abcdefghijklmnop", min_size=5, max_size=12),
    st.integers(min_value=0, max_value=11),
    st.sampled_from(["delete", "substitute", "transpose", "insert"]),
)
def test_any_single_edit_shares_a_key(word: str, at: int, edit: str) -> None:
    i = at % len(word)
    if edit == "delete":
        other = word[:i] + word[i + 1 :]
    elif edit == "substitute":
        other = word[:i] + ("z" if word[i] != "z" else "y") + word[i + 1 :]
    elif edit == "transpose" and i + 1 < len(word):
        other = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    else:
        other = word[:i] + "q" + word[i:]
    assert OSA.distance(word, other) <= 1
    keys = deletion_keys(pl.DataFrame({"token": [word, other]}))
    mine = set(keys.filter(pl.col("token") == word)["block_key"].to_list())
    theirs = set(keys.filter(pl.col("token") == other)["block_key"].to_list())
    assert mine & theirs
