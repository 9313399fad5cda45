from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from data.export import to_geojson_bytes
from data.loader import read_events, to_frame
from data.sample import synthetic_events
from data.schema import COLUMN_NAMES
from errors import SchemaError

FIXTURE_EVENTS = Path(__file__).resolve().parents[1] / "fixtures" / "events"


def test_to_frame_types_every_column_from_the_schema():
    frame = to_frame([{"event_id_cnty": "PAKX", "event_date": "2026-01-31", "fatalities": "3",
                       "latitude": 30.1, "admin2": "Quetta", "extra": "dropped"}])
    assert list(frame.columns) == list(COLUMN_NAMES)
    assert str(frame["event_date"].dtype) == "datetime64[ns]"
    assert frame.loc[0, "event_date"] == pd.Timestamp("2026-01-31")
    assert frame["fatalities"].dtype == "Int64" and frame.loc[0, "fatalities"] == 3
    assert frame["year"].isna().all() and frame["year"].dtype == "Int64"
    assert frame["admin2"].dtype == "category" and frame["event_type"].isna().all()
    assert frame["actor1"].dtype == "string" and frame.loc[0, "actor1"] == ""
    assert np.isnan(frame.loc[0, "longitude"])


def test_to_frame_refuses_a_value_that_does_not_convert():
    with pytest.raises(SchemaError, match="fatalities"):
        to_frame([{"event_id_cnty": "PAKX", "fatalities": "many"}])


def test_acled_export_imports_with_extra_columns_ignored():
    result = read_events(FIXTURE_EVENTS / "acled_export.csv", filename="acled_export.csv")
    assert result.rejects == []
    frame = result.frame
    assert list(frame["event_id_cnty"]) == ["PAK90001", "PAK90002", "PAK90003"]
    assert list(frame["event_date"].dt.strftime("%Y-%m-%d")) == ["2026-01-31", "2026-01-30", "2025-12-05"]
    assert set(frame["origin"]) == {"imported"}
    assert set(frame["article_id"]) == {""} and set(frame["run_id"]) == {""}
    assert set(frame["geo_status"]) == {"located"}
    assert list(frame["place_raw"]) == ["Quetta", "Turbat", "Gwadar"]
    assert frame.loc[0, "admin3"] == "Quetta City" and frame.loc[0, "fatalities"] == 4
    assert "population_best" not in frame.columns


def test_malformed_rows_are_rejected_with_row_column_value_and_reason():
    result = read_events((FIXTURE_EVENTS / "malformed.csv").read_bytes(), filename="malformed.csv")
    assert sorted(result.frame["event_id_cnty"]) == ["PAKT0001", "PAKT0008"]
    got = {(r.row, r.column, r.value) for r in result.rejects}
    assert got == {
        (3, "event_date", "31/31/2026"),
        (4, "event_type", "Picnic"),
        (5, "sub_event_type", "Suicide bomb"),
        (6, "latitude", "95.5"),
        (7, "fatalities", "two"),
        (8, "actor1", ""),
        (10, "event_id_cnty", "PAKT0001"),
        (11, "fatalities", "1.5"),
    }
    reasons = {r.column: r.reason for r in result.rejects}
    assert "not a date" in reasons["event_date"] and "out of range" in reasons["latitude"]
    assert "required" in reasons["actor1"] and "duplicate" in reasons["event_id_cnty"]
    unlocated = result.frame.set_index("event_id_cnty").loc["PAKT0008"]
    assert unlocated["geo_status"] == "unlocated" and np.isnan(unlocated["latitude"])


def test_json_list_and_our_own_geojson_round_trip():
    events = synthetic_events(20, seed=4)
    records = json.loads(events.assign(event_date=events["event_date"].dt.strftime("%Y-%m-%d"))
                         .to_json(orient="records"))
    from_json = read_events(json.dumps({"events": records}).encode(), filename="events.json")
    from_geojson = read_events(to_geojson_bytes(events), filename="events.geojson")
    for result in (from_json, from_geojson):
        assert result.rejects == []
        pd.testing.assert_frame_equal(result.frame, events, check_categorical=False)


def test_missing_event_id_is_made_stably_from_the_content():
    data = b"event_date,event_type,actor1,location\n2026-01-31,Battles,Police Forces of Pakistan,Kalat\n"
    first = read_events(data, filename="x.csv").frame
    again = read_events(data, filename="y.csv").frame
    assert first.loc[0, "event_id_cnty"].startswith("PAK")
    assert first.loc[0, "event_id_cnty"] == again.loc[0, "event_id_cnty"]
    assert first.loc[0, "disorder_type"] == "Political violence" and first.loc[0, "year"] == 2026


@pytest.mark.parametrize("data, filename, message", [
    (b"", "empty.csv", "empty.csv: the file is empty"),
    (b"\xff\xfe\x00b\x00a\x00d", "utf16.csv", "not UTF-8"),
    (b"location,actor1\nQuetta,Police\n", "nodate.csv", "no 'event_date' column"),
    (b"event_date,location\n2026-01-01,Quetta\n", "few.csv", "required column(s) missing: event_type, actor1"),
    (b"{not json", "broken.json", "broken.json: not valid JSON"),
    (b'{"a": 1}', "odd.json", "expected a JSON list"),
    (b"PK\x03\x04", "sheet.xlsx", "unsupported file type '.xlsx'"),
])
def test_whole_file_problems_raise_schema_error_naming_the_file(data, filename, message):
    with pytest.raises(SchemaError) as info:
        read_events(data, filename=filename)
    assert message in str(info.value) and filename in str(info.value)


def test_unreadable_path_is_a_schema_error(tmp_path):
    with pytest.raises(SchemaError, match="missing.csv: cannot read"):
        read_events(tmp_path / "missing.csv", filename="missing.csv")
