"""Every page renders, and shows the filter sentence above its results."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.helpers import DASHBOARD, PAGES, SEED_ROWS, open_page


@pytest.mark.parametrize("page", list(PAGES))
def test_page_renders_without_exception(store_url: str, page: str) -> None:
    at = open_page(page)
    assert not at.exception
    assert not at.error, [e.value for e in at.error]
    if page != "ingest":
        assert f"{SEED_ROWS:,} events" in at.markdown[0].value


def test_map_page_sends_a_map_and_counts_unlocated(store_url: str, stored_frame) -> None:
    at = open_page("map")
    [component] = at.get("component_instance")
    assert component.proto.component_name == "streamlit_folium.st_folium"
    unlocated = int(stored_frame["latitude"].isna().sum())
    assert unlocated > 0, "the seeded store should hold unlocated events"
    assert any(f"{unlocated} unlocated event" in c.value for c in at.caption)


def test_events_page_lists_filtered_and_unlocated_rows(store_url: str, stored_frame) -> None:
    at = open_page("events")
    table, unlocated = at.dataframe[0].value, at.dataframe[1].value
    assert len(table) == len(stored_frame)
    assert len(unlocated) == int((stored_frame["geo_status"] == "unlocated").sum())
    assert "place_raw" in unlocated.columns


def test_overview_headline_figures(store_url: str, stored_frame) -> None:
    at = open_page("overview")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Events"] == f"{len(stored_frame):,}"
    assert metrics["Fatalities"] == f"{int(stored_frame['fatalities'].fillna(0).sum()):,}"
    assert metrics["Districts"] == f"{stored_frame['admin2'].dropna().nunique():,}"


def test_about_credits_geonames_and_boundaries(store_url: str) -> None:
    at = open_page("map")
    about = " ".join(m.value for m in at.sidebar.expander[0].markdown)
    assert "GeoNames" in about and "CC BY 4.0" in about and "geoBoundaries" in about


@pytest.mark.cold_start
@pytest.mark.parametrize("page", ["map", "events"])
def test_cold_start_on_a_page_still_runs_the_dashboard(store_url: str, page: str) -> None:
    """Streamlit's first run treats pages/ as an old-style app and runs the page file alone;
    ui/entry.py must turn that into a run of dashboard.py (sidebar filters, store, view)."""
    at = open_page(page)
    assert not at.exception and not at.error
    assert at.sidebar.multiselect(key="filter_type") is not None
    assert f"{SEED_ROWS:,} events" in at.markdown[0].value


def test_selecting_a_row_shows_the_event_in_full(store_url: str, stored_frame) -> None:
    at = open_page("events")
    # AppTest cannot click a table row; the selection state is what a click would write.
    at.session_state["events_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    assert not at.exception, at.exception
    row = at.dataframe[0].value.iloc[0]
    picked = stored_frame.set_index("event_id_cnty").loc[row["event_id_cnty"]]
    html = "\n".join(h.proto.body for h in at.get("html"))
    assert "<mark>" in html and picked["evidence"].split()[0] in html
    text = " ".join(m.value for m in at.main.markdown)
    assert "Place as written" in text and "Resolved to" in text
    assert any(f"Event id: {row['event_id_cnty']}" in c.value and "Run: " in c.value for c in at.main.caption)


@pytest.mark.parametrize("page", ["map", "events", "overview"])
def test_pages_render_when_no_event_matches(store_url: str, page: str) -> None:
    at = open_page(page, query={"q": "no-such-place-anywhere"})
    assert not at.exception and not at.error
    assert at.markdown[0].value.startswith("**0 events")


@pytest.mark.parametrize("layer", ["clusters", "heat", "districts"])
def test_each_map_layer_is_sent_to_the_map(store_url: str, layer: str) -> None:
    at = open_page("map")
    at.button_group(key="map_layer").set_value(layer).run()
    assert not at.exception and not at.error
    [component] = at.get("component_instance")
    assert component.proto.component_name == "streamlit_folium.st_folium"
    # The layer's JS call is in the map script sent to the component (maps/layers.py).
    calls = {name: f"EventMap.{name}(" in component.proto.json_args for name in ("clusters", "heat", "districts")}
    assert calls == {name: name == layer for name in calls}


def test_an_unusable_store_is_a_message_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTS_STORE_URL", "nosuchdialect://nowhere/events")
    at = AppTest.from_file(DASHBOARD, default_timeout=60).run()
    assert not at.exception, at.exception
    assert any("event store could not be read" in e.value for e in at.error), [e.value for e in at.error]
    assert "nosuchdialect" in at.error[0].value


def test_a_filter_change_clears_the_row_selection(store_url: str) -> None:
    at = open_page("events")
    at.session_state["events_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    assert at.get("html"), "the selected event is shown"
    at.sidebar.multiselect(key="filter_type").set_value(["Riots"]).run()
    assert not at.exception
    assert not at.get("html"), "row 0 of the new table is another event: nothing stays selected"
