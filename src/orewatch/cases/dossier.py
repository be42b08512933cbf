"""The transfer dossier: a self-contained HTML file for the prosecution.

One page holding the case, the alerts it came from, its subjects, every piece of
evidence with provenance and content hash, the status history and the case's audit
trail. Self-contained (inline style, no scripts), so it prints and archives as is.
"""

from __future__ import annotations

from datetime import datetime

from jinja2 import Environment, PackageLoader, select_autoescape

from orewatch.cases.models import utcnow
from orewatch.cases.schemas import AuditRow, CaseOut


def environment() -> Environment:
    """The Jinja environment of the case templates (autoescaped)."""
    return Environment(
        loader=PackageLoader("orewatch.cases", "templates"),
        autoescape=select_autoescape(["html"]),
    )


def render_dossier(case: CaseOut, trail: list[AuditRow], now: datetime | None = None) -> str:
    """The dossier of ``case`` as one HTML document."""
    template = environment().get_template("dossier.html")
    return template.render(case=case, trail=trail, generated_at=(now or utcnow()).isoformat())
