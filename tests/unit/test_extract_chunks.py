"""Long articles are extracted in bounded pieces (linear cost), and oversized ones are refused."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from types import SimpleNamespace

import pytest

from errors import ArticleError
from extraction import chunks
from extraction.article import MAX_ARTICLE_BYTES, Article
from extraction.chunks import chunk_bounds, extract_in_pieces, join_events, pieces
from extraction.pipeline import extract_events
from extraction.rules import RulesExtractor

# Written for these tests: short synthetic reports of distinct incidents.
REPORTS = [
    "Unidentified gunmen shot dead two labourers in Turbat on Monday, police said.",
    "Security forces killed three militants in an operation in Zhob on Tuesday, the ISPR said.",
    "A bomb went off near a market in Khuzdar on Wednesday, killing four people.",
    "Police registered a case and launched an investigation.",
]


def article(body: str) -> Article:
    return Article(article_id="a1", title="", url="", published=date(2024, 5, 4), body=body, source="")


def fake_resolve(name, **_):
    return SimpleNamespace(place=None)


def test_bounds_cover_the_body_in_order_and_respect_the_size():
    body = "\n".join(REPORTS * 40)
    bounds = chunk_bounds(body, 500)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(body)
    assert all(a < b and b - a <= 500 for a, b in bounds)
    assert all(prev[1] == nxt[0] for prev, nxt in zip(bounds, bounds[1:]))
    assert all(body[b - 1] == "\n" for _, b in bounds[:-1])  # cut at paragraph breaks


def test_bounds_fall_back_to_sentence_ends_then_spaces_then_a_hard_cut():
    one_paragraph = " ".join(REPORTS * 20)
    cuts = [b for _, b in chunk_bounds(one_paragraph, 400)[:-1]]
    assert cuts and all(one_paragraph[b - 2] in ".!?" for b in cuts)
    words = "word " * 300
    assert all(words[b - 1] == " " for _, b in chunk_bounds(words, 100)[:-1])
    solid = "x" * 1000
    assert chunk_bounds(solid, 300) == [(0, 300), (300, 600), (600, 900), (900, 1000)]
    assert chunk_bounds("short", 300) == [(0, 5)]


def test_a_short_article_is_one_piece_and_a_long_one_keeps_id_date_and_slices():
    short = article("\n".join(REPORTS))
    assert pieces(short, 10_000) == [short]
    long = article("\n".join(REPORTS * 50))
    parts = pieces(long, 1_000)
    assert len(parts) > 1 and "".join(p.body for p in parts) == long.body
    assert all(p.article_id == "a1" and p.published == long.published for p in parts)


def test_rows_of_one_event_in_two_pieces_become_one():
    a = {"event_date": "2024-05-01", "location": "Turbat", "event_type": "Battles", "actor1": "X", "actor2": "Y",
         "fatalities": 2, "evidence": "first passage"}
    b = {**a, "fatalities": 3, "evidence": "second passage"}
    other = {**a, "location": "Zhob", "fatalities": 1, "evidence": "elsewhere"}
    joined = join_events([[a, other], [b, dict(b)]])
    assert [r["location"] for r in joined] == ["Turbat", "Zhob"]
    assert joined[0]["fatalities"] == 3 and joined[0]["evidence"] == "first passage [...] second passage"
    assert a["fatalities"] == 2  # the extractor's rows are not changed in place


def test_each_piece_is_extracted_with_progress():
    seen, told = [], []
    long = article("\n".join(REPORTS * 50))
    extract_in_pieces(lambda part: seen.append(part.body) or [], long, size=1_000,
                      progress=lambda done, total: told.append((done, total)))
    assert len(seen) > 1 and max(map(len, seen)) <= 1_000
    assert told == [(i, len(seen)) for i in range(1, len(seen) + 1)]


def test_long_article_events_are_verbatim_and_unique(monkeypatch):
    body = "QUETTA: " + "\n".join(REPORTS * 30)
    monkeypatch.setattr(chunks, "CHUNK_CHARS", 1_500)
    rows = extract_events(article(body), extractor=RulesExtractor(), resolve=fake_resolve)
    assert {r["location"] for r in rows} >= {"Turbat", "Zhob", "Khuzdar"}
    assert len({r["event_id_cnty"] for r in rows}) == len(rows)
    for row in rows:
        assert all(passage in body for passage in row["evidence"].split(" [...] "))


def test_whole_and_chunked_extraction_agree_on_a_repeated_report(monkeypatch):
    body = "\n".join(REPORTS * 30)
    whole = extract_events(article(body), extractor=RulesExtractor(), resolve=fake_resolve)
    monkeypatch.setattr(chunks, "CHUNK_CHARS", 1_500)
    parts = extract_events(article(body), extractor=RulesExtractor(), resolve=fake_resolve)
    key = ("event_date", "location", "event_type", "fatalities")
    assert sorted(tuple(r[k] for k in key) for r in parts) == sorted(tuple(r[k] for k in key) for r in whole)


@pytest.mark.parametrize("body", ["x" * (MAX_ARTICLE_BYTES + 1), "é" * (MAX_ARTICLE_BYTES // 2 + 1)])
def test_an_article_over_the_limit_is_refused_before_extraction(body: str):
    calls = []
    extractor = SimpleNamespace(name="spy", version="1", extract=lambda a: calls.append(a) or [])
    with pytest.raises(ArticleError, match=r"larger than the 10\.0 MB limit"):
        extract_events(replace(article(body), title="huge report"), extractor=extractor, resolve=fake_resolve)
    assert calls == []


def test_ingest_preview_follows_the_pieces_of_a_long_article_only():
    from ingest.run import Pipeline
    from ui.ingesting import ArticleInput, preview_articles

    def extract(a, *, extractor, progress=None):
        return extract_in_pieces(lambda part: [], a, progress=progress) if progress else []

    pipe = Pipeline(read_article=None, parse_article=lambda text, published=None: article(text),
                    extract_events=extract, get_extractor=lambda name: SimpleNamespace(name="x", version="1"))
    told = []
    long_text = "\n".join(REPORTS * (chunks.CHUNK_CHARS // 200))
    previews = preview_articles([ArticleInput("pasted text", "\n".join(REPORTS)), ArticleInput("long", long_text)],
                                published=None, pipeline=pipe, progress=lambda *args: told.append(args))
    assert [p.error for p in previews] == ["", ""]
    assert told and {name for name, _, _ in told} == {"long"} and told[-1][1] == told[-1][2] > 1


def test_cli_tells_the_parts_of_a_long_document_and_refuses_a_huge_one(tmp_path, monkeypatch, capsys):
    from extraction.__main__ import main

    long_file = tmp_path / "digest.txt"
    long_file.write_text("\n".join(REPORTS * 20), encoding="utf-8")
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(MAX_ARTICLE_BYTES + 1)
    monkeypatch.setattr(chunks, "CHUNK_CHARS", 1_500)
    assert main([str(long_file), str(huge), "--published", "2024-05-04"]) == 1
    err = capsys.readouterr().err
    assert "digest.txt: extracted part 1/" in err
    assert "huge.txt: article is 10.0 MB (10,000,001 bytes), larger than the 10.0 MB limit" in err


def test_ingest_command_rejects_a_huge_file_and_names_an_undated_one(tmp_path):
    from data.store import EventStore
    from ingest.run import ingest_paths

    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(20_000_000)
    undated = tmp_path / "undated.html"
    undated.write_text(f"<html><body><article><p>{REPORTS[0]}</p></article></body></html>", encoding="utf-8")
    store = EventStore(f"sqlite:///{tmp_path / 'events.sqlite'}")
    try:
        report = ingest_paths([huge, undated], store, extractor="rules", progress=False)
        assert store.count() == 0
    finally:
        store.close()
    assert [name for name, _ in report.rejects] == [str(huge)]
    assert "20.0 MB" in report.rejects[0][1] and "limit" in report.rejects[0][1]
    assert report.articles_without_date == [str(undated)]
    assert any(line.startswith("no publication date found in:") and "--published" in line for line in report.lines())
