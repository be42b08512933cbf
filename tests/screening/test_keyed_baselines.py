"""The door's keyed norms give the z-scores the joins give, line by line."""

from __future__ import annotations

import polars as pl

from orewatch.screening.features import Keyed, apply_baselines, fit_baselines, raw_features
from orewatch.screening.few import collect_few


def test_keyed_lookups_give_the_joined_z_scores(small_tables: dict[str, pl.DataFrame]) -> None:
    declarations = small_tables["declarations"]
    baselines = fit_baselines(raw_features(declarations))
    odd = declarations.head(3).with_columns(
        pl.Series("hs_code", [None, "9999999999", declarations["hs_code"][2]]),
        pl.Series("currency", ["USD", None, "XXX"]),
    )
    for lines in (declarations, declarations.head(1), odd):
        raw = raw_features(lines)
        keyed = apply_baselines(raw, baselines, collect_few, few=True)
        joined = apply_baselines(raw, baselines)
        assert keyed.columns == joined.columns
        assert keyed.equals(joined, null_equal=True)
    # the fixture's norms do speak: some lines have a unit-value z
    assert apply_baselines(raw_features(declarations), baselines)["unit_value_z"].null_count() < (
        declarations.height
    )


def test_a_key_with_a_null_matches_nothing() -> None:
    table = pl.DataFrame({"hs6": ["810110", None], "median": [1.0, 2.0], "spread": [0.5, 0.5]})
    lines = pl.DataFrame({"hs6": ["810110", None, "999999"]})
    median, spread = Keyed.of(table).look_up(lines, ["m", "s"])
    assert median.to_list() == [1.0, None, None] and spread.name == "s"
