"""``POST /v1/parties/screen``: restricted-party screening of a few names, with why.

The lists screened against are, in order: ``app.state.party_watchlist`` when the app
was given one (a frame in ``watchlists.WATCHLIST_SCHEMA`` shape), else the public
files in the folder named by ``OREWATCH_WATCHLISTS`` (read once, kept on
``app.state``), plus any entries sent in the request itself. Same code as the CLI.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import polars as pl
from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, Field

from orewatch.parties.screen import ScreenSettings, screen
from orewatch.parties.watchlists import WATCHLIST_SCHEMA, combine, read_public_watchlists

router = APIRouter(prefix="/v1/parties", tags=["parties"])


class PartyIn(BaseModel):
    """A party to screen."""

    name: str = Field(..., min_length=1, max_length=500)
    alt_names: list[str] = Field(default_factory=list, max_length=50)
    country: str | None = Field(None, min_length=2, max_length=2, description="ISO alpha-2")
    registration_id: str | None = None
    kind: str | None = Field(None, description="company or person")


class EntryIn(BaseModel):
    """An extra list entry sent with the request (``list`` names its list)."""

    list_name: str = Field(..., alias="list")
    name: str = Field(..., min_length=1)
    alt_names: list[str] = Field(default_factory=list)
    kind: str | None = None
    country: str | None = None
    registration_id: str | None = None


class ScreenIn(BaseModel):
    parties: list[PartyIn] = Field(..., min_length=1, max_length=1000)
    watchlist: list[EntryIn] = Field(default_factory=list, max_length=10000)
    threshold: float = Field(0.86, ge=0.5, le=1.0)


class Hit(BaseModel):
    entry_id: str
    list: str
    entry_name: str
    matched: str
    method: str
    score: float
    explanation: str


class PartyVerdict(BaseModel):
    index: int
    name: str
    hits: list[Hit]


class ScreenOut(BaseModel):
    parties: list[PartyVerdict]
    entries_screened: int


def configured_watchlist(request: Request) -> pl.DataFrame:
    """The app's lists: given at creation, else read once from ``OREWATCH_WATCHLISTS``."""
    state = request.app.state
    watchlist = getattr(state, "party_watchlist", None)
    if watchlist is None:
        folder = os.environ.get("OREWATCH_WATCHLISTS")
        watchlist = (
            read_public_watchlists(Path(folder))
            if folder and Path(folder).is_dir()
            else pl.DataFrame(schema=WATCHLIST_SCHEMA)
        )
        state.party_watchlist = watchlist
    return watchlist  # type: ignore[no-any-return]


def _request_entries(entries: list[EntryIn]) -> pl.DataFrame:
    rows = [e.model_dump(by_alias=True) for e in entries]
    frame = pl.DataFrame(
        rows,
        schema={
            "list": pl.String(),
            "name": pl.String(),
            "alt_names": pl.List(pl.String()),
            "kind": pl.String(),
            "country": pl.String(),
            "registration_id": pl.String(),
        },
    )
    return frame.with_row_index("_n", offset=1).with_columns(
        pl.lit("request").alias("source"),
        pl.format("request:{}", pl.col("_n")).alias("entry_id"),
    )


@router.post(
    "/screen",
    response_model=ScreenOut,
    responses={503: {"description": "no list to screen against"}},
    summary="Screen parties against restricted-party lists",
)
def screen_parties(
    body: ScreenIn, configured: Annotated[pl.DataFrame, Depends(configured_watchlist)]
) -> ScreenOut:
    """Every hit at or above the threshold, best first, with the entry and why."""
    watchlist = combine(configured, _request_entries(body.watchlist) if body.watchlist else None)
    if watchlist.is_empty():
        raise HTTPException(
            status_code=503,
            detail="no restricted-party list: set OREWATCH_WATCHLISTS to a folder of list "
            "files or send entries in 'watchlist'",
        )
    queries = pl.DataFrame(
        {
            "query_id": [str(i) for i in range(len(body.parties))],
            "name": [p.name for p in body.parties],
            "alt_names": [p.alt_names for p in body.parties],
            "country": [p.country.upper() if p.country else None for p in body.parties],
            "registration_id": [p.registration_id for p in body.parties],
            "kind": [p.kind for p in body.parties],
        },
        schema={
            "query_id": pl.String(),
            "name": pl.String(),
            "alt_names": pl.List(pl.String()),
            "country": pl.String(),
            "registration_id": pl.String(),
            "kind": pl.String(),
        },
    )
    hits = screen(queries, watchlist, ScreenSettings(threshold=body.threshold))
    verdicts = []
    for index, party in enumerate(body.parties):
        mine = hits.filter(pl.col("query_id") == str(index)).sort("score", descending=True)
        verdicts.append(
            PartyVerdict(
                index=index,
                name=party.name,
                hits=[
                    Hit(**{k: r[k] for k in Hit.model_fields}) for r in mine.iter_rows(named=True)
                ],
            )
        )
    return ScreenOut(parties=verdicts, entries_screened=watchlist.height)
