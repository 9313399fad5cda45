"""The dashboard on each store backend: every page renders from the same seeded events, a URL filter and
an event-file import work on SQLite and on PostgreSQL alike."""
from __future__ import annotations

import pytest

from data.filters import Filters
from data.sample import seed_store
from data.store import EventStore
from tests.app.helpers import PAGES, SEED, SEED_ROWS, open_page


@pytest.fixture
def backend_url(db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    store = EventStore(db_url)
    seed_store(store, SEED_ROWS, seed=SEED)
    store.close()
    monkeypatch.setenv("EVENTS_STORE_URL", db_url)
    monkeypatch.setenv("EVENTS_TILES", "none")
    return db_url


def test_every_page_renders_on_each_backend(backend_url: str) -> None:
    for page in PAGES:
        at = open_page(page)
        assert not at.exception and not at.error, [e.value for e in at.error]
        if page != "ingest":
            assert f"{SEED_ROWS:,} events" in at.markdown[0].value


def test_a_url_filter_counts_the_same_on_each_backend(backend_url: str) -> None:
    store = EventStore(backend_url)
    expected = len(store.query(Filters(admin1=("Balochistan",), min_fatalities=2)))
    store.close()
    at = open_page("events", query={"province": "Balochistan", "min_fatalities": "2"})
    assert f"{expected:,} event" in at.markdown[0].value


def test_an_import_is_stored_on_each_backend(backend_url: str) -> None:
    csv = (b"event_date,event_type,actor1,location,admin1,admin2\n"
           b"2026-01-05,Battles,Military Forces of Pakistan,Noshki,Balochistan,Noshki\n")
    at = open_page("ingest")
    at.file_uploader(key="import_file").set_value(("events.csv", csv, "text/csv")).run()
    at.button(key="import_store").click().run()
    assert not at.exception, at.exception
    store = EventStore(backend_url)
    assert store.count() == SEED_ROWS + 1
    assert store.runs(limit=1).iloc[0]["state"] == "finished"
    store.close()
