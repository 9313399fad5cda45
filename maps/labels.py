"""Place names for the offline map: provinces, districts and towns, each with the zoom it appears at.

No tiles means no names, so the names travel with the map as one small JSON document
(about 900 labels for Pakistan, ~40 KB) that maps/static/map_labels.js places in the
browser, hiding a label where it would overlap one that matters more.
"""
from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from maps.basemap import BaseMap
from maps.payload import content_digest, script_safe_json

PROVINCE, DISTRICT, TOWN = "province", "district", "town"
PROVINCE_ZOOMS = (4, 7)        # province names on the country view, gone once districts show
DISTRICT_ZOOMS = (7, 11)
TOWN_MAX_ZOOM = 20
# Town population -> the zoom its name appears at: cities on the country view, villages close in.
TOWN_ZOOM_BY_POPULATION: tuple[tuple[int, int], ...] = (
    (1_000_000, 5), (300_000, 6), (100_000, 7), (30_000, 8), (10_000, 9), (0, 10),
)
TOWN_KINDS = frozenset({"populated place"})


@dataclass(frozen=True, slots=True)
class Town:
    name: str
    latitude: float
    longitude: float
    population: int


@dataclass(frozen=True, slots=True)
class Label:
    text: str
    kind: str           # PROVINCE, DISTRICT or TOWN (the browser styles each kind)
    latitude: float
    longitude: float
    min_zoom: int
    max_zoom: int
    rank: float         # higher wins a place where labels would overlap


@dataclass(frozen=True, slots=True)
class LabelPayload:
    json: str
    digest: str
    count: int


TownSource = Callable[[], tuple[Town, ...]]


def default_town_source() -> tuple[Town, ...]:
    """The gazetteer's towns (``geo``, looked up at call time; empty until it is built)."""
    try:
        gazetteer = importlib.import_module("geo.gazetteer").default_gazetteer()
    except (ImportError, OSError, ValueError):   # ConfigurationError (not built) is a ValueError
        return ()
    return tuple(Town(p.name, p.latitude, p.longitude, int(p.population or 0))
                 for p in gazetteer.places if p.kind in TOWN_KINDS)


def town_min_zoom(population: int) -> int:
    return next(zoom for floor, zoom in TOWN_ZOOM_BY_POPULATION if population >= floor)


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def labels_for(base: BaseMap | None, towns: Iterable[Town]) -> tuple[Label, ...]:
    """Every label, most important first (provinces, then towns by population, then districts)."""
    out: list[Label] = []
    if base is not None:
        out += [Label(p.name, PROVINCE, p.latitude, p.longitude, *PROVINCE_ZOOMS, rank=1e12)
                for p in base.provinces]
    seen: set[tuple[str, float, float]] = set()
    for town in sorted(towns, key=lambda t: (-t.population, t.name)):
        spot = (_key(town.name), round(town.latitude, 2), round(town.longitude, 2))
        if spot in seen:   # GeoNames lists some towns twice (e.g. Sahiwal)
            continue
        seen.add(spot)
        out.append(Label(town.name, TOWN, round(town.latitude, 4), round(town.longitude, 4),
                         town_min_zoom(town.population), TOWN_MAX_ZOOM, rank=float(town.population)))
    if base is not None:
        out += [Label(d.name, DISTRICT, round(d.latitude, 4), round(d.longitude, 4), *DISTRICT_ZOOMS, rank=-1.0)
                for d in base.centroids]
    return tuple(out)


def build_label_payload(labels: Iterable[Label]) -> LabelPayload:
    """Columnar JSON: text, kind code, lat, lon, zoom range; order = placement priority."""
    ordered = sorted(labels, key=lambda label: -label.rank)
    kinds = [PROVINCE, DISTRICT, TOWN]
    doc = {
        "kinds": kinds,
        "text": [label.text for label in ordered],
        "kind": [kinds.index(label.kind) for label in ordered],
        "lat": [label.latitude for label in ordered],
        "lon": [label.longitude for label in ordered],
        "z0": [label.min_zoom for label in ordered],
        "z1": [label.max_zoom for label in ordered],
    }
    text = script_safe_json(doc)
    return LabelPayload(json=text, digest=content_digest(text), count=len(ordered))


@functools.lru_cache(maxsize=4)
def cached_town_labels(source: TownSource = default_town_source) -> tuple[Town, ...]:
    """The towns of ``source``, read once (the gazetteer only changes with a rebuild)."""
    return source()


@functools.lru_cache(maxsize=4)
def cached_label_payload(base: BaseMap | None, source: TownSource = default_town_source) -> LabelPayload:
    """The labels of ``base`` and the towns of ``source``, built once: they do not depend on the
    events, and placing 1,000 names was a tenth of a filter change's map build."""
    return build_label_payload(labels_for(base, cached_town_labels(source)))
