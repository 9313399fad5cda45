"""Merge one article's extracted events into the store: one event per incident across sources.

Each extracted row keeps its per-article key (the extractor's ``event_id_cnty``) as a *source*
id. A source seen before updates its event; a new one attaches to the stored event of the same
ACLED unit (place, day, event type, actor pair) from another article, or else starts a new
event whose id is that key (so ids stay stable when a second source arrives). The event's
toll follows the rules across its sources (``data.review.toll``). Fields an analyst changed
are never overwritten; when the extractor now says something else there, a conflict is opened
for review. Rejected events stay rejected. Near matches are suggested, never merged
(``ingest.duplicates``). All of one article in one transaction.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

import pandas as pd
import sqlalchemy as sa

from data.review import (HIDDEN, _check, _clean, _event, add_item, locked_fields, recomputed, same, unit_key)
from data.schema import COLUMNS, KEY
from data.store import EventStore, UpsertSummary
from data.tables import EDITS, EVENTS, REVIEW_ITEMS, SOURCES
from errors import SchemaError, StoreError
from ingest.duplicates import suggest

# What a source's extraction sets on its event (the rest is the store's, the desk's or derived).
FROM_SOURCE = tuple(c.name for c in COLUMNS if c.name not in {
    KEY, "timestamp", "run_id", "review_status", "version", "fatalities_basis", "source", "origin", "fatalities"})


@dataclass(frozen=True, slots=True)
class MergeOutcome:
    summary: UpsertSummary
    removed: int = 0        # events no report yields any more (unreviewed, never edited)
    attached: int = 0       # reports attached to an incident another report already gave
    conflicts: int = 0      # analyst-set fields the extractor now codes differently
    suggested: int = 0      # near duplicates proposed for review


def _source_row(row: Mapping[str, Any], event_id: str, *, published: dt.date | None, now: int,
                run_id: str | None) -> dict[str, Any]:
    return {"event_id": event_id, "article_id": row.get("article_id"), "outlet": row.get("source") or "",
            "url": row.get("source_url") or "", "published": published, "fatalities": row.get("fatalities"),
            "evidence": row.get("evidence") or "", "origin": row.get("origin") or "extracted",
            "coded": json.dumps({k: _clean(v) for k, v in row.items()}, ensure_ascii=False, sort_keys=True,
                                default=str),
            "run_id": run_id, "attached": now}


def _primary(conn: sa.Connection, event_id: str) -> str | None:
    """The source whose coding the event carries: its own key, else the first attached."""
    ids = [r.source_id for r in conn.execute(sa.select(SOURCES.c.source_id).where(SOURCES.c.event_id == event_id)
                                             .order_by(SOURCES.c.attached, SOURCES.c.source_id))]
    return event_id if event_id in ids else (ids[0] if ids else None)


def _same_unit(conn: sa.Connection, row: Mapping[str, Any]) -> dict[str, Any] | None:
    """The stored event of the same ACLED unit (imported rows are suggested, never merged)."""
    found = conn.execute(sa.select(EVENTS).where(EVENTS.c.event_date == row["event_date"],
                                                 EVENTS.c.event_type == row["event_type"],
                                                 EVENTS.c.review_status != "merged",
                                                 EVENTS.c.origin != "imported")).mappings().all()
    matches = [dict(e) for e in found if unit_key(e) == unit_key(row)]
    matches.sort(key=lambda e: (e["review_status"] in HIDDEN, str(e[KEY])))
    return matches[0] if matches else None


def _validated(article_id: str, rows: Iterable[Mapping[str, Any]] | pd.DataFrame,
               store: EventStore) -> list[dict[str, Any]]:
    if not article_id:
        raise SchemaError("sync_article needs the article's id (got an empty string)")
    records = store.records(rows)
    strangers = sorted({r["article_id"] for r in records} - {article_id})
    if strangers:
        raise SchemaError(f"sync_article({article_id!r}) got rows of other article(s): {', '.join(strangers)}")
    for index, row in enumerate(records, 1):
        try:
            _check(row)
        except SchemaError as exc:
            raise SchemaError(f"event row {index} ({row.get(KEY) or 'no id'}): {exc}") from exc
    return records


@dataclass(frozen=True, slots=True)
class ArticleRows:
    """One article's extracted rows, ready to merge."""
    article_id: str
    rows: Any
    published: dt.date | None = None
    legacy_id: str | None = None   # the id under the old text-hash identity (its events are adopted)


def sync_articles(store: EventStore, articles: Iterable[ArticleRows], *,
                  run_id: str | None = None) -> tuple[MergeOutcome, list[tuple[str, str]]]:
    """Merge several articles in ONE transaction (an ingest run writes a chunk at a time).

    An article whose rows do not validate is left out alone and returned as (article id, reason).
    """
    valid, rejected = [], []
    for item in articles:
        try:
            valid.append((item, _validated(item.article_id, item.rows, store)))
        except SchemaError as exc:
            rejected.append((item.article_id, str(exc)))
    total = MergeOutcome(UpsertSummary())
    if not valid:
        return total, rejected
    try:
        with store.transaction() as conn:
            for item, records in valid:
                done = _Merge(store, conn, item.article_id, run_id, item.published).run(records, item.legacy_id)
                total = MergeOutcome(total.summary + done.summary, total.removed + done.removed,
                                     total.attached + done.attached, total.conflicts + done.conflicts,
                                     total.suggested + done.suggested)
            if total.summary.new or total.summary.updated or total.removed:
                store.bump(conn)
    except sa.exc.SQLAlchemyError as exc:
        raise StoreError(f"writing events to {store!r} failed, nothing was saved: {exc}") from exc
    return total, rejected


def sync_article(store: EventStore, article_id: str, rows: Iterable[Mapping[str, Any]] | pd.DataFrame, *,
                 run_id: str | None = None, published: dt.date | None = None,
                 legacy_id: str | None = None) -> MergeOutcome:
    """Merge ``article_id``'s extracted rows; its sources no longer produced are detached.

    ``legacy_id``: the id the same article had under the old text-hash identity; its events
    are adopted (renamed) first, so they update in place instead of doubling.
    """
    outcome, rejected = sync_articles(store, [ArticleRows(article_id, rows, published, legacy_id)], run_id=run_id)
    if rejected:
        raise SchemaError(rejected[0][1])
    return outcome


class _Merge:
    def __init__(self, store: EventStore, conn: sa.Connection, article_id: str, run_id: str | None,
                 published: dt.date | None) -> None:
        self.conn, self.article_id, self.run_id, self.published = conn, article_id, run_id, published
        self.now = int(store.now())
        self.changes: dict[str, dict[str, Any]] = {}   # event id -> values to write
        self.conflicts = self.attached = self.suggested = 0

    def run(self, records: list[dict[str, Any]], legacy_id: str | None) -> MergeOutcome:
        conn = self.conn
        if legacy_id and legacy_id != self.article_id:
            conn.execute(SOURCES.update().where(SOURCES.c.article_id == legacy_id).values(article_id=self.article_id))
            conn.execute(EVENTS.update().where(EVENTS.c.article_id == legacy_id).values(article_id=self.article_id))
        known = {r.source_id: r for r in conn.execute(sa.select(SOURCES).where(SOURCES.c.article_id == self.article_id))}
        new_ids: list[str] = []
        for row in records:
            source = known.get(row[KEY]) or conn.execute(
                sa.select(SOURCES).where(SOURCES.c.source_id == row[KEY])).first()
            if source is not None:
                self._update(row, source)
            elif (match := _same_unit(conn, row)) is not None:
                conn.execute(SOURCES.insert().values(source_id=row[KEY], **self._source(row, match[KEY])))
                self.changes.setdefault(match[KEY], {})
                self.attached += 1
            else:
                new_ids.append(self._insert(row))
        removed = self._detach_stale({r[KEY] for r in records})
        new, updated, unchanged = len(new_ids), 0, 0
        for event_id, values in self.changes.items():
            event = _event(conn, event_id)
            values = {**values, **recomputed(conn, {**event, **values}, locked_fields(conn, event_id))}
            values = {k: v for k, v in values.items() if not same(event.get(k), v)}
            if event_id in new_ids:
                if values:
                    conn.execute(EVENTS.update().where(EVENTS.c[KEY] == event_id).values(values))
                continue
            if values:
                conn.execute(EVENTS.update().where(EVENTS.c[KEY] == event_id).values(
                    {**values, "timestamp": self.now, "version": EVENTS.c.version + 1,
                     **({"run_id": self.run_id} if self.run_id else {})}))
                updated += 1
            else:
                unchanged += 1
        for event_id in new_ids:
            self.suggested += suggest(conn, _event(conn, event_id), now=self.now)
        return MergeOutcome(UpsertSummary(new, updated, unchanged), removed, self.attached, self.conflicts,
                            self.suggested)

    def _source(self, row: Mapping[str, Any], event_id: str) -> dict[str, Any]:
        return _source_row(row, event_id, published=self.published, now=self.now, run_id=self.run_id)

    def _insert(self, row: dict[str, Any]) -> str:
        event_id = row[KEY]
        event = {**row, "review_status": "unreviewed", "version": 1, "timestamp": self.now,
                 "origin": row.get("origin") or "extracted", **({"run_id": self.run_id} if self.run_id else {})}
        self.conn.execute(EVENTS.insert().values(event))
        self.conn.execute(SOURCES.insert().values(source_id=event_id, **self._source(row, event_id)))
        self.changes.setdefault(event_id, {})
        return event_id

    def _update(self, row: dict[str, Any], source: Any) -> None:
        conn, event_id = self.conn, source.event_id
        previous = json.loads(source.coded) if source.coded else None
        values = self._source(row, event_id)
        values["attached"] = source.attached  # keeps its place among the event's sources
        conn.execute(SOURCES.update().where(SOURCES.c.source_id == row[KEY]).values(values))
        event = _event(conn, event_id)
        self.changes.setdefault(event_id, {})
        if event["review_status"] in HIDDEN or _primary(conn, event_id) != row[KEY]:
            return  # rejected stays rejected; a second source does not recode the event
        locked = locked_fields(conn, event_id)
        for name in FROM_SOURCE + ("fatalities",):
            if name in locked:
                said = previous.get(name) if previous is not None else None
                if previous is not None and not same(said, row.get(name)) and not same(event.get(name), row.get(name)):
                    reason = (f"{name}: the extractor now says {_clean(row.get(name))!r} (it said {said!r}); "
                              f"the analyst's {_clean(event.get(name))!r} is kept")
                    self.conflicts += add_item(conn, "conflict", event_id, reason, now=self.now, field=name)
            elif name != "fatalities" and not same(event.get(name), row.get(name)):
                self.changes[event_id][name] = row.get(name)

    def _detach_stale(self, produced: set[str]) -> int:
        conn = self.conn
        stale = conn.execute(sa.select(SOURCES).where(SOURCES.c.article_id == self.article_id,
                                                      SOURCES.c.source_id.not_in(produced))).all()
        removed = 0
        for source in stale:
            conn.execute(SOURCES.delete().where(SOURCES.c.source_id == source.source_id))
            event_id = source.event_id
            if conn.execute(sa.select(SOURCES.c.source_id).where(SOURCES.c.event_id == event_id)).first():
                self.changes.setdefault(event_id, {})
                continue
            event = conn.execute(sa.select(EVENTS).where(EVENTS.c[KEY] == event_id)).mappings().first()
            if event is None:
                continue
            touched = conn.execute(sa.select(EDITS.c.edit_id).where(EDITS.c.event_id == event_id)).first()
            if event["origin"] == "extracted" and event["review_status"] == "unreviewed" and touched is None:
                conn.execute(REVIEW_ITEMS.delete().where(REVIEW_ITEMS.c.event_id == event_id))
                conn.execute(EVENTS.delete().where(EVENTS.c[KEY] == event_id))
                self.changes.pop(event_id, None)
                removed += 1
            else:
                self.conflicts += add_item(conn, "conflict", event_id,
                                           "its report no longer yields this event (kept: an analyst worked on it)",
                                           now=self.now)
        return removed
