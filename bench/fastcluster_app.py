"""The strong baseline: folium's own FastMarkerCluster (one JS array of points) through st_folium.

Same data and sidebar filters as the naive baseline; the markers are clustered in the browser by
Leaflet.markercluster from folium's plugin, with local assets (offline_map) and the map fitted to
the events so that every cluster is in view (the bench counts them in the DOM).
"""
from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st
from folium.plugins import FastMarkerCluster
from streamlit_folium import st_folium

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.baseline_data import filtered_events  # noqa: E402
from maps import offline_map  # noqa: E402
from maps.assets import CLUSTER_CSS, CLUSTER_JS  # noqa: E402

filtered = filtered_events()
st.caption(f"{len(filtered)} events")
m = offline_map(location=[28.5, 66.0], zoom_start=6)
# Its default callback styles markers with Leaflet.awesome-markers (a CDN plugin); plain Leaflet markers instead.
PLAIN_MARKER = "function (row) { return L.marker(new L.LatLng(row[0], row[1])); }"
cluster = FastMarkerCluster(filtered[["latitude", "longitude"]].to_numpy().tolist(), callback=PLAIN_MARKER)
# The plugin's CDN links would fail offline: the same Leaflet.markercluster, served locally.
cluster.default_js, cluster.default_css = list(CLUSTER_JS), list(CLUSTER_CSS)
cluster.add_to(m)
if len(filtered):
    m.fit_bounds([[filtered["latitude"].min(), filtered["longitude"].min()],
                  [filtered["latitude"].max(), filtered["longitude"].max()]])
st_folium(m, height=620, use_container_width=True, returned_objects=[], key="event_map")
