"""Seeded SQLite stores of synthetic events for the benches.

Kept under var/bench (git-ignored), or under ``$BENCH_STORE_DIR`` so a 1M-event store (about
1 GB, minutes to build) is built once and shared by every checkout.
"""
from __future__ import annotations

import os
from pathlib import Path

from bench.harness import ROOT

STORE_DIR = Path(os.environ.get("BENCH_STORE_DIR") or ROOT / "var" / "bench")


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
    """The real dashboard if it is in the tree, else None (the benches need it)."""
    path = ROOT / "dashboard.py"
    return path if path.is_file() else None
