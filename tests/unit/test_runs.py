"""Runs and crashes: a killed ingest is marked interrupted at the next start; a live one is left running."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from data.sample import synthetic_events
from data.store import RUN_LEASE_S, EventStore

ROOT = Path(__file__).resolve().parents[2]

KILLED = textwrap.dedent("""
    import os, signal, sys
    from data.sample import synthetic_events
    from data.store import EventStore
    store = EventStore(sys.argv[1])
    run = store.start_run("killed-test", "1")
    store.upsert_events(synthetic_events(30, seed=12), run_id=run)
    print(run, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)  # dies mid-ingest: finish_run never runs
""")


def test_a_killed_ingest_is_marked_interrupted_at_the_next_start(db_url):
    proc = subprocess.run([sys.executable, "-c", KILLED, db_url], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == -9, proc.stderr[-2000:]
    dead = proc.stdout.strip()
    soon = EventStore(db_url)
    assert soon.runs().set_index("run_id").loc[dead, "state"] == "running"  # within its lease: maybe alive
    soon.start_run("next", "1")
    assert soon.runs().set_index("run_id").loc[dead, "state"] == "running"
    later = EventStore(db_url, clock=lambda: time.time() + RUN_LEASE_S + 5)
    later.start_run("next", "1")
    run = later.runs().set_index("run_id").loc[dead]
    assert run["state"] == "interrupted" and run["finished"] is not None
    assert "interrupted" in json.loads(run["errors"])[-1]["reason"]
    frame = later.load_frame()
    assert len(frame) == 30 and set(frame["run_id"]) == {dead}  # its rows are kept and point at it
    assert later.mark_interrupted() == []  # once
    for s in (soon, later):
        s.close()


def test_a_run_that_keeps_beating_stays_running_and_finishes_normally(store):
    now = [1_000_000.0]
    clocked = EventStore(store.url, clock=lambda: now[0])
    run = clocked.start_run("slow", "1")
    for _ in range(5):
        now[0] += RUN_LEASE_S - 10
        clocked.heartbeat(run)
        assert clocked.mark_interrupted() == []
    summary = clocked.upsert_events(synthetic_events(3, seed=1), run_id=run)
    clocked.finish_run(run, articles=1, summary=summary)
    now[0] += 10 * RUN_LEASE_S
    assert clocked.mark_interrupted() == []
    assert clocked.runs().iloc[0]["state"] == "finished"
    clocked.close()


def test_a_silent_run_past_its_lease_is_interrupted(store):
    now = [1_000_000.0]
    clocked = EventStore(store.url, clock=lambda: now[0])
    run = clocked.start_run("silent", "1")
    now[0] += RUN_LEASE_S + 1
    assert clocked.mark_interrupted() == [run]
    assert clocked.runs().iloc[0]["state"] == "interrupted"
    clocked.close()
