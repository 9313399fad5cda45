"""Article -> full schema rows: run an extractor, then geocode and fill every column."""
from __future__ import annotations

import re
from typing import Any, Callable

from data.schema import COLUMN_NAMES, DISORDER_TYPES, EVENT_TYPES, make_event_id
from errors import ExtractionError
from extraction.article import Article, check_size
from extraction.base import Extractor, get_extractor
from extraction.chunks import Progress, extract_in_pieces

Resolver = Callable[..., Any]  # geo.resolve(name, *, admin1=None, admin2=None) -> Resolution

# ACLED interaction categories by actor name (prefix).
_INTER = (
    ("Military Forces of", "State forces"), ("Police Forces of", "State forces"),
    ("Government of", "State forces"), ("Civilians", "Civilians"), ("Protesters", "Protesters"),
    ("Rioters", "Rioters"), ("Unidentified Armed Group", "Political militia"),
)


def inter_of(actor: str) -> str:
    if not actor:
        return ""
    for prefix, category in _INTER:
        if actor.startswith(prefix):
            return category
    return "Rebel group"


def _default_resolver() -> Resolver:
    import geo

    return geo.resolve


def extract_events(article: Article, *, extractor: Extractor | None = None,
                   resolve: Resolver | None = None, progress: Progress | None = None) -> list[dict]:
    """Full rows (every column of data.schema) for the events of one article.

    An article over the size limit raises ArticleError at once; a long one is extracted in
    bounded pieces (``extraction.chunks``), ``progress(done, total)`` told after each."""
    body = article.body
    check_size(len(body) if body.isascii() else len(body.encode("utf-8")), what=article.title or "article")
    extractor = extractor or get_extractor("rules")
    resolve = resolve or _default_resolver()
    rows = []
    for event in extract_in_pieces(extractor.extract, article, progress=progress):
        rows.append(complete_row(article, event, resolve, extractor))
    return rows


def _district_of(resolve: Resolver, district: str, admin1: str | None) -> Any:
    """The gazetteer's entry for the district the text names, or None: an event whose own place is
    unknown ("the Rarasham area of Musakhel district") is mapped at its district, not dropped and
    never put at a guessed point."""
    place = getattr(resolve(f"{district} district", admin1=admin1, admin2=district), "place", None)
    if place is None or str(place.admin2).casefold() != district.casefold():
        return None
    if getattr(place, "kind", "district") != "district":
        return None  # a town of that name is not the district
    return place


def complete_row(article: Article, event: dict, resolve: Resolver, extractor: Extractor) -> dict:
    event_type = event.get("event_type", "")
    if event_type not in EVENT_TYPES or event.get("sub_event_type") not in EVENT_TYPES[event_type]:
        raise ExtractionError(
            f"{extractor.name} produced event type {event_type!r} / {event.get('sub_event_type')!r}, "
            f"which is not in the ACLED taxonomy of data.schema.EVENT_TYPES")
    row: dict[str, Any] = {name: "" for name in COLUMN_NAMES}
    row.update({k: v for k, v in event.items() if k in row})
    location = str(event.get("location", "")).strip()
    hint1, hint2 = event.get("admin1") or None, event.get("admin2") or None
    place_raw = str(event.get("place_raw") or location)
    # "Tank district" asks the gazetteer for the district, "Tank" for the town
    query = place_raw if re.search(r"\b(?:district|agency|tehsil)$", place_raw, re.IGNORECASE) else location
    resolution = resolve(query, admin1=hint1, admin2=hint2) if location else None
    place = getattr(resolution, "place", None)
    if place is not None and hint2 and place.admin2.casefold() != str(hint2).casefold():
        place = None  # the text puts it in another district: a namesake elsewhere would be a fake point
    precision = getattr(place, "geo_precision", "")
    if place is None and hint2 and query.casefold() != f"{hint2} district".casefold():
        place, precision = _district_of(resolve, str(hint2), hint1), 3
    if place is not None:
        row.update(admin1=place.admin1, admin2=place.admin2, admin3=place.admin3, latitude=place.latitude,
                   longitude=place.longitude, geo_precision=precision, geo_name=place.name,
                   geo_status="located")
    else:
        row.update(admin1=hint1 or "", admin2=hint2 or "", latitude="", longitude="", geo_name="",
                   geo_precision="", geo_status="unlocated")
    actor1, actor2 = row["actor1"], row["actor2"]
    inter1, inter2 = inter_of(actor1), inter_of(actor2)
    row.update(
        event_id_cnty=make_event_id(article.article_id, row["event_date"], location, event_type, actor1, actor2),
        year=int(str(row["event_date"])[:4]),
        time_precision=row.get("time_precision") or 1,
        disorder_type=DISORDER_TYPES[event_type],
        inter1=inter1, inter2=inter2,
        interaction="-".join(x for x in (inter1, inter2) if x) or "",
        civilian_targeting="Civilian targeting" if actor2.startswith("Civilians") else "",
        iso=586, region="Southern Asia", country="Pakistan",
        place_raw=event.get("place_raw") or location,
        source=article.source, source_url=article.url, article_id=article.article_id,
        origin="extracted", run_id="", timestamp="",
        fatalities=int(row.get("fatalities") or 0),
        notes=event.get("notes") or f"{extractor.name} {extractor.version}: {row['sub_event_type']} in {location}",
    )
    doubts = list(event.get("doubts") or [])
    if row["geo_status"] == "unlocated":
        doubts.insert(0, "place not found in the gazetteer")
    row["doubts"] = "; ".join(doubts)
    row["confidence"] = confidence_of(doubts)
    return row


def confidence_of(doubts: list[str]) -> float:
    """1.0 with nothing to doubt, less for each reason (an ordering for review, not a probability)."""
    return round(max(0.1, 1.0 - 0.15 * len(doubts)), 2)
