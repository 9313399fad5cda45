from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa

from data.filters import Filters
from data.loader import to_frame
from data.sample import synthetic_events
from data.schema import COLUMN_NAMES
from data.store import BUSY_TIMEOUT_MS, EventStore, UpsertSummary, _enable_wal
from errors import SchemaError, StoreError

ROOT = Path(__file__).resolve().parents[2]


def test_fixture_store_holds_the_seeded_events(fixture_store):
    frame = fixture_store.load_frame()
    assert fixture_store.count() == len(frame) == 300
    assert list(frame.columns) == list(COLUMN_NAMES)
    expected = synthetic_events(300, seed=7).set_index("event_id_cnty").sort_index()
    got = frame.set_index("event_id_cnty").sort_index()
    pd.testing.assert_frame_equal(got.drop(columns="timestamp"), expected.drop(columns="timestamp"),
                                  check_categorical=False)


# SQLite's own file handling (folders, WAL, a file that is no database); the server backend has no file.
def test_creates_parent_directory_and_sets_wal(tmp_path):
    path = tmp_path / "deep" / "er" / "events.sqlite"
    store = EventStore(f"sqlite:///{path}")
    assert path.exists()
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
    assert set(sa.inspect(store.engine).get_table_names()) >= {"events", "runs"}


class _LockedCursor:
    """A cursor whose first ``locked`` calls fail the way a second process opening a new file sees it."""

    def __init__(self, locked: int) -> None:
        self.locked, self.calls = locked, 0

    def execute(self, sql: str) -> None:
        self.calls += 1
        if self.calls <= self.locked:
            raise sqlite3.OperationalError("database is locked")


def test_switching_to_wal_waits_out_another_process_opening_the_file():
    now, naps = [0.0], []

    def sleep(seconds: float) -> None:
        naps.append(seconds)
        now[0] += seconds

    cursor = _LockedCursor(locked=3)
    _enable_wal(cursor, clock=lambda: now[0], sleep=sleep)
    assert cursor.calls == 4 and len(naps) == 3


def test_switching_to_wal_gives_up_after_the_busy_timeout():
    now = [0.0]

    def sleep(seconds: float) -> None:
        now[0] += seconds

    with pytest.raises(sqlite3.OperationalError, match="locked"):
        _enable_wal(_LockedCursor(locked=10**9), clock=lambda: now[0], sleep=sleep)
    assert now[0] >= BUSY_TIMEOUT_MS / 1000


def test_reingesting_the_same_rows_changes_nothing(fixture_store):
    rows = synthetic_events(300, seed=7)
    version = fixture_store.data_version()
    assert fixture_store.upsert_events(rows) == UpsertSummary(new=0, updated=0, unchanged=300)
    assert fixture_store.upsert_events(rows.to_dict("records")) == UpsertSummary(unchanged=300)
    assert fixture_store.count() == 300
    assert fixture_store.data_version() == version


def test_changed_rows_are_updated_in_place_and_stamped(db_url):
    ticks = iter([1000.0, 2000.0])
    store = EventStore(db_url, clock=lambda: next(ticks))
    rows = synthetic_events(5, seed=1)
    store.upsert_events(rows)
    changed = rows.copy()
    changed.loc[0, "fatalities"] = 99
    version = store.data_version()
    assert store.upsert_events(changed, run_id="run-2") == UpsertSummary(new=0, updated=1, unchanged=4)
    assert store.data_version() != version
    frame = store.load_frame().set_index("event_id_cnty")
    key = rows.loc[0, "event_id_cnty"]
    assert frame.loc[key, "fatalities"] == 99
    assert frame.loc[key, "timestamp"] == 2000 and frame.loc[key, "run_id"] == "run-2"
    others = frame.drop(index=key)
    assert set(others["timestamp"]) == {1000} and set(others["run_id"]) == {""}


def test_a_bad_row_rolls_back_the_whole_upsert(db_url):
    store = EventStore(db_url, batch_size=2)
    rows = synthetic_events(6, seed=3)
    store.upsert_events(rows)
    before = store.load_frame()
    edited = rows.astype({"event_type": object})
    edited["fatalities"] = 500          # would update every row ...
    edited.loc[4, "event_type"] = "Picnic"   # ... but row 5 (third batch) is bad
    with pytest.raises(SchemaError, match="Picnic"):
        store.upsert_events(edited)
    pd.testing.assert_frame_equal(store.load_frame(), before)


def test_duplicate_ids_in_one_upsert_are_refused(empty_store):
    rows = synthetic_events(2, seed=3)
    rows.loc[1, "event_id_cnty"] = rows.loc[0, "event_id_cnty"]
    with pytest.raises(SchemaError, match="twice"):
        empty_store.upsert_events(rows)
    assert empty_store.count() == 0


def test_query_filters_in_sql_like_pandas(fixture_store):
    frame = fixture_store.load_frame()
    for filters in (Filters(admin1=("Balochistan",), min_fatalities=2),
                    Filters(text="GUNMEN", date_from="2024-01-01"),
                    Filters(actor=("Civilians (Pakistan)",), event_type=("Violence against civilians",)),
                    Filters(text="100%_")):
        in_sql = fixture_store.query(filters)["event_id_cnty"]
        in_pandas = filters.apply(frame)["event_id_cnty"]
        assert sorted(in_sql) == sorted(in_pandas)
    assert len(fixture_store.query(Filters())) == 300


def test_runs_record_provenance(empty_store):
    version = empty_store.data_version()
    run_id = empty_store.start_run("fake", "0.1")
    summary = empty_store.upsert_events(synthetic_events(3, seed=2), run_id=run_id)
    empty_store.finish_run(run_id, articles=2, summary=summary, errors=[("bad.txt", "empty file")])
    runs = empty_store.runs()
    assert len(runs) == 1
    run = runs.iloc[0]
    assert (run.run_id, run.extractor, run.extractor_version, run.articles) == (run_id, "fake", "0.1", 2)
    assert (run.events_new, run.events_updated, run.events_unchanged) == (3, 0, 0)
    assert '"bad.txt"' in run.errors and run.finished is not None
    assert set(empty_store.load_frame()["run_id"]) == {run_id}
    assert empty_store.data_version() != version


def test_finishing_an_unknown_run_names_it(empty_store):
    with pytest.raises(StoreError, match="nope"):
        empty_store.finish_run("nope", articles=0, summary=UpsertSummary())


def test_bad_url_is_a_store_error():
    with pytest.raises(StoreError, match="not a valid store URL"):
        EventStore("not a url")


def test_empty_store_loads_an_empty_typed_frame(empty_store):
    frame = empty_store.load_frame()
    assert frame.empty and list(frame.columns) == list(COLUMN_NAMES)
    assert frame.dtypes.equals(to_frame([]).dtypes)


WRITER = textwrap.dedent("""
    import sys
    from data.sample import synthetic_events
    from data.store import EventStore
    store = EventStore(sys.argv[1])
    rows = synthetic_events(400, seed=11)
    for start in range(0, 400, 40):
        store.upsert_events(rows.iloc[start:start + 40])
    print("done")
""")


def test_a_reader_process_sees_consistent_counts_while_another_writes(db_url):
    url = db_url
    reader = EventStore(url)
    writer = subprocess.Popen([sys.executable, "-c", WRITER, url], cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    seen = []
    while writer.poll() is None:
        count = reader.count()
        frame = reader.load_frame()
        seen.append(count)
        # Each batch commits whole: a reader never sees part of one.
        assert count % 40 == 0 and len(frame) % 40 == 0
    out, err = writer.communicate()
    assert writer.returncode == 0, err
    assert out.strip() == "done"
    assert seen == sorted(seen)
    assert reader.count() == 400


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"these are my notes, not a database" * 100)
    with pytest.raises(StoreError, match="notes.sqlite"):
        EventStore(f"sqlite:///{path}")


def test_an_unwritable_location_is_a_store_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError):
        EventStore(f"sqlite:///{blocker / 'sub' / 'events.sqlite'}")
