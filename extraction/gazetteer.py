"""The one door from extraction to the gazetteer (``geo``), with the answers extraction needs."""
from __future__ import annotations

import re

from dataclasses import dataclass
from functools import lru_cache

import geo

_PROVINCE_ALIASES = {"kp": "Khyber Pakhtunkhwa", "kpk": "Khyber Pakhtunkhwa", "fata": "Khyber Pakhtunkhwa",
                     "baluchistan": "Balochistan", "ict": "Islamabad Capital Territory",
                     "azad jammu and kashmir": "Azad Kashmir", "ajk": "Azad Kashmir"}


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


def match_places(text: str) -> list[tuple[int, int, str]]:
    """Gazetteer names found in ``text`` as (start, end, name)."""
    return list(geo.match_places(text))


@lru_cache(maxsize=1)
def _provinces() -> dict[str, str]:
    names = {p.lower(): p for p in geo.province_names()}
    names.update(_PROVINCE_ALIASES)
    return names


def province_names() -> tuple[str, ...]:
    return tuple(sorted(_provinces(), key=len, reverse=True))


def province_name(name: str) -> str | None:
    """The province a name denotes (``"KP"`` -> Khyber Pakhtunkhwa), or None."""
    return _provinces().get(name.strip().lower())


@lru_cache(maxsize=1)
def _districts() -> frozenset[str]:
    return frozenset(d.lower() for d in geo.district_names())


def is_district(name: str) -> bool:
    if name.strip().lower() in _districts():
        return True
    # a district written another way ("Jaffarabad" for Jafarabad): the gazetteer's district, one letter apart
    found = resolve(name) if name.strip() else None
    return found is not None and found.kind == "district" and _one_letter_apart(found.name, name)


def _one_letter_apart(a: str, b: str) -> bool:
    a, b = (re.sub(r"[^a-z]", "", s.lower()) for s in (a, b))
    if abs(len(a) - len(b)) > 1 or a[:1] != b[:1]:
        return False
    return a == b or any(a[:i] + a[i + 1:] == b or b[:i] + b[i + 1:] == a for i in range(max(len(a), len(b))))


@lru_cache(maxsize=8192)
def resolve(name: str, admin1: str | None = None, admin2: str | None = None) -> Resolved | None:
    place = geo.resolve(name, admin1=admin1, admin2=admin2).place
    if place is None:
        return None
    return Resolved(place.name, place.admin1, place.admin2, place.admin3, place.latitude, place.longitude,
                    place.geo_precision, place.kind)
