"""Ingest: the orchestration above ``data/``, ``extraction/`` and ``geo/`` (read -> extract -> geocode -> store).

Every import arrow points down: this package uses the parts; ``data/`` never imports it or ``extraction/``.
"""
from ingest.run import IngestReport, Pipeline, article_files, default_pipeline, ingest_paths, ingest_texts

__all__ = ["IngestReport", "Pipeline", "article_files", "default_pipeline", "ingest_paths", "ingest_texts"]
