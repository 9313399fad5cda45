"""Stable identity of an article, so re-ingesting an edited report updates its events in place.

With a URL the id is the hash of the URL (as the extractor already gives it). Without one the
extractor falls back to a hash of the text, which changes with every edit; here the id becomes
the hash of title + publication date + outlet, or of the file's path when the report has no
title. The text hash is kept as the *legacy* id, so events stored under it are adopted.
"""
from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path
from typing import Any


def article_identity(article: Any, *, path: str | Path | None = None) -> str:
    if str(getattr(article, "url", "") or "").strip():
        return str(article.article_id)
    title = str(getattr(article, "title", "") or "").strip()
    if title:
        published = getattr(article, "published", None)
        outlet = str(getattr(article, "source", "") or "").strip()
        basis = "\x1f".join(("title", " ".join(title.casefold().split()), str(published or ""), outlet.casefold()))
    elif path is not None:
        basis = "file\x1f" + str(Path(path).resolve())
    else:
        return str(article.article_id)
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


def with_identity(article: Any, *, path: str | Path | None = None) -> tuple[Any, str | None]:
    """The article under its stable id, and the id it had before (None when unchanged)."""
    stable = article_identity(article, path=path)
    if stable == article.article_id or not dataclasses.is_dataclass(article):
        return article, None
    return dataclasses.replace(article, article_id=stable), str(article.article_id)
