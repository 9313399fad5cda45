"""The naive baseline: one folium.Marker (with a popup) per event through st_folium.

Default folium settings except that the assets are local (offline_map), otherwise
nothing would render at all offline.
"""
from __future__ import annotations

import os

import folium
import streamlit as st
from streamlit_folium import st_folium

from data.sample import synthetic_events
from maps import offline_map
from maps.styles import TYPE_ORDER


@st.cache_data(show_spinner=False)
def events(n: int):
    return synthetic_events(n, seed=42)


frame = events(int(os.environ.get("BENCH_EVENTS", "1000")))
types = st.sidebar.multiselect("Event type", TYPE_ORDER[:-1], default=list(TYPE_ORDER[:-1]), key="types")
filtered = frame[frame["event_type"].isin(types)].dropna(subset=["latitude", "longitude"])
st.caption(f"{len(filtered)} events")
m = offline_map(location=[28.5, 66.0], zoom_start=6, with_jquery=True)   # folium.Popup needs jQuery
for row in filtered.itertuples(index=False):
    folium.Marker([row.latitude, row.longitude],
                  popup=f"{row.event_date:%Y-%m-%d} {row.location}: {row.event_type}").add_to(m)
st_folium(m, height=620, use_container_width=True, returned_objects=[], key="event_map")
