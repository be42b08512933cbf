"""Atomic writes: an output is either absent, the old version, or complete.

Every file orewatch writes goes through here, so that a crash or a full disk never
leaves a half-written output that a later step would trust.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import polars as pl


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it onto ``target`` on success.

    The temporary file lives in the same folder so the final ``os.replace`` is atomic
    on POSIX file systems. On error the temporary file is removed and ``target`` is
    left untouched.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def atomic_open(target: Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO[str]]:
    """Open a text file for writing that appears at ``target`` only once closed cleanly."""
    with atomic_path(target) as tmp, open(tmp, mode, encoding=encoding, newline="") as handle:
        yield handle


def write_csv(frame: pl.DataFrame, target: Path) -> Path:
    """Write ``frame`` as UTF-8 CSV with a header, atomically."""
    with atomic_path(Path(target)) as tmp:
        frame.write_csv(tmp)
    return Path(target)


def write_parquet(frame: pl.DataFrame, target: Path) -> Path:
    """Write ``frame`` as Parquet, atomically."""
    with atomic_path(Path(target)) as tmp:
        frame.write_parquet(tmp)
    return Path(target)


def write_text(text: str, target: Path) -> Path:
    """Write ``text`` as UTF-8, atomically."""
    with atomic_open(Path(target)) as handle:
        handle.write(text)
    return Path(target)
