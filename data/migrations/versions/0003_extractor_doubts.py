"""The extractor's confidence and reasons for doubt on events (columns ``confidence``, ``doubts``).

Both columns are added empty: the rows already stored keep every value and stay put, and no
stored value tells what the extractor doubted then (a source's ``coded`` JSON held only the
schema's columns). The review queue reads an empty confidence as "not known"; the next ingest
of an article fills its events in.

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("events", sa.Column("confidence", sa.Float))
    op.add_column("events", sa.Column("doubts", sa.Text))


def downgrade() -> None:
    for column in ("doubts", "confidence"):
        op.drop_column("events", column)
