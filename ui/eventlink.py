"""An address for every event: ``?event=<event_id_cnty>`` on the Events and Map pages."""
from __future__ import annotations

from urllib.parse import quote, urljoin

from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from maps import MapFocus

if TYPE_CHECKING:
    from ui.view import View

EVENT_PARAM = "event"
EVENTS_PATH = "events"       # the Events page's url_path (dashboard.py)


def event_path(event_id: str) -> str:
    """The Events page address of one event, relative to the dashboard's root."""
    return f"{EVENTS_PATH}?{EVENT_PARAM}={quote(str(event_id), safe='')}"


def event_url(event_id: str, current_url: str | None = None) -> str:
    """The full address of an event, made from the address this page was opened at."""
    if current_url is None:
        try:
            current_url = st.context.url
        except (AttributeError, RuntimeError):   # no browser session (AppTest, plain Python)
            current_url = None
    return urljoin(current_url, event_path(event_id)) if current_url else f"/{event_path(event_id)}"


def linked_event_id() -> str | None:
    """The ``event`` URL parameter (the last one when repeated), stripped; None when absent."""
    values = [v.strip() for v in st.query_params.get_all(EVENT_PARAM) if v.strip()]
    return values[-1] if values else None


def find_event(frame: pd.DataFrame, event_id: str) -> pd.Series | None:
    """The stored event with this id, or None."""
    if "event_id_cnty" not in frame or not event_id:
        return None
    hit = frame[frame["event_id_cnty"].astype("string") == event_id]
    return hit.iloc[0] if len(hit) else None


def unknown_event_message(event_id: str) -> str:
    return (f"Ignored event={event_id!r}: no stored event has this id (it may have been re-coded "
            "or removed; ids look like PAK1A2B3C4D5E6F).")


def set_linked_event(event_id: str | None) -> None:
    """Put the shown event into the address (or take it out), so the view can be shared."""
    if event_id:
        if linked_event_id() != event_id:
            st.query_params[EVENT_PARAM] = event_id
    elif EVENT_PARAM in st.query_params:
        del st.query_params[EVENT_PARAM]


def linked_event(frame: pd.DataFrame) -> pd.Series | None:
    """The event the address names (warning when no stored event has that id)."""
    event_id = linked_event_id()
    if event_id is None:
        return None
    row = find_event(frame, event_id)
    if row is None:
        from ui.text import escape_markdown
        st.warning(escape_markdown(unknown_event_message(event_id)))
    return row


LINKED_EVENT_ZOOM = 10


def event_focus(row: pd.Series | None) -> MapFocus | None:
    """Open the map on a linked event, ringed; None for an unlocated event."""
    if row is None:
        return None
    lat, lon = pd.to_numeric(row.get("latitude"), errors="coerce"), pd.to_numeric(row.get("longitude"), errors="coerce")
    if pd.isna(lat) or pd.isna(lon):
        return None
    label = f"Linked event {row.get('event_id_cnty')}"
    return MapFocus(round(float(lat), 5), round(float(lon), 5), LINKED_EVENT_ZOOM, ring=label)


def linked_event_focus(view: View) -> tuple[pd.Series | None, MapFocus | None]:
    """The linked event (searched among all stored events, not only the filtered ones) and its focus."""
    row = linked_event(view.frame)
    return row, event_focus(row)
