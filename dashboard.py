"""Conflict-event dashboard: ``streamlit run dashboard.py``.

The entrypoint of ``st.navigation``: it opens the store, reads the shared sidebar filters,
builds the run's ``View``, runs the chosen page and then draws the filters (here, so they
keep their state across pages). No logic lives here.
"""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui.entry import ensure_navigation_mode
from ui.filters import mirror_filters_to_url, read_filters, render_filter_widgets
from ui.guard import guard
from ui.loaders import current_settings, filter_choices, filter_rows, get_store, load_frame
from ui.sidebar import render_about, render_export
from ui.text import escape_markdown
from ui.view import View, publish_view

HERE = Path(__file__).resolve().parent

ensure_navigation_mode()

# No page_icon, no st.Page icons: the current page's icon becomes the favicon, and material or
# emoji favicons are fetched from a CDN, which fails offline.
st.set_page_config(page_title="Conflict events: Pakistan", layout="wide")

MAP = HERE / "pages" / "map.py"
PAGES = [
    # The default page always lives at "/" (Streamlit ignores its url_path there), so /map, the
    # address people bookmark and the benchmarks open, is a hidden second entry for the same file.
    st.Page(MAP, title="Map", url_path="home", default=True),
    st.Page(MAP, title="Map", url_path="map", visibility="hidden"),
    st.Page(HERE / "pages" / "events.py", title="Events", url_path="events"),
    st.Page(HERE / "pages" / "overview.py", title="Overview", url_path="overview"),
    st.Page(HERE / "pages" / "trends.py", title="Trends", url_path="trends"),
    st.Page(HERE / "pages" / "review.py", title="Review", url_path="review"),
    st.Page(HERE / "pages" / "ingest.py", title="Ingest", url_path="ingest"),
]
page = st.navigation(PAGES)

with guard("The event store could not be read"):
    settings = current_settings()
    store = get_store(settings)
    frame, order, version = load_frame(store, settings.store_url)

choices = filter_choices(frame, settings.store_url, version)
filters, warnings = read_filters(choices)
for warning in warnings:
    st.warning(escape_markdown(warning))   # it quotes the value from the URL

rows = filter_rows(frame, order, filters, store_url=settings.store_url, data_version=version)
view = View(settings=settings, store=store, data_version=version, frame=frame, filters=filters, rows=rows,
            order=order)
publish_view(view)

try:
    page.run()
finally:
    # After the page, so a filter change reaches the map first; the widgets keep their state (the
    # filters were read from it). In ``finally``: a page that stops early must not drop them.
    with st.sidebar:
        st.header("Filters")
        render_filter_widgets(choices)
        st.divider()
        render_export(view)
        render_about()
    mirror_filters_to_url(filters)
