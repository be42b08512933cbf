"""Cases: the shared, audited record of what agencies do about alerts.

Owns the case store (SQLAlchemy ORM + Alembic migrations; SQLite by default,
PostgreSQL via ``OREWATCH_CASES_URL``), agencies, users and login, the status
flow, evidence with provenance, the transfer dossier, typical-case publication and
the append-only, hash-chained audit log. It reads screening outputs only through
what callers hand it (alert rows); it must not import screening internals.
"""
