"""The timeline you can scrub: drag across it or click a bar and the date filter follows.

It shows the events that pass every filter *except* the dates, so the chosen range stays
in context (shaded) and can be moved. The selection reaches the shared filters through a
callback, which runs before the next script run: the only moment a widget's state (the
sidebar's date box) may be changed.
"""
from __future__ import annotations

import datetime as dt
import functools
import time
from collections.abc import Mapping
from typing import Any

import pandas as pd
import streamlit as st

from data.filters import Filters
from ui.charts import BRUSH, PICK, timeline_spec
from ui.filters import DATES, PENDING_DATES, set_date_range
from ui.loaders import filter_rows, filters_key
from ui.trends import TREND_COLUMNS, auto_freq, over_time, period_end, period_start
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


PLAY, PLAY_STOP, PLAY_LAST = "timeline_play", "timeline_play_stop", "timeline_play_last"
PLAY_SECONDS = 3.0     # one step: the map is rebuilt and repainted (1-2 s) and can be looked at


def _step_of(freq: str) -> pd.DateOffset:
    return pd.DateOffset(weeks=1) if freq == "week" else pd.DateOffset(months=1)


def step_period(current: tuple[dt.date, dt.date] | None, span: tuple[dt.date, dt.date], freq: str,
                direction: int) -> tuple[dt.date, dt.date] | None:
    """The week or month after (``direction`` 1) or before (-1) the one ``current`` starts in;
    from no dates, the first (or last) one of ``span``. None past either end."""
    first, last = (period_start(pd.Series([pd.Timestamp(d)]), freq).iloc[0] for d in span)
    if current is None:
        start = first if direction > 0 else last
    else:
        here = period_start(pd.Series([pd.Timestamp(current[0])]), freq).iloc[0]
        start = here + _step_of(freq) * direction
        start = period_start(pd.Series([start]), freq).iloc[0]   # a week step may land mid-month
    if start < first or start > last:
        return None
    return start.date(), period_end(start, freq)


def _current(state: Mapping[str, Any]) -> tuple[dt.date, dt.date] | None:
    dates = tuple(state.get(DATES) or ())
    return (dates[0], dates[-1]) if dates else None


def _step(span: tuple[dt.date, dt.date], freq: str, direction: int) -> None:
    chosen = step_period(_current(st.session_state), span, freq, direction)
    if chosen is not None:
        set_date_range(st.session_state, *chosen)


@st.fragment(run_every=PLAY_SECONDS)
def _player(span: tuple[dt.date, dt.date], freq: str) -> None:
    """While Play is on: every PLAY_SECONDS the next week or month, through a whole-app rerun."""
    state = st.session_state
    if time.monotonic() - state.get(PLAY_LAST, 0.0) < PLAY_SECONDS * 0.8:
        return   # the run that drew this fragment: the step is due later
    state[PLAY_LAST] = time.monotonic()
    chosen = step_period(_current(state), span, freq, 1)
    if chosen is None:
        state[PLAY_STOP] = True          # the toggle is switched off before it is drawn again
    else:
        state[PENDING_DATES] = chosen
    st.rerun(scope="app")


def render_play_controls(view: View, span: tuple[dt.date, dt.date], freq: str) -> None:
    """Previous / next week or month, and Play (steps through the periods on the map)."""
    state = st.session_state
    if state.pop(PLAY_STOP, False):
        state[PLAY] = False
    cols = st.columns([1, 1, 1, 3], vertical_alignment="center")
    cols[0].button(f"◀ Previous {freq}", key="timeline_prev", on_click=_step, args=(span, freq, -1))
    cols[1].button(f"Next {freq} ▶", key="timeline_next", on_click=_step, args=(span, freq, 1))
    playing = cols[2].toggle("Play", key=PLAY, help=f"Step through the {freq}s, one every {PLAY_SECONDS:g} s.")
    if playing:
        state.setdefault(PLAY_LAST, time.monotonic())
        _player(span, freq)
    else:
        state.pop(PLAY_LAST, None)


def render_timeline(view: View, *, key: str, height: int = 150, legend: bool = True,
                    controls: bool = False) -> None:
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
    spec = timeline_spec(table, freq=freq, selected=chosen, height=height, legend=legend)
    st.vega_lite_chart(spec, key=key, on_select=functools.partial(_on_select, key, freq),
                    selection_mode=[BRUSH, PICK], width="stretch")
    st.caption(f"Events per {freq} by type. Drag across the timeline to filter to those dates, click a bar "
               f"for its {freq}, click beside the bars to show all dates.")
    if controls:
        render_play_controls(view, span, freq)
