"""Imported rows' places, resolved the way extracted ones are: canonical names, then the gazetteer.

An imported file's admin1/admin2 are spelled as its coder spelled them ("Noshki", "Baluchistan");
the dashboard's filters list the gazetteer's spelling ("Nushki"), so both are normalised to it and
the row's own spelling is kept in ``place_raw``. A row without coordinates is geocoded from
location + admin2 + admin1 (the town first, else the district, with ``geo_precision`` to match);
a row that cannot be placed stays ``unlocated``, never put at a made-up point.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pandas as pd

import geo
from data.loader import to_frame


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """The three answers this stage needs (a seam: tests may pass their own)."""
    resolve: Callable[..., geo.Resolution]           # (name, *, admin1, admin2) -> Resolution
    district: Callable[[str, str | None], str | None]  # (name, province) -> canonical district
    province: Callable[[str], str | None]            # name -> canonical province
    district_place: Callable[[str], tuple[geo.Place, ...]]  # canonical district -> its district entries


def _district_places(name: str) -> tuple[geo.Place, ...]:
    from geo.gazetteer import default_gazetteer as loaded

    return loaded().lookup(name, kinds=frozenset({"district"}))


def default_gazetteer() -> Gazetteer:
    return Gazetteer(geo.resolve, geo.canonical_district, geo.canonical_province, _district_places)


@dataclass(frozen=True, slots=True)
class _Answer:
    admin1: str
    admin2: str
    admin3: str
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    geo_name: str


def _cell(value: object) -> str:
    return "" if value is None or value is pd.NA or (isinstance(value, float) and value != value) else str(value)


def _answer(location: str, admin1: str, admin2: str, gazetteer: Gazetteer) -> _Answer:
    province = (gazetteer.province(admin1) if admin1 else None) or admin1
    district = (gazetteer.district(admin2, province or None) if admin2 else None) or admin2
    place = None
    if location:
        found = gazetteer.resolve(location, admin1=province or None, admin2=district or None).place
        # A same-named town in another district is not this row's place.
        if found is not None and (not district or found.admin2 == district) and (not province or found.admin1 == province):
            place = found
    if place is None and district:  # the district's own point, at district precision
        place = next((p for p in gazetteer.district_place(district)
                      if p.name == district and (not province or p.admin1 == province)), None)
    if place is None:
        return _Answer(province, district, "", None, None, None, "")
    return _Answer(province or place.admin1, district or place.admin2, place.admin3,
                   place.latitude, place.longitude, place.geo_precision, place.name)


def resolve_places(frame: pd.DataFrame, gazetteer: Gazetteer | None = None) -> pd.DataFrame:
    """A copy of an imported frame with canonical admin names and gazetteer places for unlocated rows."""
    gazetteer = gazetteer or default_gazetteer()
    out = frame.copy()
    for column in ("admin1", "admin2", "geo_status"):
        out[column] = out[column].astype(object)
    answers: dict[tuple[str, str, str], _Answer] = {}
    for i in range(len(out)):
        location = _cell(out["location"].iat[i]).strip()
        admin1 = _cell(out["admin1"].iat[i]).strip()
        admin2 = _cell(out["admin2"].iat[i]).strip()
        key = (location, admin1, admin2)
        if key not in answers:
            answers[key] = _answer(location, admin1, admin2, gazetteer)
        got = answers[key]
        out.iat[i, out.columns.get_loc("admin1")] = got.admin1 or None
        out.iat[i, out.columns.get_loc("admin2")] = got.admin2 or None
        if (got.admin1, got.admin2) != (admin1, admin2):
            written = ", ".join(part for part in (location, admin2, admin1) if part)
            out.iat[i, out.columns.get_loc("place_raw")] = written  # the file's own spelling, kept
        if pd.notna(out["latitude"].iat[i]) or got.latitude is None:
            continue
        out.iat[i, out.columns.get_loc("latitude")] = got.latitude
        out.iat[i, out.columns.get_loc("longitude")] = got.longitude
        out.iat[i, out.columns.get_loc("geo_status")] = "located"
        out.iat[i, out.columns.get_loc("geo_name")] = got.geo_name
        if pd.isna(out["geo_precision"].iat[i]):
            out.iat[i, out.columns.get_loc("geo_precision")] = got.geo_precision
        if not _cell(out["admin3"].iat[i]):
            out.iat[i, out.columns.get_loc("admin3")] = got.admin3
    return to_frame(out)
