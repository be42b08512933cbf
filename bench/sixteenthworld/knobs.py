"""The numbers a benchmark may turn, checked so that a typo fails loudly.

Every knob is a float so that ``bench_detection.generator_bench`` can expose each one as
a command-line option; the defaults describe an ordinary customs period.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

_LIMITS: dict[str, tuple[float, float]] = {
    "fraud_share": (0.0, 0.3),
    "inspection_rate": (0.0, 0.5),
    "inspection_bias": (0.0, 6.0),
    "find_rate": (0.0, 1.0),
    "honest_noise": (0.0, 1.0),
}


@dataclass(frozen=True)
class Knobs:
    """What the world is made of, beyond its size and seed.

    - ``fraud_share``: share of declaration lines that are fraudulent (truth lines).
    - ``inspection_rate``: share of lines officers inspect (a sixth of them at random,
      the rest chosen for how risky they look to the officer).
    - ``inspection_bias``: how hard officers aim: a line's chance of being chosen grows
      as ``exp(bias * perceived risk)``; 0 inspects at random.
    - ``find_rate``: chance that inspecting a fraudulent line with a suitable method
      finds the fraud (faint variants and unsuited methods find less).
    - ``honest_noise``: untidiness of honest trade: log-sd ``1.5 * honest_noise`` of
      honest prices around the market, and the share ``honest_noise / 2`` of honest lines
      with a clerical quirk.
    """

    fraud_share: float = 0.02
    inspection_rate: float = 0.03
    inspection_bias: float = 1.2
    find_rate: float = 0.75
    honest_noise: float = 0.1

    def __post_init__(self) -> None:
        for field in fields(self):
            value = getattr(self, field.name)
            low, high = _LIMITS[field.name]
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValueError(f"{field.name} must be a number, not {value!r}")
            if not low <= float(value) <= high:
                raise ValueError(f"{field.name} must be in [{low}, {high}], not {value!r}")
