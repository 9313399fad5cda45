"""Open the configured store; on first start, load the built-in demo articles into it.

The demo goes through ``ingest_paths`` like any real article, so the first map
a new user sees is made by the same extractor and geocoder as their own data.
"""
from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any, Callable

from config import Settings, load_settings
from ingest.run import Pipeline, ingest_paths
from data.store import EventStore
from errors import DashboardError

DEMO_DIR = Path(__file__).resolve().parent.parent / "data" / "demo"
JOB = "demo-ingest"
# A claim older than this is from a process that died mid-ingest: let the next start retry.
STALE_CLAIM_S = 600.0
log = logging.getLogger(__name__)


def open_store(settings: Settings | None = None, *, demo_dir: Path = DEMO_DIR, pipeline: Pipeline | None = None,
               clock: Callable[[], float] = time.time) -> EventStore:
    """The store at ``settings.store_url`` (created if new), holding the demo events when it had none.

    Idempotent and safe when two processes start at once: only the one that
    claims the job ingests; the other opens the store as it is.
    """
    settings = settings or load_settings()
    store = EventStore(settings.store_url, clock=clock)
    if store.count() == 0 and store.claim(JOB, stale_after=STALE_CLAIM_S):
        load_demo(store, settings, demo_dir=demo_dir, pipeline=pipeline)
    return store


def load_demo(store: EventStore, settings: Settings, *, demo_dir: Path = DEMO_DIR,
              pipeline: Pipeline | None = None) -> Any:
    """Ingest the demo folder; on failure release the claim (so a later start retries) and re-raise."""
    try:
        report = ingest_paths([demo_dir], store, extractor=settings.extractor, progress=False, pipeline=pipeline)
    except (DashboardError, ImportError):
        store.release(JOB)
        raise
    if report.rejects:
        log.warning("demo articles rejected: %s", "; ".join(f"{f}: {r}" for f, r in report.rejects))
    return report
