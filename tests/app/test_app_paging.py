"""The Events page sends one page of rows however many events match (no timing, only sizes)."""
from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from data.sample import seed_store, synthetic_events
from data.store import EventStore
from tests.app.helpers import open_page
from ui.paging import PAGE_ROWS
from ui.tables import TABLE_COLUMNS

LARGE = 6_000
MESSAGE_BOUND = 600_000     # bytes for the whole Events page run, whatever the size of the store


@pytest.fixture()
def large_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'large.sqlite'}"
    store = EventStore(url)
    seed_store(store, LARGE, seed=3)
    store.close()
    monkeypatch.setenv("EVENTS_STORE_URL", url)
    monkeypatch.setenv("EVENTS_TILES", "none")
    return url


def _page_bytes(at: AppTest) -> int:
    """Serialized size of every element the page run produced (what goes over the websocket)."""
    return sum(node.proto.ByteSize() for node in at._tree if getattr(node, "proto", None) is not None)


def test_events_page_message_stays_bounded_on_a_large_store(large_store: str) -> None:
    at = open_page("events")
    table = at.dataframe[0].value
    assert len(table) == PAGE_ROWS
    assert any(f"Events 1-{PAGE_ROWS} of {LARGE:,}" in c.value for c in at.caption)
    # The bound means something: the whole table, sent at once, would be well over it.
    whole = synthetic_events(LARGE, seed=3)[list(TABLE_COLUMNS)]
    assert pa.Table.from_pandas(whole).nbytes > 2 * MESSAGE_BOUND
    assert _page_bytes(at) < MESSAGE_BOUND, _page_bytes(at)


def test_sorting_and_search_apply_to_every_matching_row(large_store: str) -> None:
    frame = synthetic_events(LARGE, seed=3)
    at = open_page("events")
    at.selectbox(key="events_sort").set_value("deadliest").run()
    assert at.dataframe[0].value["fatalities"].iloc[0] == frame["fatalities"].max()
    last = -(-LARGE // PAGE_ROWS)
    at.number_input(key="events_page").set_value(last).run()
    assert not at.exception
    assert len(at.dataframe[0].value) == LARGE - (last - 1) * PAGE_ROWS
    assert at.dataframe[0].value["fatalities"].iloc[-1] == frame["fatalities"].min()
    at.sidebar.text_input(key="filter_q").set_value("Kharan").run()
    expected = int(frame[["location", "place_raw", "actor1", "actor2", "evidence", "notes"]]
                   .apply(lambda s: s.astype("string").str.contains("Kharan", case=False)).any(axis=1).sum())
    assert any(f"of {expected:,}" in c.value or (expected <= PAGE_ROWS and f"-{expected} of" in c.value)
               for c in at.caption), [c.value for c in at.caption]
    assert at.number_input(key="events_page").value == 1   # a new filter starts at the first page
    shown = at.dataframe[0].value
    assert len(shown) == min(expected, PAGE_ROWS)
