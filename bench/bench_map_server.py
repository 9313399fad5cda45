"""Server side of "100,000 events stay interactive": one filter-change rerun of the Map page.

    .venv/bin/python bench/bench_map_server.py [--sizes 1000,10000,100000,1000000] [--naive-sizes 1000,10000]

Each case runs in its own Python process (so its peak RSS is its own): the real
dashboard (dashboard.py, Map page, store seeded with data.sample) under Streamlit's
AppTest, and the naive baseline (bench/naive_app.py: one folium.Marker per event).
A "filter rerun" changes the sidebar event-type filter to a set not seen before
(no cache hit) and times ``AppTest.run()``, which includes filtering, building the
map and streamlit-folium's generation of the map JS. The breakdown times the same filter
change outside Streamlit: "filter" (row positions from data.filters), "payload" (taking the
columns the map's layer reads, as ui/loaders.py does, and build_event_map_parts), "component"
(streamlit-folium's HTML/JS generation of the kept base map and of the events' feature group);
"store read" is EventStore.load_events. Each rerun is capped at 90 s. Stores come from
bench/stores.py (BENCH_STORE_DIR keeps the big ones outside the checkout).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.harness import ROOT, fmt_s as _fmt_s, ratio as _ratio, peak_rss_mb  # noqa: E402

CAP_S = 90.0


def fmt_s(value: float | None) -> str:
    return _fmt_s(value, CAP_S, 3)


def ratio(slow: float | None, fast: float | None) -> str:
    return _ratio(slow, fast, CAP_S)


TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
         "Strategic developments")


def _type_filters(reps: int) -> list[list[str]]:
    """Distinct filters, each dropping one type, so every rerun misses the caches."""
    return [[t for t in TYPES if t != TYPES[i % len(TYPES)]] for i in range(reps)]


def _parts_s(frame, order, types: list[str]) -> tuple[float, float, float]:
    """(filter, payload, component) seconds of one filter change, outside Streamlit."""
    from streamlit_folium import _get_feature_group_string, _get_header, _get_html, _get_map_string, generate_js_hash

    from data.filters import Filters
    from maps import build_event_map_parts, count_unlocated, map_columns
    from maps.payload import COORD_COLUMNS

    t0 = time.perf_counter()
    rows = Filters(event_type=tuple(types)).rows(frame, order)
    t1 = time.perf_counter()
    located = len(rows) - count_unlocated(frame[list(COORD_COLUMNS)].take(rows))
    parts = build_event_map_parts(frame[list(map_columns("clusters", located))].take(rows))
    t2 = time.perf_counter()
    m = parts.base
    m.get_root().render()
    _get_html(m), _get_header(m)
    generate_js_hash(_get_map_string(m))
    _get_feature_group_string(parts.data, map=m)
    return t1 - t0, t2 - t1, time.perf_counter() - t2


def child(kind: str, n: int, reps: int) -> dict:
    """One case, in this process: returns timings and peak RSS."""
    from streamlit.testing.v1 import AppTest

    from bench.stores import dashboard_script, seeded_store_url

    result: dict = {"kind": kind, "events": n}
    url = seeded_store_url(n)
    if kind == "app":
        os.environ["EVENTS_STORE_URL"] = url
        os.environ["EVENTS_TILES"] = "none"
        script, filter_key, result["app"] = dashboard_script(), "filter_type", "dashboard.py Map page"
    else:
        os.environ["BENCH_STORE_URL"] = url
        script = ROOT / "bench/naive_app.py"
        filter_key, result["app"] = "types", script.name
    at = AppTest.from_file(str(script), default_timeout=CAP_S)
    started = time.perf_counter()
    at.run(timeout=600)
    result["first_run_s"] = time.perf_counter() - started
    if at.exception:
        raise RuntimeError(f"{script.name} raised: {at.exception[0].message}")
    maps_before = [c.proto.json_args for c in at.get("component_instance")]
    assert maps_before, f"{script.name} rendered no st_folium map"
    reruns: list[float | None] = []
    for types in _type_filters(reps):
        at.sidebar.multiselect(key=filter_key).set_value(types)
        started = time.perf_counter()
        try:
            at.run(timeout=CAP_S)
        except RuntimeError:   # AppTest's own timeout: the script is still running
            reruns.append(None)
            break
        reruns.append(time.perf_counter() - started)
        assert not at.exception, at.exception
        maps_after = [c.proto.json_args for c in at.get("component_instance")]
        assert maps_after != maps_before, "the filter change did not change the map"
        maps_before = maps_after
    result["reruns_s"] = reruns
    result["peak_rss_mb"] = peak_rss_mb(os.getpid())   # before the direct timing's own data
    if kind == "app":
        from data.store import EventStore

        started = time.perf_counter()
        frame, order = EventStore(url).load_events()
        result["load_s"] = time.perf_counter() - started
        _parts_s(frame, order, list(TYPES))   # warm imports and the outline cache
        parts = [_parts_s(frame, order, t) for t in _type_filters(reps)]
        result["parts_s"] = [statistics.median(p[i] for p in parts) for i in range(3)]
    return result


def run_case(kind: str, n: int, reps: int) -> dict:
    cmd = [sys.executable, __file__, "--child", kind, "--events", str(n), "--reps", str(reps)]
    try:
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=CAP_S * (reps + 1) + 300,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    except subprocess.TimeoutExpired:
        return {"kind": kind, "events": n, "reruns_s": [None], "error": "timed out"}
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        return {"kind": kind, "events": n, "reruns_s": [None], "error": " | ".join(tail)}
    return json.loads(lines[-1])


def rerun_s(result: dict) -> float | None:
    values = result.get("reruns_s") or [None]
    return None if None in values else statistics.median(values)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000,1000000")
    parser.add_argument("--naive-sizes", default="1000,10000")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--child", choices=("app", "naive"))
    parser.add_argument("--events", type=int)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.events, args.reps)))
        return 0

    sizes = [int(s) for s in args.sizes.split(",") if s]
    naive_sizes = [int(s) for s in args.naive_sizes.split(",") if s]
    results = [run_case("app", n, args.reps) for n in sizes]
    results += [run_case("naive", n, 1 if n > 1000 else args.reps) for n in naive_sizes]

    print(f"Map page, server side ({os.cpu_count()} cores): median filter-change rerun under AppTest, "
          f"cap {CAP_S:.0f} s per rerun")
    print(f"{'case':<30}{'events':>11}{'first run':>11}{'filter rerun':>14}{'= filter':>10}{'+ payload':>11}"
          f"{'+ component':>13}{'store read':>12}{'peak RSS':>10}")
    for r in results:
        name = r.get("app", r["kind"]) + (" (naive)" if r["kind"] == "naive" else "")
        if "error" in r:
            print(f"{name:<30}{r['events']:>11,}  error: {r['error']}")
            continue
        parts = [f"{p:.3f} s" for p in r["parts_s"]] if "parts_s" in r else ["-"] * 3
        load = f"{r['load_s']:.2f} s" if "load_s" in r else "-"
        print(f"{name:<30}{r['events']:>11,}{r['first_run_s']:>9.2f} s{fmt_s(rerun_s(r)):>14}{parts[0]:>10}"
              f"{parts[1]:>11}{parts[2]:>13}{load:>12}{r['peak_rss_mb']:>7.0f} MB")

    ours = {r["events"]: rerun_s(r) for r in results if r["kind"] == "app" and "error" not in r}
    naive = {r["events"]: rerun_s(r) for r in results if r["kind"] == "naive"}
    parts = [f"naive/ours rerun at {n:,}: {ratio(naive[n], ours.get(n))}" for n in naive_sizes if n in ours]
    for n in (100_000, 1_000_000):
        if n in ours:
            parts.append(f"{n:,} rerun {fmt_s(ours[n])}")
    print("RATIOS server: " + "; ".join(parts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
