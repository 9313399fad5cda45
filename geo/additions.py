"""Places an analyst adds: a GeoNames country dump (PK.txt) or a CSV place list.

Districts and provinces are assigned by point-in-polygon against the built district
layer, so added places always agree with the map; points outside it are skipped.
"""
from __future__ import annotations

import csv
from pathlib import Path

from shapely import STRtree
from shapely.geometry import Point, shape

from errors import ConfigurationError
from geo.assemble import Entry, usable_alias
from geo.names import display_ascii
from geo.place import PRECISION_BY_KIND, Place

# GeoNames feature classes worth a marker: P populated place; S spot (building, post,
# checkpoint); T mountain/valley; L area; H stream. A (admin) and R (road) are skipped.
_KIND_BY_CLASS = {"P": "populated place", "S": "locality", "T": "locality", "L": "locality", "H": "locality"}
_GEONAMES_COLUMNS = 19
_CSV_REQUIRED = {"name", "latitude", "longitude"}


def read_additions(path: Path, districts: dict) -> tuple[list[Entry], int]:
    """(entries, number of rows skipped) for a GeoNames dump or a CSV with a header row."""
    locate = _locator(districts)
    with path.open(encoding="utf-8", newline="") as handle:
        first = handle.readline()
        handle.seek(0)
        if first.count("\t") >= _GEONAMES_COLUMNS - 2 and first.split("\t", 1)[0].isdigit():
            rows = _geonames_rows(handle, path)
        else:
            rows = _csv_rows(handle, path)
        entries, skipped = [], 0
        for name, lat, lon, kind, population, aliases, source in rows:
            where = locate(lat, lon) if kind else None
            if where is None:
                skipped += 1
                continue
            admin1, admin2 = where
            place = Place(name, admin1, admin2, "", lat, lon, kind, population, PRECISION_BY_KIND[kind], source)
            entries.append(Entry(place, tuple(sorted({a for a in aliases if usable_alias(a)} - {name}))))
    return entries, skipped


def _locator(districts: dict):
    features = districts.get("features", [])
    if not features:
        raise ConfigurationError("the district layer is empty; run `python -m geo.build` before adding places")
    shapes = [shape(f["geometry"]) for f in features]
    tree = STRtree(shapes)

    def locate(lat: float, lon: float) -> tuple[str, str] | None:
        hits = tree.query(Point(lon, lat), predicate="intersects")
        if len(hits) == 0:
            return None
        props = features[int(min(hits))]["properties"]
        return props["admin1"], props["name"]
    return locate


def _geonames_rows(handle, path: Path):
    for number, line in enumerate(handle, 1):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < _GEONAMES_COLUMNS:
            raise ConfigurationError(f"{path.name}:{number}: expected {_GEONAMES_COLUMNS} tab-separated GeoNames "
                                     f"columns, found {len(cols)}")
        name = display_ascii(cols[1]) or cols[2]
        kind = _KIND_BY_CLASS.get(cols[6], "")
        aliases = [display_ascii(a) for a in (cols[2], *cols[3].split(",")) if a]
        yield (name, float(cols[4]), float(cols[5]), kind, int(cols[14] or 0), aliases,
               f"GeoNames {cols[0]} ({path.name})")


def _csv_rows(handle, path: Path):
    reader = csv.DictReader(handle)
    missing = _CSV_REQUIRED - set(reader.fieldnames or ())
    if missing:
        raise ConfigurationError(f"{path.name}: a CSV place list needs the columns {sorted(_CSV_REQUIRED)}; "
                                 f"missing {sorted(missing)} (or give a tab-separated GeoNames dump)")
    for number, row in enumerate(reader, 2):
        try:
            lat, lon = float(row["latitude"]), float(row["longitude"])
        except ValueError:
            raise ConfigurationError(f"{path.name}:{number}: latitude/longitude must be numbers, got "
                                     f"{row['latitude']!r}, {row['longitude']!r}") from None
        kind = row.get("kind") or "populated place"
        if kind not in PRECISION_BY_KIND:
            raise ConfigurationError(f"{path.name}:{number}: unknown kind {kind!r}; expected one of "
                                     f"{sorted(PRECISION_BY_KIND)}")
        aliases = [a.strip() for a in (row.get("alternatenames") or "").split("|") if a.strip()]
        yield (row["name"].strip(), lat, lon, kind, int(row.get("population") or 0), aliases,
               row.get("source") or f"added from {path.name}")
