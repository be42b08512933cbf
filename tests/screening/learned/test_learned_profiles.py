"""Risk profiles: out-of-fold hit rates never carry a line's own label."""

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from orewatch.screening.learned.profiles import (
    apply_profiles,
    count_name,
    key_frame,
    key_name,
    out_of_fold,
    present_keys,
    rate_name,
)


def labelled(exporters: list[str], folds: list[int], labels: list[int]) -> pl.DataFrame:
    lines = pl.DataFrame(
        {
            "_idx": list(range(len(exporters))),
            "exporter_id": exporters,
            "hs4": ["2805"] * len(exporters),
        }
    )
    return key_frame(lines, ["exporter_id", ("exporter_id", "hs4")]).with_columns(
        pl.Series("_fold", folds), pl.Series("label", labels, dtype=pl.Float64)
    )


def test_key_seen_in_one_fold_gets_the_other_folds_rate() -> None:
    train = labelled(["A", "A", "B", "C", "C", "C"], [0, 0, 1, 1, 2, 2], [1, 1, 0, 0, 1, 0])
    out = out_of_fold(train, ["exporter_id"], smoothing=2.0).sort("_idx")
    # exporter A lives only in fold 0: other folds have 1 positive in 4 lines
    assert out[rate_name("exporter_id")][0] == 0.25
    assert out[count_name("exporter_id")][0] == 0.0
    # exporter C line 4 (fold 2): other folds hold C once (label 0); prior there is 2/4
    assert out[rate_name("exporter_id")][4] == (0 + 2 * 0.5) / (1 + 2)


@settings(max_examples=40, deadline=None)
@given(
    data=st.lists(
        st.tuples(st.sampled_from("ABC"), st.integers(0, 2), st.integers(0, 1)),
        min_size=4,
        max_size=30,
    ),
    flip=st.integers(0, 29),
)
def test_own_label_never_moves_own_profile(data: list[tuple[str, int, int]], flip: int) -> None:
    exporters, folds, labels = (list(x) for x in zip(*data, strict=True))
    flip %= len(labels)
    flipped = labels.copy()
    flipped[flip] = 1 - flipped[flip]
    keys = ["exporter_id", ("exporter_id", "hs4")]
    before = out_of_fold(labelled(exporters, folds, labels), keys, 5.0).sort("_idx")
    after = out_of_fold(labelled(exporters, folds, flipped), keys, 5.0).sort("_idx")
    assert before.row(flip) == after.row(flip)


def test_unseen_key_gets_the_overall_rate() -> None:
    train = labelled(["A", "A", "B", "B"], [0, 1, 0, 1], [1, 1, 0, 0])
    target = key_frame(pl.DataFrame({"_idx": [9], "exporter_id": ["Z"]}), ["exporter_id"])
    out = apply_profiles(train, target, ["exporter_id"], smoothing=3.0)
    assert out[rate_name("exporter_id")].to_list() == [0.5]
    assert out[count_name("exporter_id")].to_list() == [0.0]


def test_crosses_need_every_column() -> None:
    keys = ("exporter_id", ("exporter_id", "hs4"), ("exporter_id", "port"))
    assert present_keys(["exporter_id", "hs4"], keys) == keys[:2]
    assert key_name(("exporter_id", "hs4")) == "exporter_id×hs4"
