"""The Ingest page's steps, between the widgets and ``extraction`` / ``ingest``.

The preview runs the same reader and extractor as ``ingest`` but stores nothing.
Storing goes through ``ingest.ingest_texts`` (run record, ids, per-article sync), so
an article added here is coded exactly as the command-line ingest would code it.
"""
from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import pandas as pd
import streamlit as st

from config import load_settings
from ingest.run import Pipeline, default_pipeline, ingest_texts, upload_path
from data.loader import LoadResult
from ingest.events import read_event_file, store_loaded
from data.store import EventStore
from errors import ArticleError, ExtractionError
from extraction.chunks import CHUNK_CHARS

PASTED = "pasted text"


class Upload(Protocol):
    name: str

    def getvalue(self) -> bytes: ...


@dataclass(frozen=True, slots=True)
class ArticleInput:
    name: str                 # the file name, or PASTED
    content: str | bytes      # pasted text is str; uploads stay bytes (read by their format)


@dataclass(frozen=True, slots=True)
class Preview:
    item: ArticleInput
    title: str = ""
    published: dt.date | None = None
    rows: tuple[dict[str, Any], ...] = field(default_factory=tuple)
    error: str = ""
    notice: str = ""          # a readable article's problem, e.g. no publication date found

    @property
    def name(self) -> str:
        return self.item.name


def article_inputs(pasted: str, files: Iterable[Upload]) -> list[ArticleInput]:
    """The articles the analyst gave: the pasted text (if not blank) then each uploaded file."""
    inputs = [ArticleInput(PASTED, pasted)] if pasted.strip() else []
    inputs += [ArticleInput(f.name, f.getvalue()) for f in files]
    return inputs


def read_input(item: ArticleInput, *, published: dt.date | None, pipeline: Pipeline) -> Any:
    """The Article of one input, read the way ``ingest.ingest_texts`` reads it."""
    if isinstance(item.content, str):
        return pipeline.parse_article(item.content, published=published)
    with tempfile.TemporaryDirectory(prefix="preview-") as tmp:
        # The reader picks the format (.txt header, .html, .json) from the file name.
        path = upload_path(Path(tmp), item.name)
        path.write_bytes(item.content)
        return pipeline.read_article(path, published=published)


def preview_articles(inputs: Iterable[ArticleInput], *, published: dt.date | None,
                     pipeline: Pipeline | None = None,
                     progress: Callable[[str, int, int], None] | None = None) -> list[Preview]:
    """Read and extract each article without storing anything; a bad one carries its error.
    ``progress(name, done, total)`` follows the pieces of a long article (``extraction.chunks``)."""
    pipeline = pipeline or default_pipeline()
    extractor = pipeline.get_extractor(load_settings().extractor)
    previews = []
    for item in inputs:
        try:
            article = read_input(item, published=published, pipeline=pipeline)
            options: dict[str, Any] = {}
            if progress is not None and len(getattr(article, "body", "")) > CHUNK_CHARS:
                options["progress"] = lambda done, total, name=item.name: progress(name, done, total)
            rows = pipeline.extract_events(article, extractor=extractor, **options)
        except (ArticleError, ExtractionError) as err:
            previews.append(Preview(item, error=str(err)))
            continue
        previews.append(Preview(item, title=article.title, published=article.published, rows=tuple(rows),
                                notice=_date_notice(article)))
    return previews


def _date_notice(article: Any) -> str:
    from extraction.article import missing_date_hint

    if getattr(article, "published", None) is not None or not hasattr(article, "kind"):
        return ""  # dated, or an injected reader's stand-in
    hint = missing_date_hint(article, "set one in 'Published on' above and extract again")
    return hint[:1].upper() + hint[1:]


def add_articles(store: EventStore, previews: Iterable[Preview], *,
                 published: dt.date | None) -> list[tuple[str, str]]:
    """Store the previewed articles as one ingest run; returns (kind, message) lines for the page."""
    report = ingest_texts([(p.item.name, p.item.content) for p in previews], store, published=published)
    outcome = [("ok", f"Stored {report.articles_read} article(s): {report.events_new} new, "
                      f"{report.events_updated} updated, {report.events_unchanged} unchanged events "
                      f"(run {report.run_id}).")]
    outcome += [("warn", f"{name}: {reason}") for name, reason in report.rejects]
    outcome += [("warn", f"{name}: no event found") for name in report.articles_without_events]
    return outcome


@st.cache_data(max_entries=8, show_spinner="Checking the file…")
def parse_event_file(data: bytes, filename: str) -> LoadResult:
    """Validate an uploaded events file and resolve its places (SchemaError when the whole file is unusable)."""
    return read_event_file(data, filename)


def import_rows(store: EventStore, result: LoadResult, filename: str) -> list[tuple[str, str]]:
    """Store the valid rows of an imported file as one recorded run (its rejects in the run's errors)."""
    report = store_loaded(store, result, filename)
    s = report.summary
    outcome = [("ok", f"Imported {filename}: {s.new} new, {s.updated} updated, "
                      f"{s.unchanged} unchanged events (run {report.run_id}).")]
    for f in report.files:
        outcome += [("ok", f"Corrected {line}") for line in f.changes]
        outcome += [("warn", f"Refused {line}") for line in f.refused]
        if f.suggested:
            outcome.append(("warn", f"{f.suggested} possible duplicate(s) to check on the Review page."))
    return outcome



def recent_runs(store: EventStore, limit: int = 10) -> pd.DataFrame:
    """The last ingest runs for the page: state, counts and errors (dead runs marked interrupted first)."""
    store.mark_interrupted()
    runs = store.runs(limit=limit)

    def problems(text: object) -> str:
        if not isinstance(text, str) or not text:
            return ""
        try:
            errors = json.loads(text)
        except ValueError:
            return str(text)
        shown = [" ".join(str(e.get(k, "")) for k in ("file", "row", "reason") if e.get(k)) if isinstance(e, dict)
                 else str(e) for e in errors[:3]]
        more = f" (+{len(errors) - 3} more)" if len(errors) > 3 else ""
        return "; ".join(shown) + more

    return pd.DataFrame({
        "started": runs["started"].astype(str).str[:19], "state": runs["state"], "run": runs["run_id"],
        "by": runs["extractor"] + " " + runs["extractor_version"], "articles": runs["articles"],
        "new": runs["events_new"], "updated": runs["events_updated"], "unchanged": runs["events_unchanged"],
        "errors": [problems(e) for e in runs["errors"]],
    })
