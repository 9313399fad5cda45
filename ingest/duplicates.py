"""Suggested duplicates: near matches the unit rule does not merge, proposed with the reason.

Never merged here: the analyst decides on the Review page. A pair is suggested when the two
events are at most a day apart, at the same, an enclosing or a nearby place (within
``NEAR_KM``), and of compatible types (the same type, or two kinds of political violence);
an imported row against an extracted event of the same incident is always a suggestion.
"""
from __future__ import annotations

import datetime as dt
import math
from typing import Any, Mapping

import sqlalchemy as sa

from data.review import HIDDEN, add_item, unit_key
from data.schema import KEY, VIOLENT_TYPES
from data.tables import EVENTS

NEAR_KM = 25.0


def _km(a: Mapping[str, Any], b: Mapping[str, Any]) -> float | None:
    try:
        lat1, lon1, lat2, lon2 = (float(a["latitude"]), float(a["longitude"]), float(b["latitude"]),
                                  float(b["longitude"]))
    except (TypeError, ValueError, KeyError):
        return None
    if any(math.isnan(v) for v in (lat1, lon1, lat2, lon2)):
        return None
    p1, p2, dlat, dlon = map(math.radians, (lat1, lat2, lat2 - lat1, lon2 - lon1))
    h = math.sin(dlat / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def _text(row: Mapping[str, Any], name: str) -> str:
    value = row.get(name)
    return "" if value is None else str(value).strip()


def place_relation(a: Mapping[str, Any], b: Mapping[str, Any]) -> str | None:
    """Why two events' places may be one place ('same place', 'Turbat lies in Kech', '12 km apart')."""
    pa, pb = unit_key(a)[1], unit_key(b)[1]
    if pa and pa == pb:
        return "same place"
    for inner, outer in ((a, b), (b, a)):
        region = unit_key(outer)[1]
        if region and region in {_text(inner, n).casefold() for n in ("admin2", "admin3")}:
            return f"{_text(inner, 'location')} lies in {_text(outer, 'location')}"
    distance = _km(a, b)
    if distance is not None and distance <= NEAR_KM:
        return f"{distance:.0f} km apart"
    return None


def compatible(type_a: str, type_b: str) -> bool:
    return type_a == type_b or (type_a in VIOLENT_TYPES and type_b in VIOLENT_TYPES)


def reason_for(a: Mapping[str, Any], b: Mapping[str, Any]) -> str | None:
    """The reason ``a`` and ``b`` may be one incident, or None when they are not near matches."""
    if _text(a, "article_id") and _text(a, "article_id") == _text(b, "article_id"):
        return None  # one report coding two events did so on purpose
    da, db = (dt.date.fromisoformat(unit_key(r)[0]) for r in (a, b))
    days = abs((da - db).days)
    if days > 1 or not compatible(_text(a, "event_type"), _text(b, "event_type")):
        return None
    place = place_relation(a, b)
    if place is None:
        return None
    imported = {_text(a, "origin"), _text(b, "origin")}
    cross = "imported" in imported and len(imported) > 1
    if unit_key(a) == unit_key(b) and not cross:
        return None  # the unit rule merges these on ingest
    parts = ["same day" if days == 0 else "1 day apart", place,
             "same type" if a["event_type"] == b["event_type"] else f"{a['event_type']} vs {b['event_type']}",
             "same actors" if unit_key(a)[3] == unit_key(b)[3] else "different actors"]
    if cross:
        parts.append("an imported row and an extracted event")
    return "; ".join(parts)


def suggest(conn: sa.Connection, event: Mapping[str, Any], *, now: int) -> int:
    """Open a duplicate suggestion for each near match of ``event``; returns how many were added."""
    day = dt.date.fromisoformat(unit_key(event)[0])
    window = (EVENTS.c.event_date >= day - dt.timedelta(days=1)) & (EVENTS.c.event_date <= day + dt.timedelta(days=1))
    others = conn.execute(sa.select(EVENTS).where(window, EVENTS.c[KEY] != event[KEY],
                                                  EVENTS.c.review_status.not_in(tuple(HIDDEN)))).mappings().all()
    added = 0
    for other in others:
        reason = reason_for(event, other)
        if reason and add_item(conn, "duplicate", event[KEY], reason, now=now, other_id=other[KEY]):
            added += 1
    return added
