"""Generation as a whole: determinism, speed, every table written, the summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from world_support import SMALL_LINES, World

from orewatch.contract.schema import TABLES
from orewatch.world import generate_world
from orewatch.world.generate import WorldConfig


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    generate_world(tmp_path / "a", seed=5, lines=4000)
    generate_world(tmp_path / "b", seed=5, lines=4000)
    a, b = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert a.keys() == b.keys()
    assert [k for k in a if a[k] != b[k]] == []


def test_other_seed_other_world(tmp_path: Path) -> None:
    generate_world(tmp_path / "a", seed=5, lines=2000)
    generate_world(tmp_path / "b", seed=6, lines=2000)
    a = (tmp_path / "a" / "declarations.csv").read_bytes()
    b = (tmp_path / "b" / "declarations.csv").read_bytes()
    assert a != b


def test_small_world_is_fast(world: World) -> None:
    assert world.seconds < 8.0, f"{SMALL_LINES} lines took {world.seconds:.1f} s"


def test_every_table_and_truth_file_written(world: World) -> None:
    for name in TABLES:
        assert (world.path / f"{name}.csv").is_file(), name
        assert world.summary.counts[name] > 0, name
    for name in ("lines", "parties", "facilities", "routes", "schemes"):
        assert (world.path / "truth" / f"{name}.csv").is_file(), name
    assert world.table("declarations").height == SMALL_LINES


def test_world_json(world: World) -> None:
    meta = json.loads((world.path / "truth" / "world.json").read_text(encoding="utf-8"))
    assert meta["seed"] == 11
    assert meta["lines"] == SMALL_LINES
    assert meta["start"] == "2023-01-01" and meta["end"] == "2026-10-31"
    assert meta["counts"]["declarations"] == SMALL_LINES
    assert set(meta["truth"]["lines_per_scheme"]) == set(world.summary.scheme_lines)
    assert meta["generator"].startswith("orewatch-world")


def test_rejects_unknown_scheme_weight() -> None:
    with pytest.raises(ValueError, match="unknown schemes"):
        WorldConfig(seed=1, lines=1000, weights={"teleportation": 1.0}).targets()


def test_weights_select_schemes(tmp_path: Path) -> None:
    summary = generate_world(
        tmp_path / "w", seed=2, lines=6000, fraud_share=0.03, weights={"disguised": 1.0}
    )
    assert summary.scheme_lines["disguised"] == 180
    others = {k: v for k, v in summary.scheme_lines.items() if k != "disguised"}
    assert sum(others.values()) == 0
