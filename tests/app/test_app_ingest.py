"""The Ingest page: article text is always shown as text, bad input gets a clear message,
and nothing reaches the store before the analyst confirms."""
from __future__ import annotations

from data.store import EventStore
from tests.app.helpers import SEED_ROWS, open_page

PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(2)>"
# Written for this test (no third-party text): one clear, codable incident.
ARTICLE = f"""title: Gunmen kill two policemen {PAYLOAD}
url: https://example.org/news/quetta-checkpoint
published: 2026-01-17
---
QUETTA: Unidentified gunmen killed two policemen at a checkpoint in Quetta on Friday {PAYLOAD}, police said.
"""

EVENTS_CSV = (
    "event_id_cnty,event_date,event_type,sub_event_type,actor1,location,admin1,admin2,latitude,longitude,fatalities\n"
    "TST1,2026-01-05,Battles,Armed clash,Military Forces of Pakistan,Turbat,Balochistan,Kech,26.0,63.05,2\n"
    "TST2,not a date,Battles,Armed clash,Military Forces of Pakistan,Turbat,Balochistan,Kech,26.0,63.05,1\n"
)


def _count(url: str) -> int:
    store = EventStore(url)
    try:
        return store.count()
    finally:
        store.close()


def _html(at) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


def test_xss_article_is_shown_as_text_and_stored_on_confirmation(store_url: str) -> None:
    at = open_page("ingest")
    at.text_area(key="ingest_text").set_value(ARTICLE).run()
    at.button(key="ingest_extract").click().run()
    assert not at.exception, at.exception

    html = _html(at)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, html
    assert "<script" not in html and "<img" not in html
    assert "<mark>Quetta</mark>" in html                       # the place is highlighted
    shown = " ".join(m.value for m in at.markdown)
    assert "\\<script\\>" in shown or "&lt;script&gt;" in shown  # titles are escaped Markdown
    assert _count(store_url) == SEED_ROWS                       # preview stores nothing

    at.button(key="ingest_add").click().run()
    assert not at.exception, at.exception
    assert _count(store_url) > SEED_ROWS
    assert any("new" in s.value for s in at.success)


def test_empty_article_gets_a_clear_message(store_url: str) -> None:
    at = open_page("ingest")
    at.text_area(key="ingest_text").set_value("   \n  ").run()
    at.button(key="ingest_extract").click().run()
    assert any("empty" in w.value for w in at.warning)
    assert "ingest_preview" not in at.session_state


def test_article_without_body_is_reported_not_stored(store_url: str) -> None:
    at = open_page("ingest")
    at.text_area(key="ingest_text").set_value("title: Only a title\npublished: 2026-01-17\n---\n").run()
    at.button(key="ingest_extract").click().run()
    assert not at.exception, at.exception
    assert any("Not read" in e.value for e in at.error), [e.value for e in at.error]
    assert _count(store_url) == SEED_ROWS


def test_import_lists_rejects_and_stores_only_valid_rows(store_url: str) -> None:
    at = open_page("ingest")
    at.file_uploader(key="import_file").set_value(("events.csv", EVENTS_CSV.encode(), "text/csv")).run()
    assert not at.exception, at.exception
    rejects = at.dataframe[0].value
    assert list(rejects.columns) == ["row", "column", "value", "reason"]
    assert len(rejects) == 1 and rejects.iloc[0]["column"] == "event_date"
    assert rejects.iloc[0]["value"] == "not a date"
    assert _count(store_url) == SEED_ROWS                       # nothing stored before confirming

    at.button(key="import_store").click().run()
    assert not at.exception, at.exception
    assert _count(store_url) == SEED_ROWS + 1
    assert any("1 new" in s.value for s in at.success)
    # The confirmation sits where the button was, and the button is gone.
    main = list(at.main)
    import_at = next(i for i, e in enumerate(main) if getattr(e, "value", None) == "Import coded events")
    assert any("1 new" in getattr(e, "value", "") for e in main[import_at:] if type(e).__name__ == "Success")
    assert not [b for b in at.button if b.key == "import_store"]


def test_unreadable_events_file_gets_a_clear_message(store_url: str) -> None:
    at = open_page("ingest")
    at.file_uploader(key="import_file").set_value(("events.csv", b"\xff\xfe\x00garbage", "text/csv")).run()
    assert not at.exception, at.exception
    assert any("events.csv" in e.value for e in at.error)
    assert _count(store_url) == SEED_ROWS


def test_article_file_upload_is_previewed(store_url: str) -> None:
    at = open_page("ingest")
    at.file_uploader(key="ingest_files").set_value(("report.txt", ARTICLE.encode(), "text/plain")).run()
    at.button(key="ingest_extract").click().run()
    assert not at.exception, at.exception
    assert "&lt;script&gt;" in _html(at)


def test_ingest_page_shows_import_section(store_url: str) -> None:
    at = open_page("ingest")
    assert [h.value for h in at.main.header] == ["Add news articles", "Import coded events", "Recent ingest runs"]
    at.button(key="ingest_extract").click().run()             # nothing to extract yet
    assert any("first" in w.value for w in at.warning)


def test_uploaded_page_without_a_date_gets_a_hint(store_url: str) -> None:
    page = ("<html><head><title>Checkpoint attack</title></head><body><article><p>QUETTA: Unidentified gunmen "
            "killed two policemen at a checkpoint in Quetta on Friday, police said.</p></article></body></html>")
    at = open_page("ingest")
    at.file_uploader(key="ingest_files").set_value(("report.html", page.encode(), "text/html")).run()
    at.button(key="ingest_extract").click().run()
    assert not at.exception, at.exception
    warnings = [w.value for w in at.warning]
    assert any("No publication date found in the page" in w and "Published on" in w for w in warnings), warnings

    at.date_input(key="ingest_published").set_value("2026-01-17").run()
    at.button(key="ingest_extract").click().run()
    assert not any("No publication date" in w.value for w in at.warning)
    assert any("Published 2026-01-17 · 1 event found" in c.value for c in at.caption), [c.value for c in at.caption]


def test_the_page_lists_recent_runs_with_an_interrupted_one(store_url: str) -> None:
    import time

    from data.store import RUN_LEASE_S

    past = EventStore(store_url, clock=lambda: time.time() - RUN_LEASE_S - 60)
    dead = past.start_run("rules", "1")            # never finished: its process "died"
    past.close()
    store = EventStore(store_url)
    done = store.start_run("import", "1")
    store.finish_run(done, articles=0, summary=store.upsert_events([]), errors=[{"file": "a.csv", "row": "3",
                                                                               "reason": "not a date"}])
    store.close()
    at = open_page("ingest")
    assert not at.exception, at.exception
    runs = at.dataframe[-1].value.set_index("run")
    assert runs.loc[dead, "state"] == "interrupted" and "interrupted" in runs.loc[dead, "errors"]
    assert runs.loc[done, "state"] == "finished" and "a.csv 3 not a date" in runs.loc[done, "errors"]
