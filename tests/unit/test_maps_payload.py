"""The browser payload: compact, escaped, deterministic, located rows only."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from errors import SchemaError
from maps import EVENT_COLOURS, SIZE_BANDS, count_unlocated, located_mask
from maps.payload import ALPHABET, build_point_payload, pack_ints, script_safe_json, unpack_ints
from maps.styles import TYPE_COLOURS, TYPE_ORDER, type_codes

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"


def events(rows: list[dict]) -> pd.DataFrame:
    base = {"event_date": "2025-03-01", "event_type": "Battles", "sub_event_type": "Armed clash",
            "actor1": "Military Forces of Pakistan", "actor2": "BLA", "location": "Turbat", "admin2": "Kech",
            "admin1": "Balochistan", "latitude": 26.0, "longitude": 63.05, "fatalities": 0,
            "evidence": "Two soldiers were wounded.", "source": "Example Daily",
            "source_url": "https://example.org/a"}
    return pd.DataFrame([{**base, **row} for row in rows])


def decode(payload_json: str) -> dict:
    return json.loads(payload_json)


@pytest.mark.parametrize("values", [[0], [5, 5, 5], [0, 63, 64, 4095, 4096], [-9_000_000, 9_000_000, 0],
                                    list(range(1000))])
def test_pack_ints_round_trips(values):
    packed = pack_ints(np.array(values))
    assert set(packed["s"]) <= set(ALPHABET.decode())
    assert (unpack_ints(packed) or [packed["min"]] * len(values)) == values


def test_pack_ints_is_fixed_width():
    packed = pack_ints(np.array([0, 1, 4096]))
    assert packed["w"] == 3 and len(packed["s"]) == 9


def test_rows_without_coordinates_are_left_out_and_counted():
    df = events([{}, {"latitude": None, "longitude": None}, {"latitude": float("nan")},
                 {"latitude": 95.0}, {"location": "Gwadar", "latitude": 25.23, "longitude": 62.33}])
    assert located_mask(df).tolist() == [True, False, False, False, True]
    assert count_unlocated(df) == 3
    payload = build_point_payload(df)
    doc = decode(payload.json)
    assert payload.count == doc["n"] == 2
    assert [v / doc["scale"] for v in unpack_ints(doc["lat"])] == [26.0, 25.23]
    assert doc["loc"]["v"] == ["Turbat", "Gwadar"]


def test_empty_frame_gives_empty_payload_without_bounds():
    payload = build_point_payload(events([{}]).iloc[0:0])
    assert payload.count == 0 and payload.bounds is None


def test_bounds_cover_located_points():
    payload = build_point_payload(events([{}, {"latitude": 30.19, "longitude": 67.01}]))
    assert payload.bounds.as_folium() == [[26.0, 63.05], [30.19, 67.01]]


def test_text_is_dictionary_encoded_not_repeated():
    df = events([{}] * 500)
    doc = decode(build_point_payload(df).json)
    assert doc["loc"]["v"] == ["Turbat"] and doc["loc"]["c"]["w"] == 0
    assert build_point_payload(df).json.count("Two soldiers were wounded.") == 1


def test_actor_codes_share_one_list():
    doc = decode(build_point_payload(events([{}, {"actor1": "BLA", "actor2": "Military Forces of Pakistan"}])).json)
    actors = doc["actor"]["v"]
    assert sorted(actors) == ["BLA", "Military Forces of Pakistan"]
    first = [actors[c] for c in unpack_ints(doc["actor"]["c1"])]
    assert first == ["Military Forces of Pakistan", "BLA"]


def test_markup_in_article_text_cannot_leave_the_script_element():
    df = events([{"evidence": f"He said {XSS_SCRIPT} and {XSS_IMG}", "location": XSS_IMG,
                  "actor1": "</script><script>alert(2)</script>", "source_url": "javascript:alert(1)"}])
    text = build_point_payload(df).json
    assert "<" not in text and ">" not in text and "&" not in text
    doc = decode(text)   # the escapes are JSON escapes: the browser gets the exact text back
    assert doc["ev"]["v"] == [f"He said {XSS_SCRIPT} and {XSS_IMG}"]
    assert doc["loc"]["v"] == [XSS_IMG]


def test_script_safe_json_escapes_line_separators_and_rejects_nan():
    assert script_safe_json({"a": "x\u2028y"}) == '{"a":"x\\u2028y"}'
    with pytest.raises(ValueError):
        script_safe_json({"a": float("nan")})


def test_long_evidence_is_trimmed_for_the_popup():
    doc = decode(build_point_payload(events([{"evidence": "word " * 500}])).json)
    (text,) = doc["ev"]["v"]
    assert len(text) <= 400 and text.endswith("\u2026")


def test_dates_show_as_days_whatever_their_dtype():
    df = events([{}, {}])
    df["event_date"] = pd.to_datetime(["2025-03-01", "2025-03-02"])
    doc = decode(build_point_payload(df).json)
    assert doc["date"]["v"] == ["2025-03-01", "2025-03-02"]


def test_missing_popup_columns_show_empty_but_coordinates_are_required():
    df = events([{}])[["latitude", "longitude", "event_type"]]
    doc = decode(build_point_payload(df).json)
    assert doc["ev"]["v"] == [""]
    with pytest.raises(SchemaError, match="longitude"):
        build_point_payload(df.drop(columns=["longitude"]))


def test_event_types_map_to_fixed_colour_indexes():
    codes = type_codes(pd.Series(["Riots", "Battles", "Not a type", None]))
    # The store's frame holds a category: the same codes, looked up per category.
    as_category = type_codes(pd.Series(["Riots", "Battles", "Not a type", None], dtype="category"))
    assert as_category.tolist() == codes.tolist()
    assert [TYPE_ORDER[c] for c in codes] == ["Riots", "Battles", "Other", "Other"]
    assert TYPE_COLOURS[TYPE_ORDER.index("Protests")] == EVENT_COLOURS["Protests"]
    assert len(set(EVENT_COLOURS.values())) == len(EVENT_COLOURS) == 6


def test_size_bands_grow_with_fatalities():
    assert [b.min_fatalities for b in SIZE_BANDS] == sorted(b.min_fatalities for b in SIZE_BANDS)
    assert [b.diameter_px for b in SIZE_BANDS] == sorted({b.diameter_px for b in SIZE_BANDS})
    doc = decode(build_point_payload(events([{"fatalities": 0}, {"fatalities": 12}, {"fatalities": None}])).json)
    assert unpack_ints(doc["fat"]) == [0, 12, 0]


def test_identical_input_gives_identical_payload_and_digest():
    df = events([{}, {"location": "Quetta", "latitude": 30.19, "longitude": 67.01}])
    first, second = build_point_payload(df), build_point_payload(df.copy())
    assert first == second
    assert build_point_payload(df.iloc[:1]).digest != first.digest


def test_heat_payload_carries_coordinates_only():
    doc = decode(build_point_payload(events([{}]), details=False).json)
    assert set(doc) == {"v", "n", "scale", "lat", "lon"}
