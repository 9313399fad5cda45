"""Throughput of the rule-based extractor on seeded synthetic articles (one core).

    .venv/bin/python bench/bench_extract.py [--n 300] [--seed 7]
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extraction.article import Article  # noqa: E402
from extraction.rules import RulesExtractor  # noqa: E402

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


def make_articles(n: int, seed: int) -> list[Article]:
    rng = random.Random(seed)
    articles = []
    for i in range(n):
        pub = date(2024, 1, 1) + timedelta(days=rng.randrange(700))
        lines = []
        for _ in range(rng.randint(1, 3)):
            num = rng.choice(NUMS)
            lines.append(rng.choice(TEMPLATES).format(n=num, N=num.capitalize(), p=rng.choice(PLACES),
                                                      d=rng.choice(DAYS), v="Kili Sardar"))
            lines.extend(rng.sample(FILLER, 2))
        body = f"{rng.choice(PLACES).upper()}: " + "\n\n".join(lines)
        articles.append(Article(article_id=str(i), title="", url=f"https://example.test/{i}", published=pub,
                                body=body, source="example.test"))
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    extractor = RulesExtractor()
    articles = make_articles(args.n, args.seed)
    extractor.extract(articles[0])  # load the gazetteer and compile patterns outside the timing
    started = time.perf_counter()
    events = sum(len(extractor.extract(a)) for a in articles)
    elapsed = time.perf_counter() - started
    print(f"{len(articles)} articles, {events} events in {elapsed:.2f}s: {len(articles) / elapsed:.0f} articles/s")


if __name__ == "__main__":
    main()
