"""The numbers a benchmark may turn, checked so that a typo fails loudly.

Every knob is a float so that ``bench_detection.generator_bench`` can expose each one as
a command-line option; the defaults describe an ordinary customs year.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Knobs:
    """What the world is made of, beyond its size and seed.

    - ``fraud_share``: share of declaration lines that are fraudulent (truth lines).
    - ``inspection_rate``: share of lines that officers inspect.
    - ``inspection_bias``: how strongly officers aim at what looks risky to them
      (0: at random; the weight of a line is ``exp(bias * perceived risk)``).
    - ``find_rate``: chance that inspecting a fraudulent line finds the fraud.
    - ``honest_noise``: how untidy honest trade is: the spread of honest prices around
      the market (log-sd ``1.5 * honest_noise``) and the share of honest lines with
      harmless clerical quirks (``honest_noise / 2``).
    """

    fraud_share: float = 0.02
    inspection_rate: float = 0.03
    inspection_bias: float = 1.5
    find_rate: float = 0.7
    honest_noise: float = 0.08

    def __post_init__(self) -> None:
        limits = {
            "fraud_share": (0.0, 0.3),
            "inspection_rate": (0.0, 0.5),
            "inspection_bias": (0.0, 6.0),
            "find_rate": (0.0, 1.0),
            "honest_noise": (0.0, 1.0),
        }
        for field in fields(self):
            value = getattr(self, field.name)
            low, high = limits[field.name]
            if not isinstance(value, int | float) or not low <= float(value) <= high:
                raise ValueError(f"{field.name} must be a number in [{low}, {high}], not {value!r}")
