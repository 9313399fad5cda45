"""First start: the store is created and the demo articles are ingested once."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from config import load_settings
from ingest.bootstrap import DEMO_DIR, open_store
from data.store import EventStore
from extraction.article import read_article
from tests.unit.test_ingest import FAKE, article


def settings_for(url: str, **env: str):
    return load_settings({"EVENTS_STORE_URL": url, "EVENTS_EXTRACTOR": "fake", **env})


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    folder = tmp_path / "demo"
    folder.mkdir()
    (folder / "one.txt").write_text(article("https://example.org/1",
                                            "EVENT Kalat|Battles|Police Forces of Pakistan|Unidentified Armed Group (Pakistan)|0"))
    (folder / "two.txt").write_text(article("https://example.org/2",
                                            "EVENT Gwadar|Violence against civilians|Unidentified Armed Group (Pakistan)|Civilians (Pakistan)|11"))
    return folder


def test_first_open_creates_the_store_and_loads_the_demo_once(tmp_path, demo):
    settings = settings_for(f"sqlite:///{tmp_path / 'var' / 'events.sqlite'}")
    store = open_store(settings, demo_dir=demo, pipeline=FAKE)
    assert (tmp_path / "var" / "events.sqlite").exists()
    assert store.count() == 2 and len(store.runs()) == 1


def test_first_open_loads_the_demo_once(db_url, demo):
    settings = settings_for(db_url)
    store = open_store(settings, demo_dir=demo, pipeline=FAKE)
    assert store.count() == 2 and len(store.runs()) == 1
    again = open_store(settings, demo_dir=demo, pipeline=FAKE)
    assert again.count() == 2 and len(again.runs()) == 1


def test_a_store_with_events_is_left_alone(fixture_store, demo, tmp_path):
    settings = load_settings({"EVENTS_STORE_URL": fixture_store.url, "EVENTS_EXTRACTOR": "fake"})
    store = open_store(settings, demo_dir=demo, pipeline=FAKE)
    assert store.count() == 300 and store.runs().empty


def test_only_one_of_two_starting_processes_claims_the_demo(db_url):
    url = db_url
    now = [1000.0]
    first, second = EventStore(url, clock=lambda: now[0]), EventStore(url, clock=lambda: now[0])
    assert first.claim("demo-ingest", stale_after=600)
    assert not second.claim("demo-ingest", stale_after=600)
    now[0] += 601  # the first process died mid-ingest: a later start may retry
    assert second.claim("demo-ingest", stale_after=600)
    second.release("demo-ingest")
    assert first.claim("demo-ingest", stale_after=600)


def test_a_failed_demo_ingest_releases_the_claim(db_url, demo):
    settings = settings_for(db_url, EVENTS_EXTRACTOR="no-such-extractor")
    with pytest.raises(ValueError, match="no-such-extractor"):
        open_store(settings, demo_dir=demo, pipeline=FAKE)
    store = open_store(settings_for(db_url), demo_dir=demo, pipeline=FAKE)
    assert store.count() == 2


DEMO_FILES = sorted(DEMO_DIR.glob("*.txt"))


def test_there_are_eight_to_twelve_demo_articles():
    assert 8 <= len(DEMO_FILES) <= 12


@pytest.mark.parametrize("path", DEMO_FILES, ids=lambda p: p.stem)
def test_demo_articles_are_short_dated_reports_with_a_dateline(path):
    art = read_article(path)
    assert art.published is not None and art.title
    assert path.name.startswith(art.published.isoformat())
    assert re.match(r"^[A-Z][A-Z ]+:", art.body.strip()), "first paragraph starts with a DATELINE:"
    assert len(art.body.split()) < 200
    weekdays = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    assert any(day in art.body for day in weekdays)


@pytest.mark.skipif(importlib.util.find_spec("extraction.pipeline") is None,
                    reason="extraction.pipeline is not built yet (another helper's package)")
def test_the_real_pipeline_turns_the_demo_into_events(db_url):
    store = open_store(load_settings({"EVENTS_STORE_URL": db_url}))
    frame = store.load_frame()
    assert store.runs().loc[0, "articles"] == len(DEMO_FILES)
    assert len(frame) >= len(DEMO_FILES)
    assert {"Quetta", "Gwadar", "Kharan", "Kalat"} <= set(frame["admin2"].dropna())


STARTER = """
import sys
from pathlib import Path
from config import load_settings
from ingest.bootstrap import open_store
from tests.unit.test_ingest import FAKE
settings = load_settings({"EVENTS_STORE_URL": sys.argv[1], "EVENTS_EXTRACTOR": "fake"})
open_store(settings, demo_dir=Path(sys.argv[2]), pipeline=FAKE)
"""


def test_two_processes_starting_at_once_load_the_demo_once(db_url, demo):
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    url = db_url
    starters = [subprocess.Popen([sys.executable, "-c", STARTER, url, str(demo)], cwd=root,
                                 stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for proc in starters:
        _, err = proc.communicate()
        assert proc.returncode == 0, err
    store = EventStore(url)
    assert store.count() == 2 and len(store.runs()) == 1
