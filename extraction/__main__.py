"""CLI: ``python -m extraction ARTICLE [ARTICLE ...] [--published YYYY-MM-DD] [--extractor rules]``.

Prints one JSON list with the events of all files; an unreadable file is reported on
stderr, the others are still processed, and the exit code is 1 at the end.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Callable

from errors import ArticleError, ConfigurationError, ExtractionError
from extraction.article import missing_date_hint, read_article
from extraction.base import get_extractor
from extraction.pipeline import extract_events


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--published {value!r} is not YYYY-MM-DD") from None


def _progress_of(path: str) -> Callable[[int, int], None]:
    def progress(done: int, total: int) -> None:
        if total > 1:  # a long document, extracted in pieces: show that it moves
            print(f"{path}: extracted part {done}/{total}", file=sys.stderr, flush=True)
    return progress


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extraction", description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="+", metavar="ARTICLE", help=".txt (eval format or plain), .html or .json")
    parser.add_argument("--published", type=_day, help="publication date for files without one (YYYY-MM-DD)")
    parser.add_argument("--extractor", default="rules", help="rules (default) or llm")
    args = parser.parse_intermixed_args(argv)  # files may come before and after the options
    try:
        extractor = get_extractor(args.extractor)
    except ConfigurationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    events: list[dict] = []
    failed = 0
    for path in args.articles:
        try:
            article = read_article(path, published=args.published)
            if article.published is None:
                hint = missing_date_hint(article, "give --published YYYY-MM-DD")
                print(f"warning: {path}: {hint} and are skipped", file=sys.stderr)
            elif article.published_guessed:
                print(f"warning: {path}: publication date {article.published} taken from a byline in the text",
                      file=sys.stderr)
            events.extend(extract_events(article, extractor=extractor, progress=_progress_of(path)))
        except (ArticleError, ExtractionError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed += 1
    json.dump(events, sys.stdout, ensure_ascii=False, indent=1, default=str)
    sys.stdout.write("\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
