"""Hostile input at every entry point becomes a message naming the problem; nothing stored is lost."""
from __future__ import annotations

import csv
import io
import json

import pytest

from data.export import to_csv_bytes
from data.filters import Filters
from data.sample import synthetic_events
from extraction.article import read_article
from errors import ArticleError
from ingest.__main__ import main as ingest_main
from ingest.run import Pipeline, ingest_texts, upload_path
from tests.unit.test_ingest import FAKE, FakeExtractor, article, extract, get_extractor, parse
from ui.ingesting import ArticleInput, read_input

# The real article reader (JSON, HTML, headers) with the fake extractor: the reader is what is under test.
READER = Pipeline(read_article=read_article, parse_article=parse, extract_events=extract, get_extractor=get_extractor)
DEEP_ARTICLE = '{"title": "x", "body": ' + "[" * 100_000 + "]" * 100_000 + "}"
GOOD = article("https://example.org/good", "EVENT Kalat|Battles|Police Forces of Pakistan|Unidentified Armed Group (Pakistan)|1")


def test_deeply_nested_json_article_is_named_and_the_cli_goes_on(db_url, tmp_path, monkeypatch, capsys):
    from ingest import run as ingest_run

    monkeypatch.setattr(ingest_run, "default_pipeline", lambda: READER)
    deep = tmp_path / "deep.json"
    deep.write_text(DEEP_ARTICLE)
    events = tmp_path / "deep-events.json"
    events.write_text("[" * 100_000 + "]" * 100_000)
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    assert ingest_main([str(deep), str(events), str(good), "--store", db_url, "--extractor", "fake", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "articles read: 1" in out and "1 new" in out
    assert "deep.json: JSON nested too deeply" in out or "nested too deeply to be an article" in out
    assert "deep-events.json: deep-events.json: JSON nested too deeply" in out


def test_the_article_reader_names_deep_json_and_a_body_that_is_no_text(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(DEEP_ARTICLE)
    with pytest.raises(ArticleError, match="nested too deeply"):
        read_article(path)
    path.write_text(json.dumps({"body": {"not": "text"}}))
    with pytest.raises(ArticleError, match="must be a string"):
        read_article(path)


@pytest.mark.parametrize("name", ["..", ".", "", "a\x00b.txt", "../../etc/passwd", "/", "x/../../y.html",
                                  "report.t\x00xt", "CON", "a" * 5000])
def test_upload_names_never_escape_or_crash(name, tmp_path):
    target = upload_path(tmp_path, name)
    assert target.parent == tmp_path and "\x00" not in str(target) and target.name.startswith("upload")
    assert target.suffix in (".txt", ".html", ".json") or target.suffix.isalnum() or target.suffix == ""


@pytest.mark.parametrize("name", ["..", "a\x00b.txt", "../../etc/passwd"])
def test_uploads_with_hostile_names_are_ingested(name, store):
    report = ingest_texts([(name, GOOD.encode())], store, extractor=FakeExtractor(), pipeline=FAKE)
    assert report.rejects == [] and report.events_new == 1 and store.count() == 1


@pytest.mark.parametrize("name", ["..", "a\x00b.txt"])
def test_the_preview_reads_uploads_with_hostile_names(name):
    art = read_input(ArticleInput(name, GOOD.encode()), published=None, pipeline=FAKE)
    assert art.url == "https://example.org/good"


@pytest.mark.parametrize("minimum", [10**23, 2**63, 10**400], ids=["1e23", "2^63", "1e400"])
def test_a_huge_minimum_in_the_sql_filter_finds_nothing_instead_of_overflowing(fixture_store, minimum):
    assert fixture_store.query(Filters(min_fatalities=minimum)).empty
    assert len(fixture_store.query(Filters(min_fatalities=-5))) == 300


def test_a_huge_or_odd_url_minimum_is_parsed_without_error():
    for raw in ["1" * 5000, str(10**23)]:
        filters, warnings = Filters.from_query_params({"min_fatalities": raw})
        assert warnings == [] and filters.min_fatalities > 100_000
    _filters, warnings = Filters.from_query_params({"min_fatalities": "١٢"})  # Arabic-Indic digits
    assert warnings and "min_fatalities" in warnings[0]


def test_nul_bytes_in_text_filters_are_dropped_not_sent(fixture_store):
    got = fixture_store.query(Filters(text="gun\x00men", admin2=("Kech\x00",)))
    assert len(got) == len(Filters(text="gunmen", admin2=("Kech",)).apply(fixture_store.load_frame()))


def test_a_bare_carriage_return_in_a_cell_is_quoted_in_the_csv():
    rows = synthetic_events(3, seed=9)
    rows["notes"] = rows["notes"].astype(object)
    rows.loc[0, "notes"] = "first\rsecond"
    rows.loc[1, "notes"] = 'he said "no", then\nleft'
    data = to_csv_bytes(rows)
    assert b'"first\rsecond"' in data
    parsed = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert len(parsed) == 4
    assert parsed[1][27] == "first\rsecond" and parsed[2][27] == 'he said "no", then\nleft'


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20"])
def test_formula_starts_and_their_full_width_forms_are_neutralised(start):
    rows = synthetic_events(1, seed=9)
    rows["notes"] = rows["notes"].astype(object)
    rows.loc[0, "notes"] = start + "HYPERLINK(1)"
    parsed = list(csv.reader(io.StringIO(to_csv_bytes(rows).decode("utf-8"), newline="")))
    assert parsed[1][27] == "'" + start + "HYPERLINK(1)"
