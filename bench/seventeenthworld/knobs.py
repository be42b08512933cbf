"""The numeric knobs of the seventeenth world, checked before anything is generated.

A benchmark that silently accepts ``fraud_share=2`` or a negative inspection rate produces
a world whose numbers mean nothing; every knob therefore states its range and the
dataclass refuses values outside it with a message naming the knob.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

#: knob -> (lowest, highest, what it means); bounds inclusive.
RANGES: dict[str, tuple[float, float, str]] = {
    "fraud_share": (0.0, 0.3, "share of declaration lines that are smuggling"),
    "faint_share": (0.0, 1.0, "share of smuggling rings that work carefully (faint traces)"),
    "inspection_rate": (0.0, 0.5, "share of lines with a past inspection"),
    "inspection_bias": (0.0, 5.0, "how strongly officers pick risky-looking lines (0 = random)"),
    "find_rate": (0.0, 1.0, "chance that a suited inspection of a smuggled line finds it"),
    "honest_noise": (0.0, 1.0, "untidiness of honest trade: typos, clerical slips, outliers"),
}


class KnobError(ValueError):
    """A knob outside its range (or not a number)."""


@dataclass(frozen=True)
class Knobs:
    """Defaults describe a customs service much like the real one: 2 % smuggling, 3 % of
    lines inspected with a bias towards what looks risky, and most suited checks finding
    what they look for."""

    fraud_share: float = 0.02
    faint_share: float = 0.5
    inspection_rate: float = 0.03
    inspection_bias: float = 1.2
    find_rate: float = 0.7
    honest_noise: float = 0.1

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            low, high, meaning = RANGES[f.name]
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise KnobError(f"{f.name} must be a number ({meaning}), got {value!r}")
            if not math.isfinite(value) or not low <= value <= high:
                raise KnobError(
                    f"{f.name} must lie in [{low:g}, {high:g}] ({meaning}), got {value!r}"
                )


MIN_LINES = 1000


def check_lines(lines: object) -> int:
    """The world needs room for every scheme's two variants next to honest trade."""
    if isinstance(lines, bool) or not isinstance(lines, int):
        raise KnobError(f"lines must be a whole number, got {lines!r}")
    if lines < MIN_LINES:
        raise KnobError(f"lines must be at least {MIN_LINES:,}, got {lines:,}")
    if lines > 5_000_000:
        raise KnobError(f"lines must be at most 5,000,000, got {lines:,}")
    return lines
