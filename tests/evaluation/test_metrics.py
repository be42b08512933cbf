import polars as pl
import pytest

from orewatch.evaluation.metrics import ALL_SCHEMES, line_recall, recall_in_top, top_share


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
