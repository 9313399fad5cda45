"""build_event_map: one data element per layer, local assets only, safe text, deterministic."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from streamlit_folium import _get_header, _get_html, _get_map_string, generate_js_hash

from errors import ConfigurationError
from maps import LAYERS, build_event_map, build_event_map_with_summary, offline_map
from maps.assets import asset_files, asset_url
from maps.basemap import load_base_map

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"
JS_FILE = Path(__file__).resolve().parents[2] / "maps" / "static" / "event_layer.js"


def square(lat: float, lon: float, size: float = 1.0) -> dict:
    ring = [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]
    return {"type": "Polygon", "coordinates": [ring]}


def fake_districts() -> dict:
    """Two square districts in one province (synthetic, not real boundaries)."""
    features = [
        {"type": "Feature", "geometry": square(25.5, 62.5),
         "properties": {"name": "Kech", "admin1": "Balochistan", "centroid_lat": 26.0, "centroid_lon": 63.0}},
        {"type": "Feature", "geometry": square(29.7, 66.5),
         "properties": {"name": "Quetta", "admin1": "Balochistan", "centroid_lat": 30.2, "centroid_lon": 67.0}},
    ]
    return {"type": "FeatureCollection", "features": features}


def no_districts() -> dict:
    raise FileNotFoundError("geo/_build/districts.geojson")


def events(n: int = 3, **overrides) -> pd.DataFrame:
    rows = []
    for i in range(n):
        rows.append({"event_date": f"2025-03-{i + 1:02d}", "event_type": ["Battles", "Protests", "Riots"][i % 3],
                     "sub_event_type": "", "actor1": f"Group {i}", "actor2": "", "location": "Turbat",
                     "admin2": "Kech", "admin1": "Balochistan", "latitude": 26.0 + i / 100,
                     "longitude": 63.0 + i / 100, "fatalities": i, "evidence": f"Synthetic sentence {i}.",
                     "source": "Example Daily", "source_url": f"https://example.org/{i}", **overrides})
    return pd.DataFrame(rows)


def page_html(m) -> str:
    return m.get_root().render()


def st_folium_parts(m) -> tuple[str, str, str]:
    """What streamlit-folium sends to its iframe: (html, header, script)."""
    m.get_root().render()
    return _get_html(m), _get_header(m), _get_map_string(m)


@pytest.mark.parametrize("layer", LAYERS)
def test_no_cdn_url_is_left_in_any_layer(layer):
    html = page_html(build_event_map(events(), layer=layer, geo_source=fake_districts))
    urls = re.findall(r'<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"', html)
    assert urls, "expected local asset links"
    assert all(u.startswith("/component/maps.assets.") for u in urls), urls
    assert not re.search(r'(?:src|href)="(?:https?:)?//', html)


def test_online_tiles_are_the_only_remote_url_when_configured():
    tiles = "https://tiles.example.org/{z}/{x}/{y}.png"
    html = page_html(build_event_map(events(), tiles=tiles, geo_source=fake_districts))
    code = re.sub(r'<script type="application/json"[^>]*>[^<]*</script>', "", html)   # event data: source links
    assert set(re.findall(r"https?://[^\s\"'<>]+", code)) == {tiles}


def test_every_asset_url_points_at_an_existing_file():
    assert all(path.is_file() for path in asset_files())
    with pytest.raises(ConfigurationError, match="'cdn'.*leaflet"):
        asset_url("cdn", "x.js")


def test_asset_component_names_match_the_urls():
    at = AppTest.from_string(
        "import streamlit as st\nfrom maps.assets import register_assets\nst.write(list(register_assets()))",
        default_timeout=30).run()
    assert not at.exception
    names = at.json[0].value if at.json else at.markdown[0].value
    for key in ("leaflet", "markercluster", "jquery", "heat", "eventmap"):
        assert f"maps.assets.{key}" in str(names)
        assert asset_url(key, "f.js") == f"/component/maps.assets.{key}/f.js"


def test_all_points_travel_in_one_data_element_not_one_element_per_point():
    m = build_event_map(events(200), geo_source=fake_districts)
    html, _, script = st_folium_parts(m)
    assert len(re.findall(r'<script type="application/json" id="ev-clusters-', html)) == 1
    assert "L.marker" not in script and script.count("EventMap.clusters(") == 1
    assert len(m._children) < 10


def test_article_markup_reaches_the_page_only_as_escaped_text():
    df = events(1, evidence=f"Police said {XSS_SCRIPT} {XSS_IMG}", location=XSS_IMG,
                actor1="</script><script>alert(2)</script>", source_url="javascript:alert(1)")
    for layer in LAYERS:
        html, header, script = st_folium_parts(build_event_map(df, layer=layer, geo_source=fake_districts))
        for part in (html, header, script):
            assert "<script>alert" not in part and "<img" not in part and "</script><script>" not in part
    page = page_html(build_event_map(df, geo_source=fake_districts))
    assert page.count("<script") == page.count("</script>")


def test_popups_are_built_with_text_nodes_and_only_http_links():
    js = JS_FILE.read_text(encoding="utf-8")
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js and "document.write" not in js
    assert "var HTTP_URL = /^https?:\\/\\/" in js
    assert ".textContent = " in js


def test_identical_input_renders_identical_html_and_script():
    df = events(50)
    first = st_folium_parts(build_event_map(df, geo_source=fake_districts))
    second = st_folium_parts(build_event_map(df.copy(), geo_source=fake_districts))
    assert first == second
    assert page_html(build_event_map(df, geo_source=fake_districts)) == page_html(
        build_event_map(df, geo_source=fake_districts))


def test_a_filter_change_changes_the_component_key():
    key_all = generate_js_hash(st_folium_parts(build_event_map(events(9), geo_source=fake_districts))[2])
    key_some = generate_js_hash(st_folium_parts(build_event_map(events(8), geo_source=fake_districts))[2])
    assert key_all != key_some


def test_unlocated_rows_are_counted_and_noted_in_the_legend():
    df = pd.concat([events(3), events(2, latitude=None, longitude=None)], ignore_index=True)
    m, summary = build_event_map_with_summary(df, geo_source=fake_districts)
    assert (summary.total, summary.on_map, summary.unlocated, summary.not_on_map) == (5, 3, 2, 2)
    assert "2 unlocated events not on the map" in summary.notes
    assert "2 unlocated events not on the map" in page_html(m)


def test_heat_layer_uses_the_local_leaflet_heat():
    html = page_html(build_event_map(events(), layer="heat", geo_source=fake_districts))
    assert '/component/maps.assets.heat/leaflet_heat.min.js' in html and "EventMap.heat(" in html
    assert "markercluster" not in html


def test_district_layer_aggregates_at_centroids_and_counts_leftovers():
    df = pd.concat([events(3), events(1, admin2="Quetta", latitude=None, longitude=None),
                    events(1, admin2="")], ignore_index=True)
    m, summary = build_event_map_with_summary(df, layer="districts", geo_source=fake_districts)
    html = page_html(m)
    data = re.search(r'id="ev-districts-[0-9a-f]+">([^<]*)</script>', html).group(1)
    assert '"name":["Kech","Quetta"]' in data and '"events":[3,1]' in data and '"lat":[26.0,30.2]' in data
    assert summary.on_map == 4 and summary.not_on_map == 1


def test_district_layer_without_gazetteer_falls_back_to_event_positions():
    m, summary = build_event_map_with_summary(events(3), layer="districts", geo_source=no_districts)
    assert summary.on_map == 3
    assert any("No district outlines" in note and "geo.build" in note for note in summary.notes)
    assert "ev-outlines-" not in page_html(m)


def test_outlines_come_from_the_gazetteer_geojson_with_provinces_dissolved():
    base = load_base_map(fake_districts)
    assert [p.name for p in base.centroids] == ["Kech", "Quetta"]
    assert '"provinces":{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":' \
           '"Balochistan"}' in base.outlines_json
    assert f'id="ev-outlines-{base.digest}"' in page_html(build_event_map(events(), geo_source=fake_districts))


def test_unknown_layer_is_rejected_with_the_valid_names():
    with pytest.raises(ConfigurationError, match="'dots'.*clusters, heat, districts"):
        build_event_map(events(), layer="dots")


def test_offline_map_keeps_folium_class_defaults_untouched():
    import folium

    before = list(folium.Map.default_js)
    m = offline_map()
    assert m.default_js[0][1].startswith("/component/") and folium.Map.default_js == before
    assert m.options["maxZoom"] == 14   # markercluster refuses a map without maxZoom


def test_typed_frame_from_the_loader_builds_and_counts_match():
    from data.sample import synthetic_events

    df = synthetic_events(300, seed=3)
    m, summary = build_event_map_with_summary(df, geo_source=fake_districts)
    assert summary.unlocated == int(df["latitude"].isna().sum()) and summary.on_map == 300 - summary.unlocated
    html = page_html(m)
    data = re.search(r'id="ev-clusters-[0-9a-f]+">([^<]*)</script>', html).group(1)
    assert f'"n":{summary.on_map},' in data


def test_browser_code_reads_every_payload_field():
    from maps.payload import TEXT_FIELDS

    js = JS_FILE.read_text(encoding="utf-8")
    for key in TEXT_FIELDS:
        assert f'text(d, "{key}", i)' in js, key
    for key in ("d.lat", "d.lon", "d.type", "d.fat", "d.actor.c1", "d.actor.c2"):
        assert key in js, key


def test_heat_intensity_scales_with_the_number_of_points():
    from maps.layers import heat_full_zoom

    assert heat_full_zoom(2, 14) == 6 and heat_full_zoom(1_000, 14) == 10 and heat_full_zoom(100_000, 14) == 14
    assert heat_full_zoom(100_000, 18) == 17
    html = page_html(build_event_map(events(3), layer="heat", geo_source=fake_districts))
    assert '"maxZoom": 6' in html


def test_outlines_fill_the_land_offline_but_not_over_tiles():
    offline = page_html(build_event_map(events(), geo_source=fake_districts))
    online = page_html(build_event_map(events(), tiles="OpenStreetMap", geo_source=fake_districts))
    assert '{"fillOpacity": 0.55}' in offline and '{"fillOpacity": 0.0}' in online


def test_a_filter_change_keeps_the_base_map_and_swaps_only_the_event_group():
    """st_folium keeps its iframe while the base script is the same; the events come inline."""
    from streamlit_folium import _get_feature_group_string

    from maps import build_event_map_parts

    scripts, groups = [], []
    for df in (events(3), events(2, evidence="snake_case_text <b>")):
        parts = build_event_map_parts(df, geo_source=fake_districts)
        html, header, script = st_folium_parts(parts.base)
        scripts.append(generate_js_hash(script))
        groups.append(_get_feature_group_string(parts.data, map=parts.base))
        assert "ev-clusters-" not in html and parts.summary.on_map == len(df)
    assert scripts[0] == scripts[1] and groups[0] != groups[1]
    payload = re.search(r"EventMap\.clusters\(map_div, (\{.*?\}), \{", groups[1]).group(1)
    # No underscore for st_folium's variable renaming to rewrite; JSON reads it back as written.
    assert "_" not in payload and "<" not in payload
    assert json.loads(payload)["ev"]["v"] == ["snake_case_text <b>"]
    assert "EventMap.fit(map_div" in groups[1] and "EventMap.legend(map_div" in groups[1]


def test_the_kept_base_map_loads_every_layer_script():
    from maps import build_event_map_parts
    from maps.assets import CLUSTER_JS, HEAT_JS

    parts = build_event_map_parts(events(), layer="districts", geo_source=fake_districts)
    links = {src for el in _walk(parts.base) for _, src in getattr(el, "default_js", [])}
    assert {src for _, src in (*CLUSTER_JS, *HEAT_JS)} <= links


def _walk(element):
    yield element
    for child in getattr(element, "_children", {}).values():
        yield from _walk(child)


def test_layer_scripts_reach_the_page_as_rendered_not_as_templates():
    """Article text that looks like Jinja stays literal; branca would have compiled it again."""
    from maps.layers import RawHtml

    df = events(2, evidence="{{ not a template }} {% raw %}")
    page = page_html(build_event_map(df, geo_source=fake_districts))
    assert "not a template" in page and "{% raw %}" in page
    m = build_event_map(df, geo_source=fake_districts)
    m.get_root().render()
    scripts = list(m.get_root().script._children.values())
    ours = [c for c in scripts if isinstance(c, RawHtml) and "EventMap." in c.markup]
    assert len(ours) >= 3   # the fit, the event layer and the legend


def test_a_kept_base_map_can_load_its_outlines_from_a_data_script(tmp_path):
    """The base map's data leave its html (sent with every rerun) for a script loaded once."""
    from maps import build_event_map_parts
    from maps.assets import write_data_script

    published = {}

    def publish(data_id: str, data_json: str) -> str:
        published[data_id] = write_data_script(tmp_path, data_id, data_json)
        return f"/served/{published[data_id]}"

    parts = build_event_map_parts(events(), geo_source=fake_districts, publish_data=publish)
    html, _, _ = st_folium_parts(parts.base)
    outlines = next(i for i in published if i.startswith("ev-outlines-"))
    assert outlines not in html                          # no data element in the page
    links = {src for el in _walk(parts.base) for _, src in getattr(el, "default_js", [])}
    assert f"/served/{outlines}.js" in links
    text = (tmp_path / f"{outlines}.js").read_text(encoding="utf-8")
    prefix = f'(window.EventMapData = window.EventMapData || {{}})["{outlines}"] = '
    assert text.startswith(prefix)
    assert json.loads(text[len(prefix):].rstrip().removesuffix(";"))["districts"]["features"]
    # Written once: the id ends in the content's digest.
    assert write_data_script(tmp_path, outlines, "{}") == f"{outlines}.js"
    assert (tmp_path / f"{outlines}.js").read_text(encoding="utf-8") == text
    # Without a publisher the data stay in the page (plain HTML, tests, benches).
    plain, _, _ = st_folium_parts(build_event_map_parts(events(), geo_source=fake_districts).base)
    assert outlines in plain
