"""Events page: the filtered table one page at a time, one event in full, and the unlocated events."""
from __future__ import annotations

import streamlit as st

from ui.details import show_event_details
from ui.entry import ensure_navigation_mode
from ui.eventlink import linked_event, linked_event_id, set_linked_event
from ui.guard import guard, soft_guard
from ui.loaders import filters_key, sorted_table_rows
from ui.paging import PAGE_ROWS, SORTS, UNLOCATED_ROWS, page_of
from ui.review_actions import review_actions, show_flash
from ui.tables import TABLE_COLUMNS, UNLOCATED_COLUMNS, table_config, unlocated_rows, with_safe_links
from ui.view import current_view, show_description

ensure_navigation_mode()
with guard():
    view = current_view()

st.title("Events")
show_description(view)

# A selection is a row number on a page: after a filter change or an ingest it would point at
# another event, and the page number may be past the end.
shown_for = (filters_key(view.filters), view.data_version)
if st.session_state.get("events_table_for") != shown_for:
    for key in ("events_table", "events_page"):
        st.session_state.pop(key, None)
    st.session_state["events_table_for"] = shown_for

left, right = st.columns([2, 1])
sort = left.selectbox("Sort by", list(SORTS), format_func=lambda k: SORTS[k][2], key="events_sort",
                      help="Sorts every matching event; clicking a column header sorts only this page.")
ordered = sorted_table_rows(view, sort)
pages = page_of(len(ordered), 1).pages
number = right.number_input("Page", min_value=1, max_value=pages, value=1, step=1, key="events_page")
page = page_of(len(ordered), number, PAGE_ROWS)
st.caption(page.caption)

positions = ordered[page.start:page.stop]
rows = view.frame[[c for c in TABLE_COLUMNS if c in view.frame.columns]].take(positions).reset_index(drop=True)
selection = st.dataframe(rows, hide_index=True, width="stretch", column_config=table_config(),
                         on_select="rerun", selection_mode="single-row", key="events_table")
picked = selection.selection.rows if selection else []
if picked and picked[0] < len(positions):
    row = view.frame.iloc[int(positions[picked[0]])]
    # The address follows the selection, so it can be sent to a colleague as is.
    st.session_state["events_picked_id"] = str(row["event_id_cnty"])
    set_linked_event(str(row["event_id_cnty"]))
    show_event_details(row)
    # The review actions follow the selected row (or an event id typed in).
    if st.session_state.get("events_review_row") != row["event_id_cnty"]:
        st.session_state["events_review_row"] = st.session_state["events_review_id"] = str(row["event_id_cnty"])
else:
    if st.session_state.pop("events_picked_id", None) == linked_event_id():
        set_linked_event(None)     # the analyst cleared the selection that put it there
    linked = linked_event(view.frame)
    if linked is not None:
        st.subheader("Linked event")
        if not (view.rows == linked.name).any():   # linked.name: its position in view.frame
            st.caption("This event is outside the current filters.")
        show_event_details(linked)
    else:
        st.caption("Select a row to see its evidence, source and provenance.")
with st.expander("Review this event: edit, reject, merge, split, undo", expanded=bool(picked)):
    show_flash()
    event_id = st.text_input("Event id", key="events_review_id", placeholder="select a row above").strip()
    if event_id:
        with soft_guard("This event cannot be reviewed"):
            review_actions(view, event_id, key="events_review")

unlocated = unlocated_rows(view.columns(("geo_status", "latitude", "longitude")))
st.subheader(f"Unlocated events ({len(unlocated):,})")
if len(unlocated):
    st.caption("These places could not be resolved, so they are not on the map (no point is guessed)."
               + (f" The first {UNLOCATED_ROWS:,} are listed; narrow the filters or download the CSV for all."
                  if len(unlocated) > UNLOCATED_ROWS else ""))
    listed = view.at(unlocated.index[:UNLOCATED_ROWS])
    st.dataframe(with_safe_links(listed[[c for c in UNLOCATED_COLUMNS if c in listed]]), hide_index=True,
                 width="stretch", column_config=table_config(), key="unlocated_table")
else:
    st.caption("Every filtered event has a place on the map.")
