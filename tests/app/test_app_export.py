"""The sidebar export gives exactly the filtered rows, byte for byte, without rerunning the page."""
from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from unittest.mock import patch

import pandas as pd
from streamlit.delta_generator import DeltaGenerator

from data.export import to_csv_bytes
from data.filters import Filters
from data.schema import COLUMN_NAMES
from tests.app.helpers import open_page

GOLDEN = Path(__file__).parent / "golden" / "battles_in_balochistan.csv"
QUERY = {"province": "Balochistan", "type": "Battles"}


def _download_calls(query: dict[str, str]) -> dict[str, dict]:
    """Run the dashboard with ``query`` and capture the kwargs of each download button by key.

    AppTest keeps the button but not its bytes (its media store is thrown away after the
    run), so spy on the method the sidebar calls.
    """
    with patch.object(DeltaGenerator, "download_button", autospec=True,
                      side_effect=DeltaGenerator.download_button) as spy:
        at = open_page("map", query=query)
    assert not at.exception
    return {call.kwargs["key"]: call.kwargs for call in spy.call_args_list}


def test_csv_download_matches_golden_file(store_url: str, stored_frame: pd.DataFrame) -> None:
    calls = _download_calls(QUERY)
    csv_call = calls["export_csv"]
    assert csv_call["on_click"] == "ignore"          # downloading must not rerun the page
    assert callable(csv_call["data"])                # bytes are built only on click
    data = csv_call["data"]()
    if os.environ.get("UPDATE_GOLDEN") == "1":       # regenerate deliberately, never silently
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_bytes(data)
    assert data == GOLDEN.read_bytes()

    expected = Filters(admin1=("Balochistan",), event_type=("Battles",)).apply(stored_frame)
    assert data == to_csv_bytes(expected)
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    assert len(rows) == len(expected) > 0
    assert tuple(rows[0]) == COLUMN_NAMES
    assert {r["event_type"] for r in rows} == {"Battles"} and {r["admin1"] for r in rows} == {"Balochistan"}


def test_geojson_download_holds_the_filtered_rows(store_url: str, stored_frame: pd.DataFrame) -> None:
    calls = _download_calls(QUERY)
    geojson = json.loads(calls["export_geojson"]["data"]())
    expected = Filters(admin1=("Balochistan",), event_type=("Battles",)).apply(stored_frame)
    assert geojson["type"] == "FeatureCollection"
    assert len(geojson["features"]) == len(expected)
    assert calls["export_geojson"]["on_click"] == "ignore"
