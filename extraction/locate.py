"""Where a place mention sits: the town for a part of it, the district and province around it."""
from __future__ import annotations

import re
from dataclasses import replace

from extraction import gazetteer
from extraction.frames import Frame
from extraction.merge import place_key
from extraction.numbers import DeathCount
from extraction.places import PlaceMention


_SMALL_KINDS = ("area", "areas", "village", "town")


def _city_for_town(place: PlaceMention) -> PlaceMention | None:
    """"in Orangi Town", "Karachi's Korangi": a city's administrative towns (gazetteer tehsils named
    "X Town" in a district named after its city) are parts of the city, coded at the city."""
    found = gazetteer.resolve(place.name)
    if found is None or found.kind != "tehsil" or not found.name.endswith(" Town"):
        return None
    city = gazetteer.resolve(found.admin2)
    if city is None or city.kind not in ("populated place", "locality") or city.name.casefold() != found.admin2.casefold():
        return None
    return PlaceMention(name=city.name, start=place.start, end=place.end, kind="", province=place.province)


def town_for_area(place: PlaceMention) -> PlaceMention:
    city = _city_for_town(place)
    if city is not None:
        return city
    return _town_for_area(place)


def _town_for_area(place: PlaceMention) -> PlaceMention:
    """"the Absar area of Turbat": a part of a town is coded at the town (the area is an alternative name).
    So is a city's neighbourhood named "X Town" ("Quetta's Satellite Town") that the gazetteer does not know."""
    if place.kind == "town" and place.parent and gazetteer.resolve(place.name) is None:
        parent = gazetteer.resolve(place.parent)
        if parent is not None and parent.kind in ("populated place", "locality"):
            return PlaceMention(name=place.parent, start=place.start, end=place.end, kind="", province=place.province)
    if place.kind == "town" and place.named_town and gazetteer.resolve(place.name) is None:
        # "in Surjani Town": an unknown neighbourhood's own name ends in "Town"
        return replace(place, name=f"{place.name} Town", kind="")
    if place.kind == "bazaar" and place.parent and gazetteer.resolve(place.parent) is not None \
            and not (gazetteer.is_district(place.parent) and gazetteer.resolve(place.name) is not None):
        # ("Charsadda's Tangi bazaar": the bazaar of the town of Tangi, in Charsadda district, is Tangi's)
        # "Kharan's Shahi Bazaar": a market is part of a town, coded at the town (the bazaar is an alternative)
        return PlaceMention(name=place.parent, start=place.start, end=place.end, kind="", province=place.province)
    if place.kind != "area" or not place.parent or gazetteer.is_district(place.parent) or place.parent_kind in (
            "district", "agency", "tehsil", "division", "region", "valley"):
        return place
    parent = gazetteer.resolve(place.parent)
    if parent is None or parent.kind not in ("populated place", "locality"):
        return place
    return PlaceMention(name=place.parent, start=place.start, end=place.end, kind="", province=place.province)


def _near_spelling(place: PlaceMention, found: gazetteer.Resolved) -> bool:
    """The gazetteer matched another spelling ("Thall" -> "Thal"), not the name as written."""
    return re.sub(r"[^a-z]", "", found.name.lower()) != re.sub(r"[^a-z]", "", place.name.lower())


def admin_hints(place: PlaceMention, context_admin1: str = "", context_admin2: str = "",
                article_districts: frozenset[str] = frozenset()) -> tuple[str, str]:
    """(admin1, admin2), preferring the one district the article names when the gazetteer only knows
    a near-spelling in another district ("Thall ... the town in Hangu district" is not Thal in Upper Dir)."""
    admin1, admin2 = _admin_hints(place, context_admin1, context_admin2)
    if len(article_districts) == 1 and not place.parent:
        (only,) = article_districts
        found = gazetteer.resolve(place.name, admin1 or None)
        if found is not None and admin2.lower() != only.lower() and _near_spelling(place, found):
            district = gazetteer.resolve(only)
            return (district.admin1 if district else admin1), only
    return admin1, admin2


def _admin_hints(place: PlaceMention, context_admin1: str = "", context_admin2: str = "") -> tuple[str, str]:
    """(admin1, admin2) for a place, from the gazetteer and what the text says around it.

    An unknown place with no district in the text is guessed to lie in the dateline's
    district (``is_guess`` tells the two apart)."""
    admin1 = place.province or ""
    parent_admin2 = ""
    if place.parent:
        if gazetteer.is_district(place.parent):
            parent_admin2 = place.parent
        else:
            parent = gazetteer.resolve(place.parent, admin1 or None)
            # "the Vehova area of Taunsa district": a district newer than the gazetteer is taken as written
            parent_admin2 = place.parent if place.parent_kind == "district" else parent.admin2 if parent else ""
    # the dateline's province is the better guess between namesakes ("JHANG: ... in Shorkot")
    hinted = gazetteer.resolve(place.name, admin1 or context_admin1 or None, parent_admin2 or None)
    if hinted is not None and parent_admin2 and not place.near and hinted.admin2.lower() != parent_admin2.lower():
        hinted = None  # the text says which district it is in; a namesake elsewhere is wrong
    plain = hinted or gazetteer.resolve(place.name, admin1 or context_admin1 or None)
    if hinted is not None:
        return hinted.admin1, hinted.admin2
    if plain is not None and (not parent_admin2 or place.near) and not (
            parent_admin2 and not place.near and plain.admin2.lower() != parent_admin2.lower()):
        return plain.admin1, plain.admin2
    if parent_admin2:
        parent = gazetteer.resolve(parent_admin2)
        return (admin1 or (parent.admin1 if parent else "")), parent_admin2
    if context_admin2 and admin1 in ("", context_admin1):
        return context_admin1, context_admin2  # an unknown locality: guessed to be in the dateline's district
    return admin1, ""


def is_guess(place: PlaceMention, admin2: str, context_admin2: str) -> bool:
    """True when ``admin2`` came from the dateline, not from the gazetteer or the text."""
    return bool(admin2) and admin2 == context_admin2 and gazetteer.resolve(place.name) is None and not (
        place.parent and (gazetteer.is_district(place.parent) or gazetteer.resolve(place.parent)))


def counts_for(place: PlaceMention, places: list[PlaceMention], frame: Frame) -> list[DeathCount]:
    """Counts a sentence naming several places gives to one of them: "N were killed in P"."""
    if frame.total:
        return []
    out = []
    for count in frame.deaths:
        after = [p for p in places if p.start > count.start]
        nearest = min(after, key=lambda p: p.start, default=None)
        between = [c for c in frame.deaths if count.start < c.start < (nearest.start if nearest else 0)]
        later = [p for p in places if p.start > place.start]
        text = frame.sentence.text[frame.offset:]
        listed = later and re.fullmatch(r"\s*(?:areas?|districts?)?\s*(?:,|and|or|as well as)\s*(?:the\s+)?",
                                        text[place.end:later[0].start])
        if nearest is place and not between and not listed and place.start - count.start < 80:
            out.append(count)  # "in Zhob and Sui" is a list: its total stays unallocated
    return out


def _inside(q: PlaceMention, district: PlaceMention) -> bool:
    """The gazetteer puts ``q`` in ``district``; or the text calls ``district`` a district and ``q`` a
    small area the gazetteer does not know ("in Mastung district, ... in the Kanak area")."""
    found = gazetteer.resolve(q.name, None, district.name)
    if found is not None:
        named = gazetteer.resolve(district.name)  # the district as the gazetteer spells it ("Jaffarabad")
        return found.admin2.casefold() in (district.name.casefold(), named.admin2.casefold() if named else "")
    # an unknown "X area" or "village of X" beside a district's name is in it ("In Bannu, ... in Mandan area")
    return (district.kind == "district" or q.kind in ("area", "areas", "village")) and q.kind in _SMALL_KINDS \
        and gazetteer.resolve(q.name) is None


def _coordinated(p: PlaceMention, q: PlaceMention) -> bool:
    """Neighbours in a list ("in Turbat, Panjgur, Gwadar and Pasni"): a town named like its district
    stands beside the others, it does not contain them."""
    gap = q.start - p.end if q.start > p.end else p.start - q.end
    return not p.kind and 0 < gap <= 6 and not q.kind


def drop_containers(places: list[PlaceMention]) -> list[PlaceMention]:
    """"In Panjgur, ... in the Gichk area": a district named beside a place the gazetteer puts inside
    it is that place's district, not a second location."""
    if len(places) < 2:
        return places
    kept = []
    for p in places:
        inner = next((q for q in places if q is not p and gazetteer.is_district(p.name) and not q.parent
                      and place_key(q.name) != place_key(p.name) and _inside(q, p)
                      and not _coordinated(p, q)), None)
        if inner is None:
            kept.append(p)
    if len(kept) == len(places):
        return places
    names = {place_key(p.name) for p in kept}
    return [replace(q, parent=next((p.name for p in places if place_key(p.name) not in names), q.parent))
            if not q.parent else q for q in kept]
