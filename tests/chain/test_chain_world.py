"""On generated worlds: leaking facility-months rank in the top 5%, honest noise (late
reports, rounding, missing last months) is not flagged. The full measurement over
several larger worlds is ``bench/bench_chain.py``."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from orewatch.chain import ChainFindings, chain_findings
from orewatch.contract.loader import load_dataset
from orewatch.world import generate_world


def _judged(out: Path, seed: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    generate_world(out, seed=seed, lines=20_000)
    loaded = load_dataset(out)
    findings: ChainFindings = chain_findings({n: t.frame for n, t in loaded.tables.items()})
    truth = pl.read_csv(out / "truth" / "facilities.csv", schema_overrides={"period": pl.String})
    ranked = findings.facilities.with_row_index("rank").join(
        truth.select("facility_id", "period", "material", pl.lit(True).alias("leak")),
        on=["facility_id", "period", "material"],
        how="left",
    )
    return ranked, truth


def test_leaks_rank_on_top_and_flags_are_precise(tmp_path: Path) -> None:
    ranked, truth = _judged(tmp_path / "w5", seed=5)
    assert truth.height >= 5
    top = ranked.filter(pl.col("rank") < 0.05 * ranked.height)
    assert top["leak"].sum() >= 0.9 * truth.height
    flagged = ranked.filter(pl.col("reasons") != "")
    assert flagged["leak"].fill_null(False).mean() >= 0.8  # type: ignore[operator]


def test_an_honest_world_is_quiet(tmp_path: Path) -> None:
    ranked, truth = _judged(tmp_path / "w6", seed=6)
    assert truth.is_empty()  # this seed has no leaking plant
    assert ranked.filter(pl.col("reasons") != "").height <= 0.001 * ranked.height
