"""Ingest throughput on real articles: files -> extraction + geocoding -> store, end to end.

    .venv/bin/python bench/bench_ingest.py [--dev ../shared/eval/dev] [--copies 4]

The hand-coded dev articles (read from the shared eval folder at bench time, never copied
into the repo) are written to a temporary folder ``--copies`` times, each copy under its own
file name and URL (so its own article id): every article is new to the store. Three passes
over the same files, each into a fresh SQLite store, in one invocation:

* extraction alone: read + extract + geocode each article, nothing stored;
* before: one pandas frame and one store transaction per article (``sync_article`` on a frame,
  the path ingest took before it wrote in batches) -- the baseline;
* now: ``ingest.ingest_paths``, plain rows written one chunk of articles per transaction.

The gazetteer is loaded before timing (the first article of a process pays for that once).
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.harness import ROOT  # noqa: E402


def dev_folder(explicit: str | None) -> Path:
    candidates = [Path(explicit)] if explicit else [ROOT.parent / "shared" / "eval" / "dev",
                                                    ROOT.parent.parent / "shared" / "eval" / "dev"]
    for path in candidates:
        if path.is_dir() and any(path.glob("*.txt")):
            return path
    raise SystemExit(f"no dev articles found (looked in {', '.join(map(str, candidates))}); pass --dev")


def write_copies(dev: Path, copies: int, into: Path) -> list[Path]:
    """Each dev article ``copies`` times, under distinct names and URLs (hence distinct article ids)."""
    files = []
    for source in sorted(dev.glob("*.txt")):
        text = source.read_text(encoding="utf-8")
        for k in range(copies):
            url = f"https://bench.invalid/{source.stem}/copy-{k}"
            copy = re.sub(r"^url:.*$", f"url: {url}", text, count=1, flags=re.M)
            if copy == text:
                copy = f"url: {url}\n{text}" if re.match(r"^\w+:", text) else f"url: {url}\n---\n{text}"
            path = into / f"{source.stem}-copy{k}.txt"
            path.write_text(copy, encoding="utf-8")
            files.append(path)
    return files


def extraction_alone(files: list[Path]) -> tuple[float, int]:
    from ingest.run import default_pipeline

    pipeline = default_pipeline()
    extractor = pipeline.get_extractor("rules")
    started, events = time.perf_counter(), 0
    for path in files:
        events += len(pipeline.extract_events(pipeline.read_article(path), extractor=extractor))
    return time.perf_counter() - started, events


def before(files: list[Path], url: str) -> tuple[float, int]:
    """The baseline: a frame and a transaction per article."""
    from data.store import EventStore
    from ingest.run import _with_provenance, default_pipeline

    pipeline = default_pipeline()
    extractor = pipeline.get_extractor("rules")
    store = EventStore(url)
    run_id = store.start_run(extractor.name, extractor.version)
    started, events = time.perf_counter(), 0
    for path in files:
        article = pipeline.read_article(path)
        rows = [_with_provenance(r, article) for r in pipeline.extract_events(article, extractor=extractor)]
        summary, _ = store.sync_article(article.article_id, pd.DataFrame(rows) if rows else [], run_id=run_id)
        events += summary.new
    elapsed = time.perf_counter() - started
    store.close()
    return elapsed, events


def now(files: list[Path], url: str) -> tuple[float, int]:
    from data.store import EventStore
    from ingest.run import ingest_paths

    store = EventStore(url)
    started = time.perf_counter()
    report = ingest_paths(files, store, extractor="rules", progress=False)
    elapsed = time.perf_counter() - started
    assert not report.rejects, report.rejects
    store.close()
    return elapsed, report.events_new


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", help="folder of dev articles (default: ../shared/eval/dev)")
    parser.add_argument("--copies", type=int, default=4)
    args = parser.parse_args(argv)
    dev = dev_folder(args.dev)
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        files = write_copies(dev, args.copies, folder)
        extraction_alone(files[:1])   # load the gazetteer and compile the rules outside the timings
        results = [("extraction alone (no store)", *extraction_alone(files)),
                   ("before: frame + commit per article", *before(files, f"sqlite:///{tmp}/before.sqlite")),
                   ("now: plain rows, one commit per chunk", *now(files, f"sqlite:///{tmp}/now.sqlite"))]
    n = len(files)
    print(f"Ingest of {n} real articles ({n // args.copies} dev articles x {args.copies} copies, distinct names and "
          f"ids), {os.cpu_count()} cores, one process")
    print(f"{'pass':<40}{'seconds':>9}{'articles/s':>12}{'events':>8}")
    for name, seconds, events in results:
        print(f"{name:<40}{seconds:>8.2f}s{n / seconds:>12.1f}{events:>8,}")
    _, (_, extract_s, _), (_, before_s, _), (_, now_s, _) = None, *results
    print(f"RATIOS ingest: now/before end to end {before_s / now_s:.1f}x faster; now {n / now_s:.0f} articles/s "
          f"(target >= 80); store's share of now {max(now_s - extract_s, 0) / now_s:.0%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
