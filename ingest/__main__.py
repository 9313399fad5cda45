"""The ingest command: article files and folders into the store, with progress and a summary.

    python -m ingest PATH [PATH ...] [--store URL] [--published YYYY-MM-DD] [--extractor NAME]

(``python -m data.ingest`` is the same command under its older name.) The exit code is 1 when any
file was rejected, 2 when the store could not be opened.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Sequence

from data.store import EventStore
from errors import DashboardError
from ingest.run import ingest_paths


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest", description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
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

    try:
        store = EventStore(args.store or load_settings().store_url)
        report = ingest_paths(args.paths, store, extractor=args.extractor, progress=not args.quiet,
                              published=published)
    except DashboardError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print("\n".join(report.lines()))
    return 1 if report.rejects else 0


if __name__ == "__main__":
    sys.exit(main())
