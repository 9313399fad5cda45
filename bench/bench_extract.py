"""Extraction speed as a user feels it: real dev articles per second, cost per 1,000 lines of a long
document (linear?), and what a 20 MB input gets.

    .venv/bin/python bench/bench_extract.py [--dev ../shared/eval/dev] [--rounds 5] [--max-lines 100000]

Everything runs in one process after start-up (the gazetteer and the extractor are loaded by a
warm-up outside the timings) through ``extraction.pipeline.extract_events``, the path the CLI, the
ingest command and the Ingest page use (extractor, pieces for long inputs, geocoding). The dev
articles are read from ``--dev`` at run time; their text is never copied into the project. The
long documents are made of short synthetic report lines written here.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from errors import ArticleError  # noqa: E402
from extraction.article import MAX_ARTICLE_BYTES, Article, megabytes, read_article  # noqa: E402
from extraction.base import get_extractor  # noqa: E402
from extraction.pipeline import extract_events  # noqa: E402

PLACES = ["Turbat", "Quetta", "Khuzdar", "Gwadar", "Panjgur", "Zhob", "Noshki", "Kalat", "Kharan", "Sibi",
          "Dera Bugti", "Tank", "Bannu", "Peshawar", "Karachi"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMS = ["two", "three", "four", "five", "six", "seven", "at least 11", "14", "dozens of"]
TEMPLATES = [
    "Unidentified gunmen shot dead {n} labourers in {p} on {d}, police said.",
    "{N} soldiers were martyred when an improvised explosive device went off in the {v} area of {p} district on {d}.",
    "A suicide bomber struck a market in {p} on {d}, killing {n} people and injuring 20 others.",
    "Security forces killed {n} militants in an intelligence-based operation in {p} on {d}, the ISPR said.",
    "Armed men abducted {n} passengers from a bus near {p} late {d}.",
    "Militants attacked a police post in {p} on {d}; {n} policemen were killed in the exchange of fire.",
]
FILLER = [
    "The chief minister condemned the attack and sought a report.",
    "Police registered a case and launched an investigation.",
    "The injured were shifted to a hospital in Quetta.",
    "Last week, a similar attack was reported in the province.",
]


def report_lines(rng: random.Random) -> list[str]:
    """One synthetic incident sentence and two filler sentences, one per line."""
    num = rng.choice(NUMS)
    line = rng.choice(TEMPLATES).format(n=num, N=num.capitalize(), p=rng.choice(PLACES), d=rng.choice(DAYS),
                                        v="Kili Sardar")
    return [line, *rng.sample(FILLER, 2)]


def make_articles(n: int, seed: int) -> list[Article]:
    """Short synthetic articles of one to three incidents."""
    rng = random.Random(seed)
    articles = []
    for i in range(n):
        pub = date(2024, 1, 1) + timedelta(days=rng.randrange(700))
        lines = [line for _ in range(rng.randint(1, 3)) for line in report_lines(rng)]
        body = f"{rng.choice(PLACES).upper()}: " + "\n\n".join(lines)
        articles.append(Article(article_id=str(i), title="", url=f"https://example.test/{i}", published=pub,
                                body=body, source="example.test"))
    return articles


def long_body(lines: int, seed: int = 11) -> str:
    """A long wire digest: ``lines`` synthetic report lines (each its own paragraph)."""
    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < lines:
        out.extend(report_lines(rng))
    return "QUETTA: " + "\n".join(out[:lines])


def long_article(lines: int) -> Article:
    return Article(article_id=f"long-{lines}", title="", url="", published=date(2024, 5, 4), body=long_body(lines),
                   source="")


def timed(fn) -> tuple[float, object]:
    """CPU seconds of ``fn`` (this process): on a shared machine, wall time also counts the neighbours'
    work; wall time is printed beside it where a user waits."""
    started = time.process_time()
    result = fn()
    return time.process_time() - started, result


def walled(fn) -> tuple[float, float, object]:
    wall = time.perf_counter()
    cpu, result = timed(fn)
    return cpu, time.perf_counter() - wall, result


def default_dev() -> Path:
    """``shared/eval/dev`` beside the checkout: ``../shared`` from a clone, ``../../shared`` from a git worktree."""
    for parent in ROOT.parents:
        if (parent / "shared" / "eval" / "dev").is_dir():
            return parent / "shared" / "eval" / "dev"
    return ROOT.parent / "shared" / "eval" / "dev"


def dev_throughput(folder: Path, rounds: int, extractor) -> None:
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        print(f"dev articles: none in {folder} (pass --dev); skipped")
        return
    articles = [read_article(p) for p in paths]
    for a in articles:  # warm-up: every pattern and gazetteer lookup path once
        extract_events(a, extractor=extractor)
    n = len(articles)
    full, wall, bare = [], [], []
    events = 0
    for _ in range(rounds):  # interleaved, so a busy moment on a shared machine hits both alike
        cpu, clock, events = walled(lambda: sum(len(extract_events(a, extractor=extractor)) for a in articles))
        full.append(cpu)
        wall.append(clock)
        bare.append(timed(lambda: [extractor.extract(a) for a in articles])[0])
    lines = sum(len([x for x in a.body.splitlines() if x.strip()]) for a in articles)
    print(f"dev articles ({n} real reports, {lines} lines, {events} events; best of {rounds} passes, median in "
          f"brackets): {n / min(full):.0f} ({n / statistics.median(full):.0f}) articles/s as full geocoded rows, "
          f"{n / min(wall):.0f} ({n / statistics.median(wall):.0f})/s wall clock, "
          f"{n / min(bare):.0f} ({n / statistics.median(bare):.0f})/s extractor alone; target >= 100 articles/s")


def linearity(max_lines: int, extractor, unit: int = 1_000) -> None:
    sizes = [s for s in (unit, 10 * unit, 100 * unit) if s <= max_lines]
    print("\nlong document (synthetic report lines)")
    print(f"{'lines':>8} {'size':>12} {'events':>7} {'cpu s':>8} {'wall s':>8} {'cpu s per 1k lines':>19} "
          f"{'extractor alone, one piece':>28}")
    per_1k: dict[int, float] = {}
    for lines in sizes:
        article = long_article(lines)
        runs = [walled(lambda: extract_events(article, extractor=extractor)) for _ in range(3 if lines <= unit else 1)]
        seconds, wall, rows = sorted(runs, key=lambda run: run[0])[len(runs) // 2]  # the smallest: median of 3
        per_1k[lines] = seconds / lines * 1000
        alone = ""
        if lines <= 10 * unit:  # the baseline: without pieces (superlinear; 100k would not finish)
            whole, _ = timed(lambda: extractor.extract(article))
            alone = f"{whole:.2f} cpu s ({whole / lines * 1000:.3f}/1k)"
        print(f"{lines:>8,} {megabytes(len(article.body)):>12} {len(rows):>7} {seconds:>8.2f} {wall:>8.2f} "
              f"{per_1k[lines]:>19.3f} {alone:>28}")
    if len(per_1k) > 1:
        low, high = min(per_1k), max(per_1k)
        print(f"ratio: cpu time per 1k lines at {high:,} lines / at {low:,} lines = {per_1k[high] / per_1k[low]:.2f} "
              f"(1.00 = linear)")


def huge_input(megabytes_wanted: int) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-huge-") as tmp:
        path = Path(tmp) / "huge.txt"
        block = long_body(2_000).encode("utf-8") + b"\n"
        with path.open("wb") as f:
            while f.tell() < megabytes_wanted * 1_000_000:
                f.write(block)
        size = path.stat().st_size
        started = time.perf_counter()  # wall clock: what the user waits for the answer
        try:
            rows = extract_events(read_article(path, published="2024-05-04"))
            outcome = f"finished, {len(rows)} events"
        except ArticleError as exc:
            outcome = f"refused: {exc}".replace(str(path), "huge.txt")
        print(f"\n{megabytes(size)} input (limit {megabytes(MAX_ARTICLE_BYTES)}): "
              f"{time.perf_counter() - started:.2f} s, {outcome}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=default_dev())
    parser.add_argument("--rounds", type=int, default=5, help="passes over the dev articles")
    parser.add_argument("--n", type=int, default=300, help="short synthetic articles")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--max-lines", type=int, default=100_000, help="largest long document (1k, 10k, 100k)")
    parser.add_argument("--unit", type=int, default=1_000, help="long documents of 1, 10 and 100 units of lines")
    parser.add_argument("--huge-mb", type=int, default=20)
    args = parser.parse_args()
    extractor = get_extractor("rules")
    extract_events(make_articles(1, 0)[0], extractor=extractor)  # start-up: gazetteer, patterns
    dev_throughput(args.dev, args.rounds, extractor)
    articles = make_articles(args.n, args.seed)
    seconds, events = timed(lambda: sum(len(extract_events(a, extractor=extractor)) for a in articles))
    print(f"synthetic short articles: {len(articles)} articles, {events} events in {seconds:.2f} cpu s: "
          f"{len(articles) / seconds:.0f} articles/s")
    linearity(args.max_lines, extractor, args.unit)
    huge_input(args.huge_mb)


if __name__ == "__main__":
    main()
