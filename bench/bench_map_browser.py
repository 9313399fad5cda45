"""What a user feels on the Map page, in headless Chromium: cold start and filter changes.

    .venv/bin/python bench/bench_map_browser.py [--sizes 10000,100000,1000000]
        [--fast-sizes 10000,100000] [--naive-sizes 10000] [--changes 5]

Every case is a real `streamlit run` on 127.0.0.1 (free port, stopped by its process group)
over a store seeded with data.sample.synthetic_events(n, seed=42) (bench/stores.py; set
BENCH_STORE_DIR to keep the big ones outside the checkout), driven by Debian Chromium with a
fresh profile:

* cold start: from starting the server process until every located event is painted in the map
  frame, i.e. server start, reading the store, the first script run, the browser loading
  Streamlit and the map;
* filter change: once the page has settled (Streamlit's "running" mark gone, then 0.5 s, so a
  change never pays for the tail of the one before), type a new value into the sidebar's
  "Minimum fatalities" box and press Enter (a real widget change, never a cache hit: each value
  is new), until the map frame shows exactly the events that pass; the median over
  ``--changes`` values (checked every 20 ms).

Cases in the same run: the dashboard (dashboard.py, Map page); folium's FastMarkerCluster
through st_folium (bench/fastcluster_app.py, the strong baseline); one folium.Marker per event
(bench/naive_app.py, the naive baseline). Both baselines read the same store with the same
filters. "painted" = data-events-painted on our layer, which it sets two animation frames after
placing its markers (above 5,000 located events the sum of the events in the server-side cells
drawn: every located event is in one); for the baselines, markers counted in the map's DOM
(cluster counts + single markers, all in view after the fit) + the same two frames. Each
measure is capped at 90 s. Server RSS is the server process's peak (VmHWM) over the whole case.
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.harness import (MAP_FRAME, PAINTED_JS, ROOT, TWO_FRAMES_JS, browser_page, fmt_s as _fmt_s,  # noqa: E402
                           peak_rss_mb, ratio as _ratio, streamlit_server)
from bench.stores import seeded_store_url  # noqa: E402

CAP_S = 90.0
RUNNING = '[data-testid="stStatusWidgetRunningIcon"], [data-testid="stStatusWidgetRunningManIcon"]'  # "running"
SETTLE_MS = 500
POLL_MS = 20
# Whether the map frame's count is our layer's own "painted" mark (see PAINTED_JS).
MARKED_JS = f"""() => {{
  const f = document.querySelector({json.dumps(MAP_FRAME)});
  const box = f && f.contentDocument && f.contentDocument.querySelector('.leaflet-container');
  return Boolean(box && box.dataset.eventsPainted !== undefined);
}}"""
MIN_FATALITIES = (3, 5, 1, 2, 4)   # one new value per change: 19%, 10%, 45%, 30%, 14% of events
SCRIPTS = {"ours": "dashboard.py", "fast": "bench/fastcluster_app.py", "naive": "bench/naive_app.py"}
LABELS = {"ours": "dashboard.py (ours)", "fast": "FastMarkerCluster", "naive": "one marker per event"}


def fmt_s(value: float | None) -> str:
    return _fmt_s(value, CAP_S, 2)


def ratio(slow: float | None, fast: float | None) -> str:
    return _ratio(slow, fast, CAP_S)


def located(url: str, least: int = 0) -> int:
    path = url.removeprefix("sqlite:///")
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return conn.execute("SELECT count(*) FROM events WHERE latitude IS NOT NULL AND longitude IS NOT NULL "
                            "AND coalesce(fatalities, 0) >= ?", (least,)).fetchone()[0]


def _wait_painted(page, expected: int, started: float) -> float | None:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    remaining = CAP_S - (time.perf_counter() - started)
    try:
        page.wait_for_function(f"({PAINTED_JS})() === {expected}", timeout=max(remaining, 0.1) * 1000,
                               polling=POLL_MS)
        # Markers counted in the DOM are painted two frames later; our layer's mark is already set
        # two frames after its markers were placed, so it is not waited for twice.
        page.evaluate(f"({MARKED_JS})() || ({TWO_FRAMES_JS})()")
    except PlaywrightTimeout:
        return None
    elapsed = time.perf_counter() - started
    return elapsed if elapsed <= CAP_S else None


def _settle(page) -> None:
    """Let the previous run finish (the script, then the browser's work on it) before the next change,
    so a change is timed from an idle page and never pays for the tail of the one before."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(f"!document.querySelector({json.dumps(RUNNING)})", timeout=CAP_S * 1000, polling=50)
    except PlaywrightTimeout:
        pass
    page.wait_for_timeout(SETTLE_MS)


def measure(kind: str, n: int, changes: int) -> dict:
    url = seeded_store_url(n)
    env = {"EVENTS_STORE_URL": url, "EVENTS_TILES": "none", "BENCH_STORE_URL": url, "BENCH_EVENTS": str(n)}
    result: dict = {"kind": kind, "events": n, "located": located(url), "changes_s": []}
    started = time.perf_counter()
    with streamlit_server(ROOT / SCRIPTS[kind], env, timeout=CAP_S) as server, browser_page() as page:
        path = "/map" if kind == "ours" else "/"
        page.goto(server.base_url + path, wait_until="commit", timeout=CAP_S * 1000)
        result["cold_s"] = _wait_painted(page, result["located"], started)
        if result["cold_s"] is None:   # over the cap: let the first paint finish, then still time the changes
            _wait_painted(page, result["located"], time.perf_counter())
        box = page.get_by_test_id("stSidebar").get_by_label("Minimum fatalities")
        for least in MIN_FATALITIES[:changes]:
            _settle(page)
            expected = located(url, least)
            box.fill(str(least))
            t0 = time.perf_counter()
            box.press("Enter")
            took = _wait_painted(page, expected, t0)
            result["changes_s"].append(took)
            if took is None:
                break
        result["peak_rss_mb"] = peak_rss_mb(server.pid)
    return result


def change_s(r: dict) -> float | None:
    values = r["changes_s"]
    return None if not values or None in values else statistics.median(values)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--fast-sizes", default="10000,100000")
    parser.add_argument("--naive-sizes", default="10000")
    parser.add_argument("--changes", type=int, default=5, help=f"filter changes per case (at most {len(MIN_FATALITIES)})")
    args = parser.parse_args(argv)
    plan = [("ours", int(s)) for s in args.sizes.split(",") if s]
    plan += [("fast", int(s)) for s in args.fast_sizes.split(",") if s]
    plan += [("naive", int(s)) for s in args.naive_sizes.split(",") if s]
    results = []
    for kind, n in plan:
        results.append(measure(kind, n, min(args.changes, len(MIN_FATALITIES))))
        r = results[-1]
        print(f"# {LABELS[kind]} {n:,}: cold {fmt_s(r['cold_s'])}, changes {[fmt_s(c) for c in r['changes_s']]}",
              file=sys.stderr, flush=True)

    print(f"Map page in headless Chromium ({os.cpu_count()} cores, --disable-gpu, load {os.getloadavg()[0]:.1f}): "
          f"cap {CAP_S:.0f} s per measure")
    print(f"{'case':<24}{'events':>11}{'on map':>11}{'cold start->painted':>21}{'filter change->repainted':>26}"
          f"{'peak server RSS':>17}")
    for r in results:
        changes = ", ".join(fmt_s(c) for c in r["changes_s"]) or "-"
        print(f"{LABELS[r['kind']]:<24}{r['events']:>11,}{r['located']:>11,}{fmt_s(r['cold_s']):>21}"
              f"{fmt_s(change_s(r)):>26}{r['peak_rss_mb']:>14.0f} MB   ({changes})")
    ours = {r["events"]: change_s(r) for r in results if r["kind"] == "ours"}
    base = {(r["kind"], r["events"]): change_s(r) for r in results if r["kind"] != "ours"}
    parts = [f"{LABELS[k]}/ours repaint at {n:,}: {ratio(v, ours.get(n))}" for (k, n), v in base.items() if n in ours]
    for n, target in ((100_000, 0.7), (1_000_000, 1.5)):
        if n in ours:
            parts.append(f"{n:,} repaint median {fmt_s(ours[n])} (target <= {target} s)")
    print("RATIOS browser: " + "; ".join(parts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
