"""Place names on the offline map, the place search and event addresses (no browser)."""
from __future__ import annotations

import json
import re

from geo.place import Place, Resolution
from maps import MapFocus, build_event_map
from maps.basemap import BaseMap, DistrictPoint, load_base_map
from maps.labels import (DISTRICT, PROVINCE, TOWN, Town, build_label_payload, labels_for, town_min_zoom)
from tests.unit.test_maps import events, fake_districts, page_html
from ui.eventlink import event_path, event_url, find_event
from ui.places import find_place

TOWNS = (Town("Turbat", 26.0, 63.05, 75_694), Town("Quetta", 30.19, 67.01, 1_565_546),
         Town("Tump", 26.12, 62.37, 0), Town("Quetta", 30.19, 67.01, 1_565_546))


def towns() -> tuple[Town, ...]:
    return TOWNS


def test_bigger_towns_appear_at_lower_zoom():
    assert town_min_zoom(13_000_000) == 5 < town_min_zoom(75_694) == 8 < town_min_zoom(0) == 10


def test_labels_put_provinces_first_then_towns_by_population_then_districts():
    base = load_base_map(fake_districts)
    labels = labels_for(base, TOWNS)
    kinds = [label.kind for label in labels]
    assert kinds == [PROVINCE, TOWN, TOWN, TOWN, DISTRICT, DISTRICT]   # the duplicate Quetta dropped
    assert [label.text for label in labels[1:4]] == ["Quetta", "Turbat", "Tump"]
    province = labels[0]
    assert province.text == "Balochistan" and province.max_zoom < labels[-1].max_zoom
    doc = json.loads(build_label_payload(labels).json)
    assert doc["text"][0] == "Balochistan" and len(doc["text"]) == len(doc["z0"]) == 6


def test_offline_map_carries_the_label_layer_and_tiles_do_not():
    html = page_html(build_event_map(events(), geo_source=fake_districts, town_source=towns))
    data = re.search(r'<script type="application/json" id="ev-labels-[0-9a-f]+">([^<]*)</script>', html)
    assert data and "Turbat" in json.loads(data.group(1))["text"]
    assert "MapLabels.labels(" in html and "/component/maps.assets.eventmap/map_labels.js" in html
    online = page_html(build_event_map(events(), tiles="OpenStreetMap", geo_source=fake_districts,
                                       town_source=towns))
    assert "MapLabels.labels(" not in online


def test_a_focus_opens_the_map_there_instead_of_fitting_and_rings_an_event():
    html = page_html(build_event_map(events(), geo_source=fake_districts, town_source=towns,
                                     focus=MapFocus(30.19, 67.01, 10, ring="Linked event PAK1")))
    assert "EventMap.fit(" not in html
    assert "center: [30.19, 67.01]" in html and '"zoom": 10,' in html
    assert "#ffbf00" in html and "Linked event PAK1" in html
    fitted = page_html(build_event_map(events(), geo_source=fake_districts, town_source=towns))
    assert "EventMap.fit(" in fitted and "#ffbf00" not in fitted


def _resolver(name: str) -> Resolution:
    places = {"quetta": Place("Quetta", "Balochistan", "Quetta", "", 30.19, 67.01, "populated place", 1, 1, "t"),
              "kech": Place("Kech", "Balochistan", "Kech", "", 26.2, 63.0, "district", 0, 3, "t")}
    place = places.get(name.lower())
    return Resolution(name, place, (place,) if place else (), "test")


def test_place_search_zooms_by_kind_and_names_an_unknown_place():
    town = find_place("  Quetta ", resolve=_resolver)
    assert town.focus == MapFocus(30.19, 67.01, 10) and town.message == "Quetta (town in Balochistan)"
    district = find_place("Kech", resolve=_resolver)
    assert district.focus.zoom < town.focus.zoom and "district" in district.message
    missing = find_place("Atlantis", resolve=_resolver)
    assert missing.focus is None and "No place called 'Atlantis'" in missing.message
    assert find_place("", resolve=_resolver).message == ""


def test_the_real_gazetteer_finds_quetta_and_turbat():
    assert find_place("Quetta").focus is not None
    turbat = find_place("Turbat").focus
    assert abs(turbat.latitude - 26.0) < 0.1 and abs(turbat.longitude - 63.05) < 0.1


def test_event_addresses_are_built_from_the_current_page_address():
    assert event_path("PAK12AB") == "events?event=PAK12AB"
    assert event_url("PAK12AB", "http://127.0.0.1:8501/map?type=Battles") == "http://127.0.0.1:8501/events?event=PAK12AB"
    assert event_url("PAK12AB", "http://host/dash/") == "http://host/dash/events?event=PAK12AB"
    assert event_url("a b&c", "") == "/events?event=a%20b%26c"
    frame = events().assign(event_id_cnty=["PAK1", "PAK2", "PAK3"])
    assert find_event(frame, "PAK2")["actor1"] == "Group 1"
    assert find_event(frame, "PAK9") is None
