"""Which columns the event tables show, and how."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.text import safe_link

TABLE_COLUMNS = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "location", "admin2",
                 "admin1", "fatalities", "geo_status", "source", "notes", "event_id_cnty")
UNLOCATED_COLUMNS = ("event_date", "place_raw", "location", "event_type", "fatalities", "source",
                     "source_url", "event_id_cnty")


def table_config() -> dict[str, object]:
    return {
        "event_date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
        "event_type": "Type",
        "sub_event_type": "Sub-type",
        "actor1": "Actor 1",
        "actor2": "Actor 2",
        "location": "Place",
        "place_raw": "Place as written",
        "admin2": "District",
        "admin1": "Province",
        "fatalities": st.column_config.NumberColumn("Fatalities", format="%d"),
        "geo_status": "Geo",
        "source": "Source",
        "notes": "Notes",
        "source_url": st.column_config.LinkColumn("Source report"),
        "event_id_cnty": "Event id",
    }


def unlocated_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows without a resolved place (kept in the data, left off the map)."""
    if "geo_status" in frame:
        mask = frame["geo_status"].astype("string").fillna("unlocated") == "unlocated"
    else:
        mask = frame["latitude"].isna() | frame["longitude"].isna()
    return frame[mask.fillna(True)]


def with_safe_links(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose ``source_url`` holds only http(s) addresses (a ``javascript:`` one becomes empty)."""
    if "source_url" not in frame:
        return frame
    out = frame.copy()
    out["source_url"] = out["source_url"].map(safe_link, na_action="ignore").astype("string")
    return out
