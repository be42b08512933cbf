"""The few dials of the thirteenth world, kept apart so the bench can list them.

Each knob moves one thing a screener is sensitive to: how much fraud there is, how much
of it past inspections saw, how skewed those inspections were, and how good the
inspectors were at finding what was there.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Knobs:
    """Dials of a world; the defaults are the world the bench measures.

    fraud_share: share of declaration lines that are fraudulent (truth rows / lines).
    inspection_rate: share of lines that past inspections looked at.
    inspection_bias: 0 = inspections drawn uniformly; 1 = the ports' habits, the
        exporters' reputations and the campaigns decide; 2 = even more skewed.
    find_rate: multiplier on the chance that an inspection of a bad line finds it.
    honest_noise: multiplier on the odd-but-honest cases (crated wafers, new honest
        companies, border-resident trade, returned goods, honest samples).
    """

    fraud_share: float = 0.02
    inspection_rate: float = 0.02
    inspection_bias: float = 1.0
    find_rate: float = 1.0
    honest_noise: float = 1.0
