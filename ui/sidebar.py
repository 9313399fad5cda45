"""The sidebar's export buttons and the About/credits box."""
from __future__ import annotations

import streamlit as st

from ui.loaders import csv_bytes_later, geojson_bytes_later
from ui.view import View

CSV_NAME = "conflict_events.csv"
GEOJSON_NAME = "conflict_events.geojson"


def render_export(view: View) -> None:
    """Download buttons for exactly the filtered rows.

    The bytes are made by a callable only when the analyst clicks, and ``on_click="ignore"``
    keeps the click from rerunning (and so from resetting) the page.
    """
    st.subheader("Export")
    include = st.checkbox("Include unreviewed events", value=True, key="export_unreviewed",
                          help="Rejected events are never exported; the review_status column says which is which.")
    n = view.count if include else reviewed_count(view)
    st.caption(f"{n} {'filtered' if include else 'reviewed'} event{'s' if n != 1 else ''}")
    st.sidebar.download_button("Download CSV", data=csv_bytes_later(view, include_unreviewed=include),
                       file_name=CSV_NAME, mime="text/csv", key="export_csv", on_click="ignore",
                       icon=":material/download:")
    st.sidebar.download_button("Download GeoJSON", data=geojson_bytes_later(view, include_unreviewed=include),
                       file_name=GEOJSON_NAME, mime="application/geo+json", key="export_geojson",
                       on_click="ignore", icon=":material/download:")


def reviewed_count(view: View) -> int:
    return int((view.columns(("review_status",))["review_status"].astype("string") == "reviewed").fillna(False).sum())


def render_about() -> None:
    with st.expander("About"):
        st.markdown(
            "Conflict events coded ACLED-style from news reports, extracted and geocoded offline.\n\n"
            "**Credits.** Place names and coordinates: [GeoNames](https://www.geonames.org/) "
            "(CC BY 4.0). District and province outlines: "
            "[geoBoundaries](https://www.geoboundaries.org/) and "
            "[OCHA / HDX](https://data.humdata.org/) administrative boundaries. "
            "Event taxonomy: [ACLED](https://acleddata.com/) codebook. "
            "Maps: [Leaflet](https://leafletjs.com/) via folium."
        )
