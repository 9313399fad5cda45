"""What every page shows: the stored events, the shared filters and the filtered rows.

``dashboard.py`` builds one ``View`` per run (after drawing the shared filters) and hands
it to the page it runs; pages read it with ``current_view()``.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
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
    frame: pd.DataFrame          # every stored event, in store order (shared and READ-ONLY)
    filters: Filters
    rows: np.ndarray             # positions in ``frame`` of the filtered events, by date then id
    order: np.ndarray            # positions of every event, by date then id (to filter differently)

    @property
    def store_url(self) -> str:
        return self.settings.store_url

    @property
    def count(self) -> int:
        return len(self.rows)

    def columns(self, names: Iterable[str]) -> pd.DataFrame:
        """The filtered events, only the columns ``names`` (index = position in ``frame``).

        Each consumer asks for what it uses: copying every column of a million rows for a
        map that needs 14 was most of a filter change.
        """
        wanted = [n for n in dict.fromkeys(names) if n in self.frame.columns]
        return self.frame[wanted].take(self.rows)

    def at(self, positions: Iterable[int]) -> pd.DataFrame:
        """Whole rows of ``frame`` at these positions (an event shown in full)."""
        return self.frame.take(np.fromiter(positions, dtype=np.intp))

    @property
    def filtered(self) -> pd.DataFrame:
        """Every column of the filtered events: for exports, which need them all."""
        return self.frame.take(self.rows)

    @property
    def description(self) -> str:
        """The sentence above every page's results: "17 events in Kech and Gwadar, January 2026"."""
        return self.filters.describe(self.count, span=date_span(self.columns(("event_date",))))


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
