"""Server-side cells for large maps: exact counts at every zoom, nested levels, bounded size."""
from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd

from data.sample import synthetic_events
from maps import aggregates, build_event_map_with_summary, map_columns
from maps.cells import AGGREGATE_ABOVE, CELL_COLUMNS, CELL_PX, build_cell_payload, world_pixels
from maps.payload import COORD_SCALE, MAP_COLUMNS, unpack_ints
from maps.styles import TYPE_ORDER

JS_FILE = Path(__file__).resolve().parents[2] / "maps" / "static" / "event_layer.js"


def values(col: dict, n: int) -> list[int]:
    return unpack_ints(col) if col["w"] else [col["min"]] * n


def levels(payload_json: str) -> list[dict]:
    return json.loads(payload_json)["levels"]


def frame(n: int, seed: int = 5) -> pd.DataFrame:
    return synthetic_events(n, seed=seed)[list(CELL_COLUMNS)]


def test_every_level_counts_every_located_event_and_its_fatalities():
    df = frame(3_000)
    payload = build_cell_payload(df, min_zoom=4, max_zoom=14)
    located = df["latitude"].notna()
    assert payload.count == int(located.sum())
    dead = int(df.loc[located, "fatalities"].fillna(0).sum())
    for level in levels(payload.json):
        n = level["n"]
        assert sum(values(level["cnt"], n)) == payload.count
        assert sum(values(level["fat"], n)) == dead
        per_type = np.array(values(level["tc"], n * len(TYPE_ORDER))).reshape(n, len(TYPE_ORDER))
        assert (per_type.sum(axis=1) == values(level["cnt"], n)).all()


def test_levels_widen_by_zoom_and_each_cell_holds_only_its_own_events():
    df = pd.DataFrame({"latitude": [26.0, 26.0001, 26.3, 30.2], "longitude": [63.0, 63.0001, 63.3, 67.0],
                       "event_type": ["Battles", "Riots", "Protests", "Battles"], "fatalities": [1, 0, 4, 2]})
    docs = levels(build_cell_payload(df, min_zoom=4, max_zoom=14).json)
    assert [d["z"] for d in docs] == list(range(4, 15))
    counts = [d["n"] for d in docs]
    assert counts == sorted(counts) and counts[0] == 2 and counts[-1] == 3   # the two near points stay together
    top = docs[-1]
    cnt = values(top["cnt"], top["n"])
    for i, (s, no) in enumerate(zip(values(top["s"], top["n"]), values(top["no"], top["n"]))):
        lat = df["latitude"] * COORD_SCALE
        inside = ((lat >= s - 1) & (lat <= no + 1)).sum()
        assert inside >= cnt[i]
    # A cell is CELL_PX screen pixels at its own zoom: events 100 px apart at zoom 14 are in two cells.
    x, _ = world_pixels(np.array([26.0, 26.0]), np.array([63.0, 63.0 + 100 * 360 / (256 * 2 ** 14)]), 14)
    assert int(x[1] // CELL_PX) != int(x[0] // CELL_PX)


def test_a_single_event_cell_keeps_its_type_and_toll():
    df = pd.DataFrame({"latitude": [25.0], "longitude": [62.0], "event_type": ["Riots"], "fatalities": [7]})
    (level, *_) = levels(build_cell_payload(df, min_zoom=4, max_zoom=6).json)
    assert level["n"] == 1 and values(level["fat"], 1) == [7]
    assert values(level["tc"], len(TYPE_ORDER)) == [int(t == "Riots") for t in TYPE_ORDER]
    assert values(level["lat"], 1) == [25 * COORD_SCALE] and values(level["lon"], 1) == [62 * COORD_SCALE]


def test_levels_stop_where_the_cell_budget_is_spent():
    df = frame(20_000)
    payload = build_cell_payload(df, min_zoom=4, max_zoom=18, max_cells=3_000)
    docs = levels(payload.json)
    assert sum(d["n"] for d in docs) <= 3_000 and payload.zooms == (4, docs[-1]["z"]) and docs[-1]["z"] < 18


def test_unlocated_rows_are_left_out_and_an_empty_frame_gives_no_bounds():
    df = pd.DataFrame({"latitude": [np.nan, 26.0], "longitude": [np.nan, 63.0], "event_type": ["Battles"] * 2,
                       "fatalities": [1, 1]})
    assert build_cell_payload(df, min_zoom=4, max_zoom=8).count == 1
    empty = build_cell_payload(df.iloc[0:0], min_zoom=4, max_zoom=8)
    assert empty.count == 0 and empty.bounds is None


def test_a_large_map_sends_cells_and_reads_four_columns():
    assert not aggregates("clusters", AGGREGATE_ABOVE) and aggregates("clusters", AGGREGATE_ABOVE + 1)
    assert not aggregates("heat", 10 * AGGREGATE_ABOVE)
    assert map_columns("clusters", AGGREGATE_ABOVE + 1) == CELL_COLUMNS and map_columns("clusters", 10) == MAP_COLUMNS
    df = synthetic_events(AGGREGATE_ABOVE + 2_000, seed=9)
    m, summary = build_event_map_with_summary(df[list(CELL_COLUMNS)])
    html = m.get_root().render()
    data = re.search(r'id="ev-cells-[0-9a-f]+">([^<]*)</script>', html).group(1)
    assert json.loads(data)["n"] == summary.on_map == int(df["latitude"].notna().sum())
    assert len(data) < 1_000_000 and "ev-clusters-" not in html
    assert any("counted in cells" in note for note in summary.notes)


def test_browser_code_reads_every_cell_field():
    js = JS_FILE.read_text(encoding="utf-8")
    for key in ("lat", "lon", "s", "w", "no", "e", "cnt", "fat"):
        assert f'"{key}"' in js, key
    assert "level.tc" in js and "cells: cells" in js


def test_the_map_message_stays_bounded_however_many_events_match():
    """Ten times the events, hardly more to send: the cells cover the same places."""
    small = build_cell_payload(frame(10_000), min_zoom=4, max_zoom=14)
    large = build_cell_payload(frame(100_000), min_zoom=4, max_zoom=14)
    assert large.count > 9 * small.count
    assert len(large.json) < 2 * len(small.json) and len(large.json) < 1_000_000


def test_each_layer_takes_only_the_columns_it_reads():
    """A map built from map_columns alone equals the map built from every column."""
    from maps import build_event_map

    df = synthetic_events(400, seed=4)
    for layer in ("clusters", "heat", "districts"):
        columns = map_columns(layer, 400)
        assert set(columns) <= set(MAP_COLUMNS)
        whole = build_event_map(df, layer=layer).get_root().render()
        taken = build_event_map(df[list(columns)], layer=layer).get_root().render()
        assert re.sub(r"[0-9a-f]{32}", "", whole) == re.sub(r"[0-9a-f]{32}", "", taken), layer


def test_district_names_from_a_category_column_count_like_text():
    from maps.districts import build_district_payload

    df = synthetic_events(500, seed=6)
    as_text = df.assign(admin2=df["admin2"].astype("object"), admin1=df["admin1"].astype("object"))
    as_category = df.assign(admin2=(" " + df["admin2"].astype("object")).astype("category"),
                            admin1=df["admin1"].astype("category"))
    assert build_district_payload(as_category, ()).json == build_district_payload(as_text, ()).json


def test_the_deeper_levels_can_be_split_off_and_together_are_the_whole_payload():
    df = frame(20_000)
    whole = build_cell_payload(df, min_zoom=4, max_zoom=14)
    split = build_cell_payload(df, min_zoom=4, max_zoom=14, inline_cells=500)
    head, deep = levels(split.json), levels(split.deep_json)
    assert sum(d["n"] for d in head) <= 500 or len(head) == 1
    assert head + deep == levels(whole.json) and split.zooms == whole.zooms and split.count == whole.count
    assert whole.deep_json is None and split.digest != build_cell_payload(df.iloc[1:], min_zoom=4, max_zoom=14,
                                                                          inline_cells=500).digest
    # A budget the whole payload fits in splits nothing off.
    assert build_cell_payload(df, min_zoom=4, max_zoom=14, inline_cells=10 ** 6).deep_json is None


def test_a_kept_map_sends_the_deeper_cells_as_a_data_script(tmp_path):
    from maps import build_event_map_parts
    from maps.assets import write_data_script
    from streamlit_folium import _get_feature_group_string

    published = {}

    def publish(data_id: str, data_json: str) -> str:
        published[data_id] = write_data_script(tmp_path, data_id, data_json)
        return f"/served/{published[data_id]}"

    df = frame(20_000)
    parts = build_event_map_parts(df, publish_data=publish)
    group = _get_feature_group_string(parts.data, map=parts.base)
    deep_id = next(i for i in published if i.startswith("ev-deep-"))
    assert f'"url": "/served/{deep_id}.js"' in group and f'"id": "{deep_id}"' in group
    inline = build_event_map_parts(df)   # nothing to publish with: every level travels with the layer
    assert len(_get_feature_group_string(inline.data, map=inline.base)) > 2 * len(group)
    js = JS_FILE.read_text(encoding="utf-8")
    assert "opts.deep" in js and "deep.url" in js and "deep.last" in js


def test_old_data_scripts_are_pruned_and_the_ones_in_use_kept(tmp_path):
    import os

    from maps.assets import prune_data_scripts, write_data_script

    for i in range(5):
        write_data_script(tmp_path, f"ev-deep-{i}", "{}")
        os.utime(tmp_path / f"ev-deep-{i}.js", (1_000 + i, 1_000 + i))
    write_data_script(tmp_path, "ev-deep-0", "{}")          # used again: the newest now
    assert prune_data_scripts(tmp_path, keep=2) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ev-deep-0.js", "ev-deep-4.js"]
