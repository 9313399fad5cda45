"""Long articles in bounded pieces, so extraction time grows linearly with the input.

An extractor links each sentence to the incidents told before it and merges events pairwise, so
its cost grows faster than the text on a very long input (a 2,000-line digest took three times as
long as a 1,000-line one). A body longer than ``CHUNK_CHARS`` is cut into pieces of at most that
size, at a paragraph break where there is one (else at a sentence end, else at a space); each
piece is extracted on its own and the events are joined. Every piece is a slice of the body, so
the evidence stays verbatim.

``CHUNK_CHARS`` is about ten long news reports: a real article is never cut. Within a long
document, an incident told across a cut is coded from each side, and the rows that fall on the
same event id (same day, place, type and actors) are merged into one, with the larger toll (a
repeated report of one incident is not a second incident) and both passages as evidence.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Callable, Iterable

from extraction.article import Article

CHUNK_CHARS = 60_000
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s")
_EVENT_KEY = ("event_date", "location", "event_type", "actor1", "actor2")  # what the event id hashes

Progress = Callable[[int, int], None]  # (pieces done, pieces in all)


def chunk_bounds(body: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) offsets of consecutive pieces of ``body``, each at most ``size`` characters."""
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(body) - start > size:
        low, high = start + size // 2, start + size  # cut in the second half: pieces stay large
        cut = body.rfind("\n", low, high) + 1
        if not cut:
            ends = [m.end() for m in _SENTENCE_END.finditer(body, low, high)]
            cut = ends[-1] if ends else body.rfind(" ", low, high) + 1 or high
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(body)))
    return bounds


def pieces(article: Article, size: int = CHUNK_CHARS) -> list[Article]:
    """The article itself when it is short, else one Article per piece (same id, date, title, URL)."""
    if len(article.body) <= size:
        return [article]
    return [replace(article, body=article.body[a:b]) for a, b in chunk_bounds(article.body, size)
            if article.body[a:b].strip()]


def join_events(batches: Iterable[list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The events of all pieces, in order; rows of one event id told in two pieces become one."""
    out: dict[tuple[str, ...], dict[str, Any]] = {}
    for batch in batches:
        for row in batch:
            key = tuple(str(row.get(k, "")) for k in _EVENT_KEY)
            first = out.get(key)
            if first is None:
                out[key] = dict(row)
                continue
            first["fatalities"] = max(int(first.get("fatalities") or 0), int(row.get("fatalities") or 0))
            if row.get("evidence") and row["evidence"] not in str(first.get("evidence", "")):
                first["evidence"] = " [...] ".join(x for x in (first.get("evidence"), row["evidence"]) if x)
    return list(out.values())


def extract_in_pieces(extract: Callable[[Article], list[dict[str, Any]]], article: Article, *,
                      size: int | None = None, progress: Progress | None = None) -> list[dict[str, Any]]:
    """``extract`` run on each piece of ``article`` (pieces of ``size``, default CHUNK_CHARS);
    ``progress`` is told after each piece."""
    parts = pieces(article, size or CHUNK_CHARS)
    batches = []
    for done, part in enumerate(parts, start=1):
        batches.append(extract(part))
        if progress is not None:
            progress(done, len(parts))
    return batches[0] if len(batches) == 1 else join_events(batches)
