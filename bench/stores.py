"""Seeded SQLite stores of synthetic events for the map benches (kept under var/bench, git-ignored)."""
from __future__ import annotations

from pathlib import Path

from bench.harness import ROOT

STORE_DIR = ROOT / "var" / "bench"


def seeded_store_url(n: int, *, seed: int = 42) -> str:
    """URL of a store holding ``synthetic_events(n, seed)``; built once, then reused."""
    from data.sample import seed_store
    from data.store import EventStore

    STORE_DIR.mkdir(parents=True, exist_ok=True)
    path = STORE_DIR / f"events-{n}-seed{seed}.sqlite"
    url = f"sqlite:///{path}"
    store = EventStore(url)
    try:
        if store.count() != n:
            path.unlink(missing_ok=True)
            store.close()
            store = EventStore(url)
            seed_store(store, n, seed=seed)
    finally:
        store.close()
    return url


def dashboard_script() -> Path | None:
    """The real dashboard if it is in the tree, else None (the benches then use bench/map_app.py)."""
    path = ROOT / "dashboard.py"
    return path if path.is_file() else None
