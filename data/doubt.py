"""The review queue: events to check, most doubtful first, each with why it is doubted, in plain English.

Doubt adds up from: the extractor's own doubt (1 - its stored ``confidence``, with its stored
``doubts`` as the reasons), an unlocated place, open suggested duplicates, conflicts between an
analyst's correction and a new extraction, and sources that disagree on the toll. Reviewed events
leave the queue unless something new (a conflict, a duplicate) is open.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from typing import Any

import pandas as pd
import sqlalchemy as sa

from data.review import HIDDEN
from data.schema import KEY
from data.store import EventStore
from data.tables import REVIEW_ITEMS, SOURCES

QUEUE_COLUMNS = ("doubt", "why", "confidence", KEY, "event_date", "event_type", "location", "fatalities",
                 "review_status", "version", "reasons")
SEPARATOR = "; "           # how the ``doubts`` column joins the extractor's reasons
# A row that gives reasons but no confidence (a hand-made file): each reason counts as much as the
# rules extractor lets one lower its confidence (extraction.pipeline.confidence_of).
REASON_DOUBT = 0.15
UNLOCATED = "unlocated: the place is not in the gazetteer, so the event is not on the map"
NOTHING = "not yet reviewed"

# The rules extractor's reasons (extraction/rules.py ``doubts_of``, extraction/pipeline.py) as an
# analyst reads them. A reading of None: the queue checks that itself on the event as it is now (an
# analyst may have set the place since). A reason not listed here is shown as the extractor wrote it.
_PLAIN: tuple[tuple[re.Pattern[str], str | None], ...] = tuple((re.compile(p), r) for p, r in (
    (r"type decided by a weak cue \(only who died\)",
     "the event type rests on a weak cue: the report only says who died"),
    (r"place taken from the dateline", "the place is the report's dateline, not a place its story names"),
    (r"place only at district level", "the report names only the district, no town or village in it"),
    (r"district guessed from the dateline", "the district is a guess from the report's dateline"),
    (r"toll from a single mention", "the death toll rests on a single mention in the report"),
    (r"competing tolls \[(?P<tolls>[^\]]*)\]", r"the report gives competing death tolls (\g<tolls>)"),
    (r"not the report's main day: possibly background",
     "it happened on another day than the report's main news: possibly background, not news"),
    (r"publication date guessed", "the report's publication date is a guess, so its days may be off"),
    (r"place not found in the gazetteer", None),
))


def plain_reason(reason: str) -> str | None:
    """One of the extractor's reasons in plain English (None: the queue checks it itself)."""
    text = reason.strip()
    for pattern, reading in _PLAIN:
        match = pattern.fullmatch(text)
        if match:
            return None if reading is None else match.expand(reading)
    return text


def _missing(value: Any) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def extractor_doubt(confidence: Any, doubts: Any) -> tuple[float, list[str]]:
    """The extractor's share of an event's doubt, and its reasons in plain English.

    ``confidence`` missing (an ACLED export, a store of an older release) and no reasons: nothing
    is known, so nothing is added.
    """
    written = [] if _missing(doubts) else [r for r in str(doubts).split(SEPARATOR) if r.strip()]
    reasons = [plain for plain in map(plain_reason, written) if plain]
    if not _missing(confidence):
        score = 1.0 - min(max(float(confidence), 0.0), 1.0)
    else:
        score = min(1.0, REASON_DOUBT * len(written))
    return score, reasons


def review_queue(store: EventStore, frame: pd.DataFrame | None = None, *, include_hidden: bool = False,
                 include_reviewed: bool = False) -> pd.DataFrame:
    """One row per event to review, sorted by doubt (highest first), then date.

    ``why`` is the reasons joined for the table; ``reasons`` the same as a tuple, one per line."""
    frame = store.load_frame() if frame is None else frame
    with store.transaction(write=False) as conn:
        items = conn.execute(sa.select(REVIEW_ITEMS).where(REVIEW_ITEMS.c.status == "open")).mappings().all()
        tolls = conn.execute(sa.select(SOURCES.c.event_id, sa.func.min(SOURCES.c.fatalities),
                                       sa.func.max(SOURCES.c.fatalities), sa.func.count())
                             .group_by(SOURCES.c.event_id)).all()
    open_items: dict[str, list[str]] = defaultdict(list)
    for item in items:
        if item["kind"] == "duplicate":
            open_items[item["event_id"]].append(f"possible duplicate of {item['other_id']} ({item['reason']})")
            open_items[item["other_id"]].append(f"possible duplicate of {item['event_id']} ({item['reason']})")
        else:
            open_items[item["event_id"]].append(f"conflict: {item['reason']}")
    disagree = {e: (lo, hi) for e, lo, hi, n in tolls if n > 1 and lo is not None and lo != hi}
    rows = []
    for _, row in frame.iterrows():
        status = str(row.get("review_status") or "unreviewed")
        event_id = row[KEY]
        if status in HIDDEN and not include_hidden:
            continue
        if status == "reviewed" and not include_reviewed and not open_items.get(event_id):
            continue
        doubt, reasons = extractor_doubt(row.get("confidence"), row.get("doubts"))
        if row.get("geo_status") == "unlocated":
            doubt += 1.0
            reasons.insert(0, UNLOCATED)
        for reason in open_items.get(event_id, []):
            doubt += 1.0
            reasons.append(reason)
        if event_id in disagree:
            doubt += 0.5
            lo, hi = disagree[event_id]
            reasons.append(f"sources disagree on the toll ({lo} to {hi})")
        confidence = row.get("confidence")
        rows.append({"doubt": round(doubt, 2), "why": SEPARATOR.join(reasons) or NOTHING,
                     "confidence": None if _missing(confidence) else float(confidence),
                     **{c: row.get(c) for c in QUEUE_COLUMNS[3:-1]},
                     "event_date": str(row.get("event_date"))[:10], "reasons": tuple(reasons)})
    queue = pd.DataFrame(rows, columns=list(QUEUE_COLUMNS))
    if queue.empty:
        return queue
    return queue.sort_values(["doubt", "event_date", KEY], ascending=[False, False, True]).reset_index(drop=True)
