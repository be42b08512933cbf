"""The fourteenth world's knobs: the few numbers a bench run may turn.

Owns only the knob values and their defaults; it must not know how a world is built.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Knobs:
    """Numbers that shape a world.

    fraud_share: share of declaration lines that are fraudulent.
    inspection_rate: share of lines that customs inspected in the history.
    inspection_bias: how strongly officers aimed inspections at what they believed
        risky (0 = uniformly at random; larger = more concentrated).
    find_rate: probability that inspecting a fraudulent line finds the fraud.
    honest_noise: share of honest declarations that carry a legitimate feature that
        looks suspicious (new exporter, price spike, hub, samples, near-limit licence,
        amendment, heavy packaging, look-alike codes ...); the rates of the individual
        traps scale with it.
    """

    fraud_share: float = 0.02
    inspection_rate: float = 0.03
    inspection_bias: float = 1.5
    find_rate: float = 0.7
    honest_noise: float = 0.08

    def __post_init__(self) -> None:
        for name in ("fraud_share", "inspection_rate", "find_rate", "honest_noise"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be within 0..1, got {value}")
        if self.inspection_bias < 0.0:
            raise ValueError(f"inspection_bias must be 0 or more, got {self.inspection_bias}")
