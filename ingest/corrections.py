"""An event table imported back (the analysts' spreadsheet round trip) as analyst corrections.

A row whose id is in the store is compared field by field with the stored event; every field
that differs is an analyst change (recorded, locked against re-ingest, undoable), made on the
row's ``version`` when the file has one, so a file exported before someone else's correction is
refused for that row instead of overwriting it. A ``review_status`` of reviewed / rejected /
unreviewed is applied too. Rows with new ids are stored as imported events, and near matches
with extracted events are suggested as duplicates. ``ingest.events`` calls this for every file.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa

from data.review import EDITABLE, STATUSES, ReviewDesk, _clean, _event, same
from data.schema import KEY
from data.store import EventStore, UpsertSummary
from data.tables import EVENTS
from errors import SchemaError, StaleEditError, StoreError
from ingest.duplicates import suggest


@dataclass(frozen=True, slots=True)
class Corrections:
    summary: UpsertSummary              # new rows / corrected events / unchanged
    changes: tuple[str, ...] = ()       # "PAK…: fatalities 6 -> 5, location 'Turbat' -> 'Kech'"
    refused: tuple[str, ...] = ()       # stale or invalid corrections, with the reason
    suggested: int = 0                  # near duplicates proposed for review


def _fmt(value: object) -> str:
    value = _clean(value)
    return "(empty)" if value is None else repr(value) if isinstance(value, str) else str(value)


def apply_rows(store: EventStore, frame: pd.DataFrame, *, analyst: str, run_id: str | None = None) -> Corrections:
    """Store an imported event table; rows with ids already stored are corrections in ``analyst``'s name."""
    desk = ReviewDesk(store, analyst)
    with store.transaction(write=False) as conn:
        ids = list(frame[KEY])
        known = set(conn.execute(sa.select(EVENTS.c[KEY]).where(EVENTS.c[KEY].in_(ids))).scalars()) if ids else set()
    changes: list[str] = []
    refused: list[str] = []
    corrected = unchanged = 0
    for row in frame[frame[KEY].isin(known)].to_dict("records"):
        event_id = row[KEY]
        try:
            stored = desk.event(event_id)
            version = int(_clean(row.get("version")) or stored["version"])
            edits = {name: row.get(name) for name in EDITABLE if not same(stored.get(name), row.get(name))}
            said = [f"{name} {_fmt(stored.get(name))} -> {_fmt(value)}" for name, value in edits.items()]
            if edits:
                version = desk.edit(event_id, edits, version=version, action="import")
            status = _clean(row.get("review_status"))
            if status in STATUSES[:3] and status != stored["review_status"]:
                desk.set_status(event_id, status, version=version)
                said.append(f"review_status {stored['review_status']} -> {status}")
        except (StaleEditError, SchemaError, StoreError) as exc:
            refused.append(f"{event_id}: {exc}")
            continue
        if said:
            corrected += 1
            changes.append(f"{event_id}: " + ", ".join(said))
        else:
            unchanged += 1
    fresh = frame[~frame[KEY].isin(known)]
    summary = store.upsert_events(fresh, run_id=run_id) if len(fresh) else UpsertSummary()
    suggested = 0
    if len(fresh):
        with store.transaction() as conn:
            for event_id in fresh[KEY]:
                suggested += suggest(conn, _event(conn, event_id), now=int(store.now()))
    return Corrections(UpsertSummary(summary.new, summary.updated + corrected, summary.unchanged + unchanged),
                       tuple(changes), tuple(refused), suggested)

