"""The event store: SQLAlchemy Core over SQLite (default) or any SQLAlchemy URL.

SQLite runs in WAL mode with a busy timeout, so the dashboard keeps reading
while another process ingests; writes take the lock up front (``BEGIN
IMMEDIATE``) so two writers queue instead of failing on a lock upgrade.
On PostgreSQL, writers do not queue: every insert is an ``INSERT ... ON
CONFLICT`` so two ingests of the same rows at once both succeed.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect

from data import migrate
from data.loader import to_frame
from data.rows import plain_records
from data.reader import (arrow_to_frame, read_table_adbc, read_table_sqlalchemy, rowid_ranges, sort_order,
                         sqlite_path)
from data.schema import COLUMNS, DATE, EVENT_TYPES, FLOAT, INT, KEY
from data.tables import EVENTS, META, RUNS, SOURCES
from errors import SchemaError, StoreError

# Columns whose change alone does not make a row "updated" (they record the write itself).
_BOOKKEEPING = frozenset({"timestamp", "run_id", "review_status", "version"})
# Kept by the review desk (data/review.py): an upsert sets them on new rows, never on existing ones.
_REVIEW_MANAGED = frozenset({"review_status", "version"})
_COMPARED = tuple(c.name for c in COLUMNS if c.name not in _BOOKKEEPING)
_REQUIRED = tuple(c.name for c in COLUMNS if c.required)
_VERSION_KEY = "data_version"
# A run that wrote no heartbeat for this long is taken for dead (a killed ingest) and marked interrupted.
RUN_LEASE_S = 300
_BEAT = "heartbeat:"
INTERRUPTED = "interrupted"
BUSY_TIMEOUT_MS = 30_000
# The backends whose INSERT ... ON CONFLICT the store uses.
_INSERTS = {"sqlite": sqlite_dialect.insert, "postgresql": pg_dialect.insert}


def db_reason(exc: BaseException) -> str:
    """The database's own one-line reason, without the SQL and parameters SQLAlchemy appends."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()
    first = text[0] if text else type(orig).__name__
    return first if len(first) <= 300 else first[:297] + "..."
# Child processes reading a SQLite store at once (data/reader.py), one per core up to 4.
READ_PROCESSES = max(1, min(4, os.cpu_count() or 1))
# Below this many rows a SQLite store is read in-process (starting the children costs more).
SMALL_STORE_ROWS = 20_000


@dataclass(frozen=True, slots=True)
class UpsertSummary:
    new: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.new + self.updated + self.unchanged

    def __add__(self, other: UpsertSummary) -> UpsertSummary:
        return UpsertSummary(self.new + other.new, self.updated + other.updated, self.unchanged + other.unchanged)


def _enable_wal(cur: Any, *, clock: Callable[[], float] = time.monotonic,
                sleep: Callable[[float], None] = time.sleep) -> None:
    """Switch a SQLite file to WAL so readers never block the ingest writer.

    The switch needs an exclusive lock, and SQLite answers "database is locked" at once, without its busy
    handler, when another process opens the same new file at that moment; so retry here until the busy timeout.
    """
    deadline = clock() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cur.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or clock() >= deadline:
                raise
            sleep(0.02)


def _sqlite_setup(engine: sa.Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (pysqlite's implicit one is deferred)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _enable_wal(cur)
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _db_values(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Plain Python values per row: None for missing, ``date`` for dates, ``""`` kept for text."""
    columns: dict[str, list[Any]] = {}
    for col in COLUMNS:
        s = frame[col.name]
        if col.kind == DATE:
            values = [None if pd.isna(v) else v.date() for v in s]
        elif col.kind == INT:
            values = [None if pd.isna(v) else int(v) for v in s.astype(object)]
        elif col.kind == FLOAT:
            arr = s.to_numpy(dtype="float64", na_value=np.nan)
            values = [None if np.isnan(v) else float(v) for v in arr]
        else:
            values = s.astype(object).where(s.notna(), None).tolist()
        columns[col.name] = values
    names = list(columns)
    return [dict(zip(names, row)) for row in zip(*columns.values())]


def _canonical(row: Mapping[str, Any]) -> tuple[Any, ...]:
    """Comparable form: "" and None are the same, floats compared to 1e-7 degrees."""
    out = []
    for name in _COMPARED:
        v = row.get(name)
        if v == "" or v is None or (isinstance(v, float) and np.isnan(v)):
            v = None
        elif isinstance(v, float):
            v = round(v, 7)
        elif isinstance(v, (dt.date, pd.Timestamp)):
            v = v.isoformat()[:10]
        out.append(v)
    return tuple(out)


def _check_row(row: Mapping[str, Any], index: int) -> None:
    missing = [name for name in _REQUIRED if row.get(name) in (None, "")]
    if missing:
        raise SchemaError(f"event row {index} ({row.get(KEY) or 'no id'}): empty required column(s) "
                          f"{', '.join(missing)}")
    etype, sub = row["event_type"], row.get("sub_event_type")
    if etype not in EVENT_TYPES:
        raise SchemaError(f"event row {index} ({row[KEY]}): event_type {etype!r} is not in the taxonomy")
    if sub and sub not in EVENT_TYPES[etype]:
        raise SchemaError(f"event row {index} ({row[KEY]}): sub_event_type {sub!r} is not a kind of {etype!r}")


def _source_of(row: Mapping[str, Any]) -> dict[str, Any]:
    return {"source_id": row[KEY], "event_id": row[KEY], "article_id": row.get("article_id"),
            "outlet": row.get("source"), "url": row.get("source_url"), "published": None,
            "fatalities": row.get("fatalities"), "evidence": row.get("evidence"), "coded": None,
            "origin": row.get("origin"), "run_id": row.get("run_id"), "attached": row.get("timestamp")}


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


class EventStore:
    """Events plus ingest provenance (``runs``) behind one SQLAlchemy URL."""

    def __init__(self, url: str, *, clock: Callable[[], float] = time.time, batch_size: int = 2000) -> None:
        self.url = url
        self._clock = clock
        self._batch_size = batch_size
        try:
            parsed = sa.make_url(url)
        except sa.exc.ArgumentError as exc:
            raise StoreError(f"not a valid store URL {url!r}: expected e.g. sqlite:///var/events.sqlite "
                             "or postgresql+psycopg://user@host/db") from exc
        backend = parsed.get_backend_name()
        if backend not in _INSERTS:
            raise StoreError(f"unsupported store backend {backend!r} in {url!r}: expected sqlite or postgresql")
        self._insert = _INSERTS[backend]
        self._is_sqlite = backend == "sqlite"
        if self._is_sqlite and parsed.database and parsed.database != ":memory:":
            folder = Path(parsed.database).expanduser().parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the folder {folder} for store {url!r}: {exc.strerror or exc}") from exc
        try:
            self.engine = sa.create_engine(parsed)
        except (sa.exc.ArgumentError, ImportError) as exc:
            raise StoreError(f"cannot open store {self._safe_url}: {db_reason(exc)}") from exc
        if self._is_sqlite:
            _sqlite_setup(self.engine)
        self._create_tables()

    @property
    def _safe_url(self) -> str:
        return sa.make_url(self.url).render_as_string(hide_password=True)

    def __repr__(self) -> str:
        return f"EventStore({self._safe_url!r})"

    def _create_tables(self) -> None:
        # Two processes may start at once: the loser of a CREATE race just re-checks.
        for attempt in range(3):
            try:
                with self._write(raw=True) as conn:
                    migrate.upgrade(conn)  # versioned schema (data/migrations); a pre-migration store is stamped
                    conn.execute(self._insert(META).values(key=_VERSION_KEY, value=0).on_conflict_do_nothing())
                return
            except (sa.exc.OperationalError, sa.exc.ProgrammingError, sa.exc.IntegrityError) as exc:
                if attempt == 2:
                    raise StoreError(f"cannot create tables in {self._safe_url}: {db_reason(exc)}") from exc
            except sa.exc.DBAPIError as exc:
                raise StoreError(f"cannot open store {self._safe_url}: {db_reason(exc)}") from exc

    def _connect(self) -> sa.Connection:
        try:
            return self.engine.connect()
        except sa.exc.DBAPIError as exc:
            raise StoreError(f"cannot open store {self._safe_url}: {db_reason(exc)}") from exc

    def _write(self, *, raw: bool = False) -> _Transaction:
        """A transaction that holds the write lock from its start (SQLite) and commits or rolls back.

        ``raw``: database errors come out as SQLAlchemy's (for the table-creation retry)."""
        failure = None if raw else f"writing to {self._safe_url} failed, nothing was saved"
        return _Transaction(self._connect().execution_options(sqlite_immediate=True), failure)

    def _read(self) -> _Transaction:
        return _Transaction(self._connect(), f"reading from {self._safe_url} failed")

    @staticmethod
    def _bump(conn: sa.Connection) -> None:
        conn.execute(META.update().where(META.c.key == _VERSION_KEY).values(value=META.c.value + 1))

    # For the review desk and ingest merging, which write several tables in one transaction.
    def transaction(self, *, write: bool = True) -> _Transaction:
        return self._write() if write else self._read()

    bump = _bump

    def now(self) -> float:
        return self._clock()

    @staticmethod
    def records(rows: Iterable[Mapping[str, Any]] | pd.DataFrame) -> list[dict[str, Any]]:
        """Rows as the events table stores them (typed by the schema; raises SchemaError)."""
        return EventStore._records(rows)

    # ---- events -------------------------------------------------------------------------------------

    def upsert_events(self, rows: Iterable[Mapping[str, Any]] | pd.DataFrame, *,
                      run_id: str | None = None) -> UpsertSummary:
        """Insert new events, update changed ones, leave identical ones; all or nothing.

        ``timestamp`` is set on every written row; ``run_id`` (when given) is
        stamped on written rows so they point to their ingest run.
        """
        records = self._records(rows)
        try:
            with self._write() as conn:
                summary = self._upsert(conn, records, run_id)
                if summary.new or summary.updated:
                    self._bump(conn)
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"writing events to {self._safe_url} failed, nothing was saved: {db_reason(exc)}") from exc
        return summary

    def sync_article(self, article_id: str, rows: Iterable[Mapping[str, Any]] | pd.DataFrame, *,
                     run_id: str | None = None) -> tuple[UpsertSummary, int]:
        """Upsert one article's extracted events and delete its extracted events no longer produced.

        Re-ingesting an article with a better extractor so replaces, in one
        transaction, rows it would otherwise leave behind as duplicates. Rows
        an analyst edited or imported are never deleted. Returns (summary, removed).
        """
        records = self._article_records(article_id, rows)
        return self._sync(((article_id, records),), run_id)

    def sync_articles(self, articles: Iterable[tuple[str, Iterable[Mapping[str, Any]]]], *,
                      run_id: str | None = None) -> tuple[UpsertSummary, int, list[tuple[str, str]]]:
        """``sync_article`` for many articles in ONE transaction (an ingest run writes a chunk at a time).

        An article whose rows do not validate is left out alone and returned as (article id, reason);
        the others are written together. Returns (summary, removed, rejected).
        """
        valid: list[tuple[str, list[dict[str, Any]]]] = []
        rejected: list[tuple[str, str]] = []
        seen: set[str] = set()
        for article_id, rows in articles:
            try:
                if article_id in seen:
                    raise SchemaError(f"article {article_id!r} appears twice in one batch")
                valid.append((article_id, self._article_records(article_id, rows)))
                seen.add(article_id)
            except SchemaError as exc:
                rejected.append((article_id, str(exc)))
        summary, removed = self._sync(valid, run_id) if valid else (UpsertSummary(), 0)
        return summary, removed, rejected

    def _article_records(self, article_id: str, rows: Iterable[Mapping[str, Any]] | pd.DataFrame) -> list[dict[str, Any]]:
        if not article_id:
            raise SchemaError("sync_article needs the article's id (got an empty string)")
        records = self._records(rows)
        strangers = sorted({r["article_id"] for r in records} - {article_id})
        if strangers:
            raise SchemaError(f"sync_article({article_id!r}) got rows of other article(s): {', '.join(strangers)}")
        for i, row in enumerate(records, start=1):
            _check_row(row, i)
        return records

    def _sync(self, articles: Sequence[tuple[str, list[dict[str, Any]]]],
              run_id: str | None) -> tuple[UpsertSummary, int]:
        records = [r for _, rows in articles for r in rows]
        try:
            with self._write() as conn:
                summary = self._upsert(conn, records, run_id)
                removed = 0
                for article_id, rows in articles:
                    gone = ((EVENTS.c.article_id == article_id) & (EVENTS.c.origin == "extracted")
                            & EVENTS.c[KEY].not_in([r[KEY] for r in rows]))
                    conn.execute(SOURCES.delete().where(SOURCES.c.event_id.in_(sa.select(EVENTS.c[KEY]).where(gone))))
                    removed += conn.execute(EVENTS.delete().where(gone)).rowcount or 0
                if summary.new or summary.updated or removed:
                    self._bump(conn)
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"writing events to {self._safe_url} failed, nothing was saved: {db_reason(exc)}") from exc
        return summary, removed

    @staticmethod
    def _records(rows: Iterable[Mapping[str, Any]] | pd.DataFrame) -> list[dict[str, Any]]:
        # A frame (an import, the sample) is typed column-wise; plain rows (ingest) value by value.
        records = _db_values(to_frame(rows)) if isinstance(rows, pd.DataFrame) else plain_records(rows)
        keys = [r[KEY] for r in records]
        if len(set(keys)) != len(keys):
            dup = next(k for i, k in enumerate(keys) if k in keys[:i])
            raise SchemaError(f"event id {dup!r} appears twice in one upsert")
        return records

    def _upsert(self, conn: sa.Connection, records: list[dict[str, Any]], run_id: str | None) -> UpsertSummary:
        now = int(self._clock())
        new = updated = unchanged = 0
        # Sorted keys: two writers lock the same rows in the same order, so they queue, never deadlock.
        records = sorted(records, key=lambda r: r[KEY])
        for start, chunk in enumerate(_chunks(records, self._batch_size)):
            for i, row in enumerate(chunk):
                _check_row(row, start * self._batch_size + i + 1)
            keys = [r[KEY] for r in chunk]
            existing = {r._mapping[KEY]: _canonical(r._mapping)
                        for r in conn.execute(sa.select(EVENTS).where(EVENTS.c[KEY].in_(keys)))}
            writes = []
            for row in chunk:
                old = existing.get(row[KEY])
                if old is not None and old == _canonical(row):
                    unchanged += 1
                    continue
                row = {**row, "timestamp": now}
                if run_id is not None:
                    row["run_id"] = run_id
                # New rows start unreviewed at version 1; an existing row keeps both (the review desk's).
                row.setdefault("review_status", None)
                row["review_status"] = row["review_status"] or "unreviewed"
                row["version"] = 1
                writes.append(row)
            if not writes:
                continue
            inserted = self._write_rows(conn, writes)
            if inserted is None:  # SQLite: the transaction held the write lock since the read, so it is exact
                inserted = sum(1 for r in writes if r[KEY] not in existing)
            # Each new event lists the report it came from (more attach through ingest.merge).
            conn.execute(self._insert(SOURCES).on_conflict_do_nothing(), [_source_of(r) for r in writes])
            new += inserted
            updated += len(writes) - inserted
        return UpsertSummary(new, updated, unchanged)

    def _write_rows(self, conn: sa.Connection, rows: list[dict[str, Any]]) -> int | None:
        """Insert-or-replace ``rows`` atomically; on PostgreSQL return how many were new.

        Another writer may insert the same id between our read and this write
        (PostgreSQL does not serialise writers): ``ON CONFLICT DO UPDATE`` turns
        that into an update instead of a duplicate-key error.
        """
        stmt = self._insert(EVENTS)
        stmt = stmt.on_conflict_do_update(index_elements=[EVENTS.c[KEY]],
                                          set_={**{c.name: stmt.excluded[c.name] for c in EVENTS.c
                                                   if c.name != KEY and c.name not in _REVIEW_MANAGED},
                                                "version": EVENTS.c.version + 1})
        if self._is_sqlite:
            conn.execute(stmt, rows)
            return None
        # xmax is 0 on a freshly inserted row version and set on one that replaced an existing row.
        stmt = stmt.returning(sa.literal_column("(xmax = 0)").label("inserted"))
        return sum(1 for r in conn.execute(stmt, rows) if r.inserted)

    def load_frame(self) -> pd.DataFrame:
        """All events, sorted by date then id, read column-wise (see data/reader.py)."""
        frame, order = self.load_events()
        return frame.take(order).reset_index(drop=True)

    def load_events(self) -> tuple[pd.DataFrame, np.ndarray]:
        """All events in store order, and the row positions that order them by date then id.

        The dashboard's load: reordering every column of a large store costs more than reading it.
        """
        path = sqlite_path(self.engine.url)
        if path is None:
            frame = self._frame(sa.true(), ordered=False)
        else:
            try:
                with self._read() as conn:
                    first, last = conn.execute(sa.text("SELECT min(rowid), max(rowid) FROM events")).one()
            except sa.exc.SQLAlchemyError as exc:
                raise StoreError(f"reading events from {self._safe_url} failed: {exc}") from exc
            if first is None or last - first < SMALL_STORE_ROWS:
                frame = self._frame(sa.true(), ordered=False)   # a child process costs more than the read
            else:
                frame = arrow_to_frame(read_table_adbc(path, rowid_ranges(first, last, READ_PROCESSES)))
        return frame, sort_order(frame)

    def query(self, filters: Any) -> pd.DataFrame:
        """Events matching a ``data.filters.Filters`` (filtered in SQL)."""
        return self._frame(filters.to_sql(EVENTS))

    def _frame(self, where: sa.ColumnElement[bool], *, ordered: bool = True) -> pd.DataFrame:
        try:
            frame = arrow_to_frame(read_table_sqlalchemy(self.engine, EVENTS, where))
            return frame.take(sort_order(frame)).reset_index(drop=True) if ordered else frame
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"reading events from {self._safe_url} failed: {db_reason(exc)}") from exc

    def count(self) -> int:
        with self._read() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(EVENTS)).scalar_one())

    def data_version(self) -> str:
        """Changes whenever anything was written (a cache key for the UI)."""
        with self._read() as conn:
            value = conn.execute(sa.select(META.c.value).where(META.c.key == _VERSION_KEY)).scalar_one()
        return f"v{value}"

    # ---- one-time jobs ------------------------------------------------------------------------------

    def claim(self, job: str, *, stale_after: float) -> bool:
        """True for exactly one caller per ``job`` (across processes) until ``release`` or ``stale_after`` s.

        Used so two dashboards starting at once do not both load the demo data.
        """
        key = f"claim:{job}"
        now = int(self._clock())
        # One statement, so two processes claiming at once cannot both win (nor fail on the key).
        stmt = self._insert(META).values(key=key, value=now)
        stmt = stmt.on_conflict_do_update(index_elements=[META.c.key], set_={"value": now},
                                          where=META.c.value <= now - stale_after).returning(META.c.key)
        with self._write() as conn:
            return conn.execute(stmt).first() is not None

    def release(self, job: str) -> None:
        with self._write() as conn:
            conn.execute(META.delete().where(META.c.key == f"claim:{job}"))

    # ---- runs ---------------------------------------------------------------------------------------

    def start_run(self, extractor: str, version: str) -> str:
        """Record a new run (first marking runs whose process died as interrupted); returns its id."""
        self.mark_interrupted()
        started = dt.datetime.fromtimestamp(self._clock(), tz=dt.timezone.utc)
        run_id = f"{started:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"
        with self._write() as conn:
            conn.execute(RUNS.insert().values(run_id=run_id, started=started, extractor=extractor,
                                              extractor_version=version))
            conn.execute(META.insert().values(key=_BEAT + run_id, value=int(started.timestamp())))
            self._bump(conn)
        return run_id

    def heartbeat(self, run_id: str) -> None:
        """The run's process is alive: renews its lease (``RUN_LEASE_S``); no data changed, so no version bump."""
        now = int(self._clock())
        stmt = self._insert(META).values(key=_BEAT + run_id, value=now)
        with self._write() as conn:
            conn.execute(stmt.on_conflict_do_update(index_elements=[META.c.key], set_={"value": now}))

    def mark_interrupted(self, *, lease: float = RUN_LEASE_S) -> list[str]:
        """Close every unfinished run without a heartbeat for ``lease`` seconds as interrupted.

        Its rows stay, and keep pointing at it; its errors say when it was last seen alive.
        Returns the ids marked.
        """
        now = self._clock()
        marked = []
        with self._write() as conn:
            beats = {k.removeprefix(_BEAT): v for k, v in conn.execute(
                sa.select(META.c.key, META.c.value).where(META.c.key.startswith(_BEAT)))}
            for run in conn.execute(sa.select(RUNS.c.run_id, RUNS.c.started, RUNS.c.errors)
                                    .where(RUNS.c.finished.is_(None))).all():
                started = run.started if run.started.tzinfo else run.started.replace(tzinfo=dt.timezone.utc)
                seen = float(beats.get(run.run_id, started.timestamp()))
                if now - seen < lease:
                    continue
                last = dt.datetime.fromtimestamp(seen, tz=dt.timezone.utc)
                errors = _json_list(run.errors) + [{
                    "file": "", "state": INTERRUPTED,
                    "reason": f"interrupted: the ingest stopped before finishing (last sign of life "
                              f"{last:%Y-%m-%d %H:%M:%S} UTC); the rows it wrote are kept"}]
                conn.execute(RUNS.update().where(RUNS.c.run_id == run.run_id, RUNS.c.finished.is_(None))
                             .values(finished=last, errors=json.dumps(errors, ensure_ascii=False)))
                conn.execute(META.delete().where(META.c.key == _BEAT + run.run_id))
                marked.append(run.run_id)
            if marked:
                self._bump(conn)
        return marked

    def finish_run(self, run_id: str, *, articles: int, summary: UpsertSummary,
                   errors: Sequence[tuple[str, str]] | Sequence[Mapping[str, str]] = ()) -> None:
        finished = dt.datetime.fromtimestamp(self._clock(), tz=dt.timezone.utc)
        problems = [dict(e) if isinstance(e, Mapping) else {"file": str(e[0]), "reason": str(e[1])} for e in errors]
        with self._write() as conn:
            result = conn.execute(RUNS.update().where(RUNS.c.run_id == run_id).values(
                finished=finished, articles=articles, events_new=summary.new, events_updated=summary.updated,
                events_unchanged=summary.unchanged, errors=json.dumps(problems, ensure_ascii=False)))
            if result.rowcount == 0:
                raise StoreError(f"no ingest run {run_id!r} in {self._safe_url} (start_run returns the id)")
            conn.execute(META.delete().where(META.c.key == _BEAT + run_id))
            self._bump(conn)

    def runs(self, limit: int | None = None) -> pd.DataFrame:
        """Runs, newest first, with a ``state``: running, finished or interrupted."""
        stmt = sa.select(RUNS).order_by(RUNS.c.started.desc())
        if limit is not None:
            stmt = stmt.limit(limit)
        with self._read() as conn:
            frame = pd.DataFrame(conn.execute(stmt).mappings().all(), columns=[c.name for c in RUNS.columns])
        frame["state"] = [_run_state(f, e) for f, e in zip(frame["finished"], frame["errors"])]
        return frame

    def close(self) -> None:
        self.engine.dispose()


def _json_list(text: Any) -> list[Any]:
    if not isinstance(text, str) or not text:
        return []
    try:
        value = json.loads(text)
    except ValueError:
        return [{"file": "", "reason": str(text)}]
    return value if isinstance(value, list) else [value]


def _run_state(finished: Any, errors: str | None) -> str:
    if finished is None or (not isinstance(finished, dt.datetime) and pd.isna(finished)):
        return "running"
    if any(isinstance(e, dict) and e.get("state") == INTERRUPTED for e in _json_list(errors)):
        return INTERRUPTED
    return "finished"


class _Transaction:
    """``with`` block: connection + transaction, commit on success, rollback on error, always close.

    A database error inside (or at commit) comes out as a one-line ``StoreError`` naming the store,
    never as SQLAlchemy's message with the whole statement and its parameters.
    """

    def __init__(self, conn: sa.Connection, failure: str | None) -> None:
        self._conn, self._failure = conn, failure

    def _error(self, exc: BaseException) -> StoreError:
        return StoreError(f"{self._failure}: {db_reason(exc)}")

    def __enter__(self) -> sa.Connection:
        try:
            self._tx = self._conn.begin()
        except sa.exc.SQLAlchemyError as exc:
            self._conn.close()
            if self._failure is None:
                raise
            raise self._error(exc) from exc
        return self._conn

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        try:
            if exc_type is None:
                try:
                    self._tx.commit()
                except sa.exc.SQLAlchemyError as err:
                    if self._failure is None:
                        raise
                    raise self._error(err) from err
            else:
                try:
                    self._tx.rollback()
                except sa.exc.SQLAlchemyError:
                    pass  # the connection is gone; the error that brought us here is the one to report
        finally:
            self._conn.close()
        if self._failure is not None and isinstance(exc, sa.exc.SQLAlchemyError):
            raise self._error(exc) from exc
