"""Rule weights taught by the dataset's inspections."""

import polars as pl

from orewatch.screening.learned.weights import (
    NOTED_BELOW,
    noted_below,
    reference_rate,
    taught_reasons,
    taught_sets,
    taught_weight,
)
from orewatch.screening.reasons import Reason, ReasonTable


def table(**weights: float) -> ReasonTable:
    return ReasonTable({c: Reason(c, "test", w, c, c) for c, w in weights.items()})


def inspected(
    code_hits: dict[str, tuple[int, int]], clean: int
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Signals and labels: per code (inspected lines, frauds), plus clean uncoded lines."""
    sig: list[tuple[int, str]] = []
    lab: list[tuple[int, int]] = []
    idx = 0
    for code, (n, found) in code_hits.items():
        for k in range(n):
            sig.append((idx, code))
            lab.append((idx, int(k < found)))
            idx += 1
    lab += [(idx + k, 0) for k in range(clean)]
    signals = pl.DataFrame(sig, schema={"_idx": pl.UInt32, "code": pl.String}, orient="row")
    labels = pl.DataFrame(lab, schema={"_idx": pl.UInt32, "label": pl.Int8}, orient="row")
    return signals.with_columns(pl.lit("").alias("evidence")), labels


def test_noisy_rules_lose_points_and_telling_rules_gain_them() -> None:
    signals, labels = inspected({"NOISY": (400, 16), "TELLING": (100, 80)}, clean=2000)
    out = taught_reasons(table(NOISY=25, TELLING=15, NEVER=30), signals, labels)
    assert out["NOISY"].weight < 25 / 2
    assert out["TELLING"].weight > 15 * 2
    assert out["NEVER"].weight == 30  # never inspected: its fixed weight stands


def test_few_inspections_barely_move_the_fixed_weight() -> None:
    base = 0.05
    assert abs(taught_weight(20, 2, 0, base) - 20) < 3
    assert taught_weight(20, 2000, 0, base) == 0.0  # never negative


def test_a_document_check_that_found_nothing_does_not_clear_a_suspicion_about_the_goods() -> None:
    """Half the checks of the heavy lines read the papers only and found nothing; the
    ones that opened the container found fraud every time. The goods code is taught by
    the checks that looked; the same evidence on a papers code counts every check."""
    signals, labels = inspected({"HEAVY": (100, 50), "PAPERS": (100, 50)}, clean=2000)
    papers_only = (pl.col("label") == 0) & (pl.col("_idx") < 200)
    labels = labels.with_columns((~papers_only).alias("saw_goods"))
    goods = ReasonTable(
        {
            "HEAVY": Reason("HEAVY", "test", 20, "h", "h", seen_by="goods"),
            "PAPERS": Reason("PAPERS", "test", 20, "p", "p"),
        }
    )
    out = taught_reasons(goods, signals, labels)
    assert out["HEAVY"].weight > out["PAPERS"].weight + 10
    sets = dict(taught_sets(goods, signals, labels).rows())  # type: ignore[union-attr]
    assert sets["HEAVY"] > sets["PAPERS"] + 10
    # Without the methods every check counts, and the two codes are taught alike.
    same = taught_reasons(goods, signals, labels.drop("saw_goods"))
    assert same["HEAVY"].weight == same["PAPERS"].weight


def test_a_suspicion_no_border_check_sees_keeps_its_fixed_weight() -> None:
    """Goods diverted after export are not found at the border: a hundred clear checks
    of a front consignee's lines say nothing, and neither code nor set is taught down."""
    signals, labels = inspected(
        {"FRONT": (100, 2), "PAPERS": (100, 2), "TELLING": (200, 150)}, clean=200
    )
    reasons = ReasonTable(
        {
            "FRONT": Reason("FRONT", "test", 15, "f", "f", seen_by="none"),
            "PAPERS": Reason("PAPERS", "test", 15, "p", "p"),
            "TELLING": Reason("TELLING", "test", 15, "t", "t"),
        }
    )
    out = taught_reasons(reasons, signals, labels)
    assert out["FRONT"].weight == 15
    assert out["PAPERS"].weight < 10
    sets = dict(taught_sets(out, signals, labels).rows())  # type: ignore[union-attr]
    assert "FRONT" not in sets  # never taught: scores its codes' sum
    assert "PAPERS" in sets


def test_too_few_labels_keep_the_fixed_weights() -> None:
    signals, labels = inspected({"NOISY": (50, 0)}, clean=20)
    reasons = table(NOISY=25)
    assert taught_reasons(reasons, signals, labels) is reasons
    assert taught_reasons(reasons, signals, None) is reasons


def test_a_weightless_code_stays_weightless() -> None:
    signals, labels = inspected({"MODEL": (300, 200)}, clean=1000)
    assert taught_reasons(table(MODEL=0), signals, labels)["MODEL"].weight == 0


def lines_raising(
    groups: list[tuple[tuple[str, ...], int, int]], clean: int
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Signals and labels: per set of codes (codes, inspected lines, frauds), plus clean lines."""
    sig: list[tuple[int, str]] = []
    lab: list[tuple[int, int]] = []
    idx = 0
    for codes, n, found in groups:
        for k in range(n):
            sig += [(idx, code) for code in codes]
            lab.append((idx, int(k < found)))
            idx += 1
    lab += [(idx + k, 0) for k in range(clean)]
    signals = pl.DataFrame(sig, schema={"_idx": pl.UInt32, "code": pl.String}, orient="row")
    labels = pl.DataFrame(lab, schema={"_idx": pl.UInt32, "label": pl.Int8}, orient="row")
    return signals, labels


def test_codes_that_tell_only_together_are_worth_little_alone() -> None:
    # A route and a collector: each alone never found, together found half the time.
    signals, labels = lines_raising(
        [(("ROUTE",), 200, 0), (("COLLECTOR",), 100, 0), (("COLLECTOR", "ROUTE"), 60, 30)],
        clean=3000,
    )
    reasons = table(ROUTE=12, COLLECTOR=10)
    sets = taught_sets(reasons, signals, labels)
    assert sets is not None
    points = dict(sets.iter_rows())
    assert points["ROUTE"] < 3 and points["COLLECTOR"] < 3
    assert points["COLLECTOR;ROUTE"] > 12 + 10  # beyond the sum of its parts
    assert taught_sets(reasons, signals.head(10), labels.head(100)) is None  # too few labels


def test_a_code_found_no_more_often_than_other_inspected_lines_falls_under_the_noted_floor() -> (
    None
):
    """Inspected lines are found 1 time in 41 here: read against them (the default base,
    as when coded and uncoded lines are inspected alike), a code found as rarely falls
    under the floor once its inspections outweigh its prior, and a code found more often
    stays over it."""
    signals, labels = inspected(
        {"ORDINARY": (500, 10), "FEW": (10, 0), "TELLING": (50, 40)}, clean=1500
    )
    out = taught_reasons(table(ORDINARY=12, FEW=12, TELLING=12), signals, labels)
    floor = noted_below(labels)
    assert floor == NOTED_BELOW
    assert out["ORDINARY"].weight < floor
    assert out["FEW"].weight >= floor  # ten clear inspections cannot say so yet
    assert out["TELLING"].weight >= floor


def test_without_enough_labels_nothing_is_only_noted() -> None:
    _, labels = inspected({"NOISY": (50, 0)}, clean=20)
    assert noted_below(labels) == 0.0
    assert noted_below(None) == 0.0


def test_a_line_at_random_is_found_far_less_often_than_the_inspected_lines() -> None:
    """Checks went mostly to coded lines: 300 coded lines inspected (150 found) and 1,000
    uncoded (2 found), in a dataset of 100,000 lines of which 2,000 raised a code. A line
    at random is found about 0.02 * 0.5 + 0.98 * 0.002 of the time, not 152 / 1,300."""
    signals, labels = inspected({"LISTED": (300, 150)}, clean=1000)
    coded = pl.DataFrame({"_idx": pl.Series(range(2000), dtype=pl.UInt32), "code": "LISTED"})
    lab = labels.with_columns(
        pl.when(pl.col("_idx") >= 300).then(pl.col("_idx") + 5000).otherwise(pl.col("_idx"))
    ).with_columns(  # two of the uncoded lines were found
        pl.when(pl.col("_idx").is_in([5300, 5301]))
        .then(1)
        .otherwise(pl.col("label"))
        .cast(pl.Int8)
        .alias("label")
    )
    rate = reference_rate(coded, lab, 100_000)
    assert rate is not None
    assert abs(rate - (0.02 * 150 / 300 + 0.98 * 2 / 1000)) < 0.002
    assert reference_rate(coded, lab, None) == 152 / 1300  # without a line count
    assert reference_rate(signals.head(10), labels.head(50), 100_000) is None


def test_a_code_found_often_but_less_than_the_inspection_lists_is_worth_a_reason() -> None:
    """Licence lines fill the lists and are found 90 % of the time; a concealment code's
    lines are found 10 % of the time, far above the 0.2 % of lines raising nothing.
    Against the inspected lines' rate it scores nothing; against a line checked at
    random it is worth a reason, not merely noted."""
    signals, labels = inspected({"LICENCE": (600, 540), "HIDDEN": (200, 20)}, clean=1000)
    labels = labels.with_columns(
        pl.when(pl.col("_idx").is_in([800, 801]))
        .then(1)
        .otherwise(pl.col("label"))
        .cast(pl.Int8)
        .alias("label")
    )
    reasons = table(LICENCE=40, HIDDEN=12)
    scored = taught_reasons(reasons, signals, labels)
    reference = reference_rate(signals, labels, 100_000)
    assert reference is not None and reference < 0.05
    worth = taught_reasons(reasons, signals, labels, base=reference)
    assert scored["HIDDEN"].weight < NOTED_BELOW
    assert worth["HIDDEN"].weight > 12
    assert worth["LICENCE"].weight > scored["LICENCE"].weight
