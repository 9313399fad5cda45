"""AppTest fixtures: the real dashboard against a throwaway SQLite store of synthetic events."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from streamlit.runtime.pages_manager import PagesManager

from data.sample import seed_store
from data.store import EventStore
from tests.app.helpers import SEED, SEED_ROWS


# The store stamps each written row; a fixed clock keeps the exported CSV byte-stable.
SEEDED_AT = 1_767_225_600.0  # 2026-01-01T00:00:00Z


@pytest.fixture()
def store_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """URL of a store holding ``synthetic_events(300, seed=7)`` (as ``fixture_store``), fixed clock."""
    url = f"sqlite:///{tmp_path / 'events.sqlite'}"
    store = EventStore(url, clock=lambda: SEEDED_AT)
    seed_store(store, SEED_ROWS, seed=SEED)
    store.close()
    monkeypatch.setenv("EVENTS_STORE_URL", url)
    monkeypatch.setenv("EVENTS_TILES", "none")
    yield url


@pytest.fixture()
def stored_frame(store_url: str) -> pd.DataFrame:
    """What the dashboard reads: the store's own typed frame."""
    store = EventStore(store_url)
    try:
        return store.load_frame()
    finally:
        store.close()


@pytest.fixture(autouse=True)
def navigation_mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every AppTest the way a warm server runs: in ``st.navigation`` mode.

    AppTest resets Streamlit's "this is a pages/ app" flag before each run, so each run would
    take the one-time detour of ui/entry.py (a rerun, which also drops a clicked button's
    value). A running server takes that detour once per process; tests marked
    ``cold_start`` keep it to check the detour itself.
    """
    if request.node.get_closest_marker("cold_start"):
        return
    original = PagesManager.__init__

    def warm_init(self: PagesManager, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", warm_init)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "cold_start: run AppTest without the warm-server navigation mode")
