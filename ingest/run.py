"""One ingest run: read -> extract (and geocode) -> store, recorded in the store's ``runs``.

This is orchestration, so it sits above ``data/`` (schema, store, loaders), ``extraction/`` and ``geo/``
and imports them; nothing below imports it. The command line is in ``ingest/__main__.py``.

Folders are searched recursively for article files (.txt, .text, .md, .html,
.htm); a .json article is read only when named explicitly (a folder's .json
files are often labels, not articles). A file that cannot be read or extracted
is reported with its reason and skipped; the exit code is 1 when any was.
"""
from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from tqdm import tqdm

from data.store import RUN_LEASE_S, EventStore, UpsertSummary
from errors import ArticleError, DashboardError, ExtractionError, SchemaError
from ingest.identity import with_identity
from ingest.merge import ArticleRows, sync_articles

FOLDER_SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm"})
# Articles written per store transaction: a commit per article cost more than extracting it.
CHUNK_ARTICLES = 64


@dataclass(frozen=True, slots=True)
class Pipeline:
    """The extraction package's entry points (a seam: tests inject fakes)."""
    read_article: Callable[..., Any]     # (path, *, published) -> Article
    parse_article: Callable[..., Any]    # (text, *, published) -> Article
    extract_events: Callable[..., list[dict[str, Any]]]  # (article, *, extractor) -> rows
    get_extractor: Callable[[str], Any]  # name -> extractor with .name and .version


def _parse_article(text: str, *, published: dt.date | str | None = None) -> Any:
    # Imported on use: reading files must not depend on the pasted-text entry point.
    try:
        from extraction.article import parse_article
    except ImportError:
        # An extraction package without parse_article still reads files: paste -> file.
        from extraction import read_article

        with tempfile.TemporaryDirectory(prefix="paste-") as tmp:
            path = Path(tmp) / "pasted.txt"
            path.write_text(text, encoding="utf-8")
            return read_article(path, published=published)
    return parse_article(text, published=published)


def default_pipeline() -> Pipeline:
    from extraction import read_article
    from extraction.pipeline import extract_events, get_extractor

    return Pipeline(read_article, _parse_article, extract_events, get_extractor)


@dataclass(frozen=True, slots=True)
class IngestReport:
    articles_read: int
    events_new: int
    events_updated: int
    events_unchanged: int
    rejects: list[tuple[str, str]]  # (file or item name, reason)
    run_id: str
    events_removed: int = 0  # stale extracted rows of re-ingested articles
    articles_without_events: list[str] = field(default_factory=list)
    articles_without_date: list[str] = field(default_factory=list)  # read, but no publication date found
    sources_attached: int = 0    # reports attached to an incident another report gave
    conflicts: int = 0           # analyst-set fields the extractor now codes differently
    duplicates_suggested: int = 0

    def lines(self) -> list[str]:
        out = [f"articles read: {self.articles_read}",
               f"events: {self.events_new} new, {self.events_updated} updated, {self.events_unchanged} unchanged"
               + (f", {self.events_removed} removed" if self.events_removed else ""),
               f"run: {self.run_id}"]
        review = [f"{n} {what}" for n, what in ((self.sources_attached, "report(s) attached to a known incident"),
                                                 (self.conflicts, "conflict(s) with analyst corrections"),
                                                 (self.duplicates_suggested, "possible duplicate(s)")) if n]
        if review:
            out.append("for review: " + ", ".join(review))
        if self.articles_without_events:
            out.append(f"no events found in: {', '.join(self.articles_without_events)}")
        if self.articles_without_date:
            out.append(f"no publication date found in: {', '.join(self.articles_without_date)} "
                       "(pass --published YYYY-MM-DD; relative dates such as 'on Friday' were skipped)")
        out.append(f"rejected: {len(self.rejects)}")
        out.extend(f"  {name}: {reason}" for name, reason in self.rejects)
        return out


def article_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """The article files named or found under ``paths`` (sorted per folder), and the paths that do not exist."""
    files: list[Path] = []
    missing: list[tuple[str, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FOLDER_SUFFIXES
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not found:
                missing.append((str(path), f"no article files ({', '.join(sorted(FOLDER_SUFFIXES))}) in this folder"))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            missing.append((str(path), "no such file or folder"))
    return list(dict.fromkeys(files)), missing


@dataclass(frozen=True, slots=True)
class _Pending:
    name: str
    article_id: str
    rows: list[dict[str, Any]]
    undated: bool
    published: dt.date | None = None
    legacy_id: str | None = None


class _Run:
    """Accumulates one ingest run's counts; extracted articles are written ``chunk`` at a time.

    One transaction per chunk of articles (``ingest.merge.sync_articles``) instead of one per
    article, and rows stay plain dicts all the way into the store.
    """

    def __init__(self, store: EventStore, pipeline: Pipeline, extractor: Any, *, chunk: int = CHUNK_ARTICLES) -> None:
        self.store, self.pipeline, self.extractor = store, pipeline, extractor
        self.run_id = store.start_run(str(extractor.name), str(extractor.version))
        self.chunk = max(1, chunk)
        self.summary = UpsertSummary()
        self.removed = self.attached = self.conflicts = self.suggested = 0
        self.articles = 0
        self.rejects: list[tuple[str, str]] = []
        self.empty: list[str] = []
        self.undated: list[str] = []
        self.pending: list[_Pending] = []
        self.store_lease = RUN_LEASE_S
        self.beat = float("-inf")

    def add(self, name: str, load: Callable[[], Any], *, path: Path | None = None) -> None:
        try:
            article, legacy_id = with_identity(load(), path=path)
            rows = [_with_provenance(row, article) for row in
                    self.pipeline.extract_events(article, extractor=self.extractor)]
        except (ArticleError, ExtractionError, SchemaError) as exc:
            self.rejects.append((name, str(exc)))
            return
        if time.monotonic() - self.beat >= self.store_lease / 4:
            # Still alive (a killed run is marked interrupted later); by time, not per article: a write each.
            self.store.heartbeat(self.run_id)
            self.beat = time.monotonic()
        if any(p.article_id == article.article_id for p in self.pending):
            self.flush()   # the same article twice (two files, one URL): the later one wins, as before
        self.pending.append(_Pending(name, article.article_id, rows, getattr(article, "published", "") is None,
                                     _date(getattr(article, "published", None)), legacy_id))
        if len(self.pending) >= self.chunk:
            self.flush()

    def flush(self) -> None:
        """Write the pending articles in one transaction; an article whose rows fail validation is rejected alone."""
        pending, self.pending = self.pending, []
        if not pending:
            return
        # One event per incident across sources (ingest.merge), a chunk of articles per transaction.
        outcome, rejected = sync_articles(self.store, [ArticleRows(p.article_id, p.rows, p.published, p.legacy_id)
                                                       for p in pending], run_id=self.run_id)
        reasons = dict(rejected)
        self.summary += outcome.summary
        self.removed += outcome.removed
        self.attached += outcome.attached
        self.conflicts += outcome.conflicts
        self.suggested += outcome.suggested
        for p in pending:
            if p.article_id in reasons:
                self.rejects.append((p.name, reasons[p.article_id]))
                continue
            self.articles += 1
            if not p.rows:
                self.empty.append(p.name)
            if p.undated:
                self.undated.append(p.name)

    def finish(self) -> IngestReport:
        self.flush()
        self.store.finish_run(self.run_id, articles=self.articles, summary=self.summary, errors=self.rejects)
        s = self.summary
        return IngestReport(self.articles, s.new, s.updated, s.unchanged, list(self.rejects), self.run_id,
                            self.removed, list(self.empty), list(self.undated), self.attached, self.conflicts,
                            self.suggested)


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _with_provenance(row: dict[str, Any], article: Any) -> dict[str, Any]:
    """Fill provenance the extractor left empty (never overwrite what it set)."""
    defaults = {"article_id": article.article_id, "source_url": getattr(article, "url", ""), "origin": "extracted"}
    return {**row, **{k: v for k, v in defaults.items() if not row.get(k)}}


def _extractor(extractor: Any, pipeline: Pipeline) -> Any:
    if extractor is None or isinstance(extractor, str):
        from config import load_settings

        return pipeline.get_extractor(extractor or load_settings().extractor)
    return extractor


def ingest_paths(paths: Sequence[str | Path], store: EventStore, *, extractor: Any = None, progress: bool = True,
                 published: dt.date | str | None = None, pipeline: Pipeline | None = None) -> IngestReport:
    """Ingest article files and folders as one run (``extractor``: object, name, or None for the configured one)."""
    pipeline = pipeline or default_pipeline()
    run = _Run(store, pipeline, _extractor(extractor, pipeline))
    files, missing = article_files(paths)
    run.rejects.extend(missing)
    for path in tqdm(files, desc="articles", unit="file", disable=not progress, file=sys.stderr):
        run.add(str(path), lambda path=path: pipeline.read_article(path, published=published), path=path)
    return run.finish()


def upload_path(folder: Path, name: str) -> Path:
    """Where an upload called ``name`` is written to be read: only its suffix is kept (it picks the reader),
    so a name like ``..``, ``a/../../b`` or one with a NUL byte can never point outside ``folder``."""
    suffix = Path(name.replace("\x00", "")).suffix.lower()
    if not suffix[1:].isalnum() or len(suffix) > 8:
        suffix = ".txt"
    return folder / f"upload{suffix}"


def ingest_texts(items: Iterable[tuple[str, str | bytes]], store: EventStore, *, extractor: Any = None,
                 published: dt.date | str | None = None, pipeline: Pipeline | None = None) -> IngestReport:
    """Ingest pasted text (``str``) or uploaded files (``bytes``, read by their name's format) as one run."""
    pipeline = pipeline or default_pipeline()
    run = _Run(store, pipeline, _extractor(extractor, pipeline))
    with tempfile.TemporaryDirectory(prefix="ingest-") as tmp:
        for index, (name, content) in enumerate(items):
            if isinstance(content, bytes):
                # Uploads go through the same reader as files on disk (header, HTML, JSON, encoding checks).
                target = upload_path(Path(tmp) / str(index), name)
                target.parent.mkdir()
                target.write_bytes(content)
                run.add(name, lambda target=target: pipeline.read_article(target, published=published))
            else:
                run.add(name, lambda content=content: pipeline.parse_article(content, published=published))
    return run.finish()
