"""Alembic migrations of the case store (shipped inside the package)."""
