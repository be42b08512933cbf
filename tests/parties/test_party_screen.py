from __future__ import annotations

import polars as pl

from orewatch.parties.screen import ScreenSettings, screen
from orewatch.parties.watchlists import normalise_watchlist


def queries(*rows: tuple[str, str | None, list[str]]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "query_id": [str(i) for i in range(len(rows))],
            "name": [r[0] for r in rows],
            "country": [r[1] for r in rows],
            "alt_names": [r[2] for r in rows],
        },
        schema_overrides={"country": pl.String(), "alt_names": pl.List(pl.String())},
    )


def test_variant_spelling_and_other_script_hit_with_explanation(
    ring_tables: dict[str, pl.DataFrame],
) -> None:
    watchlist = normalise_watchlist(ring_tables["watchlist"])
    hits = screen(
        queries(
            ("Apex Keystone Photonics Corp.", "US", []),
            ("顶点基石光子有限公司", None, []),
            ("Apex Keystone Photonic Corporation", "US", []),
        ),
        watchlist,
    )
    assert sorted(hits["query_id"].to_list()) == ["0", "1", "2"]
    assert set(hits["entry_name"]) == {"Apex Keystone Photonics Corporation"}
    first = hits.filter(pl.col("query_id") == "0").row(0, named=True)
    assert first["method"] == "same name"
    assert "Synthetic Military End-User List" in first["explanation"]
    assert hits.filter(pl.col("query_id") == "2")["method"].item() == "similar name"


def test_stem_sharing_names_and_other_legal_forms_do_not_hit(
    ring_tables: dict[str, pl.DataFrame],
) -> None:
    watchlist = normalise_watchlist(ring_tables["watchlist"])
    hits = screen(
        queries(
            ("Taiyo Photonics K.K.", "JP", []),  # another legal form
            ("Apex Keystone Photonics Trading Corporation", "US", []),  # an extra rare word
            ("Taiyo Photonics Corporation", "KR", []),  # other country: lower score
        ),
        watchlist,
    )
    assert hits["query_id"].to_list() == []
    lenient = screen(
        queries(("Taiyo Photonics Corporation", "KR", [])), watchlist, ScreenSettings(0.8)
    )
    assert "countries differ: KR vs JP" in lenient["explanation"].item()


def test_registration_id_hits_whatever_the_name() -> None:
    watchlist = normalise_watchlist(
        pl.DataFrame({"list": ["L"], "name": ["Old Name Ltd"], "registration_id": ["HRB 1234"]})
    )
    query = pl.DataFrame(
        {"query_id": ["q"], "name": ["New Name GmbH"], "registration_id": ["HRB 1234"]}
    )
    hit = screen(query, watchlist).row(0, named=True)
    assert (hit["method"], hit["score"]) == ("registration id", 1.0)


def test_nothing_to_screen_gives_an_empty_frame(ring_tables: dict[str, pl.DataFrame]) -> None:
    watchlist = normalise_watchlist(ring_tables["watchlist"])
    assert screen(queries(), watchlist).is_empty()
