"""Geocoding speed: 10,000 names drawn from the gazetteer, resolved offline.

    python bench/bench_geocode.py [--n 10000] [--seed 7]

Every query is a DISTINCT name (some re-spelled, some unknown), so the first pass through
``geo.resolve`` is truly uncached (no name repeats, the lru cache emptied first); the cached pass
resolves the same names again. Both are reported apart, with the gazetteer's own lookup (no cache
at all) and the load time.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import geo  # noqa: E402
from geo.gazetteer import Gazetteer  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    gazetteer = Gazetteer.load()
    load_ms = (time.perf_counter() - started) * 1000
    pool = [name for names in gazetteer.names for name in names]
    rng = random.Random(args.seed)
    # Some names re-spelled and some unknown, so the fuzzy fallbacks and misses are timed too.
    names = sorted(set(pool))
    rng.shuffle(names)
    queries: list[str] = []
    seen: set[str] = set()
    for name in names:
        roll = rng.random()
        if roll < 0.1:
            name = name.replace("u", "oo", 1)
        elif roll < 0.15:
            name = "Qqq " + name
        if name not in seen:
            seen.add(name)
            queries.append(name)
        if len(queries) == args.n:
            break
    started = time.perf_counter()
    located = sum(gazetteer.resolve(q).located for q in queries)
    cold_ms = (time.perf_counter() - started) * 1000

    geo.resolve("Quetta")  # load the module-level gazetteer once
    geo.resolve.cache_clear()
    started = time.perf_counter()
    for q in queries:
        geo.resolve(q)
    api_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    for q in queries:
        geo.resolve(q)
    warm_ms = (time.perf_counter() - started) * 1000

    text = " ".join(queries[:2000])
    started = time.perf_counter()
    mentions = geo.match_places(text)
    match_ms = (time.perf_counter() - started) * 1000

    n = len(queries)
    per_k = 1000 / n
    print(f"gazetteer load: {load_ms:.0f} ms ({len(gazetteer.places)} entries, {len(pool)} names)")
    print(f"{n} distinct names, {located} located ({located / n:.1%})")
    print(f"{'pass':<44}{'ms per 1000 names':>18}")
    print(f"{'Gazetteer.resolve, no cache at all':<44}{cold_ms * per_k:>18.2f}")
    print(f"{'geo.resolve, uncached (every name new)':<44}{api_ms * per_k:>18.2f}")
    print(f"{'geo.resolve, cached (same names again)':<44}{warm_ms * per_k:>18.2f}")
    print(f"match_places on {len(text)} chars: {match_ms:.1f} ms, {len(mentions)} mentions")
    print(f"RATIOS geocode: uncached/cached {api_ms / max(warm_ms, 1e-9):.0f}x; uncached "
          f"{n / (api_ms / 1000):,.0f} names/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
