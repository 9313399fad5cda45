"""A store too large for one marker per event: server-side cells, swapped in the kept map."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from data.sample import seed_store
from data.store import EventStore
from maps.cells import AGGREGATE_ABOVE
from tests.e2e.conftest import Server, run_dashboard
from tests.e2e.test_dashboard import PAINTED_JS, _assert_clean, _frame_of, _located

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

EVENTS = AGGREGATE_ABOVE + 3_000
LAYER_JS = """() => {
  const f = document.querySelector("iframe[title='streamlit_folium.st_folium']");
  const box = f && f.contentDocument && f.contentDocument.querySelector('.leaflet-container[data-events-painted]');
  return box ? box.getAttribute('data-event-layer') : null;
}"""
FRAME_JS = "() => document.querySelector(\"iframe[title='streamlit_folium.st_folium']\").contentWindow"
TIMEOUT_MS = 90_000


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    workdir = tmp_path_factory.mktemp("large")
    url = f"sqlite:///{workdir / 'events.sqlite'}"
    store = EventStore(url)
    try:
        seed_store(store, EVENTS, seed=11)
    finally:
        store.close()
    with run_dashboard(workdir, url) as running:
        yield running


def test_a_large_store_is_drawn_as_cells_and_a_filter_change_swaps_the_layer_in_the_same_map(server, browser):
    page, issues = browser
    frame = _frame_of(server)
    located = _located(frame)
    assert located > AGGREGATE_ABOVE
    page.goto(server.base_url + "/map")
    page.wait_for_function(f"({PAINTED_JS})() === {located}", timeout=TIMEOUT_MS)
    assert page.evaluate(f"({LAYER_JS})()") == "cells"
    map_frame = page.frame_locator("iframe[title='streamlit_folium.st_folium']")
    bubbles = map_frame.locator(".marker-cluster.ev-cluster")
    assert bubbles.count() > 0
    page.evaluate(f"() => {{ ({FRAME_JS})().__keptMark = 1; }}")

    # Few enough events for markers: the clusters layer replaces the cells inside the same iframe.
    narrowed = frame[frame["fatalities"].fillna(0) >= 10]
    expected = _located(narrowed)
    assert 0 < expected <= AGGREGATE_ABOVE
    box = page.get_by_test_id("stSidebar").get_by_label("Minimum fatalities")
    box.fill("10")
    box.press("Enter")
    page.wait_for_function(f"({PAINTED_JS})() === {expected}", timeout=TIMEOUT_MS)
    assert page.evaluate(f"({LAYER_JS})()") == "clusters"
    assert page.evaluate(f"() => ({FRAME_JS})().__keptMark") == 1   # no new iframe
    # Back to many events: cells again, and the old layer's handlers are gone (one layer drawn).
    box.fill("0")
    box.press("Enter")
    page.wait_for_function(f"({PAINTED_JS})() === {located}", timeout=TIMEOUT_MS)
    assert page.evaluate(f"({LAYER_JS})()") == "cells"
    assert map_frame.locator(".ev-legend").count() == 1
    _assert_clean(page, issues)
