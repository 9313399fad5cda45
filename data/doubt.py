"""The review queue: events to check, most doubtful first, each with why it is doubted.

Doubt adds up from: low extractor confidence (a ``confidence`` column in 0..1, or a ``doubt``
column, when the extractor provides one), an unlocated place, open suggested duplicates,
conflicts between an analyst's correction and a new extraction, and sources that disagree on
the toll. Reviewed events leave the queue unless something new (a conflict, a duplicate) is open.
"""
from __future__ import annotations

from collections import defaultdict

import pandas as pd
import sqlalchemy as sa

from data.review import HIDDEN
from data.schema import KEY
from data.store import EventStore
from data.tables import REVIEW_ITEMS, SOURCES

LOW_CONFIDENCE = 0.7
QUEUE_COLUMNS = ("doubt", "why", KEY, "event_date", "event_type", "location", "fatalities", "review_status",
                 "version")


def _confidence_doubt(row: pd.Series) -> tuple[float, str]:
    if "doubt" in row.index and pd.notna(row["doubt"]):
        value = float(row["doubt"])
        return (value, f"extractor doubt {value:.2f}") if value > 1 - LOW_CONFIDENCE else (0.0, "")
    if "confidence" in row.index and pd.notna(row["confidence"]):
        value = float(row["confidence"])
        return (1 - value, f"low extractor confidence {value:.2f}") if value < LOW_CONFIDENCE else (0.0, "")
    return 0.0, ""


def review_queue(store: EventStore, frame: pd.DataFrame | None = None, *, include_hidden: bool = False,
                 include_reviewed: bool = False) -> pd.DataFrame:
    """One row per event to review, sorted by doubt (highest first), then date."""
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
        doubt, why = _confidence_doubt(row)
        reasons = [why] if why else []
        if row.get("geo_status") == "unlocated":
            doubt += 1.0
            reasons.append("unlocated")
        for reason in open_items.get(event_id, []):
            doubt += 1.0
            reasons.append(reason)
        if event_id in disagree:
            doubt += 0.5
            lo, hi = disagree[event_id]
            reasons.append(f"sources disagree on the toll ({lo} to {hi})")
        rows.append({"doubt": round(doubt, 2), "why": "; ".join(reasons) or "not yet reviewed",
                     **{c: row.get(c) for c in QUEUE_COLUMNS[2:]},
                     "event_date": str(row.get("event_date"))[:10]})
    queue = pd.DataFrame(rows, columns=list(QUEUE_COLUMNS))
    if queue.empty:
        return queue
    return queue.sort_values(["doubt", "event_date", KEY], ascending=[False, False, True]).reset_index(drop=True)
