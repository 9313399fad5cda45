"""Every built-in report names its source: the real outlet and link where known, else the project."""
from __future__ import annotations

from pathlib import Path

from extraction.article import read_article

DEMO = Path(__file__).resolve().parents[2] / "data" / "demo"


def test_every_demo_report_has_a_source_line_and_known_outlets_their_link():
    articles = {p.name: read_article(p) for p in sorted(DEMO.glob("*.txt"))}
    assert articles and all(a.source for a in articles.values())
    turbat = articles["2023-10-14_turbat-labourers.txt"]
    assert (turbat.source, turbat.url.split("/")[2]) == ("Dawn", "www.dawn.com")
    for article in articles.values():
        assert article.url.startswith("https://") or article.source.startswith("Summary written for this project")


def test_a_source_header_overrides_the_host_name(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("title: t\nurl: https://www.example.org/x\npublished: 2026-01-02\nsource: Example Times\n---\n"
                    "QUETTA: Gunmen killed two men on Friday.\n", encoding="utf-8")
    assert read_article(path).source == "Example Times"
    path.write_text("title: t\nurl: https://www.example.org/x\npublished: 2026-01-02\n---\nQUETTA: text\n",
                    encoding="utf-8")
    assert read_article(path).source == "example.org"
