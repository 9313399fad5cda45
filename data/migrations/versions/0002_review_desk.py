"""The analyst's review desk: review status and version on events; sources, edits, review items.

Every existing event keeps its id and gets one source row (its own article), so a store of the
previous release opens with all its events and runs, and the next report of the same incident
attaches to it.

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("events", sa.Column("review_status", sa.Text))
    op.add_column("events", sa.Column("version", sa.BigInteger))
    op.add_column("events", sa.Column("fatalities_basis", sa.Text))
    op.execute("UPDATE events SET review_status = 'unreviewed', version = 1")
    op.create_table(
        "sources",
        sa.Column("source_id", sa.Text, primary_key=True),       # the per-article event key
        sa.Column("event_id", sa.Text, nullable=False),          # the incident it is attached to
        sa.Column("article_id", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("fatalities", sa.BigInteger),
        sa.Column("evidence", sa.Text),
        sa.Column("coded", sa.Text),                             # JSON: the row as its extractor coded it
        sa.Column("origin", sa.Text),
        sa.Column("run_id", sa.Text),
        sa.Column("attached", sa.BigInteger),
    )
    op.create_index("ix_sources_event_id", "sources", ["event_id"])
    op.create_index("ix_sources_article_id", "sources", ["article_id"])
    op.execute("INSERT INTO sources (source_id, event_id, article_id, outlet, url, fatalities, evidence, origin, "
               "run_id, attached) SELECT event_id_cnty, event_id_cnty, article_id, source, source_url, fatalities, "
               "evidence, origin, run_id, timestamp FROM events")
    op.create_table(
        "edits",
        sa.Column("edit_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.Text, nullable=False),
        sa.Column("at", sa.BigInteger, nullable=False),
        sa.Column("analyst", sa.Text, nullable=False),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("fields", sa.Text),                            # JSON list of changed columns
        sa.Column("before", sa.Text),                            # JSON: values (and sources) before
        sa.Column("after", sa.Text),                             # JSON: values after
        sa.Column("version", sa.BigInteger),                     # the event's version after this edit
        sa.Column("undone_by", sa.Integer),
    )
    op.create_index("ix_edits_event_id", "edits", ["event_id"])
    op.create_table(
        "review_items",
        sa.Column("item_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.Text, nullable=False),              # duplicate | conflict
        sa.Column("event_id", sa.Text, nullable=False),
        sa.Column("other_id", sa.Text),
        sa.Column("field", sa.Text),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("created", sa.BigInteger, nullable=False),
        sa.Column("status", sa.Text, nullable=False),            # open | resolved | dismissed
    )
    op.create_index("ix_review_items_event_id", "review_items", ["event_id"])


def downgrade() -> None:
    for table in ("review_items", "edits", "sources"):
        op.drop_table(table)
    for column in ("fatalities_basis", "version", "review_status"):
        op.drop_column("events", column)
