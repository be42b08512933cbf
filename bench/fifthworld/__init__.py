"""A fifth, independently written world generator for orewatch (bench only).

It writes a dataset folder under the data contract plus ``truth/lines.csv`` (one row per
fraudulent line: ``declaration_id,line_no,scheme``), to measure how screening generalises
to data it was not developed on. Its own design: consolidated cargo from trading firms and
forwarders beside manufacturers' small declarations; rings that adapt after being caught
and reappear as phoenix companies; controls that start mid-period on their real dates;
five invoice currencies; and a targeting policy biased toward past offenders.

Entry point: :func:`generate`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fifthworld.build import Config, simulate
from fifthworld.rings import SCHEMES
from fifthworld.write import write

__all__ = ["SCHEMES", "Config", "generate"]


def generate(out_dir: Path | str, lines: int = 100_000, seed: int = 1, **knobs: Any) -> Config:
    """Write a world of about ``lines`` declaration lines to ``out_dir``.

    Knobs (see :class:`fifthworld.build.Config`): ``fraud_share`` (share of lines that are
    fraudulent, default 0.015), ``inspection_rate`` (multiplies every targeting rule's
    chance, 1.0), ``confirm_scale`` (multiplies every scheme's chance of being confirmed by
    a check, 1.0), ``random_share`` (random checks per declaration, 0.002),
    ``adapt_after`` (finds before a ring switches scheme, 2), ``phoenix_after`` (finds
    before it reappears under new companies, 3), ``rings`` (how many).
    """
    cfg = Config(lines=lines, seed=seed, **knobs)
    write(simulate(cfg), Path(out_dir), seed)
    return cfg
