"""A real ``streamlit run dashboard.py`` on 127.0.0.1 and a fresh headless Debian Chromium.

The server uses a throwaway store, so its first start ingests the built-in demo reports
(the same path an analyst's first start takes). It is stopped through its own process group.
"""
from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
START_TIMEOUT_S = 60
FRAME_ERRORS_JS = """
window.__frameErrors = [];
window.addEventListener('error', e => window.__frameErrors.push(String(e.message || e.type)));
window.addEventListener('unhandledrejection', e => window.__frameErrors.push('unhandled rejection: ' + String(e.reason)));
"""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if not os.access(CHROMIUM, os.X_OK):
        skip = pytest.mark.skip(reason=f"{CHROMIUM} is missing: install Debian's chromium (make browser)")
        for item in items:
            if "e2e" in item.keywords:
                item.add_marker(skip)


@dataclass(frozen=True, slots=True)
class Server:
    base_url: str
    store_url: str
    log_path: Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop(proc: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)      # only the group this fixture started
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


@contextlib.contextmanager
def run_dashboard(workdir: Path, store_url: str) -> Iterator[Server]:
    """``streamlit run dashboard.py`` on ``store_url`` until the block ends."""
    port = _free_port()
    log_path = workdir / "streamlit.log"
    env = {**os.environ, "EVENTS_STORE_URL": store_url, "EVENTS_TILES": "none"}
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true",
             "--server.address", "127.0.0.1", "--server.port", str(port),
             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            if proc.poll() is not None:
                pytest.fail(f"streamlit exited with {proc.returncode}:\n{log_path.read_text()[-3000:]}")
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                    if response.read() == b"ok":
                        break
            if time.monotonic() > deadline:
                pytest.fail(f"no health answer in {START_TIMEOUT_S} s:\n{log_path.read_text()[-3000:]}")
            time.sleep(0.2)
        yield Server(base, store_url, log_path)
    finally:
        _stop(proc)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    workdir = tmp_path_factory.mktemp("dashboard")
    with run_dashboard(workdir, f"sqlite:///{workdir / 'events.sqlite'}") as running:
        yield running


@dataclass
class BrowserIssues:
    failed_requests: list[str]
    page_errors: list[str]


@pytest.fixture()
def browser(server: Server) -> Iterator[tuple[object, BrowserIssues]]:
    """A page in a fresh Chromium profile, recording failed requests and uncaught errors."""
    from playwright.sync_api import sync_playwright

    issues = BrowserIssues([], [])
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS, accept_downloads=True,
            viewport={"width": 1400, "height": 1000})
        ctx.set_default_timeout(30_000)
        # Runs in every frame, the component iframes included: collects their uncaught errors
        # and rejected promises (st_folium reports a failed asset only as a rejected promise).
        ctx.add_init_script(FRAME_ERRORS_JS)
        page = ctx.pages[0] if ctx.pages else ctx.new_page()
        page.on("requestfailed", lambda r: issues.failed_requests.append(f"{r.url}: {r.failure}"))
        page.on("pageerror", lambda e: issues.page_errors.append(str(e)))
        try:
            yield page, issues
        finally:
            ctx.close()
