"""The column-wise read (data/reader.py): same frame on every path, typed from the schema."""
from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from data.loader import to_frame
from data.reader import arrow_to_frame, read_table_adbc, read_table_sqlalchemy, rowid_ranges, sort_order
from data.sample import synthetic_events
from data.sqlite_arrow import SCHEMA, stream_events
from data.store import EventStore
from data.tables import EVENTS
from errors import StoreError


def _store(tmp_path: Path, rows: pd.DataFrame) -> tuple[EventStore, Path]:
    path = tmp_path / "events.sqlite"
    store = EventStore(f"sqlite:///{path}", clock=lambda: 1000.0)
    store.upsert_events(rows)
    return store, path


def test_adbc_and_sqlalchemy_reads_give_the_frame_to_frame_gives(tmp_path):
    rows = synthetic_events(250, seed=5)
    store, path = _store(tmp_path, rows)
    by_adbc = arrow_to_frame(read_table_adbc(path, rowid_ranges(1, 250, 3)))
    by_sqlalchemy = arrow_to_frame(read_table_sqlalchemy(store.engine, EVENTS))
    pd.testing.assert_frame_equal(by_adbc, by_sqlalchemy)
    expected = to_frame(rows.assign(timestamp=1000)).sort_values("event_id_cnty").reset_index(drop=True)
    got = by_adbc.sort_values("event_id_cnty").reset_index(drop=True)
    pd.testing.assert_frame_equal(got, expected, check_categorical=False)
    assert got.dtypes.astype(str).equals(to_frame([]).dtypes.astype(str))
    assert str(got["evidence"].dtype.storage) == "pyarrow"   # Arrow-backed text


def test_a_first_batch_of_nulls_does_not_fix_a_column_type(tmp_path):
    # ADBC infers a column's type from its first batch: all-NULL there would mean int64 and
    # fail on the first text further down; the sentinel row prevents that.
    rows = synthetic_events(30, seed=2)
    rows["assoc_actor_1"] = [""] * 25 + ["Lashkar-e-Jhangvi"] * 5
    rows.loc[:24, "geo_precision"] = pd.NA
    store, path = _store(tmp_path, rows)
    store.close()   # no sqlite3 connection may share a process with ADBC's own SQLite
    out = io.BytesIO()
    from data import sqlite_arrow
    original = sqlite_arrow.BATCH_ROWS
    sqlite_arrow.BATCH_ROWS = 4
    try:
        assert stream_events(str(path), out) == 30
    finally:
        sqlite_arrow.BATCH_ROWS = original
    table = pa.ipc.open_stream(out.getvalue()).read_all()
    assert table.schema == SCHEMA
    assert sorted(v for v in table.column("assoc_actor_1").to_pylist() if v) == ["Lashkar-e-Jhangvi"] * 5


def test_load_events_orders_by_date_then_id_without_reordering_columns(tmp_path):
    rows = synthetic_events(120, seed=9)
    store, _ = _store(tmp_path, rows.sample(frac=1, random_state=1))
    frame, order = store.load_events()
    ordered = frame.take(order)
    pairs = list(zip(ordered["event_date"], ordered["event_id_cnty"]))
    assert pairs == sorted(pairs)
    pd.testing.assert_frame_equal(store.load_frame(), ordered.reset_index(drop=True))


def test_an_empty_store_reads_as_an_empty_typed_frame(tmp_path):
    store = EventStore(f"sqlite:///{tmp_path / 'e.sqlite'}")
    frame, order = store.load_events()
    assert frame.empty and len(order) == 0
    assert frame.dtypes.astype(str).equals(to_frame([]).dtypes.astype(str))


def test_a_failing_read_is_a_store_error_naming_the_file(tmp_path):
    path = tmp_path / "gone.sqlite"
    with pytest.raises(StoreError, match="gone.sqlite"):
        read_table_adbc(path)
    notes = tmp_path / "notes.sqlite"
    notes.write_bytes(b"not a database at all" * 200)
    with pytest.raises(StoreError, match="notes.sqlite"):
        read_table_adbc(notes)


def test_rowid_ranges_cover_the_table_once():
    assert rowid_ranges(None, None, 2) == []
    assert rowid_ranges(1, 10, 3) == [(1, 4), (5, 8), (9, 10)]
    assert rowid_ranges(5, 5, 4) == [(5, 5)]
    covered = [i for lo, hi in rowid_ranges(3, 1000, 4) for i in range(lo, hi + 1)]
    assert covered == list(range(3, 1001))


def test_sort_order_puts_missing_dates_first_and_breaks_ties_by_id():
    frame = pd.DataFrame({"event_date": pd.to_datetime(["2024-01-02", None, "2024-01-01", "2024-01-01"]),
                          "event_id_cnty": pd.array(["PAKB", "PAKZ", "PAKC", "PAKA"], dtype="string")})
    assert list(sort_order(frame)) == [1, 3, 2, 0]
    assert sort_order(frame.iloc[0:0]).dtype == np.intp


def test_a_large_store_is_read_by_the_child_processes_with_the_same_result(tmp_path, monkeypatch):
    import data.store as store_module

    store, _ = _store(tmp_path, synthetic_events(200, seed=6))
    small_frame, small_order = store.load_events()        # in-process (below SMALL_STORE_ROWS)
    monkeypatch.setattr(store_module, "SMALL_STORE_ROWS", 0)
    monkeypatch.setattr(store_module, "READ_PROCESSES", 2)
    big_frame, big_order = store.load_events()
    pd.testing.assert_frame_equal(big_frame.take(big_order).reset_index(drop=True),
                                  small_frame.take(small_order).reset_index(drop=True))
