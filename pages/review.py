"""Review page: the queue of events to check, most doubtful first, and the actions on one of them."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from data.doubt import review_queue
from ui.details import show_event_details
from ui.entry import ensure_navigation_mode
from ui.guard import guard
from ui.review_actions import desk_of, review_actions, show_flash
from ui.text import escape_markdown
from ui.view import current_view

ensure_navigation_mode()
with guard():
    view = current_view()

st.title("Review")
show_flash()
show_all = st.toggle("Include reviewed, rejected and merged events", key="review_show_all",
                     help="Rejected events stay in the store; show them here to undo or reopen.")
with guard("The review queue could not be read"):
    queue = review_queue(view.store, include_hidden=show_all, include_reviewed=show_all)
doubtful = int((queue["doubt"] > 0).sum()) if len(queue) else 0
st.markdown(escape_markdown(f"{len(queue)} events to review, {doubtful} with a doubt "
                            f"(all events in the store; analyst: {view.settings.analyst})"))
if queue.empty and not st.session_state.get("review_current"):
    st.caption("Nothing left to review.")
    st.stop()

st.dataframe(queue.drop(columns=["reasons"]), hide_index=True, width="stretch", key="review_queue",
             column_config={"why": st.column_config.TextColumn("why", width="large"),
                            "confidence": st.column_config.NumberColumn(
                                "confidence", format="%.2f",
                                help="The extractor's confidence in its coding (empty: not known)")})
labels = {row.event_id_cnty: f"{row.event_id_cnty} · {str(row.event_date)[:10]} · {row.event_type} · "
                             f"{row.location} · doubt {row.doubt}" for row in queue.itertuples()}
# The event just acted on stays selectable after it leaves the queue (reviewed, rejected), so
# the analyst sees the outcome and can undo it.
current = st.session_state.get("review_current")
if current and current not in labels:
    labels[current] = f"{current} · just changed"
ids = list(labels)
event_id = st.selectbox("Event to review", ids, index=ids.index(current) if current in ids else 0,
                        format_func=labels.get, key="review_pick")
st.session_state["review_current"] = event_id
picked = queue[queue["event_id_cnty"] == event_id]
if len(picked):
    reasons = picked["reasons"].iloc[0]
    confidence = picked["confidence"].iloc[0]
    known = "" if pd.isna(confidence) else f" (the extractor's confidence: {confidence:.2f})"
    if reasons:
        st.markdown(escape_markdown(f"Why it is doubted{known}:") + "\n"
                    + "\n".join(f"- {escape_markdown(r)}" for r in reasons))
    else:
        st.caption(escape_markdown(f"Nothing doubted{known}; not yet reviewed."))
if event_id:
    with guard("This event cannot be shown"):
        show_event_details(pd.Series(desk_of(view).event(event_id)))
        review_actions(view, event_id, key="review", others=list(labels))
