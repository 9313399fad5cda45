"""Saved news pages: publication date, title and canonical URL from the page metadata, and the
article text without scripts, styles, menus or side boxes. Every page here is written for the test."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from errors import ArticleError
from extraction.article import missing_date_hint, read_article
from extraction.webpage import day_of, read_page

STORY = ("<p>TURBAT: Two men were killed when a bomb went off near a shop in Turbat on Friday, police said.</p>"
         "<p>The injured were taken to a hospital.</p>")


def page(head: str = "", body: str = "") -> str:
    return (f"<!doctype html><html><head><title>Blast in Turbat | Example Times</title>{head}</head>"
            f"<body><header><nav><a href='/'>Home</a> <a href='/pk'>Pakistan</a></nav></header>"
            f"{body or '<article>' + STORY + '</article>'}<footer>Copyright Example Times</footer></body></html>")


@pytest.mark.parametrize("head, body, expected, source", [
    ('<meta property="article:published_time" content="2024-03-10T21:30:00+05:00">', "",
     date(2024, 3, 10), "<meta article:published_time>"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-03-09"}</script>', "",
     date(2024, 3, 9), "JSON-LD datePublished"),
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
     '{"@type": "WebSite", "name": "Example"}, {"@type": ["NewsArticle"], "datePublished": "2023-12-01T08:00:00Z"}'
     ']}</script>', "", date(2023, 12, 1), "JSON-LD datePublished"),
    ('<script type="application/ld+json">[{"@type": "BreadcrumbList"}, '
     '{"@type": "ReportageNewsArticle", "datePublished": "2022-06-29"}]</script>', "",
     date(2022, 6, 29), "JSON-LD datePublished"),
    ('<meta name="pubdate" content="2021-05-04">', "", date(2021, 5, 4), "<meta pubdate>"),
    ('<meta property="og:published_time" content="2020-01-02T10:00">', "", date(2020, 1, 2),
     "<meta og:published_time>"),
    ("", f"<article><time datetime='2019-07-02T09:00:00+05:00'>2 July</time>{STORY}</article>",
     date(2019, 7, 2), "<time datetime>"),
    ("", f"<article><span itemprop='datePublished' content='2018-03-18'></span>{STORY}</article>",
     date(2018, 3, 18), "<meta datepublished>"),
])
def test_publication_date_from_page_metadata(tmp_path: Path, head: str, body: str, expected: date, source: str):
    path = tmp_path / "story.html"
    path.write_text(page(head, body), encoding="utf-8")
    a = read_article(path)
    assert (a.published, a.published_from, a.published_guessed) == (expected, source, False)
    assert a.kind == "html" and missing_date_hint(a) == ""


def test_article_published_time_beats_a_later_time_element_and_a_modified_time():
    html = page('<meta property="article:modified_time" content="2024-04-01">'
                '<meta property="article:published_time" content="2024-03-10">',
                f"<article><time datetime='2024-03-12'>updated</time>{STORY}</article>")
    assert read_page(html).published == date(2024, 3, 10)
    only_modified = page('<meta property="article:modified_time" content="2024-04-01">')
    assert read_page(only_modified).published is None  # an edit is not the publication


def test_marked_time_element_beats_the_first_one():
    html = page(body=f"<article><time datetime='2024-01-01'>in the sidebar</time>"
                     f"<time pubdate datetime='2024-02-02'>published</time>{STORY}</article>")
    assert read_page(html).published == date(2024, 2, 2)


def test_broken_json_ld_is_ignored_and_other_metadata_used():
    html = page('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": </script>'
                '<meta name="date" content="2024-03-10">')
    assert read_page(html).published == date(2024, 3, 10)


def test_title_and_canonical_url(tmp_path: Path):
    html = page('<meta property="og:title" content="Two killed in Turbat blast">'
                '<meta property="og:url" content="https://example.test/og-address">'
                '<link rel="canonical" href="https://www.example.test/news/turbat-blast">')
    path = tmp_path / "story.htm"
    path.write_text(html, encoding="utf-8")
    a = read_article(path, published="2024-03-10")
    assert a.title == "Two killed in Turbat blast"
    assert a.url == "https://www.example.test/news/turbat-blast" and a.source == "example.test"


def test_title_and_url_fallbacks():
    p = read_page(page('<meta property="og:url" content="https://example.test/a">'))
    assert p.title == "Blast in Turbat | Example Times" and p.url == "https://example.test/a"
    ld = read_page(page('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "From LD",'
                        ' "mainEntityOfPage": {"@id": "https://example.test/ld"}}</script>'))
    assert ld.title == "From LD" and ld.url == "https://example.test/ld"  # headline before <title>
    bare = read_page(f"<html><body><h1>Only a heading</h1>{STORY}</body></html>")
    assert bare.title == "Only a heading" and bare.url == ""
    assert read_page(page('<link rel="canonical" href="javascript:alert(1)">')).url == ""


def test_body_is_the_article_without_scripts_styles_menus_or_side_boxes():
    html = page("<style>p { color: red }</style>",
                "<aside><p>Most read: ten killed in an unrelated story in Quetta on Monday.</p></aside>"
                "<div class='teaser'><article><p>Related: short teaser</p></article></div>"
                f"<article><h1>Blast in Turbat</h1>{STORY}<script>var ad = 'killed';</script>"
                "<form><button>Subscribe</button></form><p>Police said &amp; more.</p></article>")
    body = read_page(html).body
    assert body.startswith("Blast in Turbat\n\nTURBAT: Two men were killed")
    assert "Police said & more." in body
    for junk in ("Home", "Most read", "var ad", "color: red", "Subscribe", "Copyright", "teaser"):
        assert junk not in body, junk


def test_article_body_itemprop_is_preferred_and_unclosed_tags_do_not_leak():
    html = ("<html><body><div><p>Share this <p>Advertisement</div>"
            f"<div itemprop='articleBody'>{STORY}<p>Unclosed paragraph at the end</div>"
            "<div>Comments (3)</div></body></html>")
    body = read_page(html).body
    assert body.startswith("TURBAT: Two men") and body.endswith("Unclosed paragraph at the end")
    assert "Comments" not in body and "Advertisement" not in body


def test_page_without_content_region_keeps_all_visible_text():
    body = read_page(f"<html><body><div>{STORY}</div><nav>menu</nav></body></html>").body
    assert body.startswith("TURBAT: Two men") and "menu" not in body


def test_page_without_a_date_says_so_with_a_hint(tmp_path: Path):
    path = tmp_path / "undated.html"
    path.write_text(page(), encoding="utf-8")
    a = read_article(path)
    assert a.published is None and a.published_from == ""
    hint = missing_date_hint(a)
    assert hint.startswith("no publication date found in the page") and "set one" in hint
    assert "give --published" in missing_date_hint(a, "give --published YYYY-MM-DD")


@pytest.mark.parametrize("stamp, day", [
    ("2024-03-10T23:59:00+05:00", date(2024, 3, 10)), ("2024/03/10 10:00", date(2024, 3, 10)),
    ("2024-13-40", None), ("yesterday", None), ("", None),
])
def test_day_of_stamp(stamp: str, day: date | None):
    assert day_of(stamp) == day


def test_page_in_a_declared_legacy_charset_is_decoded(tmp_path: Path):
    html = page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
                '<meta property="article:published_time" content="2024-03-10">',
                "<article><p>TURBAT: A bomb went off near a caf\u00e9 in Turbat on Friday \u2014 police said.</p></article>")
    path = tmp_path / "legacy.html"
    path.write_bytes(html.encode("cp1252"))
    a = read_article(path)
    assert "caf\u00e9" in a.body and "\u2014" in a.body and a.published == date(2024, 3, 10)
    bad = tmp_path / "bad.html"
    bad.write_bytes(b'<meta charset="no-such-codec"><p>caf\xe9</p>')
    with pytest.raises(ArticleError, match="declared charset 'no-such-codec'"):
        read_article(bad)
