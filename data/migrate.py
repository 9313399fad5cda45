"""Versioned schema migrations of the store (Alembic), run when a store is opened.

A store made before migrations existed (release e33946f: tables but no ``alembic_version``) is
stamped at the baseline and upgraded, so its events and runs are kept.
"""
from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BASELINE = "0001"


def _config(connection: sa.Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head() -> str:
    return ScriptDirectory(str(MIGRATIONS)).get_current_head() or ""


def current(connection: sa.Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: sa.Connection, target: str = "head") -> None:
    """Bring the store on ``connection`` to ``target`` (inside the caller's transaction)."""
    config = _config(connection)
    if current(connection) is None and sa.inspect(connection).has_table("events"):
        command.stamp(config, BASELINE)
    if current(connection) != head() or target != "head":
        command.upgrade(config, target)
