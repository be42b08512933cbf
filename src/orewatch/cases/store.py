"""The case store: one engine, migrated to the latest schema by Alembic on open.

SQLite by default (``Settings.home / "cases.sqlite"``), PostgreSQL (or any
SQLAlchemy URL) through ``OREWATCH_CASES_URL``. Writes are serialised by a lock held
by the store object, and on PostgreSQL also by a transaction-level advisory lock, so
the audit chain never forks.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from orewatch.settings import Settings

MIGRATIONS = Path(__file__).parent / "migrations"


def cases_url(settings: Settings, env: Mapping[str, str] | None = None) -> str:
    """The store's URL: ``OREWATCH_CASES_URL`` or the SQLite file under ``home``."""
    env = os.environ if env is None else env
    if env.get("OREWATCH_CASES_URL"):
        return env["OREWATCH_CASES_URL"]
    return f"sqlite:///{settings.home / 'cases.sqlite'}"


def alembic_config(url: str) -> Config:
    """An Alembic config pointing at the packaged migrations (no ini file needed)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite gets foreign keys, WAL and a busy timeout.

    ``synchronous=NORMAL`` under WAL keeps the file consistent after any crash; only
    the last commits before a power cut may be lost (PostgreSQL is the production
    store where that matters).
    """
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)


class CaseStore:
    """An opened, migrated case store handing out sessions and write transactions."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_lock = threading.Lock()

    @classmethod
    def open(cls, url: str) -> CaseStore:
        """Open ``url`` and bring its schema to the latest migration."""
        store = cls(url)
        store.migrate()
        return store

    def migrate(self) -> None:
        """Run every pending Alembic migration on this store."""
        config = alembic_config(self.url)
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reads (audit appends of reads commit through :meth:`write`)."""
        with self._sessions() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A serialised transaction: commits on success, rolls back on error."""
        with self._write_lock, self._sessions() as session, session.begin():
            if self.engine.dialect.name == "postgresql":
                session.execute(text("SELECT pg_advisory_xact_lock(727274)"))
            yield session

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()
