"""The events a baseline app shows: the bench store when given (BENCH_STORE_URL), else synthetic ones."""
from __future__ import annotations

import os

import pandas as pd
import streamlit as st

from data.sample import synthetic_events
from maps.styles import TYPE_ORDER


@st.cache_data(show_spinner=False)
def _events(url: str | None, n: int) -> pd.DataFrame:
    if url:
        from data.store import EventStore

        return EventStore(url).load_frame()
    return synthetic_events(n, seed=42)


def filtered_events() -> pd.DataFrame:
    """The events, after the same two sidebar filters on every baseline (event type, minimum fatalities)."""
    frame = _events(os.environ.get("BENCH_STORE_URL") or None, int(os.environ.get("BENCH_EVENTS", "1000")))
    types = st.sidebar.multiselect("Event type", TYPE_ORDER[:-1], default=list(TYPE_ORDER[:-1]), key="types")
    least = st.sidebar.number_input("Minimum fatalities", min_value=0, step=1, key="min_fatalities")
    keep = frame["event_type"].isin(types) & (frame["fatalities"].fillna(0) >= least)
    return frame[keep.to_numpy(dtype=bool)].dropna(subset=["latitude", "longitude"])
