"""Alembic environment: migrations run on the store's own connection (inside its write transaction).

The store calls ``data.migrate.upgrade(connection)``; there is no alembic.ini to keep in step with
``EVENTS_STORE_URL``. To write a new migration, copy the newest file in ``versions/`` and chain it
with ``down_revision``; ``tests/unit/test_migrations.py`` fails until the migrated tables equal
``data/tables.py``.
"""
from __future__ import annotations

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None or context.is_offline_mode():
    raise RuntimeError("run migrations through data.migrate.upgrade(connection), not the alembic command")
context.configure(connection=connection, target_metadata=None)
with context.begin_transaction():
    context.run_migrations()
