"""Shared fixtures: a real event store seeded with synthetic events.

SQLite by default. Set ``EVENTS_TEST_STORE_URL`` to a server database (for example
``postgresql+psycopg://postgres@127.0.0.1:55432/events``) to run the same store tests
against it; its tables are dropped and recreated for each test, so use a scratch database.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from data.sample import seed_store
from data.store import EventStore
from data.tables import METADATA

FIXTURE_EVENTS = Path(__file__).parent / "fixtures" / "events"


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def scratch_store(tmp_path: Path, name: str) -> EventStore:
    """An empty store: a new SQLite file, or the emptied server database of EVENTS_TEST_STORE_URL."""
    server_url = os.environ.get("EVENTS_TEST_STORE_URL")
    if not server_url:
        return EventStore(sqlite_url(tmp_path / name))
    store = EventStore(server_url)
    METADATA.drop_all(store.engine)
    store.close()
    return EventStore(server_url)


@pytest.fixture
def fixture_store(tmp_path: Path) -> EventStore:
    """A store at ``tmp_path/events.sqlite`` holding ``synthetic_events(300, seed=7)``.

    Its URL is ``fixture_store.url`` (point ``EVENTS_STORE_URL`` at it for app tests).
    """
    store = scratch_store(tmp_path, "events.sqlite")
    seed_store(store, 300, seed=7)
    yield store
    store.close()


@pytest.fixture
def empty_store(tmp_path: Path) -> EventStore:
    store = scratch_store(tmp_path, "empty.sqlite")
    yield store
    store.close()
