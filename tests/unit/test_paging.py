"""The Events table's pages and server-side sorts (ui/paging.py)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from data.sample import synthetic_events
from ui.paging import SORTS, page_of, sorted_rows


def test_page_of_slices_and_clamps():
    assert page_of(0, 1, 10).caption == "No events match the filters."
    page = page_of(25, 3, 10)
    assert (page.number, page.pages, page.start, page.stop) == (3, 3, 20, 25)
    assert page_of(25, 99, 10).number == 3 and page_of(25, -1, 10).number == 1
    assert page_of(2_500, 2, 1_000).caption == "Events 1,001-2,000 of 2,500 (page 2 of 3)"
    with pytest.raises(ValueError):
        page_of(10, 1, 0)


@pytest.mark.parametrize("sort", list(SORTS))
def test_each_sort_orders_all_rows_with_missing_last(sort):
    frame = synthetic_events(400, seed=8)
    rows = np.flatnonzero((frame["event_type"] != "Riots").to_numpy())
    ordered = sorted_rows(frame, rows, sort)
    assert sorted(ordered) == sorted(rows)
    column, descending, _ = SORTS[sort]
    values = frame[column].take(ordered).reset_index(drop=True)
    present = values.dropna()
    if frame[column].dtype == "string":
        present = present.str.casefold()
    if isinstance(present.dtype, pd.CategoricalDtype):
        present = present.astype("string")
    listed = list(present)
    assert listed == sorted(listed, reverse=descending)
    assert values.isna().sum() == 0 or values.isna().to_numpy()[-values.isna().sum():].all()


def test_ties_keep_the_given_order():
    frame = pd.DataFrame({"fatalities": pd.array([2, 1, 2, 1], dtype="Int64")})
    assert list(sorted_rows(frame, np.array([3, 2, 1, 0]), "deadliest")) == [2, 0, 3, 1]
