"""The extractor's confidence and reasons for doubt: stored by ingest, kept by an export and import,
and the review queue's order and plain-English reasons (real stores, the real rules extractor)."""
from __future__ import annotations

import ast
from pathlib import Path

import pandas as pd
import pytest

from data.doubt import NOTHING, REASON_DOUBT, UNLOCATED, extractor_doubt, plain_reason, review_queue
from data.export import to_csv_bytes
from data.review import ReviewDesk
from data.sample import synthetic_events
from data.store import EventStore
from ingest.events import read_event_file, store_loaded
from ingest.run import default_pipeline, ingest_texts

ROOT = Path(__file__).resolve().parents[2]
# A shopkeeper shot in a town only the dateline names: the rules extractor doubts the place and the toll.
DATELINE_ONLY = ("title: Shopkeeper shot dead\nurl: https://example.org/doubt-1\npublished: 2025-05-14\n---\n"
                 "QUETTA: Unidentified gunmen shot dead a shopkeeper on Tuesday, police said.\n")


def _rows(*changes: dict) -> list[dict]:
    """Synthetic events, one per ``changes``, each with those values (dates newest first by default)."""
    base = synthetic_events(len(changes), seed=3).to_dict("records")
    out = []
    for i, (row, change) in enumerate(zip(base, changes)):
        row.update({"event_date": f"2025-01-{20 - i:02d}", "year": 2025, "latitude": 30.19, "longitude": 67.01,
                    "geo_status": "located", "geo_name": "Quetta", "location": "Quetta", **change})
        out.append(row)
    return out


def test_an_ingested_report_stores_the_extractors_confidence_and_reasons(store):
    pipeline = default_pipeline()
    coded = pipeline.extract_events(pipeline.parse_article(DATELINE_ONLY), extractor=pipeline.get_extractor("rules"))
    assert len(coded) == 1 and coded[0]["doubts"] and coded[0]["confidence"] < 1   # something to keep
    ingest_texts([("pasted", DATELINE_ONLY)], store)
    [row] = store.load_frame().to_dict("records")
    assert row["doubts"] == coded[0]["doubts"] and row["confidence"] == coded[0]["confidence"]
    assert "place taken from the dateline" in row["doubts"].split("; ")


def test_an_export_round_trips_confidence_and_doubts(store, tmp_path):
    ingest_texts([("pasted", DATELINE_ONLY)], store)
    stored = store.load_frame()
    exported = to_csv_bytes(stored)
    other = EventStore(f"sqlite:///{tmp_path / 'other.sqlite'}")
    try:
        report = store_loaded(other, read_event_file(exported, "export.csv"), "export.csv", analyst="ana")
        assert report.summary.new == 1
        again = other.load_frame()
    finally:
        other.close()
    assert list(again["confidence"]) == list(stored["confidence"]) and list(again["doubts"]) == list(stored["doubts"])
    # The same file back into its own store changes nothing: neither column is an analyst's correction.
    report = store_loaded(store, read_event_file(exported, "export.csv"), "export.csv", analyst="ana")
    assert (report.summary.updated, report.summary.unchanged) == (0, 1)
    assert list(store.load_frame()["version"]) == list(stored["version"])


def test_the_most_doubtful_events_come_first_with_their_reasons_in_plain_english(store):
    sure, doubted, imported = _rows(
        {"confidence": 1.0, "doubts": ""},
        {"confidence": 0.55,
         "doubts": "place taken from the dateline; competing tolls [3, 5]; toll from a single mention"},
        {"confidence": None, "doubts": "", "origin": "imported"},
    )
    doubted["event_date"] = "2024-06-01"                     # the oldest: only its doubt puts it first
    store.upsert_events([sure, doubted, imported])
    queue = review_queue(store)
    assert list(queue["event_id_cnty"]) == [r["event_id_cnty"] for r in (doubted, sure, imported)]
    first = queue.iloc[0]
    assert first["doubt"] == 0.45 and first["confidence"] == 0.55
    assert first["reasons"] == ("the place is the report's dateline, not a place its story names",
                                "the report gives competing death tolls (3, 5)",
                                "the death toll rests on a single mention in the report")
    assert first["why"] == "; ".join(first["reasons"])
    assert list(queue["why"][1:]) == [NOTHING, NOTHING] and list(queue["doubt"][1:]) == [0.0, 0.0]
    assert pd.isna(queue["confidence"].iloc[2])               # an ACLED row: not known, not "sure"


def test_a_reviewed_event_leaves_the_queue_whatever_the_extractor_doubted(store):
    [row] = _rows({"confidence": 0.1, "doubts": "publication date guessed"})
    store.upsert_events([row])
    desk = ReviewDesk(store, "ana")
    desk.mark_reviewed(row["event_id_cnty"], version=1)
    assert review_queue(store).empty
    assert list(review_queue(store, include_reviewed=True)["doubt"]) == [0.9]


def test_the_gazetteer_doubt_follows_the_place_as_it_is_now(store):
    lost, placed = _rows(
        {"confidence": 0.85, "doubts": "place not found in the gazetteer", "geo_status": "unlocated",
         "latitude": None, "longitude": None, "geo_name": ""},
        {"confidence": 0.85, "doubts": "place not found in the gazetteer"},   # an analyst set its place since
    )
    store.upsert_events([lost, placed])
    queue = review_queue(store).set_index("event_id_cnty")
    assert queue.loc[lost["event_id_cnty"], "reasons"] == (UNLOCATED,)   # said once, not twice
    assert queue.loc[placed["event_id_cnty"], "reasons"] == ()
    assert queue.loc[lost["event_id_cnty"], "doubt"] == 1.15


def test_a_reason_without_a_reading_is_shown_as_written_and_reasons_without_confidence_count():
    assert plain_reason("  the lead names two districts ") == "the lead names two districts"
    score, reasons = extractor_doubt(None, "the lead names two districts; toll from a single mention")
    assert score == 2 * REASON_DOUBT
    assert reasons == ["the lead names two districts", "the death toll rests on a single mention in the report"]
    assert extractor_doubt(float("nan"), "") == (0.0, [])
    score, reasons = extractor_doubt(0.7, None)
    assert score == pytest.approx(0.3) and reasons == []


def _written_reasons() -> list[str]:
    """Every reason extraction/ can write: the strings handed to ``doubts.append`` / ``doubts.insert``
    (an f-string's value is filled in as a list of tolls would be)."""
    found = []
    for path in sorted((ROOT / "extraction").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("append", "insert") and isinstance(node.func.value, ast.Name)
                    and node.func.value.id == "doubts" and node.args):
                continue
            arg = node.args[-1]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.append(arg.value)
            elif isinstance(arg, ast.JoinedStr):
                found.append("".join(v.value if isinstance(v, ast.Constant) else "[3, 5]" for v in arg.values))
    return found


def test_every_reason_the_extractor_can_give_has_a_plain_reading():
    written = _written_reasons()
    assert len(written) >= 9, written   # the scan still finds the extractor's reasons
    unread = [r for r in written if plain_reason(r) == r]
    assert unread == [], f"give these extractor reasons a plain reading in data/doubt.py: {unread}"
