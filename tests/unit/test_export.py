from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd

from data.export import to_csv_bytes, to_geojson_bytes
from data.loader import read_events, to_frame
from data.sample import synthetic_events
from data.schema import COLUMN_NAMES, COLUMNS

FIXTURE_EVENTS = Path(__file__).resolve().parents[1] / "fixtures" / "events"

GOLDEN = FIXTURE_EVENTS / "golden_export.csv"


def golden_frame() -> pd.DataFrame:
    """Two hand-made rows: one located with a risky note, one unlocated with empty counts."""
    return to_frame([
        {"event_id_cnty": "PAKGOLD00001", "event_date": "2026-01-31", "year": 2026, "time_precision": 1,
         "disorder_type": "Political violence", "event_type": "Battles", "sub_event_type": "Armed clash",
         "actor1": "Unidentified Armed Group (Pakistan)", "inter1": "Political militia",
         "actor2": "Police Forces of Pakistan", "inter2": "State forces",
         "interaction": "Political militia-State forces", "iso": 586, "region": "South Asia",
         "country": "Pakistan", "admin1": "Balochistan", "admin2": "Kalat", "location": "Kalat",
         "latitude": 29.0258, "longitude": -66.59, "geo_precision": 1, "source": "Synthetic Wire",
         "source_scale": "National", "notes": "=HYPERLINK(\"http://x\")", "fatalities": 0,
         "tags": "@mention", "timestamp": 1769990400, "place_raw": "Kalat town", "geo_name": "Kalat",
         "geo_status": "located", "evidence": "+3 injured, \"police\" said", "source_url": "https://example.org/a",
         "article_id": "abc", "origin": "extracted", "run_id": "r1", "confidence": 0.7,
         "doubts": "place taken from the dateline; competing tolls [3, 5]"},
        {"event_id_cnty": "PAKGOLD00002", "event_date": "2025-12-05", "event_type": "Protests",
         "sub_event_type": "Peaceful protest", "actor1": "-Protesters (Pakistan)", "location": "Somewhere\tnew",
         "notes": "line one\nline two", "evidence": "\tTabbed", "geo_status": "unlocated",
         "origin": "imported"},
    ])


def test_csv_matches_the_golden_file_byte_for_byte():
    assert to_csv_bytes(golden_frame()) == GOLDEN.read_bytes()


def test_csv_header_is_the_schema_order_with_acled_columns_first():
    header = to_csv_bytes(golden_frame()).split(b"\n", 1)[0].decode()
    names = header.split(",")
    assert names == list(COLUMN_NAMES)
    acled = [c.acled for c in COLUMNS]
    assert acled == sorted(acled, reverse=True)


def test_formula_cells_are_neutralised_but_numbers_are_not():
    rows = list(pd.read_csv(io.BytesIO(to_csv_bytes(golden_frame())), dtype=str, keep_default_na=False)
                .to_dict("records"))
    assert rows[0]["notes"] == "'=HYPERLINK(\"http://x\")"
    assert rows[0]["tags"] == "'@mention" and rows[0]["evidence"].startswith("'+3")
    assert rows[1]["actor1"] == "'-Protesters (Pakistan)" and rows[1]["evidence"] == "'\tTabbed"
    assert rows[0]["longitude"] == "-66.59" and rows[0]["fatalities"] == "0"
    assert rows[1]["fatalities"] == "" and rows[1]["latitude"] == "" and rows[0]["year"] == "2026"


def test_csv_of_synthetic_events_imports_back_unchanged():
    events = synthetic_events(200, seed=9)
    result = read_events(to_csv_bytes(events), filename="export.csv")
    assert result.rejects == []
    pd.testing.assert_frame_equal(result.frame, events, check_categorical=False)


def test_geojson_is_a_valid_feature_collection():
    doc = json.loads(to_geojson_bytes(golden_frame()))
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == 2
    located, unlocated = doc["features"]
    assert located["type"] == "Feature"
    assert located["geometry"] == {"type": "Point", "coordinates": [-66.59, 29.0258]}
    assert unlocated["geometry"] is None
    props = located["properties"]
    assert set(props) == set(COLUMN_NAMES) - {"latitude", "longitude"}
    assert props["event_date"] == "2026-01-31" and props["fatalities"] == 0 and props["iso"] == 586
    assert props["notes"] == "=HYPERLINK(\"http://x\")"  # JSON is data, not a spreadsheet
    assert unlocated["properties"]["fatalities"] is None and unlocated["properties"]["admin2"] is None


def test_geojson_of_many_events_has_one_feature_each():
    events = synthetic_events(500, seed=2)
    doc = json.loads(to_geojson_bytes(events))
    nulls = sum(f["geometry"] is None for f in doc["features"])
    assert len(doc["features"]) == 500 and nulls == int(events["latitude"].isna().sum())
