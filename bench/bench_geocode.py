"""Geocoding speed: 10,000 names drawn from the gazetteer, resolved offline.

    python bench/bench_geocode.py [--n 10000] [--seed 7]

Prints ms per thousand names for cold lookups (resolve's own cache bypassed, the
gazetteer already in memory) and for the cached API (`geo.resolve`), plus the load time.
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
    queries = []
    for _ in range(args.n):
        name = rng.choice(pool)
        roll = rng.random()
        if roll < 0.1:
            name = name.replace("u", "oo", 1)
        elif roll < 0.15:
            name = "Qqq " + name
        queries.append(name)

    started = time.perf_counter()
    located = sum(gazetteer.resolve(q).located for q in queries)
    cold_ms = (time.perf_counter() - started) * 1000

    geo.resolve("Quetta")  # load the module-level gazetteer once
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

    per_k = 1000 / args.n
    print(f"gazetteer load: {load_ms:.0f} ms ({len(gazetteer.places)} entries, {len(pool)} names)")
    print(f"{args.n} names, {located} located ({located / args.n:.1%})")
    print(f"Gazetteer.resolve (no cache):   {cold_ms * per_k:8.2f} ms per 1000 names")
    print(f"geo.resolve (first pass):       {api_ms * per_k:8.2f} ms per 1000 names")
    print(f"geo.resolve (cached, repeated): {warm_ms * per_k:8.2f} ms per 1000 names")
    print(f"match_places on {len(text)} chars: {match_ms:.1f} ms, {len(mentions)} mentions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
