"""Events page: the filtered table, one event in full, and the events with no place on the map."""
from __future__ import annotations

import streamlit as st

from ui.details import show_event_details
from ui.entry import ensure_navigation_mode
from ui.eventlink import linked_event, linked_event_id, set_linked_event
from ui.guard import guard
from ui.loaders import filters_key
from ui.tables import TABLE_COLUMNS, UNLOCATED_COLUMNS, table_config, unlocated_rows, with_safe_links
from ui.view import current_view, show_description

ensure_navigation_mode()
with guard():
    view = current_view()

st.title("Events")
show_description(view)

rows = view.filtered.reset_index(drop=True)
# A selection is a row number: after a filter change or an ingest it would point at another event.
shown_for = (filters_key(view.filters), view.data_version)
if st.session_state.get("events_table_for") != shown_for:
    st.session_state.pop("events_table", None)
    st.session_state["events_table_for"] = shown_for
shown = [c for c in TABLE_COLUMNS if c in rows]
selection = st.dataframe(rows[shown], hide_index=True, width="stretch",
                         column_config=table_config(), on_select="rerun", selection_mode="single-row",
                         key="events_table")
picked = selection.selection.rows if selection else []
if picked and picked[0] < len(rows):
    row = rows.iloc[picked[0]]
    # The address follows the selection, so it can be sent to a colleague as is.
    st.session_state["events_picked_id"] = str(row["event_id_cnty"])
    set_linked_event(str(row["event_id_cnty"]))
    show_event_details(row)
else:
    if st.session_state.pop("events_picked_id", None) == linked_event_id():
        set_linked_event(None)     # the analyst cleared the selection that put it there
    linked = linked_event(view.frame)
    if linked is not None:
        st.subheader("Linked event")
        if not rows["event_id_cnty"].astype("string").eq(str(linked["event_id_cnty"])).any():
            st.caption("This event is outside the current filters.")
        show_event_details(linked)
    else:
        st.caption("Select a row to see its evidence, source and provenance.")

unlocated = with_safe_links(unlocated_rows(rows))
st.subheader(f"Unlocated events ({len(unlocated)})")
if len(unlocated):
    st.caption("These places could not be resolved, so they are not on the map (no point is guessed).")
    st.dataframe(unlocated[[c for c in UNLOCATED_COLUMNS if c in unlocated]], hide_index=True,
                 width="stretch", column_config=table_config(), key="unlocated_table")
else:
    st.caption("Every filtered event has a place on the map.")
