"""The ingest command: articles and coded event files into the store, with progress and a summary.

    python -m ingest PATH [PATH ...] [--store URL] [--published YYYY-MM-DD] [--extractor NAME]

A named .csv or .geojson file (or a .json holding a list of events) is imported as coded events,
through the same validation as the Ingest page; other files and folders are read as articles.
Rows of an event file whose id is already stored (our export, edited in a spreadsheet) are
applied as corrections in the analyst's name (``--analyst`` or EVENTS_ANALYST), each change printed.
(``python -m data.ingest`` is the same command under its older name.) The exit code is 1 when
nothing could be read (every file rejected), 2 when the store could not be opened.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Sequence

from data.store import EventStore
from errors import DashboardError
from ingest.events import import_event_files, is_event_file
from ingest.run import ingest_paths


def split_paths(paths: Sequence[str]) -> tuple[list[str], list[str]]:
    """(event files, article files and folders) among the named paths."""
    events, articles = [], []
    for raw in paths:
        path = Path(raw)
        data = None
        if path.suffix.lower() == ".json" and path.is_file():
            try:
                data = path.read_bytes()
            except OSError:
                data = None  # the article reader reports it
        (events if is_event_file(path, data) else articles).append(raw)
    return events, articles


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest", description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders, or event files (.csv, .geojson, .json list)")
    parser.add_argument("--analyst", help="name recorded with corrections from an edited export (default: EVENTS_ANALYST)")
    parser.add_argument("--store", help="SQLAlchemy URL (default: EVENTS_STORE_URL or var/events.sqlite)")
    parser.add_argument("--published", help="publication date YYYY-MM-DD for articles without one")
    parser.add_argument("--extractor", help="extractor name (default: EVENTS_EXTRACTOR or 'rules')")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)
    published = None
    if args.published:
        try:
            published = dt.date.fromisoformat(args.published)
        except ValueError:
            parser.error(f"--published {args.published!r} is not a date like 2026-01-31")
    from config import load_settings

    event_files, article_paths = split_paths(args.paths)
    try:
        store = EventStore(args.store or load_settings().store_url)
        lines: list[str] = []
        read = 0
        if article_paths:
            report = ingest_paths(article_paths, store, extractor=args.extractor, progress=not args.quiet,
                                  published=published)
            lines += report.lines()
            read += report.articles_read
        if event_files:
            imported = import_event_files(event_files, store, analyst=args.analyst)
            lines += imported.lines()
            read += sum(1 for f in imported.files if not f.error)
    except DashboardError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print("\n".join(lines))
    return 0 if read else 1


if __name__ == "__main__":
    sys.exit(main())
