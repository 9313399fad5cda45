"""What every page shows: the stored events, the shared filters and the filtered rows.

``dashboard.py`` builds one ``View`` per run (after drawing the shared filters) and hands
it to the page it runs; pages read it with ``current_view()``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from config import Settings
from data.filters import Filters
from data.store import EventStore
from errors import DashboardError
from ui.text import escape_markdown

_KEY = "current_view"


@dataclass(frozen=True, slots=True)
class View:
    settings: Settings
    store: EventStore
    data_version: str
    frame: pd.DataFrame
    filters: Filters
    filtered: pd.DataFrame

    @property
    def store_url(self) -> str:
        return self.settings.store_url

    @property
    def description(self) -> str:
        """The sentence above every page's results: "17 events in Kech and Gwadar, January 2026"."""
        return self.filters.describe(len(self.filtered), span=date_span(self.filtered))


def date_span(frame: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """First and last event day of ``frame`` (None when it has no dated event)."""
    if "event_date" not in frame or frame.empty:
        return None
    dates = pd.to_datetime(frame["event_date"], errors="coerce").dropna()
    return (dates.min().date(), dates.max().date()) if len(dates) else None


def publish_view(view: View) -> None:
    st.session_state[_KEY] = view


def current_view() -> View:
    """The View of this run; only ``dashboard.py`` can make one."""
    view = st.session_state.get(_KEY)
    if not isinstance(view, View):
        raise DashboardError("This page is part of the dashboard: start it with `streamlit run dashboard.py`.")
    return view


def show_description(view: View) -> None:
    """The filter sentence, as literal text (place names come from articles)."""
    st.markdown(f"**{escape_markdown(view.description)}**")
