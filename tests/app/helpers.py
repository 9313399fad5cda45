"""Helpers shared by the AppTest modules (fixtures live in conftest.py)."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = str(ROOT / "dashboard.py")       # AppTest resolves relative paths against the test file
PAGES = {"map": "pages/map.py", "events": "pages/events.py", "overview": "pages/overview.py",
         "ingest": "pages/ingest.py", "trends": "pages/trends.py", "review": "pages/review.py"}
SEED_ROWS, SEED = 300, 7


def open_page(page: str = "map", *, query: dict[str, str | list[str]] | None = None) -> AppTest:
    """Run the dashboard (optionally with URL query params) and switch to ``page``."""
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    if page != "map":
        at.switch_page(PAGES[page]).run()
        assert not at.exception, at.exception
    return at
