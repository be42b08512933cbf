"""The reason-code table: every signal's code, family, weight and plain-words sentence.

Codes are data (``data/reasons.yaml``); detectors refer to them by code and this module
refuses unknown codes, so a typo cannot produce an unexplained alert.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import polars as pl
import yaml


@dataclass(frozen=True)
class Reason:
    code: str
    family: str
    weight: float
    en: str
    zh: str


@dataclass(frozen=True)
class ReasonTable:
    reasons: dict[str, Reason]

    def __getitem__(self, code: str) -> Reason:
        try:
            return self.reasons[code]
        except KeyError:
            raise KeyError(
                f"unknown reason code {code!r}: add it to screening/data/reasons.yaml"
            ) from None

    def __contains__(self, code: object) -> bool:
        return code in self.reasons

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
        raise ValueError("reasons.yaml: 'reasons' must be a list")
    table: dict[str, Reason] = {}
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            raise ValueError(f"reasons.yaml: entry {i} is not a mapping")
        missing = {"code", "family", "weight", "en", "zh"} - row.keys()
        if missing:
            raise ValueError(f"reasons.yaml: entry {i} ({row.get('code')}) lacks {sorted(missing)}")
        code = str(row["code"])
        if code in table:
            raise ValueError(f"reasons.yaml: duplicate code {code}")
        table[code] = Reason(
            code, str(row["family"]), float(row["weight"]), str(row["en"]), str(row["zh"])
        )
    return ReasonTable(table)


@cache
def reason_table() -> ReasonTable:
    """The packaged reason-code table (read once; immutable)."""
    text = resources.files("orewatch.screening").joinpath("data/reasons.yaml").read_text("utf-8")
    return parse_reasons(yaml.safe_load(text))
