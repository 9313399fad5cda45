"""Importing coded event files (CSV, JSON, GeoJSON; an ACLED export works): read -> place -> store, one run.

The Ingest page and ``python -m ingest FILE.csv`` both come through here, so a file imports the
same way from either (rows already stored are the analyst's corrections, ``ingest.corrections``): every row validated by ``data.loader.read_events``, places resolved by
``ingest.places``, the good rows upserted as one recorded run whose errors list every reject.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from data.loader import LoadResult, Reject, read_events
from data.store import EventStore, UpsertSummary
from errors import SchemaError
from ingest.corrections import Corrections, apply_rows
from ingest.places import Gazetteer, resolve_places

EVENT_SUFFIXES = frozenset({".csv", ".geojson"})
IMPORT_EXTRACTOR, IMPORT_VERSION = "import", "1"


def read_event_file(data: bytes, filename: str, *, gazetteer: Gazetteer | None = None) -> LoadResult:
    """Validate an event file and resolve its places (raises SchemaError when the whole file is unusable)."""
    result = read_events(data, filename=filename)
    return LoadResult(resolve_places(result.frame, gazetteer), result.rejects)


def is_event_file(path: Path, data: bytes | None = None) -> bool:
    """CSV and GeoJSON are event files; a .json is one when it holds a list, an ``events`` list or a
    FeatureCollection (a .json article is an object with its text)."""
    suffix = path.suffix.lower()
    if suffix in EVENT_SUFFIXES:
        return True
    if suffix != ".json" or data is None:
        return False
    head = data.lstrip()[:1]
    if head == b"[":
        return True
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except (ValueError, RecursionError):
        return False  # the article reader names the problem
    return isinstance(parsed, dict) and (parsed.get("type") == "FeatureCollection" or isinstance(parsed.get("events"), list))


@dataclass(frozen=True, slots=True)
class FileOutcome:
    name: str
    read: int = 0                      # rows read (good + rejected)
    summary: UpsertSummary = UpsertSummary()
    rejects: tuple[Reject, ...] = ()
    error: str = ""                    # the whole file could not be used
    changes: tuple[str, ...] = ()      # analyst corrections applied (rows whose id was stored)
    refused: tuple[str, ...] = ()      # corrections refused (stale version, invalid value)
    suggested: int = 0                 # possible duplicates opened for review


@dataclass(frozen=True, slots=True)
class ImportReport:
    run_id: str
    files: list[FileOutcome] = field(default_factory=list)

    @property
    def rows_read(self) -> int:
        return sum(f.read for f in self.files)

    @property
    def summary(self) -> UpsertSummary:
        total = UpsertSummary()
        for f in self.files:
            total += f.summary
        return total

    def lines(self) -> list[str]:
        s = self.summary
        out = [f"event files read: {sum(1 for f in self.files if not f.error)} of {len(self.files)}, "
               f"{self.rows_read} rows",
               f"events: {s.new} new, {s.updated} updated, {s.unchanged} unchanged",
               f"run: {self.run_id}",
               f"rejected: {sum(len(f.rejects) for f in self.files)} rows, {sum(1 for f in self.files if f.error)} files"]
        for f in self.files:
            if f.error:
                out.append(f"  {f.name}: {f.error}")
            out.extend(f"  {f.name} row {r.row}, {r.column} = {r.value!r}: {r.reason}" for r in f.rejects)
        changes = [c for f in self.files for c in f.changes]
        if changes:
            out.append(f"corrected by the analyst: {len(changes)} events")
            out.extend(f"  {c}" for c in changes)
        refused = [r for f in self.files for r in f.refused]
        if refused:
            out.append(f"corrections refused: {len(refused)}")
            out.extend(f"  {r}" for r in refused)
        suggested = sum(f.suggested for f in self.files)
        if suggested:
            out.append(f"for review: {suggested} possible duplicate(s)")
        return out

    def errors(self) -> list[dict[str, str]]:
        """The run record's errors: a line per unusable file and per rejected row."""
        out = []
        for f in self.files:
            if f.error:
                out.append({"file": f.name, "reason": f.error})
            out.extend({"file": f.name, "row": str(r.row), "column": r.column, "value": r.value[:200],
                        "reason": r.reason} for r in f.rejects)
            out.extend({"file": f.name, "reason": f"correction refused: {r}"} for r in f.refused)
        return out


def _rows_read(result: LoadResult) -> int:
    return len(result.frame) + len({r.row for r in result.rejects})


def _analyst(analyst: str | None) -> str:
    from config import load_settings

    return analyst or load_settings().analyst


def _outcome(name: str, result: LoadResult, done: Corrections) -> FileOutcome:
    return FileOutcome(name, _rows_read(result), done.summary, tuple(result.rejects), changes=done.changes,
                       refused=done.refused, suggested=done.suggested)


def store_loaded(store: EventStore, result: LoadResult, filename: str, *, analyst: str | None = None) -> ImportReport:
    """Store an already validated file (the Ingest page's confirm step) as one recorded run.

    Rows whose id is already stored are the analyst's corrections (``ingest.corrections``).
    """
    run_id = store.start_run(IMPORT_EXTRACTOR, IMPORT_VERSION)
    outcome = FileOutcome(filename, _rows_read(result), UpsertSummary(), tuple(result.rejects))
    try:
        outcome = _outcome(filename, result, apply_rows(store, result.frame, analyst=_analyst(analyst),
                                                         run_id=run_id))
    finally:
        report = ImportReport(run_id, [outcome])
        store.finish_run(run_id, articles=0, summary=report.summary, errors=report.errors())
    return report


def import_event_files(paths: Sequence[str | Path], store: EventStore, *,
                       gazetteer: Gazetteer | None = None, analyst: str | None = None) -> ImportReport:
    """Import event files as one run; a file that cannot be used is reported and the others go on."""
    run_id = store.start_run(IMPORT_EXTRACTOR, IMPORT_VERSION)
    files: list[FileOutcome] = []
    try:
        for raw in paths:
            name = str(raw)
            try:
                data = Path(raw).read_bytes()
            except (OSError, ValueError) as exc:
                files.append(FileOutcome(name, error=f"cannot read the file ({getattr(exc, 'strerror', None) or exc})"))
                continue
            try:
                result = read_event_file(data, Path(raw).name, gazetteer=gazetteer)
                done = apply_rows(store, result.frame, analyst=_analyst(analyst), run_id=run_id)
            except SchemaError as exc:
                files.append(FileOutcome(name, error=str(exc)))
                continue
            files.append(_outcome(name, result, done))
            store.heartbeat(run_id)
    finally:
        report = ImportReport(run_id, files)
        store.finish_run(run_id, articles=0, summary=report.summary, errors=report.errors())
    return report
