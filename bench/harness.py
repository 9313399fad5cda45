"""Shared bench plumbing: a real `streamlit run` on 127.0.0.1 and a fresh headless Chromium.

Every server is started in its own process group and stopped by that group's id,
never by name.
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

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MAP_FRAME = "iframe[title='streamlit_folium.st_folium']"

# Events painted in the current map frame: the layer sets data-events-painted on the
# Leaflet container after two animation frames (maps/static/event_layer.js); a map
# without it (the naive baseline) is counted from the DOM: cluster counts + markers.
PAINTED_JS = """() => {
  const f = document.querySelector("%s");
  const d = f && f.contentDocument;
  const box = d && d.querySelector('.leaflet-container');
  if (!box) return -1;
  if (box.dataset.eventsPainted !== undefined) return Number(box.dataset.eventsPainted);
  const inClusters = [...d.querySelectorAll('.marker-cluster')].reduce((a, e) => a + Number(e.innerText), 0);
  return inClusters + d.querySelectorAll('.leaflet-marker-icon:not(.marker-cluster)').length;
}""" % MAP_FRAME

TWO_FRAMES_JS = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass(frozen=True, slots=True)
class Server:
    base_url: str
    pid: int


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (the streamlit server is one process)."""
    total = 0
    for p in [pid, *_children(pid)]:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
    return total / 1024


def peak_rss_mb(pid: int) -> float:
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _children(pid: int) -> list[int]:
    with contextlib.suppress(OSError):
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    return []


@contextlib.contextmanager
def streamlit_server(script: Path, env: dict[str, str], timeout: float = 60) -> Iterator[Server]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), **env},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with {proc.returncode} for {script}")
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as r:
                    if r.read() == b"ok":
                        break
            if time.monotonic() > deadline:
                raise TimeoutError(f"streamlit did not answer /_stcore/health within {timeout} s")
            time.sleep(0.1)
        yield Server(base, proc.pid)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)   # only the group this function started
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


@contextlib.contextmanager
def browser_page(viewport: tuple[int, int] = (1280, 900)) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as profile, sync_playwright() as p:
        # A fresh profile each time: --user-data-dir is only accepted this way.
        ctx = p.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": viewport[0], "height": viewport[1]})
        try:
            yield ctx.pages[0] if ctx.pages else ctx.new_page()
        finally:
            ctx.close()


@dataclass(frozen=True, slots=True)
class PaintTiming:
    painted_s: float | None   # goto start -> markers painted + 2 frames in the top document; None = over cap
    after_load_s: float | None  # same, from the top document's load event
    events: int


def time_paint(page, url: str, expected: int, cap_s: float) -> PaintTiming:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    t0 = time.perf_counter()
    try:
        page.goto(url, wait_until="load", timeout=cap_s * 1000)
        loaded = time.perf_counter()
        remaining = cap_s - (loaded - t0)
        page.wait_for_function(f"({PAINTED_JS})() >= {expected}", timeout=max(remaining, 0.1) * 1000, polling=50)
        page.evaluate(TWO_FRAMES_JS)
    except PlaywrightTimeout:
        return PaintTiming(None, None, max(page.evaluate(f"({PAINTED_JS})()"), 0))
    done = time.perf_counter()
    if done - t0 > cap_s:
        return PaintTiming(None, None, expected)
    return PaintTiming(done - t0, done - loaded, page.evaluate(f"({PAINTED_JS})()"))


def fmt_s(value: float | None, cap_s: float, digits: int = 2) -> str:
    """A duration for the tables; None means the measure hit its cap."""
    return f">{cap_s:.0f} s" if value is None else f"{value:.{digits}f} s"


def ratio(slow: float | None, fast: float | None, cap_s: float) -> str:
    """slow/fast for the closing ratio line; a capped slow side gives a lower bound."""
    if fast is None:
        return "n/a"
    return f">{cap_s / fast:.0f}x" if slow is None else f"{slow / fast:.1f}x"
