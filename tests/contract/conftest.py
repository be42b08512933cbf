"""Fixtures for the contract tests: dataset folders written from rows or raw bytes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from contract_factories import ONE_DECLARATION, csv_bytes

WriteDataset = Callable[..., Path]


@pytest.fixture
def dataset(tmp_path: Path) -> WriteDataset:
    """Write files into a fresh dataset folder: ``dataset(**{"declarations.csv": b"..."})``.

    A valid one-line declarations.csv is added unless the call provides declarations.
    """
    counter = iter(range(1_000_000))

    def write(**files: bytes) -> Path:
        root = tmp_path / f"ds{next(counter)}"
        root.mkdir()
        if not any(name.startswith("declarations.") for name in files):
            files["declarations.csv"] = csv_bytes([ONE_DECLARATION])
        for name, content in files.items():
            (root / name).write_bytes(content)
        return root

    return write
