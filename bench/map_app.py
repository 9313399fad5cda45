"""Stand-in Map page for the benches while the real dashboard is not runnable.

BENCH_EVENTS synthetic events (data.sample, seed 42), one sidebar filter, the real
``build_event_map`` and st_folium exactly as the Map page calls it.
"""
from __future__ import annotations

import os

import streamlit as st
from streamlit_folium import st_folium

from data.sample import synthetic_events
from maps import build_event_map, count_unlocated
from maps.styles import TYPE_ORDER


@st.cache_data(show_spinner=False)
def events(n: int):
    return synthetic_events(n, seed=42)


frame = events(int(os.environ.get("BENCH_EVENTS", "1000")))
types = st.sidebar.multiselect("Event type", TYPE_ORDER[:-1], default=list(TYPE_ORDER[:-1]), key="types")
filtered = frame[frame["event_type"].isin(types)]
st.caption(f"{len(filtered)} events, {count_unlocated(filtered)} unlocated")
st_folium(build_event_map(filtered, layer=os.environ.get("BENCH_LAYER", "clusters")), height=620,
          use_container_width=True, returned_objects=[], key="event_map")
