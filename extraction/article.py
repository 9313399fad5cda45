"""Reading one news article from disk (eval .txt format, plain text, .html, .json)."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

from data.schema import make_article_id
from errors import ArticleError
from extraction.webpage import read_page

# ``source:`` names the outlet when the address does not (or there is none), e.g. a summary.
_HEADER_KEYS = ("title", "url", "published", "source")
# The largest article accepted (bytes of the file, or of the body given to the extractor): about
# 5,000 times a long news report and 100,000 lines of wire copy; larger input is refused at once
# (before it is read) instead of keeping the CLI, the ingest command or the Ingest page busy for
# minutes. Extraction cost is linear below it (see extraction/chunks.py).
MAX_ARTICLE_BYTES = 10_000_000
# A byline date such as "Published May 21, 2015" or "Updated 31 January 2026": used only
# when neither the header nor the caller gives a publication date.
_BYLINE_DATE = re.compile(
    r"\b(?:Published|Updated)\s*:?\s*(?:on\s+)?"
    r"(?:(?P<m1>[A-Z][a-z]{2,8})\.?\s+(?P<d1>\d{1,2}),\s*(?P<y1>\d{4})|(?P<d2>\d{1,2})\s+(?P<m2>[A-Z][a-z]{2,8})\.?,?\s+(?P<y2>\d{4}))"
)
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}


@dataclass(frozen=True, slots=True)
class Article:
    article_id: str
    title: str
    url: str
    published: date | None
    body: str
    source: str
    published_guessed: bool = False  # True when taken from a byline in the body, not given
    published_from: str = ""         # where the date came from: "header", "given", "<meta ...>", "byline", ...
    kind: str = "text"               # the input's format: "text", "html" or "json"


def source_name(url: str) -> str:
    """Outlet name from the URL host: ``https://www.dawn.com/news/1`` -> ``dawn.com``."""
    host = urlparse(url if "//" in url else f"//{url}").hostname or ""
    return host.removeprefix("www.")


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"


def check_size(size: int, *, what: str) -> None:
    """ArticleError when ``size`` bytes is over the documented limit (MAX_ARTICLE_BYTES)."""
    if size > MAX_ARTICLE_BYTES:
        raise ArticleError(
            f"{what}: article is {megabytes(size)} ({size:,} bytes), larger than the {megabytes(MAX_ARTICLE_BYTES)} "
            f"limit for one article ({MAX_ARTICLE_BYTES:,} bytes); split it into several files "
            "(a news report is rarely over 100 kB)")


def missing_date_hint(article: Article, remedy: str = "set one") -> str:
    """Why an article has no publication date and what to do (``remedy``), or "" when it has one."""
    if article.published is not None:
        return ""
    if article.kind == "html":
        found = "no publication date found in the page (no article:published_time, datePublished or <time datetime>)"
    elif article.kind == "json":
        found = "no publication date in the JSON ('published' is missing or empty)"
    else:
        found = "no publication date (no 'published:' header line or byline)"
    return f"{found}: {remedy}, or relative dates such as 'on Friday' or 'yesterday' cannot be resolved"


def parse_date(value: str, *, what: str) -> date | None:
    value = value.strip()
    if not value or value.lower() == "unknown":
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ArticleError(f"{what}: published date {value!r} is not YYYY-MM-DD") from exc


_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d\d)[/-](\d\d)(?:/|\b)|\D((?:19|20)\d\d)(\d\d)(\d\d)\d{4,}")
_ANY_DATE = re.compile(
    r"\b(?:(?P<m1>[A-Z][a-z]{2,8})\.?\s+(?P<d1>\d{1,2}),\s*(?P<y1>(?:19|20)\d\d)"
    r"|(?P<d2>\d{1,2})\s+(?P<m2>[A-Z][a-z]{2,8})\.?,?\s+(?P<y2>(?:19|20)\d\d))\b"
)


def _url_date(url: str) -> date | None:
    """``/2017/06/24/`` or a ``201502071149`` timestamp in the address."""
    match = _URL_DATE.search(url)
    if not match:
        return None
    y, m, d = (match.group(1), match.group(2), match.group(3)) if match.group(1) else match.group(4, 5, 6)
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def _guess_date(body: str, url: str) -> date | None:
    """A publication date from the byline, the URL or the first full date in the text."""
    return _byline_date(body, _BYLINE_DATE) or _url_date(url) or _byline_date(body[:600], _ANY_DATE)


def _byline_date(body: str, pattern: re.Pattern[str]) -> date | None:
    match = pattern.search(body[:1500])
    if not match:
        return None
    month = (match["m1"] or match["m2"] or "")[:3].lower()
    if month not in _MONTHS:
        return None
    try:
        return date(int(match["y1"] or match["y2"]), _MONTHS[month], int(match["d1"] or match["d2"]))
    except ValueError:
        return None


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)


def _decode(raw: bytes, path: Path) -> str:
    """UTF-8 text; a saved page in another encoding is read by the charset its <meta> declares."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        declared = _CHARSET.search(raw[:4096]) if path.suffix.lower() in (".html", ".htm") else None
        if declared is not None:
            charset = declared.group(1).decode("ascii")
            try:
                return raw.decode(charset)
            except (LookupError, UnicodeDecodeError) as err:
                raise ArticleError(f"{path}: not readable as UTF-8 nor as its declared charset {charset!r} "
                                   f"({err})") from err
        raise ArticleError(f"{path}: not UTF-8 text (byte {exc.start})") from exc


def _split_header(text: str) -> tuple[dict[str, str], str]:
    head, sep, body = text.partition("\n---\n")
    if not sep:
        return {}, text
    fields: dict[str, str] = {}
    for line in head.splitlines():
        key, colon, value = line.partition(":")
        if not colon or key.strip().lower() not in _HEADER_KEYS:
            return {}, text  # not our header: the whole file is the body
        fields[key.strip().lower()] = value.strip()
    return fields, body


def read_article(path: str | Path, *, published: date | str | None = None) -> Article:
    """Read an article file; ``published`` overrides (or supplies) the publication date.

    Without any publication date, a "Published ..."/"Updated ..." byline in the body is
    used (``published_guessed``); failing that ``published`` stays None and relative dates
    ("on Friday", "yesterday") cannot be resolved.
    """
    path = Path(path)
    try:
        check_size(path.stat().st_size, what=str(path))  # refused before reading it into memory
        raw = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read article ({exc.strerror or exc})") from exc
    text = _decode(raw, path)
    text = text.replace("\r\n", "\n")
    if not text.strip():
        raise ArticleError(f"{path}: article is empty")

    suffix = path.suffix.lower()
    fields: dict[str, str]
    from_page = "header"
    if suffix in (".html", ".htm"):
        page = read_page(text)
        fields, body, kind = {"title": page.title, "url": page.url}, page.body, "html"
        if page.published is not None:
            fields["published"], from_page = page.published.isoformat(), page.published_from
    elif suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ArticleError(f"{path}: invalid JSON ({exc.msg} at line {exc.lineno})") from exc
        except RecursionError as exc:
            raise ArticleError(f"{path}: JSON nested too deeply to be an article") from exc
        if not isinstance(data, dict):
            raise ArticleError(f"{path}: expected a JSON object with 'body' or 'text'")
        body = data.get("body") or data.get("text") or ""
        if not isinstance(body, str):
            raise ArticleError(f"{path}: the JSON 'body' or 'text' must be a string")
        fields = {k: str(v) if isinstance(v := data.get(k) or "", (str, int, float)) else "" for k in _HEADER_KEYS}
        kind = "json"
    else:
        fields, body = _split_header(text)
        kind = "text"
    if not body.strip():
        raise ArticleError(f"{path}: article has no body text")

    when: date | None
    source = "given"
    if isinstance(published, date):
        when = published
    elif published:
        when = parse_date(published, what=str(path))
    else:
        when, source = parse_date(fields.get("published", ""), what=str(path)), from_page
    guessed = False
    url = fields.get("url", "")
    if when is None:
        when = _guess_date(body, url)
        guessed = when is not None
        source = "byline, address or first date in the text" if guessed else ""
    return Article(
        article_id=make_article_id(url, body),
        title=fields.get("title", ""),
        url=url,
        published=when,
        body=body,
        source=fields.get("source", "").strip() or (source_name(url) if url else ""),
        published_guessed=guessed,
        published_from=source,
        kind=kind,
    )
