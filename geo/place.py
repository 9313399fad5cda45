"""The values the geo package hands out."""
from __future__ import annotations

from dataclasses import asdict, dataclass

# ACLED geo_precision by gazetteer kind: 1 = the town itself, 2 = a part of a district
# (tehsil) or a village placed at its tehsil/town, 3 = a district or province.
PRECISION_BY_KIND = {"populated place": 1, "locality": 1, "tehsil": 2, "district": 3, "province": 3}
KINDS = tuple(PRECISION_BY_KIND)


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved gazetteer entry."""
    name: str
    admin1: str
    admin2: str
    admin3: str
    latitude: float
    longitude: float
    kind: str
    population: int
    geo_precision: int
    source: str

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Resolution:
    """The answer to one lookup: the pick (or None), the ranked candidates, and why."""
    query: str
    place: Place | None
    candidates: tuple[Place, ...]
    reason: str

    @property
    def located(self) -> bool:
        return self.place is not None
