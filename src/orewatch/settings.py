"""Settings: one typed object built from ``OREWATCH_*`` environment variables and flags.

Passed in explicitly; never a mutable global. Every default is embedded (no server).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path


def _default_home(env: Mapping[str, str]) -> Path:
    if env.get("OREWATCH_HOME"):
        return Path(env["OREWATCH_HOME"]).expanduser()
    base = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base).expanduser() / "orewatch"


@dataclass(frozen=True)
class Settings:
    """Where orewatch keeps its state.

    ``home``: the folder for embedded state (``OREWATCH_HOME``, default
    ``$XDG_DATA_HOME/orewatch`` or ``~/.local/share/orewatch``).
    ``db``: the DuckDB warehouse file (``OREWATCH_DB``, default ``home/warehouse.duckdb``).
    """

    home: Path
    db: Path

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        home = _default_home(env)
        db = (
            Path(env["OREWATCH_DB"]).expanduser()
            if env.get("OREWATCH_DB")
            else home / "warehouse.duckdb"
        )
        return cls(home=home, db=db)

    def with_db(self, db: Path | None) -> Settings:
        """Return settings with ``db`` replaced when a flag gave one."""
        return self if db is None else replace(self, db=Path(db))
