from pathlib import Path

from orewatch.screening.docs import reasons_markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "reasons.md"


def test_reason_doc_is_generated_from_the_table() -> None:
    assert DOC.read_text(encoding="utf-8") == reasons_markdown(), (
        "docs/reasons.md is stale: python -m orewatch.screening.docs > docs/reasons.md"
    )
