"""Ingest with a fake extraction pipeline: synthetic articles, real store (SQLite and PostgreSQL)."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from ingest import run as ingest_run
from ingest.__main__ import main as ingest_main
from ingest.run import IngestReport, Pipeline, article_files, ingest_paths, ingest_texts
from data.schema import DISORDER_TYPES, make_article_id, make_event_id
from data.store import EventStore
from errors import ArticleError, ConfigurationError, ExtractionError


@dataclass(frozen=True)
class FakeArticle:
    article_id: str
    url: str
    published: dt.date | None
    body: str


def parse(text: str, *, published=None) -> FakeArticle:
    head, sep, body = text.partition("\n---\n")
    fields = dict(line.split(":", 1) for line in head.splitlines()) if sep else {}
    body = body if sep else text
    if not body.strip():
        raise ArticleError("article has no body text")
    url = fields.get("url", "").strip()
    when = published or fields.get("published", "").strip() or None
    return FakeArticle(make_article_id(url, body), url, dt.date.fromisoformat(str(when)) if when else None, body)


def read(path: Path, *, published=None) -> FakeArticle:
    return parse(Path(path).read_text(encoding="utf-8"), published=published)


@dataclass(frozen=True)
class FakeExtractor:
    """Codes each 'EVENT place|type|actor1|actor2|deaths' line of the body as one event."""
    name: str = "fake"
    version: str = "0.1"


def extract(article: FakeArticle, *, extractor: FakeExtractor) -> list[dict]:
    rows = []
    for line in article.body.splitlines():
        if line.startswith("BROKEN"):
            raise ExtractionError("the fake extractor choked")
        if not line.startswith("EVENT "):
            continue
        place, etype, actor1, actor2, deaths = line.removeprefix("EVENT ").split("|")
        day = article.published.isoformat()
        rows.append({
            "event_id_cnty": make_event_id(article.article_id, day, place, etype, actor1, actor2),
            "event_date": day, "event_type": etype, "disorder_type": DISORDER_TYPES[etype],
            "actor1": actor1, "actor2": actor2, "location": place, "place_raw": place,
            "fatalities": int(deaths), "admin1": "Balochistan", "geo_status": "unlocated",
            "article_id": article.article_id, "source_url": article.url, "origin": "extracted",
            "evidence": line, "notes": f"{extractor.name} {extractor.version}",
        })
    return rows


def get_extractor(name: str) -> FakeExtractor:
    if name != "fake":
        raise ConfigurationError(f"unknown extractor {name!r}; expected one of: fake")
    return FakeExtractor()


FAKE = Pipeline(read_article=read, parse_article=parse, extract_events=extract, get_extractor=get_extractor)


def article(url: str, *events: str, published: str = "2026-01-31") -> str:
    return f"title: Synthetic\nurl: {url}\npublished: {published}\n---\nA made-up report.\n" + "\n".join(events) + "\n"


@pytest.fixture
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(article("https://example.org/a",
                                          "EVENT Kalat|Battles|Police Forces of Pakistan|Unidentified Armed Group (Pakistan)|0",
                                          "EVENT Kharan|Violence against civilians|Unidentified Armed Group (Pakistan)|Civilians (Pakistan)|7"))
    (folder / "sub" / "b.md").write_text(article("https://example.org/b",
                                                 "EVENT Gwadar|Violence against civilians|Unidentified Armed Group (Pakistan)|Civilians (Pakistan)|11"))
    (folder / "labels.json").write_text("{}")  # not an article: a folder's .json files are skipped
    (folder / ".hidden.txt").write_text("ignored")
    return folder


def test_ingesting_a_folder_records_a_run_and_points_events_to_it(news, store):
    report = ingest_paths([news], store, extractor=FakeExtractor(), progress=False, pipeline=FAKE)
    assert (report.articles_read, report.events_new, report.events_updated, report.events_unchanged) == (2, 3, 0, 0)
    assert report.rejects == []
    frame = store.load_frame()
    assert len(frame) == 3 and set(frame["run_id"]) == {report.run_id}
    runs = store.runs()
    assert list(runs["run_id"]) == [report.run_id]
    assert (runs.loc[0, "extractor"], runs.loc[0, "extractor_version"], runs.loc[0, "articles"]) == ("fake", "0.1", 2)
    assert json.loads(runs.loc[0, "errors"]) == []


def test_reingesting_the_same_article_keeps_the_row_count(news, store):
    first = ingest_paths([news], store, extractor=FakeExtractor(), progress=False, pipeline=FAKE)
    again = ingest_paths([news / "a.txt", news / "a.txt"], store, extractor=FakeExtractor(), progress=False,
                         pipeline=FAKE)
    assert store.count() == 3
    assert (again.articles_read, again.events_new, again.events_updated, again.events_unchanged) == (1, 0, 0, 2)
    # Unchanged rows keep pointing to the run that wrote them.
    assert set(store.load_frame()["run_id"]) == {first.run_id}


def test_a_revised_article_updates_in_place_and_drops_events_it_no_longer_has(news, store):
    ingest_paths([news], store, extractor=FakeExtractor(), progress=False, pipeline=FAKE)
    # Same URL => same article id: the toll is revised and the Kalat event is gone.
    (news / "a.txt").write_text(article("https://example.org/a",
                                        "EVENT Kharan|Violence against civilians|Unidentified Armed Group (Pakistan)|Civilians (Pakistan)|8"))
    report = ingest_paths([news / "a.txt"], store, extractor=FakeExtractor(), progress=False, pipeline=FAKE)
    assert (report.events_new, report.events_updated, report.events_removed) == (0, 1, 1)
    frame = store.load_frame().set_index("location")
    assert sorted(frame.index) == ["Gwadar", "Kharan"] and frame.loc["Kharan", "fatalities"] == 8
    assert frame.loc["Kharan", "run_id"] == report.run_id


def test_bad_files_are_reported_and_skipped(news, store, tmp_path):
    (news / "empty.txt").write_text("title: x\nurl: \npublished: 2026-01-01\n---\n   \n")
    (news / "choke.txt").write_text(article("https://example.org/c", "BROKEN"))
    report = ingest_paths([news, tmp_path / "nowhere"], store, extractor=FakeExtractor(), progress=False,
                          pipeline=FAKE)
    reasons = dict(report.rejects)
    assert report.articles_read == 2 and store.count() == 3
    assert "no body text" in reasons[str(news / "empty.txt")]
    assert "choked" in reasons[str(news / "choke.txt")]
    assert reasons[str(tmp_path / "nowhere")] == "no such file or folder"
    assert len(json.loads(store.runs().loc[0, "errors"])) == 3


def test_ingest_texts_reads_pasted_text_and_uploaded_bytes(store):
    pasted = article("", "EVENT Quetta|Battles|Police Forces of Pakistan|Unidentified Armed Group (Pakistan)|15")
    upload = article("https://example.org/u",
                     "EVENT Kalat|Battles|Police Forces of Pakistan|Unidentified Armed Group (Pakistan)|0").encode()
    report = ingest_texts([("pasted", pasted), ("upload.txt", upload), ("blank.txt", b"")], store,
                          extractor=FakeExtractor(), pipeline=FAKE)
    assert (report.articles_read, report.events_new) == (2, 2)
    assert [name for name, _ in report.rejects] == ["blank.txt"]
    again = ingest_texts([("pasted", pasted)], store, extractor=FakeExtractor(), pipeline=FAKE)
    assert (again.events_new, again.events_unchanged) == (0, 1) and store.count() == 2


def test_extractor_by_name_and_unknown_names(news, store):
    report = ingest_paths([news], store, extractor="fake", progress=False, pipeline=FAKE)
    assert report.events_new == 3
    with pytest.raises(ConfigurationError, match="nope"):
        ingest_paths([news], store, extractor="nope", progress=False, pipeline=FAKE)


def test_article_without_events_is_read_and_listed(store, tmp_path):
    path = tmp_path / "quiet.txt"
    path.write_text(article("https://example.org/q"))
    report = ingest_paths([path], store, extractor=FakeExtractor(), progress=False, pipeline=FAKE)
    assert report.articles_read == 1 and report.articles_without_events == [str(path)] and store.count() == 0


def test_published_override_reaches_the_reader(store, tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text("A made-up report.\nEVENT Sibi|Riots|Rioters (Pakistan)||1\n")
    ingest_paths([path], store, extractor=FakeExtractor(), progress=False, pipeline=FAKE,
                 published=dt.date(2025, 3, 11))
    assert store.load_frame().loc[0, "event_date"].date() == dt.date(2025, 3, 11)


def test_article_files_lists_folders_sorted_and_skips_labels(news):
    files, missing = article_files([news])
    assert [p.relative_to(news).as_posix() for p in files] == ["a.txt", "sub/b.md"] and missing == []


def test_cli_prints_a_summary_and_fails_only_when_nothing_was_read(news, db_url, monkeypatch, capsys):
    monkeypatch.setattr(ingest_run, "default_pipeline", lambda: FAKE)
    url = db_url
    assert ingest_main([str(news), "--store", url, "--extractor", "fake", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "articles read: 2" in out and "3 new, 0 updated, 0 unchanged" in out
    (news / "bad.txt").write_text("")
    assert ingest_main([str(news), "--store", url, "--extractor", "fake", "--quiet",
                        "--published", "2026-02-01"]) == 0
    out = capsys.readouterr().out
    assert "rejected: 1" in out and "bad.txt" in out
    assert ingest_main([str(news / "bad.txt"), "--store", url, "--extractor", "fake", "--quiet"]) == 1
    assert "bad.txt" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        ingest_main([str(news), "--published", "yesterday"])


def test_report_lines_are_readable():
    report = IngestReport(3, 2, 1, 0, [("x.txt", "empty")], "run-1")
    assert report.lines() == ["articles read: 3", "events: 2 new, 1 updated, 0 unchanged", "run: run-1",
                              "rejected: 1", "  x.txt: empty"]
