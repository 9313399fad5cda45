"""The built gazetteer, loaded once, and name resolution against it."""
from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from errors import ConfigurationError
from geo.names import name_key, skeleton_key, split_kind, vowel_key
from geo.place import Place, Resolution

BUILD_DIR = Path(__file__).with_name("_build")
# Lower is preferred: a report naming "Kalat" usually means the town, not the district.
KIND_RANK = {"populated place": 0, "locality": 1, "tehsil": 2, "district": 3, "province": 4}


@dataclass(frozen=True, slots=True)
class Gazetteer:
    places: tuple[Place, ...]
    names: tuple[tuple[str, ...], ...]          # all names of places[i], the primary first
    by_key: dict[str, tuple[int, ...]]           # name_key -> place indices
    by_vowels: dict[str, tuple[int, ...]]        # vowel_key -> place indices
    by_skeleton: dict[str, tuple[int, ...]]      # skeleton_key -> place indices
    districts_geojson_path: Path

    @classmethod
    def load(cls, build_dir: Path = BUILD_DIR) -> Gazetteer:
        db_path = build_dir / "gazetteer.sqlite"
        if not db_path.exists():
            raise ConfigurationError(f"no gazetteer at {db_path}; build it with `python -m geo.build` "
                                     f"(`make setup` does this)")
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as db:
            rows = db.execute("SELECT id, name, admin1, admin2, admin3, latitude, longitude, kind, population,"
                              " geo_precision, source FROM places ORDER BY id").fetchall()
            name_rows = db.execute("SELECT place_id, name FROM names ORDER BY rowid").fetchall()
        index_of = {row[0]: i for i, row in enumerate(rows)}
        places = tuple(Place(r[1], r[2] or "", r[3] or "", r[4] or "", r[5], r[6], r[7], r[8] or 0, r[9], r[10] or "")
                       for r in rows)
        names: list[list[str]] = [[] for _ in rows]
        for place_id, name in name_rows:
            names[index_of[place_id]].append(name)
        by_key: dict[str, set[int]] = defaultdict(set)
        by_vowels: dict[str, set[int]] = defaultdict(set)
        by_skeleton: dict[str, set[int]] = defaultdict(set)
        for i, all_names in enumerate(names):
            for name in all_names:
                if key := name_key(name):
                    by_key[key].add(i)
                    by_vowels[vowel_key(name)].add(i)
                    by_skeleton[skeleton_key(name)].add(i)
        frozen = [{k: tuple(sorted(v)) for k, v in index.items()} for index in (by_key, by_vowels, by_skeleton)]
        return cls(places, tuple(tuple(n) for n in names), *frozen, build_dir / "districts.geojson")

    def lookup(self, text: str, *, kinds: frozenset[str] | None = None) -> tuple[Place, ...]:
        found = (self.places[i] for i in self.by_key.get(name_key(text), ()))
        return tuple(p for p in found if kinds is None or p.kind in kinds)

    def resolve(self, query: str, admin1: str | None = None, admin2: str | None = None) -> Resolution:
        key = name_key(query)
        _, kind_named = split_kind(query)
        indices = self.by_key.get(key, ())
        how = "exact name"
        if not indices and len(key) >= 3:
            indices = self.by_vowels.get(vowel_key(query), ())
            how = "spelling variant"
        if not indices and len(skeleton := skeleton_key(query)) >= 3:
            # A skeleton alone is loose ("Kohet" and "Quetta" share one), so the spelling
            # must also be close to one of the candidate's names.
            indices = tuple(i for i in self.by_skeleton.get(skeleton, ())
                            if any(_close(key, name_key(n)) for n in self.names[i]))
            how = "spelling variant"
        if not indices:
            return Resolution(query, None, (), f"no gazetteer entry for {query!r}")
        province = self.canonical_province(admin1) if admin1 else None
        district = self.canonical_district(admin2, province) if admin2 else None

        def rank(i: int) -> tuple:
            p = self.places[i]
            primary = name_key(p.name) == key
            # Kind before precision before primary name: "D.I. Khan" (an alias of the town) must
            # beat the tehsil spelled that way, and a sourced GeoNames point beats a curated
            # "placed at its tehsil" row of the same name.
            return (-(district is not None and p.admin2 == district), -(province is not None and p.admin1 == province),
                    -(kind_named is not None and p.kind == kind_named), KIND_RANK.get(p.kind, 9),
                    # a town named after its district is its seat: "Khairpur" is the city in Khairpur district
                    -(name_key(p.admin2) == key), p.geo_precision,
                    -primary, -p.population, p.name)

        ranked = sorted(set(indices), key=rank)
        candidates = tuple(self.places[i] for i in ranked)
        return Resolution(query, candidates[0], candidates, _reason(how, candidates, province, district, kind_named))

    def canonical_province(self, text: str) -> str | None:
        hits = self.lookup(text, kinds=frozenset({"province"}))
        return hits[0].name if hits else None

    def canonical_district(self, text: str, province: str | None = None) -> str | None:
        hits = sorted(self.lookup(text, kinds=frozenset({"district"})), key=lambda p: p.admin1 != province)
        return hits[0].name if hits else None


def _close(a: str, b: str, threshold: float = 0.85) -> bool:
    return SequenceMatcher(None, vowel_key(a), vowel_key(b)).ratio() >= threshold


def _reason(how: str, candidates: tuple[Place, ...], province: str | None, district: str | None,
            kind_named: str | None) -> str:
    pick = candidates[0]
    parts = [how]
    if len(candidates) == 1:
        parts.append("only candidate")
    else:
        parts.append(f"{len(candidates)} candidates")
        if district and pick.admin2 == district:
            parts.append(f"district context {district!r}")
        elif province and pick.admin1 == province:
            parts.append(f"province context {province!r}")
        elif kind_named and pick.kind == kind_named:
            parts.append(f"the text names a {kind_named}")
        else:
            parts.append(f"{pick.kind} preferred, then largest population")
    if province and pick.admin1 != province:
        parts.append(f"no candidate in {province!r}")
    return "; ".join(parts)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return Gazetteer.load()


def load_geojson(path: Path) -> dict:
    if not path.exists():
        raise ConfigurationError(f"no district layer at {path}; build it with `python -m geo.build`")
    return json.loads(path.read_text(encoding="utf-8"))
