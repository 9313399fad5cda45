"""Shared fixtures: real event stores, on SQLite and on a PostgreSQL server the session starts itself.

Every store test takes ``db_url`` (or ``store``, ``empty_store``, ``fixture_store`` built on it) and
so runs twice: ``[sqlite]`` on a new file, ``[postgresql]`` on a new database of a throw-away cluster
(``tests/postgres.py``). When PostgreSQL cannot be started the ``[postgresql]`` runs are skipped with
the reason (shown in pytest's summary), never silently. ``-k sqlite`` or ``-k postgresql`` picks one.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from data.sample import seed_store
from data.store import EventStore
from tests.postgres import PostgresCluster, PostgresUnavailable, start_cluster

FIXTURE_EVENTS = Path(__file__).parent / "fixtures" / "events"
BACKENDS = ("sqlite", "postgresql")


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    """One cluster for the session (started on first use), stopped by its process id at the end."""
    try:
        cluster = start_cluster()
    except PostgresUnavailable as exc:
        pytest.skip(f"PostgreSQL store tests skipped: {exc}")
    yield cluster
    cluster.stop()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of a new, empty store database: a SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "events.sqlite")
        return
    cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
    url = cluster.create_database()
    yield url
    cluster.drop_database(url)


@pytest.fixture
def store(db_url: str) -> Iterator[EventStore]:
    """An empty store on each backend."""
    store = EventStore(db_url)
    yield store
    store.close()


@pytest.fixture
def empty_store(store: EventStore) -> EventStore:
    return store


@pytest.fixture
def fixture_store(store: EventStore) -> EventStore:
    """A store holding ``synthetic_events(300, seed=7)`` on each backend (its URL: ``fixture_store.url``)."""
    seed_store(store, 300, seed=7)
    return store
