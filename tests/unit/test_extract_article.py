"""Reading articles: eval format, plain text, HTML, JSON, and clear errors."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from errors import ArticleError
from extraction.article import read_article, source_name

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"


def test_eval_format_header_and_body():
    a = read_article(FIXTURES / "ied_turbat.txt")
    assert a.published == date(2024, 3, 10)
    assert a.url == "https://example.test/news/ied-turbat" and a.source == "example.test"
    assert a.body.startswith("QUETTA: Two soldiers") and a.title.startswith("Synthetic")
    assert len(a.article_id) == 16


def test_plain_text_needs_published(tmp_path: Path):
    path = tmp_path / "plain.txt"
    path.write_text("Gunmen killed two men in Turbat on Friday.", encoding="utf-8")
    assert read_article(path).published is None
    assert read_article(path, published="2024-03-10").published == date(2024, 3, 10)


def test_plain_text_byline_date_is_used_and_flagged(tmp_path: Path):
    path = tmp_path / "byline.txt"
    path.write_text("Reporter Published May 2, 2024\nGunmen killed two men in Turbat on Friday.", encoding="utf-8")
    a = read_article(path)
    assert a.published == date(2024, 5, 2) and a.published_guessed


def test_html_tags_are_stripped(tmp_path: Path):
    path = tmp_path / "a.html"
    path.write_text("<html><head><title>Blast</title><script>var x=1;</script></head><body>"
                    "<p>Two men were killed in Turbat on Friday.</p><p>Police said &amp; more.</p></body></html>",
                    encoding="utf-8")
    a = read_article(path, published=date(2024, 3, 10))
    assert a.title == "Blast" and "var x" not in a.body
    assert "Two men were killed in Turbat on Friday." in a.body and "Police said & more." in a.body


def test_json_article(tmp_path: Path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"title": "T", "url": "https://www.dawn.com/x", "published": "2024-03-10",
                                "text": "Two men were killed in Turbat."}), encoding="utf-8")
    a = read_article(path)
    assert a.source == "dawn.com" and a.body == "Two men were killed in Turbat."


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"   \n", "empty"),
    (b"\xff\xfe\xfa bad", "not UTF-8"),
    (b"title: x\nurl: u\npublished: 2024-03-10\n---\n  \n", "no body"),
    (b"title: x\nurl: u\npublished: 10/03/2024\n---\nbody", "not YYYY-MM-DD"),
])
def test_unreadable_articles_raise_article_error_naming_the_file(tmp_path: Path, content: bytes, message: str):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError, match=message) as info:
        read_article(path)
    assert "bad.txt" in str(info.value)


def test_missing_file(tmp_path: Path):
    with pytest.raises(ArticleError, match="missing.txt"):
        read_article(tmp_path / "missing.txt")


def test_bad_json(tmp_path: Path):
    path = tmp_path / "a.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ArticleError, match="invalid JSON"):
        read_article(path)


def test_source_name():
    assert source_name("https://www.thenews.com.pk/latest/1") == "thenews.com.pk"


def test_unknown_published_date_is_guessed_from_the_url(tmp_path: Path):
    path = tmp_path / "u.txt"
    path.write_text("title: t\nurl: https://example.test/2017/06/24/story\npublished: unknown\n---\nBody text.",
                    encoding="utf-8")
    a = read_article(path)
    assert a.published == date(2017, 6, 24) and a.published_guessed


def test_article_over_the_size_limit_is_refused_before_reading(tmp_path: Path):
    from extraction.article import MAX_ARTICLE_BYTES

    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(20_000_000)  # sparse: 20 MB on paper, nothing to read
    with pytest.raises(ArticleError) as err:
        read_article(path)
    message = str(err.value)
    assert "huge.txt" in message and "20.0 MB" in message and f"{MAX_ARTICLE_BYTES / 1e6:.1f} MB limit" in message
