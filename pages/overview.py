"""Overview page: headline figures and the weekly timeline by event type."""
from __future__ import annotations

import streamlit as st

from ui.figures import FIGURE_COLUMNS, fatalities_by_district, headline
from ui.entry import ensure_navigation_mode
from ui.guard import guard
from ui.timeline import render_timeline
from ui.view import current_view, show_description

ensure_navigation_mode()
with guard():
    view = current_view()

st.title("Overview")
show_description(view)

events = view.columns(FIGURE_COLUMNS)
figures = headline(events)
cols = st.columns(4)
cols[0].metric("Events", f"{figures.events:,}")
cols[1].metric("Fatalities", f"{figures.fatalities:,}")
cols[2].metric("Districts", f"{figures.districts:,}")
cols[3].metric("Unlocated", f"{figures.unlocated:,}", help="Events whose place could not be resolved.")

st.subheader("Timeline, by type")
render_timeline(view, key="overview_timeline", height=260)
if view.count:
    st.subheader("Districts with most fatalities")
    st.dataframe(fatalities_by_district(events), width="stretch")
