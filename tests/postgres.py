"""A throw-away PostgreSQL cluster for the test session: initdb + postgres in a temporary folder.

The server runs as an unprivileged user (PostgreSQL refuses to run as root): the
current user, or, when the tests run as root, Debian's ``postgres`` system user
(``nobody`` when there is none). It listens on a free 127.0.0.1 port and its
socket folder, and it is stopped by its own process id. ``fsync`` is off: the
cluster dies with the session, so durability buys nothing but time.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

START_TIMEOUT_S = 60.0


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL binaries, no driver, or the server would not start (the reason says which)."""


def find_bin_dir() -> Path:
    """The newest ``/usr/lib/postgresql/<version>/bin`` holding initdb and postgres."""
    found = [Path(p).parent for p in glob.glob("/usr/lib/postgresql/*/bin/postgres")
             if Path(p).with_name("initdb").exists()]
    if not found:
        raise PostgresUnavailable("no PostgreSQL server binaries in /usr/lib/postgresql/*/bin "
                                  "(make test installs Debian's postgresql; run it, or apt-get install postgresql)")
    return max(found, key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _server_user() -> pwd.struct_passwd | None:
    """Whom to run the server as: None (ourselves) unless we are root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise PostgresUnavailable("running as root and there is neither a 'postgres' nor a 'nobody' user to run "
                              "the server as (PostgreSQL refuses to run as root)")


@dataclass
class PostgresCluster:
    bin_dir: Path
    folder: Path
    port: int
    process: subprocess.Popen[bytes]
    user: pwd.struct_passwd | None
    _counter: int = 0

    @property
    def log_path(self) -> Path:
        return self.folder / "server.log"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def _admin(self) -> sa.Engine:
        return sa.create_engine(self.url(), isolation_level="AUTOCOMMIT")

    def create_database(self) -> str:
        """A new empty database; returns its URL."""
        self._counter += 1
        name = f"scratch_{os.getpid()}_{self._counter}"
        engine = self._admin()
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE template0 STRATEGY FILE_COPY')
        finally:
            engine.dispose()
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = sa.make_url(url).database
        engine = self._admin()
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            engine.dispose()

    def stop(self) -> None:
        """Fast shutdown by the server's own process id, then remove its folder."""
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        shutil.rmtree(self.folder, ignore_errors=True)


def _run_as(user: pwd.struct_passwd | None) -> dict[str, object]:
    if user is None:
        return {}
    return {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []}


def _log_tail(path: Path) -> str:
    try:
        return " | ".join(path.read_text(errors="replace").strip().splitlines()[-5:])
    except OSError:
        return "(no server log)"


def start_cluster() -> PostgresCluster:
    """initdb a new cluster in a temporary folder and start it; raises PostgresUnavailable with the reason."""
    try:
        import psycopg  # noqa: F401  (the driver the store URL names)
    except ImportError as exc:
        raise PostgresUnavailable(f"the psycopg driver is not installed ({exc}); pip install -r requirements.txt") from exc
    bin_dir = find_bin_dir()
    user = _server_user()
    # Not under pytest's tmp_path: that is private to root, and the server user must reach it.
    folder = Path(tempfile.mkdtemp(prefix="events-pg-"))
    if user is not None:
        os.chown(folder, user.pw_uid, user.pw_gid)
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "LC_ALL": "C", "TZ": "UTC"}
    data = folder / "data"
    init = subprocess.run([str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
                           "-E", "UTF8", "--no-locale", "--no-sync"],
                          cwd=folder, env=env, capture_output=True, text=True, **_run_as(user))
    if init.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        raise PostgresUnavailable(f"initdb failed: {(init.stderr or init.stdout).strip()[-500:]}")
    last_error = ""
    for _attempt in range(3):  # the free port may be taken between choosing and binding it
        port = free_port()
        log = open(folder / "server.log", "ab")
        try:
            process = subprocess.Popen(
                [str(bin_dir / "postgres"), "-D", str(data), "-p", str(port), "-h", "127.0.0.1",
                 "-k", str(folder), "-c", "fsync=off", "-c", "synchronous_commit=off",
                 "-c", "full_page_writes=off", "-c", "max_connections=200"],
                cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT, **_run_as(user))
        finally:
            log.close()
        cluster = PostgresCluster(bin_dir, folder, port, process, user)
        if _wait_ready(cluster):
            return cluster
        last_error = _log_tail(cluster.log_path)
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
    shutil.rmtree(folder, ignore_errors=True)
    raise PostgresUnavailable(f"the PostgreSQL server did not start: {last_error}")


def _wait_ready(cluster: PostgresCluster) -> bool:
    engine = sa.create_engine(cluster.url(), poolclass=sa.pool.NullPool)
    deadline = time.monotonic() + START_TIMEOUT_S
    try:
        while time.monotonic() < deadline:
            if cluster.process.poll() is not None:
                return False
            try:
                with engine.connect() as conn:
                    conn.exec_driver_sql("SELECT 1")
                return True
            except sa.exc.OperationalError:
                time.sleep(0.1)
        return False
    finally:
        engine.dispose()
