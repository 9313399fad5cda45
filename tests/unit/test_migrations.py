"""Versioned migrations: a store written by release e33946f (before migrations) opens with its data kept."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from data import migrate
from data.review import ReviewDesk
from data.store import EventStore
from data.tables import METADATA
from ingest.run import ingest_texts
from tests.unit.review_fakes import FAKE, TURBAT, report

OLD_DDL = Path(__file__).resolve().parents[1] / "fixtures" / "stores"
OLD_EVENT = {"event_id_cnty": "PAKOLD000000001", "event_date": dt.date(2023, 10, 14), "year": 2023,
             "event_type": "Violence against civilians", "actor1": "Unidentified Armed Group (Pakistan)",
             "actor2": "Civilians (Pakistan)", "location": "Turbat", "geo_name": "Turbat", "fatalities": 6,
             "latitude": 26.0, "longitude": 63.05, "source": "old.example", "article_id": "oldarticle",
             "origin": "extracted", "evidence": "six labourers were shot dead", "timestamp": 1}


def _old_store(url: str) -> None:
    """Tables exactly as today's release (e33946f) creates them, one event and one run in them."""
    engine = sa.create_engine(url)
    dialect = engine.dialect.name
    ddl = (OLD_DDL / f"store_e33946f.{dialect}.sql").read_text(encoding="utf-8")
    with engine.begin() as conn:
        for table in ("review_items", "edits", "sources", "events", "runs", "store_meta", "alembic_version"):
            conn.execute(sa.text(f"DROP TABLE IF EXISTS {table}"))
        for statement in ddl.split(";"):
            body = "\n".join(l for l in statement.splitlines() if not l.startswith("--")).strip()
            if body:
                conn.execute(sa.text(body))
        conn.execute(sa.text("INSERT INTO store_meta (key, value) VALUES ('data_version', 3)"))
        conn.execute(sa.text("INSERT INTO runs (run_id, started, extractor, extractor_version, articles) "
                             "VALUES ('run-old', :t, 'rules', '0.9', 1)"), {"t": dt.datetime(2026, 1, 1)})
        cols = ", ".join(OLD_EVENT)
        conn.execute(sa.text(f"INSERT INTO events ({cols}) VALUES ({', '.join(':' + k for k in OLD_EVENT)})"),
                     OLD_EVENT)
    engine.dispose()


def test_a_store_of_the_previous_release_opens_with_everything_kept(db_url):
    old_url = db_url
    _old_store(old_url)
    store = EventStore(old_url)
    try:
        frame = store.load_frame()
        assert list(frame["event_id_cnty"]) == ["PAKOLD000000001"] and frame["fatalities"].iloc[0] == 6
        assert frame["review_status"].iloc[0] == "unreviewed" and frame["version"].iloc[0] == 1
        assert list(store.runs()["run_id"]) == ["run-old"]
        desk = ReviewDesk(store, "ana")
        assert list(desk.sources("PAKOLD000000001")["outlet"]) == ["old.example"]
        with store.engine.connect() as conn:
            assert migrate.current(conn) == migrate.head()
        # A new report of the same incident attaches to the old event, and corrections work on it.
        text = report(f"EVENT Turbat|Violence against civilians|Unidentified Armed Group (Pakistan)|"
                      f"Civilians (Pakistan)|5|{TURBAT}", url="https://new.example/1", outlet="new.example")
        ingest_texts([("new", text)], store, extractor="fake", pipeline=FAKE)
        assert len(store.load_frame()) == 1 and store.load_frame()["fatalities"].iloc[0] == 5
        desk.reject("PAKOLD000000001", version=int(store.load_frame()["version"].iloc[0]))
    finally:
        store.close()
    reopened = EventStore(old_url)  # opening again is a no-op migration; the correction is kept
    assert reopened.load_frame()["review_status"].iloc[0] == "rejected"
    reopened.close()


def test_migrations_build_exactly_the_tables_the_code_uses(db_url):
    store = EventStore(db_url)
    try:
        with store.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), METADATA)
    finally:
        store.close()
    # geocode_cache belongs to geo/ and alembic_version to Alembic itself.
    diff = [d for d in diff if not (d[0] == "remove_table" and d[1].name in ("geocode_cache", "alembic_version"))]
    assert diff == [], "data/tables.py and data/migrations disagree: add a migration"
