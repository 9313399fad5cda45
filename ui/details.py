"""One event shown in full: evidence, source, place as written vs resolved, provenance."""
from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from ui.eventlink import event_url
from ui.text import escape_markdown, highlight, safe_link


def _text(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def events_at(frame: pd.DataFrame, lat: float | None, lng: float | None, *,
              tolerance: float = 1e-4) -> pd.DataFrame:
    """Rows of ``frame`` located at (lat, lng): the events behind a clicked marker."""
    if lat is None or lng is None or frame.empty:
        return frame.iloc[0:0]
    near = ((frame["latitude"].astype("Float64") - float(lat)).abs() <= tolerance) & (
        (frame["longitude"].astype("Float64") - float(lng)).abs() <= tolerance)
    return frame[near.fillna(False)]


def resolved_place(row: pd.Series) -> str:
    parts = [_text(row.get(c)) for c in ("geo_name", "admin3", "admin2", "admin1")]
    seen: list[str] = []
    for part in parts:
        if part and part not in seen:
            seen.append(part)
    return ", ".join(seen) or "not resolved (unlocated)"


def show_event_details(row: pd.Series) -> None:
    """Everything an analyst needs to check one coded event against its source."""
    date = _text(row.get("event_date"))[:10]
    title = f"{date} · {_text(row.get('event_type'))} · {_text(row.get('location'))}"
    with st.container(border=True):
        st.markdown(f"**{escape_markdown(title)}**")
        cols = st.columns(3)
        cols[0].markdown(f"Sub-event: {escape_markdown(_text(row.get('sub_event_type')))}  \n"
                         f"Fatalities: {escape_markdown(_text(row.get('fatalities')) or '0')}")
        actors = " vs ".join(a for a in (_text(row.get("actor1")), _text(row.get("actor2"))) if a)
        cols[1].markdown(f"Actors: {escape_markdown(actors)}")
        cols[2].markdown(f"Place as written: {escape_markdown(_text(row.get('place_raw')) or '—')}  \n"
                         f"Resolved to: {escape_markdown(resolved_place(row))}")
        evidence = _text(row.get("evidence"))
        if evidence:
            terms = [_text(row.get("place_raw")), _text(row.get("location"))]
            # The only HTML we write: every piece escaped by highlight().
            st.html(f"<blockquote style='margin:0.3em 0;border-left:3px solid #bbb;padding-left:0.6em'>"
                    f"{highlight(evidence, terms)}</blockquote>")
        link = safe_link(row.get("source_url"))
        meta = [f"Source: {escape_markdown(_text(row.get('source')) or 'unknown')}",
                f"Run: {escape_markdown(_text(row.get('run_id')) or '—')}",
                f"Event id: {escape_markdown(_text(row.get('event_id_cnty')))}"]
        st.caption(" · ".join(meta))
        event_id = _text(row.get("event_id_cnty"))
        if event_id:
            # A code block: one click copies the address to send a colleague.
            st.caption("Link to this event")
            st.code(event_url(event_id), language=None)
        if link:
            st.link_button("Open the source report", link)
