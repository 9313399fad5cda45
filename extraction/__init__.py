"""News article -> ACLED-coded event rows, offline by default.

Public API: ``read_article``, ``Article``, ``get_extractor``, ``Extractor``,
``extract_events``.
"""
from __future__ import annotations

from extraction.article import Article, read_article
from extraction.base import Extractor, get_extractor
from extraction.pipeline import extract_events

__all__ = ["Article", "Extractor", "extract_events", "get_extractor", "read_article"]
