"""The reason-code table: every signal's code, family, weight and plain-words sentence.

Codes are data: one YAML file per family in ``data/reasons/`` (so each concern owns its
own file), merged here into one table. Detectors refer to codes by name and this module
refuses unknown codes, so a typo cannot produce an unexplained alert.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import polars as pl
import yaml

#: What a check must see to clear a code (``seen_by``): ``goods`` codes say something
#: about what is inside the consignment, which a check of the papers alone cannot refute;
#: ``none`` codes suspect where the goods go after they leave (a front consignee, a
#: diversion route), which no check at the border sees; ``any`` codes are about the
#: papers or the goods as declared, which any check reads.
SEEN_BY: tuple[str, ...] = ("any", "goods", "none")


@dataclass(frozen=True)
class Reason:
    code: str
    family: str
    weight: float
    en: str
    zh: str
    seen_by: str = "any"


@dataclass(frozen=True)
class ReasonTable:
    reasons: dict[str, Reason]

    def __getitem__(self, code: str) -> Reason:
        try:
            return self.reasons[code]
        except KeyError:
            raise KeyError(
                f"unknown reason code {code!r}: add it to screening/data/reasons/<family>.yaml"
            ) from None

    def __contains__(self, code: object) -> bool:
        return code in self.reasons

    def seen_by(self, kind: str) -> frozenset[str]:
        """The codes marked ``seen_by: kind`` (one of ``SEEN_BY``)."""
        return frozenset(c for c, r in self.reasons.items() if r.seen_by == kind)

    def frame(self) -> pl.DataFrame:
        """The table as a frame, for joining onto signals."""
        return pl.DataFrame(
            {
                "code": [r.code for r in self.reasons.values()],
                "family": [r.family for r in self.reasons.values()],
                "weight": [float(r.weight) for r in self.reasons.values()],
                "en": [r.en for r in self.reasons.values()],
                "zh": [r.zh for r in self.reasons.values()],
            }
        )


def parse_reasons(document: dict[str, object]) -> ReasonTable:
    """Validate the YAML document: unique codes, numeric weights, both languages present."""
    rows = document.get("reasons")
    if not isinstance(rows, list):
        raise ValueError("reason codes: 'reasons' must be a list")
    table: dict[str, Reason] = {}
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            raise ValueError(f"reason codes: entry {i} is not a mapping")
        missing = {"code", "family", "weight", "en", "zh"} - row.keys()
        if missing:
            raise ValueError(f"reason codes: entry {i} ({row.get('code')}) lacks {sorted(missing)}")
        code = str(row["code"])
        if code in table:
            raise ValueError(f"reason codes: duplicate code {code}")
        seen_by = str(row.get("seen_by", "any"))
        if seen_by not in SEEN_BY:
            raise ValueError(f"reason codes: {code} seen_by {seen_by!r} is not one of {SEEN_BY}")
        table[code] = Reason(
            code, str(row["family"]), float(row["weight"]), str(row["en"]), str(row["zh"]), seen_by
        )
    return ReasonTable(table)


@cache
def reason_table() -> ReasonTable:
    """The packaged reason-code table, all families merged (read once; immutable)."""
    folder = resources.files("orewatch.screening").joinpath("data/reasons")
    rows: list[object] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            document = yaml.safe_load(entry.read_text("utf-8")) or {}
            rows.extend(document.get("reasons") or [])
    return parse_reasons({"reasons": rows})
