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
