"""Two writers at once on each backend: both succeed, nothing is lost or counted twice as new."""
from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from data.sample import synthetic_events
from data.store import EventStore, UpsertSummary
from data.tables import EVENTS
from errors import StoreError

ROOT = Path(__file__).resolve().parents[2]


def test_two_threads_upserting_the_same_rows_at_once_both_succeed(db_url):
    stores = [EventStore(db_url), EventStore(db_url)]
    for seed in (21, 22, 23):
        rows = synthetic_events(300, seed=seed)
        start = threading.Barrier(2)
        results, errors = [], []

        def write(store: EventStore) -> None:
            start.wait()
            try:
                results.append(store.upsert_events(rows))
            except Exception as exc:  # noqa: BLE001 - the test reports whatever a writer raised
                errors.append(exc)

        threads = [threading.Thread(target=write, args=(s,)) for s in stores]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        # Exactly one writer inserted each row; the other saw it as unchanged (SQLite) or rewrote it (PostgreSQL).
        assert sum(r.new for r in results) == 300
        assert all(r.total == 300 for r in results)
    assert stores[0].count() == 900
    for s in stores:
        s.close()


INGEST = textwrap.dedent("""
    import sys
    from data.sample import synthetic_events
    from data.store import EventStore, UpsertSummary
    store = EventStore(sys.argv[1])
    rows = synthetic_events(96, seed=31).assign(origin="extracted")
    rows["article_id"] = ["article-%d" % (i // 12) for i in range(len(rows))]
    run = store.start_run("concurrency-test", "1")
    total = None
    for article_id, group in rows.groupby("article_id", sort=True):
        summary, _removed = store.sync_article(article_id, group, run_id=run)
        total = summary if total is None else total + summary
    store.finish_run(run, articles=8, summary=total)
    print(total.new, total.updated, total.unchanged)
""")


def test_two_ingests_of_the_same_articles_at_once_have_no_errors(db_url):
    procs = [subprocess.Popen([sys.executable, "-c", INGEST, db_url], cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [p.communicate(timeout=120) for p in procs]
    for proc, (out, err) in zip(procs, outputs):
        assert proc.returncode == 0, err[-2000:]
    counts = [tuple(map(int, out.split())) for out, _ in outputs]
    assert sum(c[0] for c in counts) == 96 and all(sum(c) == 96 for c in counts)
    store = EventStore(db_url)
    assert store.count() == 96
    runs = store.runs()
    assert len(runs) == 2 and runs["finished"].notna().all()
    store.close()


def test_a_failed_write_names_the_problem_in_a_line_not_the_sql(store):
    with store.engine.begin() as conn:
        EVENTS.drop(conn)
    with pytest.raises(StoreError) as caught:
        store.upsert_events(synthetic_events(50, seed=4))
    message = str(caught.value)
    assert "events" in message and "nothing was saved" in message
    assert len(message) < 400 and "INSERT" not in message and "SELECT" not in message
    with pytest.raises(StoreError) as caught:
        store.load_frame()
    assert len(str(caught.value)) < 400


def test_a_failed_read_or_bookkeeping_write_is_a_short_store_error(store):
    run = store.start_run("x", "1")
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE runs")
        conn.exec_driver_sql("DROP TABLE store_meta")
    for call in (store.runs, store.data_version, lambda: store.claim("job", stale_after=1),
                 lambda: store.finish_run(run, articles=0, summary=UpsertSummary()), store.mark_interrupted):
        with pytest.raises(StoreError) as caught:
            call()
        assert len(str(caught.value)) < 400 and "SELECT" not in str(caught.value)
