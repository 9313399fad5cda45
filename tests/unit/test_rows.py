"""Plain rows into the store (data/rows.py, EventStore.sync_articles): same values as the frame path."""
from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest

from data.loader import to_frame
from data.rows import plain_records
from data.sample import synthetic_events
from data.schema import COLUMNS
from errors import SchemaError


def _same(a: object, b: object) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return (math.isnan(a) and math.isnan(b)) or a == b
    return a == b and type(a) is type(b)


def test_plain_records_equal_the_frame_path():
    from data.store import _db_values

    frame = synthetic_events(60, seed=12)
    rows = frame.astype(object).where(frame.notna(), None).to_dict("records")
    for row in rows[::3]:   # the shapes an extractor hands over: ISO text dates, text numbers, NaN, NA
        row["event_date"] = row["event_date"].strftime("%Y-%m-%d")
        row["fatalities"] = str(row["fatalities"])
        row["latitude"] = float("nan") if row["latitude"] is None else row["latitude"]
        row["admin3"] = pd.NA
        row["tags"] = None
    expected = _db_values(to_frame(rows))
    got = plain_records(rows)
    assert len(got) == len(expected)
    for g, e in zip(got, expected):
        for col in COLUMNS:
            assert _same(g[col.name], e[col.name]), (col.name, g[col.name], e[col.name])


def test_a_value_that_does_not_convert_names_row_and_column():
    with pytest.raises(SchemaError, match=r"row 2: column 'fatalities'.*'many'"):
        plain_records([{"fatalities": 1}, {"fatalities": "many"}])
    with pytest.raises(SchemaError, match="whole number"):
        plain_records([{"year": 2024.5}])
    assert plain_records([{"event_date": dt.datetime(2024, 5, 1, 13)}])[0]["event_date"] == dt.date(2024, 5, 1)
    assert plain_records([{"fatalities": np.int64(3)}])[0]["fatalities"] == 3


def test_sync_articles_writes_one_batch_and_rejects_a_bad_article_alone(empty_store):
    events = synthetic_events(9, seed=21)
    rows = events.astype(object).where(events.notna(), None).to_dict("records")
    for i, row in enumerate(rows):
        row["article_id"] = f"art-{i // 3}"
        row["origin"] = "extracted"
    bad = dict(rows[4], event_type="Picnic")
    articles = [("art-0", rows[0:3]), ("art-1", [rows[3], bad, rows[5]]), ("art-2", rows[6:9])]
    version = empty_store.data_version()
    summary, removed, rejected = empty_store.sync_articles(articles, run_id="run-1")
    assert summary.new == 6 and removed == 0
    assert [a for a, _ in rejected] == ["art-1"] and "Picnic" in rejected[0][1]
    assert empty_store.count() == 6 and empty_store.data_version() != version
    # Re-syncing art-0 with one row fewer removes the row it no longer produces.
    summary, removed, rejected = empty_store.sync_articles([("art-0", rows[0:2])], run_id="run-2")
    assert (summary.unchanged, removed, rejected) == (2, 1, [])
    assert empty_store.count() == 5
