"""Commodity-code matching between a declared code and the catalogue's reference codes.

Both sides may be truncated: the catalogue publishes 10-digit numbers or 8-digit tariff lines,
and declarants may give 6 to 10 digits. Matching is by prefix in either direction, and the kind
of match says how sure the answer is. This module is the single definition of that rule; the
vectorised screening path builds its lookup keys from it so that both paths agree.
"""

from __future__ import annotations

import re

from orewatch.controls.model import MATCH_KINDS, MatchKind

_NON_DIGITS = re.compile(r"\D")


def normalise_hs(code: str) -> str:
    """Digits only: declarations write codes as ``8112.92.90.10`` or ``8112 9290 10``."""
    return _NON_DIGITS.sub("", str(code))


def match_kind(declared: str, catalogue_code: str) -> MatchKind | None:
    """How ``declared`` relates to one catalogue code, or None.

    - ``exact``: declared equals a 10-digit catalogue code or extends it;
    - ``catalogue_prefix``: the catalogue gives a shorter (8-digit) line that the declared code
      falls under (or equals);
    - ``declared_prefix``: the declared code is shorter than the catalogue code and a prefix of
      it, so the goods MAY be the item.
    """
    if not declared or not catalogue_code:
        return None
    if declared.startswith(catalogue_code):
        return "exact" if len(catalogue_code) >= 10 else "catalogue_prefix"
    if catalogue_code.startswith(declared):
        return "declared_prefix"
    return None


def match_rank(kind: MatchKind) -> int:
    """0 is best; used to keep the best match when one item has several codes."""
    return MATCH_KINDS.index(kind)
