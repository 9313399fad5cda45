"""Versioned migrations: a store written by release e33946f (before migrations) opens with its data kept."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
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


def _store_at(url: str, revision: str) -> None:
    """A store built by the migrations up to ``revision`` (as that release left it), with one event,
    its source, an analyst's edit and an open review item in it."""
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        migrate.upgrade(conn, revision)
        assert migrate.current(conn) == revision
        event = {**OLD_EVENT, "review_status": "reviewed", "version": 2,
                 "fatalities_basis": "6 (old.example): the only source"}
        conn.execute(sa.text(f"INSERT INTO events ({', '.join(event)}) VALUES ({', '.join(':' + k for k in event)})"),
                     event)
        conn.execute(sa.text("INSERT INTO sources (source_id, event_id, article_id, outlet, fatalities, attached) "
                             "VALUES ('PAKOLD000000001', 'PAKOLD000000001', 'oldarticle', 'old.example', 6, 1)"))
        conn.execute(sa.text("INSERT INTO edits (event_id, at, analyst, action, fields, before, after, version) "
                             "VALUES ('PAKOLD000000001', 2, 'ana', 'review', '[\"review_status\"]', "
                             "'{\"review_status\": \"unreviewed\"}', '{\"review_status\": \"reviewed\"}', 2)"))
        conn.execute(sa.text("INSERT INTO review_items (kind, event_id, reason, created, status) "
                             "VALUES ('conflict', 'PAKOLD000000001', 'fatalities: the extractor now says 5', 3, "
                             "'open')"))
    engine.dispose()


def test_a_store_at_the_previous_revision_gains_the_doubt_columns_and_keeps_its_rows(db_url):
    _store_at(db_url, "0002")
    store = EventStore(db_url)
    try:
        with store.engine.connect() as conn:
            assert migrate.current(conn) == migrate.head() == "0003"
            columns = {c["name"] for c in sa.inspect(conn).get_columns("events")}
        assert {"confidence", "doubts"} <= columns
        frame = store.load_frame()
        assert list(frame["event_id_cnty"]) == ["PAKOLD000000001"]
        row = frame.iloc[0]
        assert [row[c] for c in ("fatalities", "location", "review_status", "version")] == [6, "Turbat", "reviewed", 2]
        assert row["evidence"] == "six labourers were shot dead" and row["latitude"] == 26.0
        assert pd.isna(row["confidence"]) and row["doubts"] == ""   # not known for rows stored before
        desk = ReviewDesk(store, "bilal")
        assert list(desk.sources("PAKOLD000000001")["outlet"]) == ["old.example"]
        assert list(desk.history("PAKOLD000000001")["analyst"]) == ["ana"]
        assert list(desk.items()["reason"]) == ["fatalities: the extractor now says 5"]
        # The upgraded store keeps what an ingest now gives.
        new = {**OLD_EVENT, "event_id_cnty": "PAKNEW000000001", "event_date": "2023-10-15", "article_id": "new",
               "confidence": 0.55, "doubts": "place taken from the dateline; toll from a single mention"}
        store.upsert_events([new])
        stored = store.load_frame().set_index("event_id_cnty").loc["PAKNEW000000001"]
        assert stored["confidence"] == 0.55 and stored["doubts"] == new["doubts"]
    finally:
        store.close()
