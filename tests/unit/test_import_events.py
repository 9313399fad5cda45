"""Event files through the ingest layer: places resolved like extracted ones, one run, the CLI summary."""
from __future__ import annotations

import json
import math

import pytest

from data.store import EventStore
from ingest.__main__ import main as ingest_main
from ingest.events import import_event_files, read_event_file, store_loaded
from ingest.places import resolve_places
from data.loader import read_events

PLACES = b"""event_date,event_type,actor1,location,admin1,admin2,latitude,longitude,geo_precision
2025-05-16,Battles,Police Forces of Pakistan,Noshki,Baluchistan,Noshki,,,
2025-05-17,Battles,Police Forces of Pakistan,Qqzzyx Kili,Balochistan,Noshki,,,
2025-05-18,Battles,Police Forces of Pakistan,Qqzzyx Kili,Balochistan,Qqzzyx District,,,
2025-05-19,Battles,Police Forces of Pakistan,Turbat,Balochistan,Kech,26.1,63.1,2
"""


def test_imported_places_take_the_gazetteers_names_and_points():
    frame = read_event_file(PLACES, "places.csv").frame
    town, village, nowhere, given = (frame.iloc[i] for i in range(4))
    assert (town["admin1"], town["admin2"]) == ("Balochistan", "Nushki")
    assert town["geo_status"] == "located" and town["geo_precision"] == 1 and town["geo_name"] == "Nushki"
    assert town["place_raw"] == "Noshki, Noshki, Baluchistan"  # the file's own spelling is kept
    # An unknown village in a known district: the district's point, at district precision.
    assert village["admin2"] == "Nushki" and village["geo_status"] == "located" and village["geo_precision"] == 3
    # Nothing to place it by: kept, unlocated, never at a made-up point.
    assert nowhere["geo_status"] == "unlocated" and math.isnan(nowhere["latitude"])
    # Coordinates the file gives are kept.
    assert (given["latitude"], given["longitude"], given["geo_precision"]) == (26.1, 63.1, 2)


def test_the_district_filter_lists_one_spelling(store):
    store.upsert_events(read_event_file(PLACES, "places.csv").frame)
    districts = set(store.load_frame()["admin2"].dropna())
    assert "Noshki" not in districts and "Nushki" in districts


def test_resolve_places_leaves_a_frame_without_admin_names_alone():
    frame = read_events(b"event_date,event_type,actor1,location\n2025-05-16,Battles,A,Qqzzyx\n", filename="a.csv").frame
    out = resolve_places(frame)
    assert out.loc[0, "geo_status"] == "unlocated" and out.loc[0, "place_raw"] == "Qqzzyx"


GOOD = b"""event_date,event_type,actor1,location,fatalities,notes
16 May 2025,Explosions/Remote violence,Unidentified Armed Group (Pakistan),Quetta,1,grenade at a shop
16 May 2025,Explosions/Remote violence,Unidentified Armed Group (Pakistan),Quetta,2,grenade at a house
16 May 2025,Explosions/Remote violence,Unidentified Armed Group (Pakistan),Quetta,2,grenade at a house
2021-01-02T00:00:00Z,Battles,Military Forces of Pakistan,Turbat,3,NA,one,too,many
"""


def test_import_event_files_records_one_run_with_every_reject(store, tmp_path):
    good = tmp_path / "good.csv"
    good.write_bytes(GOOD)
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    report = import_event_files([good, deep, tmp_path / "missing.csv"], store)
    assert report.summary.new == 2 and store.count() == 2
    by_name = {f.name: f for f in report.files}
    assert "nested too deeply" in by_name[str(deep)].error
    assert "cannot read" in by_name[str(tmp_path / "missing.csv")].error
    assert [(r.row, r.reason.split(" (")[0]) for r in by_name[str(good)].rejects] == [
        (4, "duplicate row"), (5, "9 fields where the header has 6")]
    run = store.runs().iloc[0]
    errors = json.loads(run["errors"])
    assert run["finished"] is not None and len(errors) == 4
    assert {"file", "row", "column", "value", "reason"} <= set(errors[0]) | set(errors[-1])


def test_store_loaded_records_the_pages_import_as_a_run(store):
    result = read_event_file(GOOD, "good.csv")
    report = store_loaded(store, result, "good.csv")
    assert report.summary.new == 2 and len(json.loads(store.runs().iloc[0]["errors"])) == 2


def test_cli_imports_event_files_and_prints_the_summary(db_url, tmp_path, capsys):
    good = tmp_path / "good.csv"
    good.write_bytes(GOOD)
    listed = tmp_path / "events.json"
    listed.write_text(json.dumps([{"event_date": "2025-05-20", "event_type": "Battles", "actor1": "A",
                                   "location": "Kalat", "inter1": 1}]))
    assert ingest_main([str(good), str(listed), "--store", db_url, "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "event files read: 2 of 2, 5 rows" in out and "events: 3 new, 0 updated, 0 unchanged" in out
    assert "good.csv row 5, (row) = " in out and "9 fields where the header has 6" in out
    assert "good.csv row 4, event_id_cnty" in out and "duplicate row (identical to row 3)" in out
    assert ingest_main([str(good), "--store", db_url, "--quiet"]) == 0
    assert "0 new, 0 updated, 2 unchanged" in capsys.readouterr().out
    store = EventStore(db_url)
    assert store.count() == 3
    assert store.load_frame().set_index("location").loc["Kalat", "inter1"] == "State forces"
    store.close()


def test_cli_fails_only_when_nothing_could_be_read(db_url, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\xff\xfe")
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 50_000 + "]" * 50_000)
    assert ingest_main([str(bad), str(deep), "--store", db_url, "--quiet"]) == 1
    out = capsys.readouterr().out
    assert "not UTF-8" in out and "nested too deeply" in out
