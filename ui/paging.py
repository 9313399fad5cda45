"""The Events table in pages: sort every matching row on the server, then send one slice.

Sending a million rows to ``st.dataframe`` fails (Streamlit refuses a message over 200 MB) and
even 100,000 cost 24 MB per visit; a page of ``PAGE_ROWS`` rows is a few hundred KB however
many events match. Sorting and the sidebar's search apply to all matching rows, before slicing.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

PAGE_ROWS = 500
UNLOCATED_ROWS = 500

# Sort key -> (column, descending, label). The first is the default.
SORTS: dict[str, tuple[str, bool, str]] = {
    "newest": ("event_date", True, "Date, newest first"),
    "oldest": ("event_date", False, "Date, oldest first"),
    "deadliest": ("fatalities", True, "Fatalities, most first"),
    "place": ("location", False, "Place, A to Z"),
    "district": ("admin2", False, "District, A to Z"),
    "type": ("event_type", False, "Event type, A to Z"),
    "actor": ("actor1", False, "Actor 1, A to Z"),
}


@dataclass(frozen=True, slots=True)
class TablePage:
    number: int      # 1-based, clamped to 1..pages
    pages: int       # at least 1, even with no rows
    start: int       # first row of the page (0-based, into the sorted rows)
    stop: int        # one past the last row
    total: int

    @property
    def caption(self) -> str:
        if self.total == 0:
            return "No events match the filters."
        return f"Events {self.start + 1:,}-{self.stop:,} of {self.total:,} (page {self.number:,} of {self.pages:,})"


def page_of(total: int, number: int, size: int = PAGE_ROWS) -> TablePage:
    """Which slice of ``total`` sorted rows page ``number`` shows (out-of-range numbers are clamped)."""
    if size < 1:
        raise ValueError(f"a page needs at least one row, got size={size}")
    pages = max(1, -(-total // size))
    number = min(max(int(number), 1), pages)
    start = (number - 1) * size
    return TablePage(number=number, pages=pages, start=start, stop=min(start + size, total), total=total)


def _sort_key(values: pd.Series) -> pa.Array:
    """An Arrow array ordering like ``values`` (missing values as nulls)."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        codes = values.cat.codes.to_numpy()          # categories are sorted, so codes order like the labels
        return pa.array(codes, mask=codes < 0)
    if pd.api.types.is_datetime64_any_dtype(values):
        return pa.array(values.to_numpy(dtype="datetime64[ns]").astype(np.int64), mask=values.isna().to_numpy())
    if pd.api.types.is_numeric_dtype(values):
        return pa.array(values.to_numpy(dtype="float64", na_value=np.nan), from_pandas=True)
    text = values.astype("string")
    return pa.array(text.str.casefold().to_numpy(dtype=object, na_value=None), type=pa.string())


def sorted_rows(frame: pd.DataFrame, rows: np.ndarray, sort: str) -> np.ndarray:
    """``rows`` (positions into ``frame``) ordered by the sort ``sort``; ties keep their order, missing last."""
    column, descending, _ = SORTS[sort]
    if len(rows) == 0 or column not in frame.columns:
        return rows
    key = _sort_key(frame[column].take(rows))
    order = pc.array_sort_indices(key, order="descending" if descending else "ascending", null_placement="at_end")
    return rows[order.to_numpy()]
