"""Watchlist matching keeps the hit each party may be, not only a name's best hit."""

from __future__ import annotations

from datetime import date, datetime

import polars as pl

from orewatch.screening.detectors.transshipment import best_allowed, match_names, watchlist_keys

#: One listed name twice: exactly as the namesake in Germany, nearly (a plural) in the UAE.
WATCHLIST = pl.DataFrame(
    {
        "list": ["EU", "UN", "UN"],
        "name": ["Ruhr Metals Trading GmbH", "Ruhr Metal Trading LLC", "Kappa"],
        "alt_names": [None, None, None],
        "country": ["DE", "AE", None],
    }
)


def test_a_name_keeps_its_best_hit_in_each_country() -> None:
    hits = match_names(
        pl.Series(["Ruhr Metals Trading Co.", "Kappa", "Acme"]), watchlist_keys(WATCHLIST)
    )
    found = {
        (row["name"], row["entry_country"]): (row["entry_name"], round(row["similarity"]))
        for row in hits.iter_rows(named=True)
    }
    assert found == {
        ("Ruhr Metals Trading Co.", "DE"): ("Ruhr Metals Trading GmbH", 100),
        ("Ruhr Metals Trading Co.", "AE"): ("Ruhr Metal Trading LLC", 97),
        ("Kappa", None): ("Kappa", 100),
    }


def hits_of(
    party: dict[str, object], listed: tuple[date | None, date | None] = (None, None)
) -> pl.LazyFrame:
    """One line of 2026-03-01 with ``party``'s columns joined to both Ruhr hits (listed on
    ``listed``'s days), as the detector joins them."""
    hits = pl.DataFrame(
        {
            "list": ["EU", "UN"],
            "entry_name": ["Ruhr Metals Trading GmbH", "Ruhr Metal Trading LLC"],
            "entry_country": ["DE", "AE"],
            "similarity": [100.0, 97.0],
            "listed_at": list(listed),
        },
        schema_overrides={"listed_at": pl.Date},
    )
    line = pl.DataFrame(
        [{"_idx": 0, "declared_at": datetime(2026, 3, 1, 9, 30), **party}],
        schema_overrides={"consignee_country": pl.String},
    )
    return line.lazy().join(hits.lazy(), how="cross")


def kept(
    party: dict[str, object], column: str, listed: tuple[date | None, date | None] = (None, None)
) -> list[str]:
    return best_allowed(hits_of(party, listed), column).collect()["entry_country"].to_list()


def test_a_consignee_keeps_the_hit_in_its_own_country_over_a_better_one_abroad() -> None:
    in_uae = {
        "consignee_name": "Ruhr Metals Trading",
        "consignee_country": "AE",
        "end_user_name": None,
    }
    assert kept(in_uae, "consignee_name") == ["AE"]
    in_japan = {**in_uae, "consignee_country": "JP"}
    assert kept(in_japan, "consignee_name") == []
    unplaced = {**in_uae, "consignee_country": None}
    assert kept(unplaced, "consignee_name") == ["DE"]  # no country to hold it to: the best


def test_an_end_user_is_held_to_a_country_only_when_it_is_the_consignee() -> None:
    other = {
        "consignee_name": "Buyer KK",
        "consignee_country": "AE",
        "end_user_name": "Ruhr Metals Trading",
    }
    assert kept(other, "end_user_name") == ["DE"]
    itself = {**other, "consignee_name": "Ruhr Metals Trading"}
    assert kept(itself, "end_user_name") == ["AE"]


def test_an_entry_listed_by_the_lines_day_comes_before_a_nearer_one_listed_later() -> None:
    """Unplaced, the line's best hit is the exact German entry; listed only after the
    line's day, it gives way to the UAE entry listed before it, and with both listed
    later the nearer one stays (raised as listed later, not as a breach)."""
    unplaced = {"consignee_name": "Ruhr Metals Trading", "consignee_country": None}
    unplaced["end_user_name"] = None
    assert kept(unplaced, "consignee_name") == ["DE"]
    german_later = (date(2026, 6, 1), date(2025, 1, 1))
    assert kept(unplaced, "consignee_name", german_later) == ["AE"]
    both_later = (date(2026, 6, 1), date(2026, 3, 2))
    best = best_allowed(hits_of(unplaced, both_later), "consignee_name").collect()
    assert best["entry_country"].to_list() == ["DE"]
    assert best["_listed_by_then"].to_list() == [False]
    on_the_day = (date(2026, 3, 1), None)
    best = best_allowed(hits_of(unplaced, on_the_day), "consignee_name").collect()
    assert best.select("entry_country", "_listed_by_then").rows() == [("DE", True)]
