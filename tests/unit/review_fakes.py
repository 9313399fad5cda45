"""A tiny fake extraction pipeline for the review-desk tests: synthetic reports, real store.

A report is a header (title, url, outlet, published), ``---`` and lines
``EVENT place|type|actor1|actor2|deaths[|lat,lon]``; each line is one extracted event.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from data.schema import DISORDER_TYPES, make_article_id, make_event_id
from errors import ArticleError
from ingest.run import Pipeline


@dataclass(frozen=True)
class Article:
    article_id: str
    title: str
    url: str
    published: dt.date | None
    body: str
    source: str


def parse(text: str, *, published=None) -> Article:
    head, sep, body = text.partition("\n---\n")
    fields = {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in head.splitlines())} if sep else {}
    body = body if sep else text
    if not body.strip():
        raise ArticleError("article has no body text")
    when = published or fields.get("published") or None
    return Article(make_article_id(fields.get("url", ""), body), fields.get("title", ""), fields.get("url", ""),
                   dt.date.fromisoformat(str(when)) if when else None, body, fields.get("outlet", ""))


def read(path: Path, *, published=None) -> Article:
    return parse(Path(path).read_text(encoding="utf-8"), published=published)


@dataclass(frozen=True)
class Extractor:
    name: str = "fake"
    version: str = "1"


def extract(article: Article, *, extractor: Extractor) -> list[dict]:
    rows = []
    for line in article.body.splitlines():
        if not line.startswith("EVENT "):
            continue
        parts = line.removeprefix("EVENT ").split("|")
        place, etype, actor1, actor2, deaths = parts[:5]
        day = parts[6] if len(parts) > 6 else article.published.isoformat()
        lat, lon = (float(x) for x in parts[5].split(",")) if len(parts) > 5 and parts[5] else (None, None)
        rows.append({
            "event_id_cnty": make_event_id(article.article_id, day, place, etype, actor1, actor2),
            "event_date": day, "event_type": etype, "disorder_type": DISORDER_TYPES[etype],
            "sub_event_type": "", "actor1": actor1, "actor2": actor2, "location": place, "place_raw": place,
            "geo_name": place if lat is not None else "", "latitude": lat, "longitude": lon,
            "admin1": "Balochistan", "admin2": "Kech" if place in ("Turbat", "Kech") else "",
            "geo_status": "located" if lat is not None else "unlocated",
            "fatalities": int(deaths), "article_id": article.article_id, "source_url": article.url,
            "source": article.source, "origin": "extracted", "evidence": line, "notes": "fake",
        })
    return rows


def get_extractor(name: str) -> Extractor:
    return Extractor()


FAKE = Pipeline(read_article=read, parse_article=parse, extract_events=extract, get_extractor=get_extractor)
TURBAT = "26.0,63.05"


def report(*events: str, title: str = "Labourers shot dead", url: str = "", outlet: str = "",
           published: str = "2023-10-14") -> str:
    head = f"title: {title}\nurl: {url}\noutlet: {outlet}\npublished: {published}\n---\nA made-up report.\n"
    return head + "\n".join(events) + "\n"
