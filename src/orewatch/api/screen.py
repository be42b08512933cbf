"""``POST /v1/screen``: one declaration through the same Screener as the batch.

The body carries the declaration's lines with the data contract's ``declarations``
columns; they are checked by the contract's own rules (a bad field is a 422 naming the
line, field, value and reason) and scored by the screener fitted on the warehouse.
Concurrent requests are screened together by a :class:`MicroBatcher`, each answered
with the rows it would get alone.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import partial
from itertools import accumulate
from typing import Annotated, Any

import polars as pl
from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, Field

from orewatch.api.batching import MicroBatcher
from orewatch.contract.formats import ROW
from orewatch.contract.schema import DECLARATIONS
from orewatch.contract.tables import Remembered, judge
from orewatch.screening.reasons import ReasonTable, reason_table
from orewatch.screening.screener import Screener

router = APIRouter(prefix="/v1", tags=["screening"])

#: Rounds screened at once. Two would use both cores of a small server (Polars and
#: LightGBM release the GIL; requests sharing an entity stay apart, see ``batching``), but
#: on a busy 2-core machine they only slowed each other and starved the event loop
#: (BENCHMARKS.md, API), so one.
ROUNDS_AT_ONCE = 1


class DeclarationIn(BaseModel):
    """One customs declaration: its lines, each with the contract's declaration columns."""

    lines: list[dict[str, Any]] = Field(
        ...,
        min_length=1,
        max_length=999,
        description="Goods lines with the data contract's `declarations` columns "
        "(declaration_id, line_no, declared_at, port, mode, exporter_id, ..., currency).",
    )


class Reason(BaseModel):
    code: str
    family: str
    en: str
    zh: str


class LineVerdict(BaseModel):
    declaration_id: str
    line_no: int
    score: float = Field(
        description="the batch's combined score, 0..1: Fisher's combination of the rule and "
        "model percentile ranks within the fitted dataset (the rule points alone when no "
        "model was learned)"
    )
    rule_score: float = Field(description="points of the rules that fired")
    p_fraud: float | None = Field(
        description="the learned model's calibrated probability of fraud (null: no model)"
    )
    channel: str
    channel_reason: str
    reasons: list[Reason]
    noted: list[Reason] = Field(
        default_factory=list,
        description="codes raised that are context, not reasons: on the fitted dataset's "
        "inspections they were worth under the noted floor (see docs/screening.md)",
    )
    explanation: str


class ScreenOut(BaseModel):
    lines: list[LineVerdict]
    ignored_fields: list[str] = Field(
        default_factory=list,
        description="fields outside the contract: kept out, as the contract says",
    )


class Rejection(BaseModel):
    line: int
    field: str | None
    value: str | None
    reason: str


async def get_screener(request: Request) -> Screener:
    """The screener fitted at start-up (see ``orewatch.api.app``); 503 until there is one.

    ``async`` although it never waits: FastAPI runs a plain function in its thread pool,
    a hop that cost more than the rest of the request's own work under load.
    """
    screener = getattr(request.app.state, "screener", None)
    if screener is None:
        raise HTTPException(
            status_code=503,
            detail="no screener is fitted: ingest a dataset into the warehouse first "
            "(`orewatch ingest DATASET`)",
        )
    return screener  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Outcome:
    """One request's answer from its round: its screened rows, or why its lines were refused."""

    scored: pl.DataFrame | None
    rejections: list[Rejection]


def raw_frame(body: DeclarationIn) -> tuple[pl.DataFrame, list[str]]:
    """The lines as the contract's text columns plus ``_row`` (1-based), and unknown fields.

    Unknown fields are ignored, as the data contract says of unknown columns. Built row
    by row in one call: this runs on the event loop for every request, and one Series
    per column costs several times more.
    """
    names = [c.name for c in DECLARATIONS.columns]
    unknown = sorted({k for line in body.lines for k in line} - set(names))
    raw = pl.DataFrame(
        [
            [_text(line.get(name)) for name in names] + [row]
            for row, line in enumerate(body.lines, start=1)
        ],
        schema={**dict.fromkeys(names, pl.String), ROW: pl.Int64},
        orient="row",
    )
    return raw, unknown


def _text(value: object) -> str | None:
    """A JSON field as the contract's text: a list (``container_ids`` sent as an array) is
    its items joined with ";", as the JSON-lines reader joins them; null stays null."""
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return ";".join(str(item) for item in value)
    return str(value)


def screen_round(
    screener: Screener, raws: list[pl.DataFrame], remembered: Remembered | None = None
) -> list[Outcome]:
    """Check several requests' lines with the contract's rules, then screen the good ones.

    Both steps run once for the whole round (their cost is mostly per call, not per
    line); rows are numbered across the round and handed back to their requests. A
    request with any refused line gets its refusals and is not screened. ``remembered``:
    the service's verdicts on costly values from earlier rounds (see :func:`judge`).
    """
    offsets = list(accumulate((r.height for r in raws), initial=0))
    judged = judge(
        pl.concat(
            [r.with_columns(pl.col(ROW) + offset) for r, offset in zip(raws, offsets, strict=False)]
        ),
        DECLARATIONS,
        remembered,
    )
    refused: list[list[Rejection]] = [[] for _ in raws]
    for r in judged.rejected.iter_rows(named=True):
        i = bisect_right(offsets, int(r["row"]) - 1) - 1
        refused[i].append(
            Rejection(
                line=int(r["row"]) - offsets[i],
                field=r["field"],
                value=r["value"],
                reason=r["reason"],
            )
        )
    good = [i for i in range(len(raws)) if not refused[i]]
    outcomes = [Outcome(None, refused[i]) for i in range(len(raws))]
    if not good:
        return outcomes
    # A good request loaded every line, in row order: dropping the refused requests'
    # rows leaves the good ones' lines one request after another.
    lines = judged.frame
    if len(good) < len(raws):
        refused_rows = (
            pl.col(ROW).is_between(offsets[i] + 1, offsets[i + 1])
            for i in range(len(raws))
            if refused[i]
        )
        lines = lines.filter(~pl.any_horizontal(refused_rows))
    scored, start = screener.screen_lines(lines.drop(ROW)), 0
    for i in good:
        outcomes[i] = Outcome(scored.slice(start, raws[i].height), [])
        start += raws[i].height
    return outcomes


async def get_batcher(
    request: Request, screener: Annotated[Screener, Depends(get_screener)]
) -> MicroBatcher[Outcome]:
    """The app's micro-batcher for its current screener (made on first use; ``async`` so
    that it runs on the event loop, see :func:`get_screener`)."""
    made: tuple[Screener, MicroBatcher[Outcome]] | None = getattr(
        request.app.state, "batcher", None
    )
    if made is None or made[0] is not screener:
        screen = partial(screen_round, screener, remembered=Remembered(DECLARATIONS))
        made = (screener, MicroBatcher(screen, workers=ROUNDS_AT_ONCE))
        request.app.state.batcher = made
    return made[1]


@router.post(
    "/screen",
    response_model=ScreenOut,
    responses={
        422: {"description": "a line breaks the data contract"},
        503: {"description": "no screener"},
    },
    summary="Screen one declaration",
)
async def screen_declaration(
    body: DeclarationIn, batcher: Annotated[MicroBatcher[Outcome], Depends(get_batcher)]
) -> ScreenOut:
    """Score each line, assign its channel and say why, as the batch would."""
    raw, unknown = raw_frame(body)
    outcome = await batcher.submit(raw)
    if outcome.rejections or outcome.scored is None:
        raise HTTPException(status_code=422, detail=[r.model_dump() for r in outcome.rejections])
    scored = outcome.scored
    table = reason_table()
    verdicts = [
        LineVerdict(
            declaration_id=row["declaration_id"],
            line_no=row["line_no"],
            score=row["score"],
            rule_score=row["rule_score"],
            p_fraud=row["p_fraud"],
            channel=row["channel"],
            channel_reason=row["channel_reason"],
            reasons=_reasons(table, row["reasons"]),
            noted=_reasons(table, row["noted"]),
            explanation=row["explanation"],
        )
        for row in scored.iter_rows(named=True)
    ]
    return ScreenOut(lines=verdicts, ignored_fields=unknown)


def _reasons(table: ReasonTable, codes: str) -> list[Reason]:
    """The ``;``-separated codes with their family and sentences."""
    return [
        Reason(code=c, family=table[c].family, en=table[c].en, zh=table[c].zh)
        for c in codes.split(";")
        if c
    ]
