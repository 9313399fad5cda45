"""Event addresses (?event=) and the Map page's place search, through AppTest."""
from __future__ import annotations

import json

from tests.app.helpers import open_page


def _map_args(at) -> str:
    comps = [c for c in at.get("component_instance") if c.proto.component_name == "streamlit_folium.st_folium"]
    assert len(comps) == 1
    return comps[0].proto.json_args


def test_event_address_opens_that_event_on_the_events_page(stored_frame):
    event = stored_frame.sort_values("event_id_cnty").iloc[3]
    event_id = str(event["event_id_cnty"])
    at = open_page("events", query={"event": event_id})
    assert [s.value for s in at.subheader][:1] == ["Linked event"]
    assert any(event_id in c.value for c in at.caption)
    assert any(c.value.endswith(f"/events?event={event_id}") for c in at.code)
    assert not at.warning
    assert at.query_params["event"] in (event_id, [event_id])      # the filters' sync keeps it


def test_unknown_event_id_warns_and_names_it(stored_frame):
    at = open_page("events", query={"event": "PAKNOSUCH"})
    assert any("Ignored event='PAKNOSUCH'" in w.value for w in at.warning)
    assert "Linked event" not in [s.value for s in at.subheader]


def test_event_address_on_the_map_rings_the_event(stored_frame):
    event = stored_frame[stored_frame["latitude"].notna()].sort_values("event_id_cnty").iloc[0]
    at = open_page("map", query={"event": str(event["event_id_cnty"])})
    args = json.loads(_map_args(at))
    assert "#ffbf00" in args["script"] and "EventMap.fit(" not in args["script"] + args["feature_group"]
    assert "The linked event (ringed on the map)" in [s.value for s in at.subheader]


def test_place_search_refocuses_the_map_and_warns_on_an_unknown_place(stored_frame):
    at = open_page("map")
    assert "EventMap.fit(" in json.loads(_map_args(at))["feature_group"]   # the events' group fits the map
    at.text_input(key="map_place").set_value("Turbat").run()
    assert not at.exception
    assert any("Zoomed to Turbat" in c.value for c in at.caption)
    assert "EventMap.fit(" not in json.loads(_map_args(at))["feature_group"]
    at.text_input(key="map_place").set_value("Qwertyville").run()
    assert any("No place called 'Qwertyville'" in w.value for w in at.warning)
