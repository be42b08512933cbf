"""The door's remembered watchlist matches answer exactly what ``match_names`` answers."""

from __future__ import annotations

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from orewatch.screening.detectors.transshipment import (
    RememberedMatches,
    match_names,
    watchlist_keys,
)

WATCHLIST = pl.DataFrame(
    {
        "list": ["UN", "OFAC", "OFAC", "EU"],
        "name": [
            "Golden Crescent Trading LLC",
            "Golden Crescent Trading LLC",  # on two lists: two exact hits for one name
            "Northern Star Metals",
            "Kappa",
        ],
        "alt_names": [["GCT Holdings"], None, ["Nord Star Metal Co"], None],
    }
)

#: Exact, near (fuzzy), unrelated, too short for fuzzy matching, missing.
NAMES = [
    "Golden Crescent Trading LLC",
    "Golden Cresent Trading LLC",
    "Northern Star Metals Ltd",
    "Northern Star Metal",
    "GCT Holdings",
    "Acme Industrial Supplies",
    "Kappa",
    "Kapa",
    None,
]


def canonical(frame: pl.DataFrame) -> list[tuple[object, ...]]:
    return sorted(frame.select("name", "list", "entry_name", "similarity").rows())


@settings(max_examples=60, deadline=None)
@given(rounds=st.lists(st.lists(st.sampled_from(NAMES), max_size=4), min_size=1, max_size=6))
def test_each_round_gets_what_match_names_gives_those_names(
    rounds: list[list[str | None]],
) -> None:
    keys = watchlist_keys(WATCHLIST)
    remembered = RememberedMatches(keys)
    for names in rounds:  # later rounds reuse what earlier ones worked out
        series = pl.Series("consignee_name", names, dtype=pl.String)
        assert canonical(remembered(series)) == canonical(match_names(series, keys))


def test_a_name_is_worked_out_once_and_a_full_store_starts_afresh() -> None:
    remembered = RememberedMatches(watchlist_keys(WATCHLIST), limit=2)
    remembered(pl.Series(["Golden Crescent Trading LLC", "Kappa"]))
    assert set(remembered.known) == {"Golden Crescent Trading LLC", "Kappa"}
    hits = remembered(pl.Series(["Golden Cresent Trading LLC"]))
    assert set(remembered.known) == {"Golden Cresent Trading LLC"}
    assert hits["similarity"].to_list()[0] < 100 and hits["list"].to_list() == ["OFAC"]
