"""Making third-party text (article text, places, actors) safe to show.

Streamlit's Markdown never runs raw HTML unless asked, but it still turns ``[x](y)``,
``*`` and ``#`` from an article into links and formatting; ``escape_markdown`` keeps such
text literal. ``highlight`` builds the only HTML we write ourselves, from escaped pieces.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable
from urllib.parse import urlparse

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


def escape_markdown(text: object) -> str:
    """Backslash-escape every Markdown control character so ``text`` shows literally."""
    return _MD_SPECIAL.sub(r"\\\1", "" if text is None else str(text))


def safe_link(url: object) -> str | None:
    """The URL when it is plain http(s), else None (no ``javascript:`` or ``data:`` links)."""
    if not isinstance(url, str):
        return None
    parsed = urlparse(url.strip())
    if parsed.scheme in ("http", "https") and parsed.netloc:
        return url.strip()
    return None


def highlight(text: str, terms: Iterable[str]) -> str:
    """HTML of ``text`` with each occurrence of ``terms`` wrapped in ``<mark>``, all escaped.

    Matching is case-insensitive and literal; overlapping terms are merged so the output
    is always well-formed.
    """
    spans: list[tuple[int, int]] = []
    lowered = text.lower()
    for term in {t.strip().lower() for t in terms if t and t.strip()}:
        start = lowered.find(term)
        while start != -1:
            spans.append((start, start + len(term)))
            start = lowered.find(term, start + len(term))
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, pos = [], 0
    for start, end in merged:
        out.append(html.escape(text[pos:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)
