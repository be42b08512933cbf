"""Render the reason-code table as Markdown (``docs/reasons.md`` is generated from it)."""

from __future__ import annotations

from orewatch.screening.reasons import ReasonTable, reason_table

HEADER = """# Reason codes

Every alert names why it was raised with these codes. Generated from
`src/orewatch/screening/data/reasons/*.yaml` (one file per family) by
`python -m orewatch.screening.docs > docs/reasons.md`; a test keeps the two in step.
The weight is the code's fixed contribution to a line's rule score; where the dataset
has inspections, each weight is the prior that the inspected lines raising the code then
move, and each set of codes that inspections met scores what its inspected lines proved
it worth, with the sum of its codes' weights as the prior (see
`screening/learned/weights.py`). A code worth under 3 points on a dataset (its inspected
lines found hardly more often than a line checked at random), or a line whose codes
together are, is shown there as context ("also noted", the `noted` column)
rather than as a reason, and alone does not make a line eligible for a check (see
[`screening.md`](screening.md), "Scoring and selection"). *Seen by* goods: only a check
that sees the goods (scan, physical, lab) clears the code, and a document check that
found nothing does not teach its weight; none: no check at the border sees what the code
suspects (where the goods go after they leave), and inspections do not teach it.

| code | family | weight | seen by | meaning | 含义 |
|---|---|---:|---|---|---|
"""


def reasons_markdown(table: ReasonTable | None = None) -> str:
    table = table or reason_table()
    rows = [
        f"| `{r.code}` | {r.family} | {r.weight:g} | {r.seen_by} | {r.en} | {r.zh} |"
        for r in sorted(table.reasons.values(), key=lambda r: (r.family, r.code))
    ]
    return HEADER + "\n".join(rows) + "\n"


if __name__ == "__main__":
    print(reasons_markdown(), end="")
