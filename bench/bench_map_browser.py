"""Browser side of "100,000 events stay interactive": page load -> markers painted.

    .venv/bin/python bench/bench_map_browser.py [--sizes 1000,10000,100000] [--naive-sizes 1000,10000]

For each size a real `streamlit run` of the dashboard (Map page, /map) serves a store
seeded with data.sample.synthetic_events(n, seed=42) on 127.0.0.1 (free port, stopped
by its process group). Debian Chromium (headless, no GPU, fresh profile per load)
opens the page; "painted" = every located event is in the map frame (the event layer's
data-events-painted attribute, or for the naive map, markers counted in its DOM) AND
two requestAnimationFrames have run in the top document. "cold" is the first load
after the server started; "warm" is the median of the next loads (server caches warm,
browser cache empty). The naive baseline (bench/naive_app.py: one folium.Marker per
event) runs in the same invocation; every load is capped at 90 s.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.harness import ROOT, fmt_s as _fmt_s, ratio as _ratio, PaintTiming, browser_page, peak_rss_mb, rss_mb, streamlit_server, time_paint  # noqa: E402
from bench.stores import dashboard_script, seeded_store_url  # noqa: E402

CAP_S = 90.0


def fmt_s(value: float | None) -> str:
    return _fmt_s(value, CAP_S, 2)


def ratio(slow: float | None, fast: float | None) -> str:
    return _ratio(slow, fast, CAP_S)


def located_events(n: int) -> int:
    from data.sample import synthetic_events
    from maps import count_unlocated

    frame = synthetic_events(n, seed=42)
    return n - count_unlocated(frame)


def measure(kind: str, n: int, reps: int) -> dict:
    expected = located_events(n)
    if kind == "app" and dashboard_script() is not None:
        script, path, env = dashboard_script(), "/map", {"EVENTS_STORE_URL": seeded_store_url(n),
                                                         "EVENTS_TILES": "none"}
    else:
        script = ROOT / ("bench/naive_app.py" if kind == "naive" else "bench/map_app.py")
        path, env = "/", {"BENCH_EVENTS": str(n)}
    loads: list[PaintTiming] = []
    with streamlit_server(script, env) as server:
        for _ in range(1 + reps):
            with browser_page() as page:
                timing = time_paint(page, server.base_url + path, expected, CAP_S)
            loads.append(timing)
            if timing.painted_s is None:
                break   # over the cap: another load would only repeat that
        rss, peak = rss_mb(server.pid), peak_rss_mb(server.pid)
    warm = [t.painted_s for t in loads[1:]]
    return {"kind": kind, "app": script.name, "events": n, "located": expected,
            "cold_s": loads[0].painted_s, "cold_after_load_s": loads[0].after_load_s,
            "warm_s": None if not warm or None in warm else statistics.median(warm),
            "warm_after_load_s": (None if not warm or None in warm
                                  else statistics.median(t.after_load_s for t in loads[1:])),
            "painted": loads[-1].events, "rss_mb": rss, "peak_rss_mb": peak}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--naive-sizes", default="1000,10000")
    parser.add_argument("--reps", type=int, default=3, help="warm loads per size (after one cold load)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    naive_sizes = [int(s) for s in args.naive_sizes.split(",") if s]

    results = [measure("app", n, args.reps) for n in sizes]
    results += [measure("naive", n, 1 if n > 1000 else args.reps) for n in naive_sizes]

    print(f"Map page in headless Chromium ({os.cpu_count()} cores, --disable-gpu): goto -> all events painted "
          f"+ 2 frames; cap {CAP_S:.0f} s")
    print(f"{'case':<26}{'events':>9}{'on map':>9}{'cold':>9}{'warm':>9}{'warm from load':>16}"
          f"{'server RSS':>12}{'peak RSS':>10}")
    for r in results:
        name = r["app"] + (" (naive)" if r["kind"] == "naive" else "")
        print(f"{name:<26}{r['events']:>9,}{r['painted']:>9,}{fmt_s(r['cold_s']):>9}{fmt_s(r['warm_s']):>9}"
              f"{fmt_s(r['warm_after_load_s']):>16}{r['rss_mb']:>9.0f} MB{r['peak_rss_mb']:>7.0f} MB")

    ours = {r["events"]: r["warm_s"] for r in results if r["kind"] == "app"}
    naive = {r["events"]: r["warm_s"] if r["warm_s"] is not None or r["cold_s"] is None else r["cold_s"]
             for r in results if r["kind"] == "naive"}
    parts = [f"naive/ours paint at {n:,}: {ratio(naive[n], ours.get(n))}" for n in naive_sizes if n in ours]
    if 100_000 in ours:
        parts.append(f"100k painted {fmt_s(ours[100_000])} after goto (target <= 3 s)")
    print("RATIOS browser: " + "; ".join(parts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
