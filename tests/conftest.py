"""Shared fixtures: a real SQLite event store seeded with synthetic events."""
from __future__ import annotations

from pathlib import Path

import pytest

from data.sample import seed_store
from data.store import EventStore

FIXTURE_EVENTS = Path(__file__).parent / "fixtures" / "events"


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


@pytest.fixture
def fixture_store(tmp_path: Path) -> EventStore:
    """A store at ``tmp_path/events.sqlite`` holding ``synthetic_events(300, seed=7)``.

    Its URL is ``fixture_store.url`` (point ``EVENTS_STORE_URL`` at it for app tests).
    """
    store = EventStore(sqlite_url(tmp_path / "events.sqlite"))
    seed_store(store, 300, seed=7)
    yield store
    store.close()


@pytest.fixture
def empty_store(tmp_path: Path) -> EventStore:
    store = EventStore(sqlite_url(tmp_path / "empty.sqlite"))
    yield store
    store.close()
