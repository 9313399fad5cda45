"""The naive baseline: one folium.Marker (with a popup) per event through st_folium.

Default folium settings except that the assets are local (offline_map), otherwise
nothing would render at all offline.
"""
from __future__ import annotations

import sys
from pathlib import Path

import folium
import streamlit as st
from streamlit_folium import st_folium

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.baseline_data import filtered_events  # noqa: E402
from maps import offline_map  # noqa: E402

filtered = filtered_events()
st.caption(f"{len(filtered)} events")
m = offline_map(location=[28.5, 66.0], zoom_start=6, with_jquery=True)   # folium.Popup needs jQuery
for row in filtered.itertuples(index=False):
    folium.Marker([row.latitude, row.longitude],
                  popup=f"{row.event_date:%Y-%m-%d} {row.location}: {row.event_type}").add_to(m)
st_folium(m, height=620, use_container_width=True, returned_objects=[], key="event_map")
