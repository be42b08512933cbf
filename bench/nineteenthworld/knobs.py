"""The world's knobs: a few numbers with defaults, refused when they make no sense.

Every knob is a float so that the bench can pass them from the command line; each is
checked on construction and a nonsense value raises :class:`KnobError` naming the knob,
the value and what would be accepted.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields


class KnobError(ValueError):
    """A knob (or the line count) that the world cannot be generated with."""


#: Knobs that are shares or probabilities: finite and within [0, 1].
_UNIT_INTERVAL = ("faint_share", "inspection_rate", "find_rate", "honest_noise", "resident_share")

#: The fewest declaration lines a world can hold (every scheme and segment needs room).
MIN_LINES = 500


@dataclass(frozen=True)
class Knobs:
    """What the bench may turn.

    - ``fraud_share``: share of declaration lines that belong to a scheme (0 to 0.5).
    - ``faint_share``: share of each scheme's lines in its faint variant.
    - ``inspection_rate``: share of declarations the risk-targeting history inspected.
    - ``find_rate``: how often an inspection of a fraudulent line finds it (before the
      method's and the variant's own efficacy).
    - ``honest_noise``: share of honest lines with a clerical irregularity (typo in a
      code, rounded weight, missing field, odd unit...).
    - ``resident_share``: share of honest lines that are border residents' trade.
    - ``rush_factor``: how many times the usual volume of a soon-controlled good leaves
      in the six weeks before its control takes effect (1: no rush).
    """

    fraud_share: float = 0.02
    faint_share: float = 0.5
    inspection_rate: float = 0.03
    find_rate: float = 0.7
    honest_noise: float = 0.1
    resident_share: float = 0.22
    rush_factor: float = 2.5

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise KnobError(f"{f.name} must be a number, got {value!r}")
            if not math.isfinite(value):
                raise KnobError(f"{f.name} must be finite, got {value!r}")
            if value < 0:
                raise KnobError(f"{f.name} must not be negative, got {value!r}")
        for name in _UNIT_INTERVAL:
            value = getattr(self, name)
            if value > 1:
                raise KnobError(f"{name} is a share and must lie in [0, 1], got {value!r}")
        if self.fraud_share > 0.5:
            raise KnobError(
                f"fraud_share must lie in [0, 0.5] (honest trade needs room), "
                f"got {self.fraud_share!r}"
            )
        if not 1 <= self.rush_factor <= 20:
            raise KnobError(
                f"rush_factor must lie in [1, 20] (1 means no rush), got {self.rush_factor!r}"
            )

    @classmethod
    def from_mapping(cls, knobs: dict[str, object]) -> Knobs:
        """Knobs from keyword arguments; an unknown name is refused, not ignored."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(knobs) - known)
        if unknown:
            raise KnobError(
                f"unknown knob(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}"
            )
        values: dict[str, float] = {}
        for name, value in knobs.items():
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise KnobError(f"{name} must be a number, got {value!r}")
            values[name] = float(value)
        return cls(**values)

    def as_dict(self) -> dict[str, float]:
        return {f.name: float(getattr(self, f.name)) for f in fields(self)}


def check_lines(lines: object) -> int:
    """The line count as an int, refused below :data:`MIN_LINES` or when not whole."""
    if isinstance(lines, bool) or not isinstance(lines, int):
        raise KnobError(f"lines must be a whole number, got {lines!r}")
    if lines < MIN_LINES:
        raise KnobError(f"lines must be at least {MIN_LINES}, got {lines}")
    return lines
