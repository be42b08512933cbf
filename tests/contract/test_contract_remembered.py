"""A service's judge (verdicts remembered from call to call) says what the file loader says.

Requests of a few lines are judged with :class:`Remembered` verdicts in one query; a file
is judged by distinct values step by step. Hypothesis draws rows with odd dates, numbers,
codes and registration ids (valid, wrong check character, resident ids, all kept) and duplicate
keys; both ways must load the same rows with the same values and refuse the same rows
with the same field, value and reason.
"""

from __future__ import annotations

import polars as pl
from contract_factories import ONE_DECLARATION
from hypothesis import given
from hypothesis import strategies as st
from test_contract_properties import PROPERTY, row_strategy

from orewatch.contract.formats import ROW
from orewatch.contract.schema import DECLARATIONS
from orewatch.contract.tables import Judged, Remembered, judge

#: One judge for every example, as a service keeps one: later examples meet values that
#: earlier ones taught it.
SERVICE = Remembered(DECLARATIONS)
#: Rows the file path judges, so that it meets repeated values as it does in a file.
PADDED_ROWS = 64


def raw_of(rows: list[dict[str, str]]) -> pl.DataFrame:
    names = list(DECLARATIONS.names)
    return pl.DataFrame(
        {n: [r[n] for r in rows] for n in names}, schema=dict.fromkeys(names, pl.String)
    ).with_columns(pl.int_range(1, len(rows) + 1, dtype=pl.Int64).alias(ROW))


def padded(raw: pl.DataFrame) -> pl.DataFrame:
    """``raw`` and enough copies after it that the file path judges repeated values;
    the copies are refused as duplicates or for the same faults, never before ``raw``'s rows."""
    copies = PADDED_ROWS // raw.height + 1
    return pl.concat([raw] * (copies + 1)).with_columns(
        pl.int_range(1, raw.height * (copies + 1) + 1, dtype=pl.Int64).alias(ROW)
    )


def first_rows(judged: Judged, n: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    return (
        judged.frame.filter(pl.col(ROW) <= n),
        judged.rejected.filter(pl.col("row") <= n),
    )


@PROPERTY
@given(st.lists(row_strategy, min_size=1, max_size=6), st.booleans())
def test_a_request_is_judged_as_the_file_loader_judges_it(
    rows: list[dict[str, str]], repeat_key: bool
) -> None:
    if repeat_key and len(rows) > 1:
        rows[-1] = {**rows[-1], "declaration_id": rows[0]["declaration_id"], "line_no": "1"}
        rows[0] = {**rows[0], "line_no": "1"}
    raw = raw_of(rows)
    small = judge(raw, DECLARATIONS, SERVICE)
    whole = judge(padded(raw), DECLARATIONS)
    frame, rejected = first_rows(whole, raw.height)
    assert small.frame.equals(frame)
    assert small.rejected.equals(rejected)
    again = judge(raw, DECLARATIONS, SERVICE)  # every costly value now remembered
    assert again.frame.equals(small.frame) and again.rejected.equals(small.rejected)


def test_remembered_verdicts_keep_a_refused_value_refused() -> None:
    good = {**ONE_DECLARATION, "declaration_id": "D1", "declared_at": "2024-03-04 10:15:00"}
    bad = {**good, "declaration_id": "D2", "declared_at": "2024-13-04 10:15:00"}
    service = Remembered(DECLARATIONS)
    for _ in range(2):
        judged = judge(raw_of([good, bad]), DECLARATIONS, service)
        assert judged.frame["declaration_id"].to_list() == ["D1"]
        assert judged.rejected.select("row", "field").rows() == [(2, "declared_at")]
    assert "2024-13-04 10:15:00" in service.known["declared_at"]


def test_remembered_verdicts_keep_a_credit_code_in_upper_case() -> None:
    lower = {**ONE_DECLARATION, "declaration_id": "D1", "exporter_id": "91350100m000100y44"}
    service = Remembered(DECLARATIONS)
    for _ in range(2):
        judged = judge(raw_of([lower]), DECLARATIONS, service)
        assert judged.frame["exporter_id"].to_list() == ["91350100M000100Y44"]
        assert judged.rejected.is_empty()


class CountingChecks(Remembered):
    """Counts the service's checks of a request (each is one query)."""

    checks = 0

    def _checked(self, raw: pl.DataFrame, steps: object) -> pl.DataFrame:  # type: ignore[override]
        self.checks += 1
        return super()._checked(raw, steps)  # type: ignore[arg-type]


def test_a_request_from_a_new_exporter_is_checked_once() -> None:
    service = CountingChecks(DECLARATIONS)
    request = {**ONE_DECLARATION, "exporter_id": "91350100M000100Y43"}
    judged = judge(raw_of([request]), DECLARATIONS, service)
    assert judged.frame.height == 1
    assert service.checks == 1
    assert "91350100M000100Y43" in service.known["exporter_id"]
