"""Map page: the filtered events on an offline Leaflet map (clusters, heat or districts)."""
from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from maps import count_unlocated
from maps.payload import COORD_COLUMNS
from ui.details import events_at, show_event_details
from ui.entry import ensure_navigation_mode
from ui.eventlink import linked_event_focus
from ui.guard import guard
from ui.loaders import event_map
from ui.places import find_place
from ui.text import escape_markdown
from ui.timeline import render_timeline
from ui.view import current_view, show_description

LAYERS = {"clusters": "Events (clusters)", "heat": "Heat", "districts": "By district"}

ensure_navigation_mode()
with guard():
    view = current_view()

# The title, controls and notes are drawn last, into this slot above the map: a filter change
# then sends the map first, and the browser paints it while the server makes the timeline.
# The controls' values are read from their state meanwhile.
top = st.container()
layer = st.session_state.get("map_layer") or "clusters"
search = find_place(st.session_state.get("map_place") or "")
linked, linked_focus = linked_event_focus(view)
focus = search.focus or linked_focus
unlocated = count_unlocated(view.columns(COORD_COLUMNS))

try:
    with guard("The map could not be drawn"):
        parts = event_map(view, layer=layer, tiles=view.settings.tiles, focus=focus)
    # Only a click comes back: panning and zooming must not rerun the script. The events travel as
    # the feature group, so a filter change swaps them inside the map the browser already has.
    result = st_folium(parts.base, feature_group_to_add=parts.data, height=620, use_container_width=True,
                       returned_objects=["last_object_clicked"], key="event_map")

    # Below the map, so the map does not move down when the chart has been drawn.
    render_timeline(view, key="map_timeline", height=110, legend=False, controls=True)

    clicked = (result or {}).get("last_object_clicked")
    here = (view.at(events_at(view.columns(COORD_COLUMNS), clicked.get("lat"), clicked.get("lng")).index) if clicked
            else view.frame.iloc[0:0])
    if len(here):
        st.subheader(f"{len(here)} event{'s' if len(here) != 1 else ''} at the clicked place")
        for _, row in here.head(20).iterrows():
            show_event_details(row)
    elif linked is not None:
        st.subheader("The linked event (ringed on the map)")
        show_event_details(linked)
finally:   # also when the map could not be drawn: the page keeps its title and controls
    with top:
        st.title("Map")
        show_description(view)
        left, right = st.columns([3, 2], vertical_alignment="bottom")
        with left:
            st.segmented_control("Layer", list(LAYERS), format_func=LAYERS.__getitem__, default="clusters",
                                 key="map_layer")
        with right:
            st.text_input("Find a place", key="map_place", placeholder="Quetta, Turbat, Kech…",
                          help="A town, district or province from the offline gazetteer; the map zooms there.")
        if search.focus:
            st.caption(f"Zoomed to {escape_markdown(search.message)}. Clear the box to see all filtered events.")
        elif search.message:
            st.warning(escape_markdown(search.message))
        if unlocated:
            st.caption(f"{unlocated} unlocated event{'s' if unlocated != 1 else ''} not on the map "
                       "(listed on the Events page).")
