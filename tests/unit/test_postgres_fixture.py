"""The test session's own PostgreSQL: a missing server is a named skip reason, a cluster is its own process."""
from __future__ import annotations

import os

import pytest

from tests import postgres
from tests.postgres import PostgresUnavailable, find_bin_dir


def test_no_server_binaries_is_a_reason_naming_the_fix(monkeypatch):
    monkeypatch.setattr(postgres.glob, "glob", lambda pattern: [])
    with pytest.raises(PostgresUnavailable, match="apt-get install postgresql"):
        find_bin_dir()


def test_the_session_cluster_runs_as_an_unprivileged_user_on_loopback(postgres_cluster):
    import psycopg

    assert postgres_cluster.process.poll() is None
    with psycopg.connect(f"host=127.0.0.1 port={postgres_cluster.port} user=postgres dbname=postgres") as conn:
        assert conn.execute("SELECT current_setting('listen_addresses')").fetchone()[0] == "127.0.0.1"
    owner = os.stat(postgres_cluster.folder / "data").st_uid
    assert owner != 0
    if os.geteuid() != 0:
        assert owner == os.geteuid()
