"""SQLAlchemy Core tables derived from the schema (shared by the store and ``Filters.to_sql``)."""
from __future__ import annotations

import sqlalchemy as sa

from data.schema import CATEGORY, COLUMNS, DATE, FLOAT, INT, KEY, STRING

METADATA = sa.MetaData()

_SQL_TYPES = {
    STRING: sa.Text,
    CATEGORY: sa.Text,
    INT: sa.BigInteger,
    FLOAT: sa.Float,
    DATE: sa.Date,
}

EVENTS = sa.Table(
    "events",
    METADATA,
    *(sa.Column(c.name, _SQL_TYPES[c.kind](), primary_key=(c.name == KEY),
                nullable=(c.name != KEY)) for c in COLUMNS),
    sa.Index("ix_events_event_date", "event_date"),
    sa.Index("ix_events_admin2", "admin2"),
    sa.Index("ix_events_article_id", "article_id"),
)

RUNS = sa.Table(
    "runs",
    METADATA,
    sa.Column("run_id", sa.Text, primary_key=True),
    sa.Column("started", sa.DateTime(timezone=True), nullable=False),
    sa.Column("finished", sa.DateTime(timezone=True)),
    sa.Column("extractor", sa.Text, nullable=False),
    sa.Column("extractor_version", sa.Text, nullable=False),
    sa.Column("articles", sa.Integer),
    sa.Column("events_new", sa.Integer),
    sa.Column("events_updated", sa.Integer),
    sa.Column("events_unchanged", sa.Integer),
    sa.Column("errors", sa.Text),  # JSON list of {"file", "reason"}
)

# One row, bumped on every write: a cheap, dialect-neutral cache key for the UI.
META = sa.Table(
    "store_meta",
    METADATA,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("value", sa.BigInteger, nullable=False),
)

# The review desk (data/review.py, ingest/merge.py); created by migration 0002.
SOURCES = sa.Table(
    "sources",
    METADATA,
    sa.Column("source_id", sa.Text, primary_key=True),   # the per-article event key the extractor gave
    sa.Column("event_id", sa.Text, nullable=False),      # the incident it is attached to
    sa.Column("article_id", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("fatalities", sa.BigInteger),
    sa.Column("evidence", sa.Text),
    sa.Column("coded", sa.Text),                         # JSON: the row as its extractor coded it
    sa.Column("origin", sa.Text),
    sa.Column("run_id", sa.Text),
    sa.Column("attached", sa.BigInteger),
    sa.Index("ix_sources_event_id", "event_id"),
    sa.Index("ix_sources_article_id", "article_id"),
)

EDITS = sa.Table(
    "edits",
    METADATA,
    sa.Column("edit_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.Text, nullable=False),
    sa.Column("at", sa.BigInteger, nullable=False),
    sa.Column("analyst", sa.Text, nullable=False),
    sa.Column("action", sa.Text, nullable=False),
    sa.Column("fields", sa.Text),
    sa.Column("before", sa.Text),
    sa.Column("after", sa.Text),
    sa.Column("version", sa.BigInteger),
    sa.Column("undone_by", sa.Integer),
    sa.Index("ix_edits_event_id", "event_id"),
)

REVIEW_ITEMS = sa.Table(
    "review_items",
    METADATA,
    sa.Column("item_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.Text, nullable=False),          # duplicate | conflict
    sa.Column("event_id", sa.Text, nullable=False),
    sa.Column("other_id", sa.Text),
    sa.Column("field", sa.Text),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("created", sa.BigInteger, nullable=False),
    sa.Column("status", sa.Text, nullable=False),        # open | resolved | dismissed
    sa.Index("ix_review_items_event_id", "event_id"),
)
