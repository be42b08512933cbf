"""Who may call the analysis API: a bearer token of a user allowed to read alerts.

Every ``/v1`` router is mounted behind :func:`api_analyst` by ``create_app``, so a new
endpoint is refused to anonymous and partner users unless it is deliberately public.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from orewatch.cases.auth import Principal
from orewatch.web.security import api_user, require

#: The permission that screening, chain and party analyses need: they show alerts and
#: personal data, which partner customs and auditors do not get.
ANALYSIS_PERMISSION = "alerts.read"


async def api_analyst(principal: Annotated[Principal, Depends(api_user)]) -> Principal:
    """The caller's principal if it may read alerts; 401 without a token, 403 without the right."""
    require(principal, ANALYSIS_PERMISSION)
    return principal
