import polars as pl
import pytest

from orewatch.evaluation.metrics import (
    ALL_SCHEMES,
    line_recall,
    reason_precision,
    recall_in_top,
    top_share,
)


def test_recall_and_precision_at_rate() -> None:
    alerts = pl.DataFrame(
        {
            "declaration_id": [str(i) for i in range(100)],
            "line_no": [1] * 100,
            "score": [float(100 - i) for i in range(100)],
        }
    )
    truth = pl.DataFrame(
        {
            "declaration_id": ["0", "1", "50", "2"],
            "line_no": [1, 1, 1, 1],
            "scheme": ["a", "a", "a", "b"],
        }
    )
    out = line_recall(alerts, truth, rate=0.05)
    by = {r["scheme"]: r for r in out.iter_rows(named=True)}
    assert by["a"]["recall"] == pytest.approx(2 / 3)
    assert by["b"]["recall"] == 1.0
    assert by[ALL_SCHEMES]["precision"] == pytest.approx(3 / 5)
    assert by[ALL_SCHEMES]["random_precision"] == pytest.approx(0.04)
    assert by[ALL_SCHEMES]["lift"] == pytest.approx(15.0)


def test_ties_are_broken_at_random_not_in_our_favour() -> None:
    scores = pl.DataFrame({"id": list(range(1000)), "score": [1.0] * 1000})
    top = top_share(scores, 0.1, seed=1)
    assert top.height == 100
    assert top["id"].max() > 500  # not simply the first rows


def test_recall_in_top_k() -> None:
    assert recall_in_top(pl.Series(["a", "b", "c"]), pl.Series(["c", "z"]), 3) == 0.5


def test_reason_precision_counts_each_code_of_the_column_asked() -> None:
    alerts = pl.DataFrame(
        {
            "declaration_id": ["D1", "D2", "D3"],
            "line_no": [1, 1, 1],
            "reasons": ["A;B", "A", ""],
            "noted": ["", "C", "C"],
        }
    )
    truth = pl.DataFrame({"declaration_id": ["D1", "D3"], "line_no": ["1", "1"]})
    shown = {r[0]: r[1:] for r in reason_precision(alerts, truth).rows()}
    assert shown == {"A": (2, 1, 0.5), "B": (1, 1, 1.0)}
    noted = {r[0]: r[1:] for r in reason_precision(alerts, truth, "noted").rows()}
    assert noted == {"C": (2, 1, 0.5)}
