"""The timeline you can scrub: drag across it or click a bar and the date filter follows.

It shows the events that pass every filter *except* the dates, so the chosen range stays
in context (shaded) and can be moved. The selection reaches the shared filters through a
callback, which runs before the next script run: the only moment a widget's state (the
sidebar's date box) may be changed.
"""
from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from typing import Any

import pandas as pd
import streamlit as st

from data.filters import Filters
from ui.charts import BRUSH, PICK, timeline_chart
from ui.filters import set_date_range
from ui.loaders import filter_rows, filters_key
from ui.trends import TREND_COLUMNS, auto_freq, over_time, period_end
from ui.view import View, date_span


def _day(value: Any, *, nearest: bool = False) -> dt.date | None:
    """A Vega-Lite time (epoch milliseconds or an ISO string) as a date."""
    try:
        stamp = pd.to_datetime(value, unit="ms") if isinstance(value, (int, float)) else pd.to_datetime(value)
    except (ValueError, TypeError, OverflowError):
        return None
    if pd.isna(stamp):
        return None
    # A clicked bar's start may come back at the browser's local midnight: round to the day.
    return (stamp.round("D") if nearest else stamp).date()


def selected_range(selection: Mapping[str, Any], freq: str) -> tuple[dt.date, dt.date] | None:
    """The dates a timeline selection means: a brushed span, else the clicked bar's period."""
    brushed = (selection.get(BRUSH) or {}).get("period")
    if brushed and len(brushed) == 2:
        start, end = _day(brushed[0]), _day(brushed[1])
        if start and end:
            return min(start, end), max(start, end)
    picked = selection.get(PICK) or []
    if isinstance(picked, Mapping):   # Streamlit may hand a point selection over as {"period": [...]}
        picked = [{"period": v} for v in picked.get("period", [])]
    days = [d for d in (_day(p.get("period"), nearest=True) for p in picked if isinstance(p, Mapping)) if d]
    if days:
        return min(days), period_end(max(days), freq)
    return None


def _on_select(key: str, freq: str) -> None:
    state = st.session_state.get(key)
    selection = (state or {}).get("selection", {}) if isinstance(state, Mapping) else {}
    chosen = selected_range(selection, freq)
    # An emptied selection (a click beside the bars) clears the date filter.
    set_date_range(st.session_state, *(chosen or (None, None)))


@st.cache_data(max_entries=16, show_spinner=False)
def _table(store_url: str, data_version: str, key: str, freq: str, _frame: pd.DataFrame) -> pd.DataFrame:
    return over_time(_frame, split="event type", freq=freq)


def render_timeline(view: View, *, key: str, height: int = 150, legend: bool = True) -> None:
    """The scrubbable timeline of ``view`` (one per page: ``key`` names its widget)."""
    undated: Filters = view.filters.replace(date_from=None, date_to=None)
    rows = filter_rows(view.frame, view.order, undated, store_url=view.store_url, data_version=view.data_version)
    context = view.frame[["event_date", *TREND_COLUMNS[1:3]]].take(rows)   # what the timeline reads
    span = date_span(context)
    if span is None:
        st.caption("No dated events match the other filters.")
        return
    freq = auto_freq(*span)
    table = _table(view.store_url, view.data_version, filters_key(undated), freq, context)
    chosen = None
    if view.filters.date_from or view.filters.date_to:
        chosen = (view.filters.date_from or span[0], view.filters.date_to or span[1])
    chart = timeline_chart(table, freq=freq, selected=chosen, height=height, legend=legend)
    st.altair_chart(chart, key=key, on_select=functools.partial(_on_select, key, freq),
                    selection_mode=[BRUSH, PICK], width="stretch")
    st.caption(f"Events per {freq} by type. Drag across the timeline to filter to those dates, click a bar "
               f"for its {freq}, click beside the bars to show all dates.")
