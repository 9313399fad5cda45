"""Baseline: the store as release e33946f created it (events, runs, store_meta).

A frozen copy of that DDL, not derived from data/schema.py: later schema changes are later
migrations. A store made before migrations existed has these tables and no alembic_version; it
is stamped at this revision and upgraded from here.

Revision ID: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_TEXT = ("disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
         "assoc_actor_2", "inter2", "interaction", "civilian_targeting")
_PLACE = ("region", "country", "admin1", "admin2", "admin3", "location")
_TAIL_TEXT = ("place_raw", "geo_name", "geo_status", "evidence", "source_url", "article_id", "origin", "run_id")


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("event_id_cnty", sa.Text, primary_key=True, nullable=False),
        sa.Column("event_date", sa.Date),
        sa.Column("year", sa.BigInteger),
        sa.Column("time_precision", sa.BigInteger),
        *(sa.Column(name, sa.Text) for name in _TEXT),
        sa.Column("iso", sa.BigInteger),
        *(sa.Column(name, sa.Text) for name in _PLACE),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("geo_precision", sa.BigInteger),
        sa.Column("source", sa.Text),
        sa.Column("source_scale", sa.Text),
        sa.Column("notes", sa.Text),
        sa.Column("fatalities", sa.BigInteger),
        sa.Column("tags", sa.Text),
        sa.Column("timestamp", sa.BigInteger),
        *(sa.Column(name, sa.Text) for name in _TAIL_TEXT),
    )
    op.create_index("ix_events_event_date", "events", ["event_date"])
    op.create_index("ix_events_admin2", "events", ["admin2"])
    op.create_index("ix_events_article_id", "events", ["article_id"])
    op.create_table(
        "runs",
        sa.Column("run_id", sa.Text, primary_key=True),
        sa.Column("started", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished", sa.DateTime(timezone=True)),
        sa.Column("extractor", sa.Text, nullable=False),
        sa.Column("extractor_version", sa.Text, nullable=False),
        sa.Column("articles", sa.Integer),
        sa.Column("events_new", sa.Integer),
        sa.Column("events_updated", sa.Integer),
        sa.Column("events_unchanged", sa.Integer),
        sa.Column("errors", sa.Text),
    )
    op.create_table(
        "store_meta",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("value", sa.BigInteger, nullable=False),
    )


def downgrade() -> None:
    for table in ("store_meta", "runs", "events"):
        op.drop_table(table)
