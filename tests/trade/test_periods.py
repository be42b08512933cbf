from datetime import date

import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from orewatch.trade.periods import after_control, with_bounds


def test_months_and_years_get_their_first_and_last_day() -> None:
    frame = pl.DataFrame({"hs_code": ["8112929010", "811010"], "period": ["2024-02", "2023"]})
    out = with_bounds(frame)
    assert out["hs6"].to_list() == ["811292", "811010"]
    assert out["grain"].to_list() == ["month", "year"]
    assert out["start"].to_list() == [date(2024, 2, 1), date(2023, 1, 1)]
    assert out["end"].to_list() == [date(2024, 2, 29), date(2023, 12, 31)]


def test_a_period_counts_as_after_when_the_control_was_in_force_on_any_day_of_it() -> None:
    frame = with_bounds(
        pl.DataFrame({"hs_code": ["811010"] * 4, "period": ["2024-08", "2024-09", "2024", "2023"]})
    )
    post = frame.select(after_control(pl.lit(date(2024, 9, 15))))["end"].to_list()
    assert post == [False, True, True, False]


@given(st.integers(1990, 2100), st.integers(1, 12))
def test_every_month_lies_inside_its_year(year: int, month: int) -> None:
    frame = with_bounds(
        pl.DataFrame(
            {"hs_code": ["250410", "250410"], "period": [f"{year}-{month:02d}", str(year)]}
        )
    )
    m, y = frame.row(0, named=True), frame.row(1, named=True)
    assert y["start"] <= m["start"] <= m["end"] <= y["end"]
    assert m["start"].month == month and m["end"].month == month
