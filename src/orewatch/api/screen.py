"""``POST /v1/screen``: one declaration through the same Screener as the batch.

The body carries the declaration's lines with the data contract's ``declarations``
columns; they are checked by the contract's own rules (a bad field is a 422 naming the
line, field, value and reason) and scored by the screener fitted on the warehouse.
Concurrent requests are screened together by a :class:`MicroBatcher`, each answered
with the rows it would get alone.
"""

from __future__ import annotations

from typing import Annotated, Any

import polars as pl
from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, Field

from orewatch.api.batching import MicroBatcher
from orewatch.contract.schema import DECLARATIONS
from orewatch.contract.tables import judge
from orewatch.screening.reasons import reason_table
from orewatch.screening.screener import Screener

router = APIRouter(prefix="/v1", tags=["screening"])


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
        description="the batch's combined score: mean of the rule and model percentile ranks "
        "within the fitted dataset (the rule points alone when no model was learned)"
    )
    rule_score: float = Field(description="points of the rules that fired")
    p_fraud: float | None = Field(
        description="the learned model's calibrated probability of fraud (null: no model)"
    )
    channel: str
    channel_reason: str
    reasons: list[Reason]
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


def get_screener(request: Request) -> Screener:
    """The screener fitted at start-up (see ``orewatch.api.app``); 503 until there is one."""
    screener = getattr(request.app.state, "screener", None)
    if screener is None:
        raise HTTPException(
            status_code=503,
            detail="no screener is fitted: ingest a dataset into the warehouse first "
            "(`orewatch ingest DATASET`)",
        )
    return screener  # type: ignore[no-any-return]


def get_batcher(
    request: Request, screener: Annotated[Screener, Depends(get_screener)]
) -> MicroBatcher:
    """The app's micro-batcher for its current screener (made on first use)."""
    batcher: MicroBatcher | None = getattr(request.app.state, "batcher", None)
    if batcher is None or batcher.screen != screener.screen_lines:
        batcher = MicroBatcher(screener.screen_lines)
        request.app.state.batcher = batcher
    return batcher


def lines_frame(body: DeclarationIn) -> tuple[pl.DataFrame, list[Rejection], list[str]]:
    """Check the lines with the contract's rules: (what loads, what does not, unknown fields).

    Unknown fields are ignored, as the data contract says of unknown columns.
    """
    names = {c.name for c in DECLARATIONS.columns}
    unknown = sorted({k for line in body.lines for k in line} - names)
    raw = pl.DataFrame(
        {
            name: [None if line.get(name) is None else str(line[name]) for line in body.lines]
            for name in names
        },
        schema=dict.fromkeys(names, pl.String),
    ).with_columns(pl.int_range(1, len(body.lines) + 1, dtype=pl.Int64).alias("_row"))
    judged = judge(raw, DECLARATIONS)
    rejections = [
        Rejection(line=r["row"], field=r["field"], value=r["value"], reason=r["reason"])
        for r in judged.rejected.iter_rows(named=True)
    ]
    return judged.frame, rejections, unknown


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
    body: DeclarationIn, batcher: Annotated[MicroBatcher, Depends(get_batcher)]
) -> ScreenOut:
    """Score each line, assign its channel and say why, as the batch would."""
    frame, rejections, unknown = lines_frame(body)
    if rejections:
        raise HTTPException(status_code=422, detail=[r.model_dump() for r in rejections])
    scored = await batcher.submit(frame.drop("_row"))
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
            reasons=[
                Reason(code=c, family=table[c].family, en=table[c].en, zh=table[c].zh)
                for c in row["reasons"].split(";")
                if c
            ],
            explanation=row["explanation"],
        )
        for row in scored.iter_rows(named=True)
    ]
    return ScreenOut(lines=verdicts, ignored_fields=unknown)
