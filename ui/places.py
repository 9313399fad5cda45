"""The Map page's place search: a name -> the gazetteer entry -> where the map opens."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from errors import DashboardError
from maps import MapFocus

# How close the map comes for each kind of place: a town fills the view, a province is whole.
ZOOM_BY_KIND = {"populated place": 10, "locality": 11, "tehsil": 10, "district": 9, "province": 7}
DEFAULT_ZOOM = 10


@dataclass(frozen=True, slots=True)
class PlaceSearch:
    focus: MapFocus | None   # None: nothing found (``message`` says why)
    message: str             # "Quetta (town in Quetta, Balochistan)" or why nothing was found


def _default_resolver(name: str):
    from geo import resolve   # the built gazetteer; imported on first search only
    return resolve(name)


def find_place(query: str, resolve: Callable = _default_resolver) -> PlaceSearch:
    """Resolve ``query`` in the offline gazetteer (spelling variants included); never raises."""
    name = " ".join((query or "").split())
    if not name:
        return PlaceSearch(None, "")
    try:
        found = resolve(name)
    except DashboardError as exc:          # e.g. the gazetteer is not built
        return PlaceSearch(None, f"The place search is unavailable: {exc}")
    place = found.place
    if place is None:
        return PlaceSearch(None, f"No place called {name!r} in the gazetteer: check the spelling, or try "
                                 "the district or a nearby town.")
    kind = "town" if place.kind in ("populated place", "locality") else place.kind
    within = ", ".join(p for p in dict.fromkeys((place.admin2, place.admin1)) if p and p != place.name)
    message = f"{place.name} ({kind}{' in ' + within if within else ''})"
    zoom = ZOOM_BY_KIND.get(place.kind, DEFAULT_ZOOM)
    return PlaceSearch(MapFocus(round(place.latitude, 5), round(place.longitude, 5), zoom), message)
