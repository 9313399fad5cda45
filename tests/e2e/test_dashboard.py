"""The running dashboard in headless Chromium: markers painted, filters, CSV export, XSS, screenshot."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest

from data.filters import Filters
from data.schema import COLUMN_NAMES
from data.store import EventStore

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = ROOT / "docs" / "screenshot.png"
MAP_FRAME = "iframe[title='streamlit_folium.st_folium']"
PAINT_TIMEOUT_MS = 90_000

# Reads the *current* map iframe (st_folium re-mounts it when the map changes, so frame handles
# go stale). -1 until the event layer has painted (maps/static/event_layer.js sets
# data-events-painted on the map container after two animation frames). Otherwise the markers
# in the DOM: events inside clusters plus single event markers.
COUNT_MARKERS_JS = """() => {
  const f = document.querySelector("iframe[title='streamlit_folium.st_folium']");
  const d = f && f.contentDocument;
  const box = d && d.querySelector('.leaflet-container[data-events-painted]');
  if (!box) return -1;
  const inClusters = [...d.querySelectorAll('.marker-cluster')].reduce((a, e) => a + Number(e.innerText || 0), 0);
  return inClusters + d.querySelectorAll('.leaflet-marker-icon.ev-pt').length;
}"""
PAINTED_JS = """() => {
  const f = document.querySelector("iframe[title='streamlit_folium.st_folium']");
  const box = f && f.contentDocument && f.contentDocument.querySelector('.leaflet-container[data-events-painted]');
  return box ? Number(box.getAttribute('data-events-painted')) : -1;
}"""


def _frame_of(server) -> pd.DataFrame:
    store = EventStore(server.store_url)
    try:
        return store.load_frame()
    finally:
        store.close()


def _located(frame: pd.DataFrame) -> int:
    return int((frame["latitude"].notna() & frame["longitude"].notna()).sum())


def _wait_markers(page, expected: int) -> None:
    page.wait_for_function(f"({PAINTED_JS})() === {expected}", timeout=PAINT_TIMEOUT_MS)
    page.wait_for_function(f"({COUNT_MARKERS_JS})() === {expected}", timeout=10_000)


def _assert_clean(page, issues) -> None:
    assert not issues.failed_requests, issues.failed_requests
    assert not issues.page_errors, issues.page_errors
    for frame in page.frames:
        errors = frame.evaluate("() => window.__frameErrors")
        assert errors == [], f"{frame.url}: {errors}"   # None would mean the listener never ran


def test_map_paints_markers_filters_and_exports(server, browser) -> None:
    page, issues = browser
    page.goto(f"{server.base_url}/", wait_until="domcontentloaded")   # Map is the default page
    page.wait_for_function(f"({PAINTED_JS})() >= 0", timeout=PAINT_TIMEOUT_MS)   # first start ingests
    frame = _frame_of(server)
    assert len(frame) > 0, "the demo reports should have been ingested on first start"
    _wait_markers(page, _located(frame))
    assert page.get_by_text(f"{len(frame)} event", exact=False).first.is_visible()

    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=False)
    assert SCREENSHOT.stat().st_size > 10_000

    # CSV export of every event: a real download that parses with the schema's header.
    sidebar = page.get_by_test_id("stSidebar")
    with page.expect_download() as info:
        sidebar.get_by_role("button", name="Download CSV").click()
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    assert info.value.suggested_filename == "conflict_events.csv"
    assert len(rows) == len(frame) and tuple(rows[0]) == COLUMN_NAMES

    # A filter change repaints the map with fewer markers, and the download follows it.
    threshold = int(frame["fatalities"].fillna(0).median()) + 1
    narrowed = Filters(min_fatalities=threshold).apply(frame)
    assert 0 < _located(narrowed) < _located(frame)
    box = sidebar.get_by_label("Minimum fatalities")
    box.fill(str(threshold))
    box.press("Enter")
    _wait_markers(page, _located(narrowed))
    with page.expect_download() as info:
        sidebar.get_by_role("button", name="Download CSV").click()
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    assert len(rows) == len(narrowed)
    assert f"min_fatalities={threshold}" in page.url
    _assert_clean(page, issues)


XSS_LOCATION = "Quetta <img src=x onerror=\"window.__xss='img'\">"
XSS_EVIDENCE = "Gunmen struck <script>window.__xss='script'</script> a checkpoint near Quetta."


def _xss_event() -> dict:
    from data.schema import make_event_id

    row = {name: None for name in COLUMN_NAMES}
    row.update(event_date="2026-01-15", year=2026, time_precision=1, disorder_type="Political violence",
               event_type="Battles", sub_event_type="Armed clash", actor1="Unidentified Armed Group (Pakistan)",
               actor2="Police Forces of Pakistan", iso=586, region="Southern Asia", country="Pakistan",
               admin1="Balochistan", admin2="Quetta", location=XSS_LOCATION, latitude=30.21, longitude=67.02,
               geo_precision=1, source="xss-test", fatalities=1, place_raw=XSS_LOCATION, geo_name="Quetta",
               geo_status="located", evidence=XSS_EVIDENCE, source_url="javascript:window.__xss='link'",
               article_id="xss-test", origin="synthetic", notes="<b>bold?</b>")
    row["event_id_cnty"] = make_event_id("xss-test", "2026-01-15", XSS_LOCATION, "Battles", "a", "b")
    return row


def test_xss_payload_in_a_stored_event_is_shown_as_text(server, browser) -> None:
    store = EventStore(server.store_url)
    try:
        store.upsert_events([_xss_event()])
    finally:
        store.close()
    page, issues = browser
    page.goto(f"{server.base_url}/map?q=onerror", wait_until="domcontentloaded")
    _wait_markers(page, 1)
    map_frame = page.frame_locator(MAP_FRAME)
    map_frame.locator(".leaflet-marker-icon.ev-pt").first.click()
    popup = map_frame.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    assert "<img src=x onerror=" in text and "<script>" in text
    assert popup.locator("img, script").count() == 0
    assert popup.locator("a[href^='javascript']").count() == 0
    # The click also reruns the page (st_folium's last_object_clicked): the event in full below
    # the map, evidence highlighted by our own (escaped) HTML.
    details = page.get_by_text("1 event at the clicked place")
    details.wait_for()
    main = page.get_by_test_id("stMain")
    main.locator("blockquote").get_by_text("<script>window.__xss='script'</script>", exact=False).wait_for()
    assert main.locator("blockquote img, blockquote script, blockquote b").count() == 0
    assert main.locator("a[href^='javascript']").count() == 0
    page.wait_for_timeout(500)   # let any injected handler fire before checking it did not
    assert page.evaluate("() => window.__xss") is None
    assert page.frame_locator(MAP_FRAME).locator("body").evaluate("() => window.__xss") is None
    _assert_clean(page, issues)


LAYER_JS = """() => {
  const f = document.querySelector("iframe[title='streamlit_folium.st_folium']");
  const box = f && f.contentDocument && f.contentDocument.querySelector('.leaflet-container[data-events-painted]');
  return box ? box.getAttribute('data-event-layer') : null;
}"""


def test_heat_and_district_layers_paint(server, browser) -> None:
    page, issues = browser
    page.goto(f"{server.base_url}/map", wait_until="domcontentloaded")
    page.wait_for_function(f"({LAYER_JS})() === 'clusters'", timeout=PAINT_TIMEOUT_MS)
    for label, layer in (("Heat", "heat"), ("By district", "districts")):
        page.get_by_test_id("stButtonGroup").get_by_text(label, exact=True).click()
        page.wait_for_function(f"({LAYER_JS})() === '{layer}'", timeout=PAINT_TIMEOUT_MS)
    _assert_clean(page, issues)
