"""Reading a saved news web page: its metadata (date, title, canonical URL) and its article text.

Standard library only (``html.parser``, ``json``): the page metadata news sites publish for search
engines and social cards is regular enough that a full boilerplate remover (trafilatura and its
lxml stack) is not needed to find it, and the article text sits in ``<article>``/``<main>`` or an
``itemprop="articleBody"`` element on the sites we read.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from typing import Any, Iterator

# Metadata names, best first. ``property=`` (Open Graph) and ``name=``/``itemprop=`` are read alike.
_DATE_METAS = ("article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
               "publish-date", "publish_date", "date", "dc.date.issued", "dc.date", "dcterms.created",
               "parsely-pub-date", "sailthru.date", "article.published")  # never a modified time
_TITLE_METAS = ("og:title", "twitter:title", "headline")
_URL_METAS = ("og:url",)
_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
                  "webpage", "liveblogposting"}
_ISO_DAY = re.compile(r"\b((?:19|20)\d\d)[-/](\d\d)[-/](\d\d)")

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "main",
           "figcaption", "blockquote", "pre", "dd", "dt", "td", "th", "table", "ul", "ol"}
# Never article text: code, menus, page furniture, forms, embedded media.
_SKIP = {"script", "style", "nav", "header", "footer", "noscript", "aside", "form", "template", "svg",
         "button", "select", "iframe", "object", "head"}


@dataclass(frozen=True, slots=True)
class Page:
    title: str
    url: str                  # canonical address ("" when the page gives none)
    published: date | None    # publication day from the page metadata
    published_from: str       # which metadata gave it ("article:published_time", "JSON-LD datePublished", ...)
    body: str                 # the article's text, paragraphs separated by blank lines


def day_of(value: str) -> date | None:
    """The calendar day of an ISO 8601 stamp as the publisher wrote it ("2024-01-30T23:10:00+05:00" ->
    30 January: the day in the outlet's own time zone, which is the day its "yesterday" counts from)."""
    match = _ISO_DAY.search(value or "")
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _json_ld_objects(data: Any) -> Iterator[dict[str, Any]]:
    """Every object of a JSON-LD block, through lists and ``@graph`` arrays."""
    if isinstance(data, list):
        for item in data:
            yield from _json_ld_objects(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _json_ld_objects(data["@graph"])


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type", "")
    return {str(k).lower() for k in (kind if isinstance(kind, list) else [kind])}


def _text_value(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url") or ""
    if isinstance(value, list):
        value = value[0] if value else ""
    return value.strip() if isinstance(value, str) else ""


class _PageParser(HTMLParser):
    """One pass over the page: metadata, JSON-LD blocks, and the text of each content region."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.metas: dict[str, str] = {}          # first value of each meta name/property/itemprop
        self.canonical = ""
        self.title = ""
        self.h1 = ""
        self.json_ld: list[str] = []
        self.times: list[tuple[bool, str]] = []  # (marked as the publication time, datetime)
        self.regions: dict[str, list[list[str]]] = {"articlebody": [], "article": [], "main": []}
        self.all_text: list[str] = []
        self._stack: list[tuple[str, str]] = []  # open elements: (tag, region it opened or "")
        self._skip = 0
        self._open_regions: dict[str, int] = {"articlebody": 0, "article": 0, "main": 0}
        self._capture = ""                       # "title", "h1" or "ld" while inside one of those

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            self._meta(a)
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split() and not self.canonical:
            self.canonical = a.get("href", "").strip()
        elif tag == "time" and a.get("datetime"):
            marked = a.get("itemprop", "").lower() == "datepublished" or "pubdate" in a
            self.times.append((marked, a["datetime"]))
        if "datepublished" == a.get("itemprop", "").lower() and a.get("content"):
            self.metas.setdefault("datepublished", a["content"])
        if tag in _VOID:
            if tag == "br":
                self._add("\n")
            return
        region = ""
        if a.get("itemprop", "").lower() == "articlebody":
            region = "articlebody"
        elif tag in ("article", "main"):
            region = tag
        self._stack.append((tag, region))
        if region:
            if not self._open_regions[region]:
                self.regions[region].append([])  # a new outermost region of that kind
            self._open_regions[region] += 1
        if tag in _SKIP:
            self._skip += 1
        if tag == "script" and a.get("type", "").lower() == "application/ld+json":
            self._capture = "ld"
            self.json_ld.append("")
        elif tag == "title" and not self.title:
            self._capture = "title"
        elif tag == "h1" and not self.h1:
            self._capture = "h1"
        if tag in _BLOCKS:
            self._add("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not any(t == tag for t, _ in self._stack):
            return  # a stray end tag
        while self._stack:  # close what the page left open inside this element
            open_tag, region = self._stack.pop()
            if region:
                self._open_regions[region] -= 1
            if open_tag in _SKIP:
                self._skip -= 1
            if open_tag in _BLOCKS:
                self._add("\n")
            if open_tag in ("script", "title", "h1"):
                self._capture = ""
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._capture == "ld":
            self.json_ld[-1] += data
        elif self._capture == "title":
            self.title += data
        elif self._capture == "h1":
            self.h1 += data
        if not self._skip:
            self._add(data)

    def _add(self, text: str) -> None:
        if self._skip:
            return
        self.all_text.append(text)
        for region, depth in self._open_regions.items():
            if depth:
                self.regions[region][-1].append(text)

    def _meta(self, a: dict[str, str]) -> None:
        name = (a.get("property") or a.get("name") or a.get("itemprop") or "").strip().lower()
        if name and a.get("content", "").strip():
            self.metas.setdefault(name, a["content"].strip())


def _text(parts: list[str]) -> str:
    lines = (" ".join(line.split()) for line in "".join(parts).splitlines())
    return "\n\n".join(line for line in lines if line)


def _article_object(blocks: list[str]) -> dict[str, Any]:
    """The JSON-LD object describing the article (a NewsArticle before a generic WebPage)."""
    found: list[dict[str, Any]] = []
    for block in blocks:
        try:
            data = json.loads(block)
        except json.JSONDecodeError:
            continue  # a broken block on the page is not the article's problem
        found += [o for o in _json_ld_objects(data) if _types(o) & _ARTICLE_TYPES or "datePublished" in o]
    found.sort(key=lambda o: "webpage" in _types(o))  # stable: the article's own object first
    return found[0] if found else {}


def _main_text(parser: _PageParser) -> str:
    """The longest articleBody, else <article>, else <main> region; else all visible text."""
    for region in ("articlebody", "article", "main"):
        texts = [_text(parts) for parts in parser.regions[region]]
        best = max(texts, key=len, default="")
        if len(best) >= 80:  # a teaser box is not the story
            return best
    return _text(parser.all_text)


def read_page(html: str) -> Page:
    """The metadata and article text of a news page."""
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    ld = _article_object(parser.json_ld)
    published, published_from = None, ""
    candidates = [(f"<meta {name}>", parser.metas.get(name, "")) for name in _DATE_METAS[:1]]
    candidates.append(("JSON-LD datePublished", _text_value(ld.get("datePublished"))))
    candidates += [(f"<meta {name}>", parser.metas.get(name, "")) for name in _DATE_METAS[1:]]
    candidates += [("<time datetime>", stamp) for marked, stamp in parser.times if marked]
    candidates += [("<time datetime>", stamp) for marked, stamp in parser.times[:1] if not marked]
    candidates.append(("JSON-LD dateCreated", _text_value(ld.get("dateCreated"))))
    for source, value in candidates:
        published = day_of(value)
        if published is not None:
            published_from = source
            break
    title = next((parser.metas[n] for n in _TITLE_METAS if parser.metas.get(n)), "") \
        or _text_value(ld.get("headline")) or parser.title or parser.h1
    url = parser.canonical or next((parser.metas[n] for n in _URL_METAS if parser.metas.get(n)), "") \
        or _text_value(ld.get("url")) or _text_value(ld.get("mainEntityOfPage"))
    return Page(title=" ".join(title.split()), url=url if re.match(r"https?://", url) else "",
                published=published, published_from=published_from, body=_main_text(parser))
