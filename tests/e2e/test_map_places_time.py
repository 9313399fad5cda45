"""Names on the offline map, the place search, event addresses and the timeline, in headless Chromium."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.test_dashboard import PAINTED_JS, PAINT_TIMEOUT_MS, _frame_of
from tests.e2e.test_dashboard import _assert_clean as _assert_no_errors

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

DOCS = Path(__file__).resolve().parents[2] / "docs"
MAP_SHOT = DOCS / "screenshot-map-labels.png"
EVENT_SHOT = DOCS / "screenshot-event-link.png"
MAP_FRAME = "iframe[title='streamlit_folium.st_folium']"

# Labels shown in the current map iframe (after map_labels.js placed them), and the map's view.
LABELS_JS = """() => {
  const f = document.querySelector("iframe[title='streamlit_folium.st_folium']");
  const d = f && f.contentDocument;
  if (!d || !d.querySelector('.leaflet-container[data-labels-shown]')) return null;
  return [...d.querySelectorAll('.ml-label')].map(e => ({kind: e.className, text: e.textContent}));
}"""
VIEW_JS = """() => {
  const f = document.querySelector("iframe[title='streamlit_folium.st_folium']");
  const m = f && f.contentWindow && f.contentWindow.__labelledMap;
  if (!m) return null;
  const c = m.getCenter();
  return {zoom: m.getZoom(), lat: c.lat, lng: c.lng};
}"""


def _assert_clean(page, issues) -> None:
    # A map iframe replaced by the next one (search, filter) cancels its pending loads: ERR_ABORTED
    # is that cancel; a missing or broken asset fails differently (404 -> a page error, ERR_FAILED).
    issues.failed_requests[:] = [r for r in issues.failed_requests if not r.endswith("net::ERR_ABORTED")]
    _assert_no_errors(page, issues)


def _page_ready(page) -> None:
    """Streamlit has finished the run: no skeleton placeholders, no running indicator."""
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stSkeleton\"]') && "
                           "!document.querySelector('[data-testid=\"stStatusWidget\"] [data-testid=\"stStatusWidgetRunningIcon\"]')",
                           timeout=30_000)
    page.wait_for_timeout(500)


def _settled(page) -> None:
    """Wait until the rerun removed the stale map iframes (st_folium re-mounts on every change)."""
    page.wait_for_function(f"document.querySelectorAll(\"{MAP_FRAME}\").length === 1", timeout=PAINT_TIMEOUT_MS)


# An element shown in any map iframe: while a rerun swaps the iframe there can briefly be two,
# and a locator that needs exactly one would race the swap.
SHOWN_IN_MAP_JS = """([css, text]) => [...document.querySelectorAll("iframe[title='streamlit_folium.st_folium']")]
  .some(f => f.contentDocument && [...f.contentDocument.querySelectorAll(css)]
    .some(e => e.textContent.includes(text) && e.getClientRects().length > 0))"""


def _shown_in_map(page, css: str, text: str = "") -> None:
    page.wait_for_function(SHOWN_IN_MAP_JS, arg=[css, text], timeout=PAINT_TIMEOUT_MS)


def _town(page, name: str) -> None:
    _shown_in_map(page, ".ml-town", name)


def _labels(page) -> list[dict]:
    page.wait_for_function(f"(() => {{ const l = ({LABELS_JS})(); return l && l.length > 0; }})()",
                           timeout=PAINT_TIMEOUT_MS)
    return page.evaluate(f"({LABELS_JS})()")


def test_default_view_names_provinces_or_districts_and_quetta_shows_when_zoomed(server, browser) -> None:
    page, issues = browser
    page.goto(f"{server.base_url}/map", wait_until="domcontentloaded")
    page.wait_for_function(f"({PAINTED_JS})() >= 0", timeout=PAINT_TIMEOUT_MS)
    labels = _labels(page)
    areas = [lab["text"] for lab in labels if "ml-province" in lab["kind"] or "ml-district" in lab["kind"]]
    assert areas, labels
    # Zoom in on Quetta with the map's own API (what a wheel or the + button does).
    page.evaluate("""() => {
      const f = document.querySelector("iframe[title='streamlit_folium.st_folium']");
      f.contentWindow.__labelledMap.setView([30.19, 67.01], 10, {animate: false});
    }""")
    _town(page, "Quetta")
    _assert_clean(page, issues)


def test_place_search_zooms_the_map_to_the_place(server, browser) -> None:
    page, issues = browser
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(f"{server.base_url}/map", wait_until="domcontentloaded")
    page.wait_for_function(f"({PAINTED_JS})() >= 0", timeout=PAINT_TIMEOUT_MS)
    before = page.evaluate(f"({VIEW_JS})()")
    box = page.get_by_role("textbox", name="Find a place")
    box.fill("Turbat")
    box.press("Enter")
    page.get_by_text("Zoomed to Turbat", exact=False).wait_for()
    _settled(page)
    page.wait_for_function(f"(() => {{ const v = ({VIEW_JS})(); return v && v.zoom >= 9; }})()",
                           timeout=PAINT_TIMEOUT_MS)
    view = page.evaluate(f"({VIEW_JS})()")
    assert abs(view["lat"] - 26.0) < 0.2 and abs(view["lng"] - 63.05) < 0.2, view
    assert view["zoom"] > before["zoom"]
    _town(page, "Turbat")
    box.fill("Qwertyville")
    box.press("Enter")
    page.get_by_text("No place called 'Qwertyville'", exact=False).wait_for()
    box.fill("Quetta")
    box.press("Enter")
    page.get_by_text("Zoomed to Quetta", exact=False).wait_for()
    _town(page, "Quetta")
    DOCS.mkdir(exist_ok=True)
    _page_ready(page)
    page.screenshot(path=str(MAP_SHOT), full_page=False)
    _assert_clean(page, issues)


def test_event_address_opens_the_event_and_rings_it_on_the_map(server, browser) -> None:
    page, issues = browser
    page.goto(f"{server.base_url}/map", wait_until="domcontentloaded")   # the first start ingests the demo
    page.wait_for_function(f"({PAINTED_JS})() >= 0", timeout=PAINT_TIMEOUT_MS)
    frame = _frame_of(server)
    located = frame[frame["latitude"].notna()].sort_values("event_id_cnty")
    event = located.iloc[0]
    event_id = str(event["event_id_cnty"])
    page.goto(f"{server.base_url}/events?event={event_id}", wait_until="domcontentloaded")
    main = page.get_by_test_id("stMain")
    main.get_by_text("Linked event", exact=True).wait_for()
    main.get_by_text(f"Event id: {event_id}", exact=False).wait_for()
    main.get_by_text(f"/events?event={event_id}", exact=False).first.wait_for()   # the link, shown
    assert f"event={event_id}" in page.url                                      # kept by the filters' sync
    EVENT_SHOT.parent.mkdir(exist_ok=True)
    _page_ready(page)
    page.screenshot(path=str(EVENT_SHOT), full_page=False)

    page.goto(f"{server.base_url}/map?event={event_id}", wait_until="domcontentloaded")
    page.get_by_text("The linked event (ringed on the map)").wait_for()
    _shown_in_map(page, "path[stroke='#ffbf00']")
    _settled(page)
    view = page.evaluate(f"({VIEW_JS})()")
    assert abs(view["lat"] - float(event["latitude"])) < 0.05 and view["zoom"] == 10, view

    page.goto(f"{server.base_url}/events?event=PAKNOSUCHEVENT", wait_until="domcontentloaded")
    page.get_by_text("Ignored event='PAKNOSUCHEVENT'", exact=False).wait_for()
    _assert_clean(page, issues)


def _events_in_sentence(page) -> int:
    text = page.get_by_test_id("stMain").locator("strong").first.inner_text()
    return int(text.split(" event")[0].replace(",", ""))


def test_brushing_the_timeline_sets_the_dates_in_the_address_and_the_counts(server, browser) -> None:
    frame = _frame_of(server)
    page, issues = browser
    page.goto(f"{server.base_url}/overview", wait_until="domcontentloaded")
    chart = page.get_by_test_id("stVegaLiteChart").first
    chart.wait_for()
    page.wait_for_timeout(1000)          # Vega draws after the element appears
    assert _events_in_sentence(page) == len(frame)
    box = chart.bounding_box()
    y = box["y"] + box["height"] * 0.35
    # Drag over the right half of the plot: the later events (the demo reports span 2023-2026).
    page.mouse.move(box["x"] + box["width"] * 0.55, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.75, y, steps=8)
    page.mouse.move(box["x"] + box["width"] * 0.97, y, steps=8)
    page.mouse.up()
    page.wait_for_function("() => location.search.includes('from=') && location.search.includes('to=')",
                           timeout=30_000)
    from urllib.parse import parse_qs, urlsplit
    query = parse_qs(urlsplit(page.url).query)
    start, end = query["from"][0], query["to"][0]
    dates = frame["event_date"].astype("string").str[:10]
    expected = int(((dates >= start) & (dates <= end)).sum())
    assert 0 < expected < len(frame), (start, end)
    page.wait_for_function(f"""() => {{
      const s = document.querySelector('[data-testid="stMain"] strong');
      return s && s.innerText.startsWith('{expected} event');
    }}""", timeout=30_000)
    _assert_clean(page, issues)


TRENDS_SHOT = DOCS / "screenshot-trends.png"


def test_trends_page_draws_its_charts(server, browser) -> None:
    page, issues = browser
    page.goto(f"{server.base_url}/trends", wait_until="domcontentloaded")
    main = page.get_by_test_id("stMain")
    main.get_by_text("This period against the one before").wait_for()
    page.wait_for_function("() => document.querySelectorAll('[data-testid=\"stVegaLiteChart\"] canvas, "
                           "[data-testid=\"stVegaLiteChart\"] svg').length >= 2", timeout=60_000)
    assert main.get_by_test_id("stMetric").count() == 2
    page.wait_for_timeout(1500)          # let Vega finish the choropleth
    page.screenshot(path=str(TRENDS_SHOT), full_page=True)
    assert TRENDS_SHOT.stat().st_size > 10_000
    _assert_clean(page, issues)


LEGEND_JS = """() => {
  const f = document.querySelector("iframe[title='streamlit_folium.st_folium']");
  const d = f && f.contentDocument;
  const legend = d && d.querySelector('.ev-legend');
  const box = d && d.querySelector('.leaflet-container');
  if (!legend || !box) return null;
  return {open: legend.open, legend: legend.getBoundingClientRect().height * legend.getBoundingClientRect().width,
          map: box.getBoundingClientRect().height * box.getBoundingClientRect().width};
}"""


def test_legend_starts_folded_at_phone_width(server, browser) -> None:
    page, issues = browser
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{server.base_url}/map", wait_until="domcontentloaded")
    page.wait_for_function(f"({PAINTED_JS})() >= 0", timeout=PAINT_TIMEOUT_MS)
    page.wait_for_function(f"(() => {{ const l = ({LEGEND_JS})(); return l && l.open === false; }})()",
                           timeout=10_000)
    sizes = page.evaluate(f"({LEGEND_JS})()")
    assert sizes["legend"] < sizes["map"] / 10, sizes
    _assert_clean(page, issues)


def test_play_steps_the_dates_on_its_own(server, browser) -> None:
    page, issues = browser
    page.goto(f"{server.base_url}/map", wait_until="domcontentloaded")
    page.wait_for_function(f"({PAINTED_JS})() >= 0", timeout=PAINT_TIMEOUT_MS)
    page.get_by_test_id("stMain").get_by_text("Play", exact=True).click()
    page.wait_for_function("() => location.search.includes('from=')", timeout=30_000)
    first = page.url
    page.wait_for_function(f"() => location.href !== {first!r} && location.search.includes('from=')",
                           timeout=30_000)
    page.get_by_test_id("stMain").get_by_text("Play", exact=True).click()   # stop
    page.wait_for_timeout(4000)          # a step already under way finishes
    _settled(page)
    stopped = page.url
    page.wait_for_timeout(4000)
    assert page.url == stopped           # no more steps
    _assert_clean(page, issues)
