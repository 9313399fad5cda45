"""The analyst's corrections, at the store level: edit, reject, merge, split, mark reviewed, undo.

Every change is one transaction that also writes an ``edits`` row (when, who, which fields,
before and after), so it can be shown and undone. Each event carries a ``version``; a change
names the version it was made on and is refused (``StaleEditError``, naming who changed the
event since) when someone else got there first, so analysts sharing one PostgreSQL store never
silently overwrite each other. Fields an analyst changed are *locked*: re-ingest
(``ingest.merge``) never overwrites them, and flags a conflict when the extractor now differs.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

import pandas as pd
import sqlalchemy as sa

from data.schema import BY_NAME, COLUMNS, DATE, DISORDER_TYPES, EVENT_TYPES, FLOAT, INT, KEY
from data.store import EventStore
from data.tables import EDITS, EVENTS, REVIEW_ITEMS, SOURCES
from errors import SchemaError, StaleEditError, StoreError

STATUSES = ("unreviewed", "reviewed", "rejected", "merged")
HIDDEN = frozenset({"rejected", "merged"})  # kept in the store, never on maps or in exports
# Columns an analyst may change; the rest record provenance or the write itself (the extractor's
# confidence and doubts say what it made of the report, which an analyst's correction does not change).
EDITABLE = tuple(c.name for c in COLUMNS if c.name not in {
    KEY, "timestamp", "run_id", "origin", "review_status", "version", "fatalities_basis", "article_id",
    "source_url", "source", "evidence", "year", "disorder_type", "confidence", "doubts"})
# Actions whose fields stay the analyst's until undone (re-ingest leaves them alone).
LOCKING = frozenset({"edit", "import"})


@dataclass(frozen=True, slots=True)
class Toll:
    fatalities: int
    basis: str


def _clean(value: Any) -> Any:
    """A JSON- and comparison-friendly value: None for missing, ISO text for dates."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (dt.date, pd.Timestamp)):
        return value.isoformat()[:10]
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return None if value == "" else value


def same(a: Any, b: Any) -> bool:
    a, b = _clean(a), _clean(b)
    if isinstance(a, float) or isinstance(b, float):
        try:
            return a is not None and b is not None and round(float(a), 7) == round(float(b), 7)
        except (TypeError, ValueError):
            return False
    if isinstance(a, (int, float)) and isinstance(b, str) or isinstance(b, (int, float)) and isinstance(a, str):
        return str(a) == str(b)
    return a == b


def _db(name: str, value: Any) -> Any:
    """A value as the events table stores it."""
    value = _clean(value)
    if value is None:
        return None if BY_NAME[name].kind in (INT, FLOAT, DATE) else ""
    kind = BY_NAME[name].kind
    try:
        if kind == DATE:
            return dt.date.fromisoformat(str(value)[:10])
        if kind == INT:
            return int(float(value))
        if kind == FLOAT:
            return float(value)
    except ValueError as exc:
        raise SchemaError(f"{name}: {value!r} is not a {kind}") from exc
    return str(value)


def unit_key(row: Mapping[str, Any]) -> tuple[str, str, str, tuple[str, str]]:
    """ACLED's unit of one event: place, day, event type and actor pair (case-insensitive)."""
    place = str(_clean(row.get("geo_name")) or _clean(row.get("location")) or "").strip().casefold()
    actors = sorted(str(_clean(row.get(a)) or "").strip().casefold() for a in ("actor1", "actor2"))
    return (str(_clean(row.get("event_date")) or "")[:10], place,
            str(_clean(row.get("event_type")) or "").casefold(), (actors[0], actors[1]))


def toll(sources: Sequence[Mapping[str, Any]]) -> Toll:
    """Fatalities across sources by the coding rules, and where the number came from.

    A later report's toll replaces an earlier one; figures for the same moment (the same
    publication day, or undated) compete and the most conservative is kept. Never a sum.
    """
    figures = [s for s in sources if _clean(s.get("fatalities")) is not None]
    if not figures:
        return Toll(0, "no source gives a toll")

    def day(s: Mapping[str, Any]) -> str:
        return str(_clean(s.get("published")) or "")

    latest = max(day(s) for s in figures)
    current = [s for s in figures if day(s) == latest]
    pick = min(current, key=lambda s: (int(s["fatalities"]), str(s.get("source_id"))))
    value = int(pick["fatalities"])

    def named(s: Mapping[str, Any]) -> str:
        when = f", {day(s)}" if day(s) else ""
        return f"{int(s['fatalities'])} ({_clean(s.get('outlet')) or _clean(s.get('article_id')) or 'unknown'}{when})"

    basis = f"{named(pick)}"
    if len(figures) == 1:
        return Toll(value, f"{basis}: the only source")
    notes = []
    rivals = [s for s in current if s is not pick]
    if rivals:
        notes.append("lowest of the same-day figures " + ", ".join(named(s) for s in current))
    older = [s for s in figures if day(s) != latest]
    if older:
        notes.append("the later report replaces " + ", ".join(named(s) for s in older))
    return Toll(value, f"{basis}: " + "; ".join(notes or ["all sources agree"]))


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def split_id(source_id: str) -> str:
    return "PAK" + hashlib.sha1(f"split\x1f{source_id}".encode()).hexdigest()[:12].upper()


class ReviewDesk:
    """Corrections to one store, made in one analyst's name."""

    def __init__(self, store: EventStore, analyst: str) -> None:
        if not analyst.strip():
            raise SchemaError("an analyst name is needed to record corrections (set EVENTS_ANALYST)")
        self.store, self.analyst = store, analyst.strip()

    # ---- reading ------------------------------------------------------------------------------------

    def event(self, event_id: str) -> dict[str, Any]:
        with self.store.transaction(write=False) as conn:
            return _event(conn, event_id)

    def sources(self, event_id: str) -> pd.DataFrame:
        with self.store.transaction(write=False) as conn:
            rows = conn.execute(sa.select(SOURCES).where(SOURCES.c.event_id == event_id)
                                .order_by(SOURCES.c.attached, SOURCES.c.source_id)).mappings().all()
        return pd.DataFrame(rows, columns=[c.name for c in SOURCES.c])

    def history(self, event_id: str) -> pd.DataFrame:
        with self.store.transaction(write=False) as conn:
            rows = conn.execute(sa.select(EDITS).where(EDITS.c.event_id == event_id)
                                .order_by(EDITS.c.edit_id.desc())).mappings().all()
        return pd.DataFrame(rows, columns=[c.name for c in EDITS.c])

    def items(self, *, status: str = "open") -> pd.DataFrame:
        with self.store.transaction(write=False) as conn:
            rows = conn.execute(sa.select(REVIEW_ITEMS).where(REVIEW_ITEMS.c.status == status)
                                .order_by(REVIEW_ITEMS.c.item_id)).mappings().all()
        return pd.DataFrame(rows, columns=[c.name for c in REVIEW_ITEMS.c])

    def locked(self, event_id: str) -> set[str]:
        with self.store.transaction(write=False) as conn:
            return locked_fields(conn, event_id)

    # ---- changing -----------------------------------------------------------------------------------

    def edit(self, event_id: str, changes: Mapping[str, Any], *, version: int, action: str = "edit") -> int:
        """Set coded fields; returns the new version. Derived fields (year, disorder type) follow."""
        unknown = sorted(set(changes) - set(EDITABLE) - {"review_status"})
        if unknown:
            raise SchemaError(f"not an editable field: {', '.join(unknown)} (editable: {', '.join(EDITABLE)})")
        with self.store.transaction() as conn:
            old = _event(conn, event_id)
            new = {k: _db(k, v) for k, v in changes.items()}
            if "event_date" in new and new["event_date"] is not None:
                new["year"] = new["event_date"].year
            if "event_type" in new:
                new["disorder_type"] = DISORDER_TYPES.get(str(new["event_type"]), old.get("disorder_type"))
            _check({**old, **new})
            fields = [k for k, v in new.items() if not same(old.get(k), v)]
            if not fields:
                return int(old["version"])
            if old.get("origin") == "extracted":
                new["origin"] = "edited"
                fields.append("origin")
            return self._change(conn, old, {k: new[k] for k in fields}, version=version, action=action)

    def set_status(self, event_id: str, status: str, *, version: int) -> int:
        if status not in STATUSES[:3]:
            raise SchemaError(f"review status {status!r}: expected one of {', '.join(STATUSES[:3])}")
        action = {"reviewed": "review", "rejected": "reject", "unreviewed": "reopen"}[status]
        with self.store.transaction() as conn:
            old = _event(conn, event_id)
            if old["review_status"] == status:
                return int(old["version"])
            return self._change(conn, old, {"review_status": status}, version=version, action=action)

    def reject(self, event_id: str, *, version: int) -> int:
        return self.set_status(event_id, "rejected", version=version)

    def mark_reviewed(self, event_id: str, *, version: int) -> int:
        return self.set_status(event_id, "reviewed", version=version)

    def merge(self, keep_id: str, absorb_id: str, *, version: int, absorb_version: int) -> int:
        """Attach every source of ``absorb_id`` to ``keep_id``; the absorbed event is kept as ``merged``."""
        if keep_id == absorb_id:
            raise SchemaError(f"cannot merge event {keep_id} with itself")
        with self.store.transaction() as conn:
            keep, gone = _event(conn, keep_id), _event(conn, absorb_id)
            if gone["review_status"] in HIDDEN:
                raise SchemaError(f"event {absorb_id} is {gone['review_status']}; undo that before merging it")
            moved = [r.source_id for r in conn.execute(sa.select(SOURCES.c.source_id)
                                                       .where(SOURCES.c.event_id == absorb_id))]
            self._change(conn, gone, {"review_status": "merged"}, version=absorb_version, action="merged",
                         extra={"into": keep_id})
            conn.execute(SOURCES.update().where(SOURCES.c.event_id == absorb_id).values(event_id=keep_id))
            values = recomputed(conn, keep, locked_fields(conn, keep_id))
            _close_items(conn, keep_id, absorb_id)
            return self._change(conn, keep, values, version=version, action="merge",
                                extra={"absorbed": absorb_id, "sources": moved}, force=True)

    def split(self, event_id: str, source_id: str, *, version: int) -> str:
        """Detach one source into a new event of its own (coded as that source's extractor coded it)."""
        with self.store.transaction() as conn:
            old = _event(conn, event_id)
            sources = conn.execute(sa.select(SOURCES).where(SOURCES.c.event_id == event_id)).mappings().all()
            source = next((s for s in sources if s["source_id"] == source_id), None)
            if source is None:
                raise SchemaError(f"source {source_id} is not one of event {event_id}'s sources")
            if len(sources) < 2:
                raise SchemaError(f"event {event_id} has only one source; reject it instead of splitting")
            new_id = split_id(source_id)
            coded = json.loads(source["coded"]) if source["coded"] else {}
            row = {c.name: _db(c.name, coded.get(c.name, old.get(c.name))) for c in COLUMNS}
            row.update({KEY: new_id, "review_status": "unreviewed", "version": 1, "origin": old["origin"],
                        "article_id": source["article_id"], "source_url": source["url"] or "",
                        "source": source["outlet"] or "", "evidence": source["evidence"] or "",
                        "fatalities": source["fatalities"], "timestamp": int(self.store.now()),
                        "fatalities_basis": toll([source]).basis})
            if conn.execute(sa.select(EVENTS.c[KEY]).where(EVENTS.c[KEY] == new_id)).first():
                conn.execute(EVENTS.update().where(EVENTS.c[KEY] == new_id).values(row))
            else:
                conn.execute(EVENTS.insert().values(row))
            conn.execute(SOURCES.update().where(SOURCES.c.source_id == source_id).values(event_id=new_id))
            self._record(conn, new_id, "split-off", {}, {"from": event_id}, 1)
            values = recomputed(conn, old, locked_fields(conn, event_id))
            self._change(conn, old, values, version=version, action="split",
                         extra={"source": source_id, "new_event": new_id}, force=True)
            return new_id

    def undo(self, event_id: str, *, version: int) -> int:
        """Reverse the latest change to ``event_id`` not yet undone; returns the new version."""
        with self.store.transaction() as conn:
            old = _event(conn, event_id)
            last = conn.execute(sa.select(EDITS).where(EDITS.c.event_id == event_id, EDITS.c.undone_by.is_(None),
                                                       EDITS.c.action.not_in(("undo", "split-off")))
                                .order_by(EDITS.c.edit_id.desc()).limit(1)).mappings().first()
            if last is None:
                raise SchemaError(f"event {event_id} has no change to undo")
            before = json.loads(last["before"] or "{}")
            extra = before.pop("_extra", {})
            if last["action"] == "merge":
                gone = _event(conn, extra["absorbed"])
                conn.execute(SOURCES.update().where(SOURCES.c.source_id.in_(extra["sources"]))
                             .values(event_id=extra["absorbed"]))
                self._undo_latest(conn, gone, "merged")
            elif last["action"] == "split":
                conn.execute(SOURCES.update().where(SOURCES.c.source_id == extra["source"]).values(event_id=event_id))
                conn.execute(EVENTS.update().where(EVENTS.c[KEY] == extra["new_event"])
                             .values(review_status="merged", version=EVENTS.c.version + 1))
            elif last["action"] == "merged":
                raise SchemaError(f"event {event_id} was merged into {extra.get('into')}: undo the merge there")
            values = {k: _db(k, v) if k in BY_NAME and k != "review_status" else v for k, v in before.items()}
            new_version = self._change(conn, old, values, version=version, action="undo", force=True,
                                       extra={"edit": last["edit_id"]})
            conn.execute(EDITS.update().where(EDITS.c.edit_id == last["edit_id"]).values(undone_by=-1))
            return new_version

    def _undo_latest(self, conn: sa.Connection, event: dict[str, Any], action: str) -> None:
        last = conn.execute(sa.select(EDITS).where(EDITS.c.event_id == event[KEY], EDITS.c.action == action,
                                                   EDITS.c.undone_by.is_(None))
                            .order_by(EDITS.c.edit_id.desc()).limit(1)).mappings().first()
        if last is None:
            return
        before = json.loads(last["before"] or "{}")
        before.pop("_extra", None)
        self._change(conn, event, before, version=int(event["version"]), action="undo", force=True,
                     extra={"edit": last["edit_id"]})
        conn.execute(EDITS.update().where(EDITS.c.edit_id == last["edit_id"]).values(undone_by=-1))

    # ---- the one write path -------------------------------------------------------------------------

    def _change(self, conn: sa.Connection, old: Mapping[str, Any], values: Mapping[str, Any], *, version: int,
                action: str, extra: Mapping[str, Any] | None = None, force: bool = False) -> int:
        event_id = old[KEY]
        values = {k: v for k, v in values.items() if force or not same(old.get(k), v)}
        stamp = {"version": EVENTS.c.version + 1, "timestamp": int(self.store.now())}
        result = conn.execute(EVENTS.update().where(EVENTS.c[KEY] == event_id, EVENTS.c.version == version)
                              .values({**values, **stamp}))
        if result.rowcount != 1:
            raise StaleEditError(stale_message(conn, event_id, version))
        before = {k: _clean(old.get(k)) for k in values}
        if extra:
            before["_extra"] = dict(extra)
        new_version = int(version) + 1
        self._record(conn, event_id, action, before, {k: _clean(v) for k, v in values.items()}, new_version)
        self.store.bump(conn)
        return new_version

    def _record(self, conn: sa.Connection, event_id: str, action: str, before: Mapping[str, Any],
                after: Mapping[str, Any], version: int) -> None:
        fields = sorted(k for k in after if k in BY_NAME)
        conn.execute(EDITS.insert().values(event_id=event_id, at=int(self.store.now()), analyst=self.analyst,
                                           action=action, fields=_json(fields), before=_json(dict(before)),
                                           after=_json(dict(after)), version=version))


# ---- helpers shared with ingest.merge ---------------------------------------------------------------


def _event(conn: sa.Connection, event_id: str) -> dict[str, Any]:
    row = conn.execute(sa.select(EVENTS).where(EVENTS.c[KEY] == event_id)).mappings().first()
    if row is None:
        raise StoreError(f"no event {event_id!r} in the store")
    return dict(row)


def _check(row: Mapping[str, Any]) -> None:
    etype, sub = row.get("event_type"), row.get("sub_event_type")
    if etype not in EVENT_TYPES:
        raise SchemaError(f"event_type {etype!r} is not in the ACLED taxonomy")
    if sub and sub not in EVENT_TYPES[etype]:
        raise SchemaError(f"sub_event_type {sub!r} is not a kind of {etype!r}")
    for name in ("location", "actor1"):
        if not _clean(row.get(name)):
            raise SchemaError(f"{name} cannot be empty")
    if row.get("fatalities") is not None and int(row["fatalities"]) < 0:
        raise SchemaError("fatalities cannot be negative")


def locked_fields(conn: sa.Connection, event_id: str) -> set[str]:
    """Fields an analyst set on this event (by an edit or an imported correction) and did not undo."""
    out: set[str] = set()
    for fields in conn.execute(sa.select(EDITS.c.fields).where(EDITS.c.event_id == event_id,
                                                               EDITS.c.action.in_(tuple(LOCKING)),
                                                               EDITS.c.undone_by.is_(None))).scalars():
        out.update(json.loads(fields or "[]"))
    return out - {"origin"}


def recomputed(conn: sa.Connection, event: Mapping[str, Any], locked: Iterable[str]) -> dict[str, Any]:
    """The event's source-derived values (toll, its basis, outlets) from its current sources."""
    sources = conn.execute(sa.select(SOURCES).where(SOURCES.c.event_id == event[KEY])
                           .order_by(SOURCES.c.attached, SOURCES.c.source_id)).mappings().all()
    if not sources:
        return {}
    result = toll(sources)
    outlets = list(dict.fromkeys(str(s["outlet"]) for s in sources if s["outlet"]))
    values: dict[str, Any] = {"fatalities_basis": result.basis, "source": "; ".join(outlets)}
    if "fatalities" in set(locked):
        values["fatalities_basis"] = f"{_clean(event.get('fatalities'))}: set by an analyst (sources: {result.basis})"
    else:
        values["fatalities"] = result.fatalities
    return {k: v for k, v in values.items() if not same(event.get(k), v)}


def stale_message(conn: sa.Connection, event_id: str, version: int) -> str:
    current = conn.execute(sa.select(EVENTS.c.version).where(EVENTS.c[KEY] == event_id)).scalar_one_or_none()
    if current is None:
        return f"event {event_id} no longer exists"
    since = conn.execute(sa.select(EDITS.c.analyst, EDITS.c.action, EDITS.c.at)
                         .where(EDITS.c.event_id == event_id, EDITS.c.version > version)
                         .order_by(EDITS.c.edit_id.desc())).all()
    who = sorted({r.analyst for r in since}) or ["an ingest run"]
    return (f"event {event_id} was changed by {', '.join(who)} since you opened it (version {version}, "
            f"now {current}); reload it and make your change again")


def _close_items(conn: sa.Connection, *event_ids: str) -> None:
    conn.execute(REVIEW_ITEMS.update().where(REVIEW_ITEMS.c.kind == "duplicate",
                                             REVIEW_ITEMS.c.event_id.in_(event_ids),
                                             REVIEW_ITEMS.c.other_id.in_(event_ids),
                                             REVIEW_ITEMS.c.status == "open").values(status="resolved"))


def add_item(conn: sa.Connection, kind: str, event_id: str, reason: str, *, now: int, other_id: str | None = None,
             field: str | None = None) -> bool:
    """Open a review item unless the same one is already open; True when added."""
    same_item = sa.select(REVIEW_ITEMS.c.item_id).where(
        REVIEW_ITEMS.c.kind == kind, REVIEW_ITEMS.c.event_id == event_id, REVIEW_ITEMS.c.status == "open",
        REVIEW_ITEMS.c.other_id.is_(None) if other_id is None else REVIEW_ITEMS.c.other_id == other_id,
        REVIEW_ITEMS.c.reason == reason)
    if conn.execute(same_item).first():
        return False
    conn.execute(REVIEW_ITEMS.insert().values(kind=kind, event_id=event_id, other_id=other_id, field=field,
                                              reason=reason, created=now, status="open"))
    return True


def visible(frame: pd.DataFrame) -> pd.DataFrame:
    """The events maps, tables and exports show: rejected and merged ones are kept but hidden."""
    if "review_status" not in frame or frame.empty:
        return frame
    return frame[~frame["review_status"].astype("string").isin(list(HIDDEN)).fillna(False).to_numpy()]


def visible_order(frame: pd.DataFrame, order: Any) -> Any:
    """``order`` (positions into ``frame``) without the rejected and merged events."""
    import numpy as np

    order = np.asarray(order, dtype=np.intp)
    if "review_status" not in frame or frame.empty:
        return order.copy()
    hidden = frame["review_status"].astype("string").isin(list(HIDDEN)).fillna(False).to_numpy(dtype=bool)
    return order[~hidden[order]]
