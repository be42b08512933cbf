"""The world's dials, checked before anything is generated.

Every knob is a float so that the bench harness can expose each one as a command-line
option; a nonsense value (a share above one, a negative rate, NaN) is refused up front
with :class:`KnobError` rather than producing a world that silently means something else.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace


class KnobError(ValueError):
    """A knob value (or the line count) that no world can be built from."""


@dataclass(frozen=True)
class Knobs:
    """What a caller may turn; defaults describe the world as the bench measures it.

    ``fraud_share``     share of declaration lines that are fraudulent;
    ``faint_share``     share of fraudulent events made subtle (the rest are loud);
    ``inspection_rate`` share of declarations the legacy targeting system sends to a check;
    ``inspection_bias`` odds multiplier that tip-offs give declarations carrying fraud
                        (1 = the targeting system knows nothing the rules do not);
    ``find_rate``       how good inspectors are at finding what their method can see;
    ``honest_noise``    clerical mess in honest lines (variants, short codes, housekeeping
                        errors that a check may find);
    ``legacy_skew``     how strongly the legacy system favours its pet ports, chapters and
                        new exporters (0 = it picks at random among declarations);
    ``post_audit``      share of diversion cases a post-clearance investigation later proves.
    """

    fraud_share: float = 0.02
    faint_share: float = 0.5
    inspection_rate: float = 0.03
    inspection_bias: float = 3.0
    find_rate: float = 0.7
    honest_noise: float = 0.1
    legacy_skew: float = 1.0
    post_audit: float = 0.2

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise KnobError(f"{f.name} must be a number, not {value!r}")
            if not math.isfinite(value):
                raise KnobError(f"{f.name} must be finite, not {value!r}")
        _within("fraud_share", self.fraud_share, 0.0, 0.5, open_low=True)
        for name in ("faint_share", "inspection_rate", "find_rate", "honest_noise", "post_audit"):
            _within(name, getattr(self, name), 0.0, 1.0)
        _within("inspection_bias", self.inspection_bias, 0.0, 100.0, open_low=True)
        _within("legacy_skew", self.legacy_skew, 0.0, 5.0)

    @classmethod
    def of(cls, **values: float) -> Knobs:
        """Defaults overridden by ``values``; an unknown knob name is a :class:`KnobError`."""
        names = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - names)
        if unknown:
            raise KnobError(f"unknown knob(s): {', '.join(unknown)}; known: {sorted(names)}")
        return replace(cls(), **values)


def _within(name: str, value: float, low: float, high: float, open_low: bool = False) -> None:
    too_low = value <= low if open_low else value < low
    if too_low or value > high:
        bracket = "(" if open_low else "["
        raise KnobError(f"{name} must be in {bracket}{low}, {high}], not {value!r}")


MIN_LINES = 300


def check_lines(lines: int) -> int:
    """The line count as an int; too few lines cannot hold every scheme and trap."""
    if isinstance(lines, bool) or not isinstance(lines, int):
        raise KnobError(f"lines must be an int, not {lines!r}")
    if lines < MIN_LINES:
        raise KnobError(f"lines must be at least {MIN_LINES}, not {lines}")
    return lines
