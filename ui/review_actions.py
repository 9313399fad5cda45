"""The review actions on one event (Review page and Events page): widgets only, logic in data/review.py.

Every action passes the version the analyst saw; a refused (stale) change is shown with the
name of whoever changed the event since, and nothing is overwritten.
"""
from __future__ import annotations

from typing import Any, Callable

import pandas as pd
import streamlit as st

from data.review import ReviewDesk, _clean
from data.schema import EVENT_TYPES
from errors import DashboardError
from ui.text import escape_markdown, safe_link
from ui.view import View

FLASH = "review_flash"
KEEP_PLACE = "(keep the current place)"


FORM_TEXT = (("actor1", "Actor 1"), ("actor2", "Actor 2"), ("location", "Location (as coded)"), ("notes", "Notes"))


def _save(desk: ReviewDesk, event_id: str, version: int, vkey: str) -> None:
    state = st.session_state
    changes = {"event_date": state[f"{vkey}_date"], "event_type": state[f"{vkey}_type"],
               "sub_event_type": state[f"{vkey}_sub"], "fatalities": int(state[f"{vkey}_fatalities"]),
               **{name: state[f"{vkey}_{name}"] for name, _ in FORM_TEXT}}
    _act("Save changes", desk.edit, event_id, changes, version=version)


def _merge(desk: ReviewDesk, event_id: str, version: int, key: str) -> None:
    other = st.session_state.get(f"{key}_merge_with")
    if not other:
        st.session_state[FLASH] = ("error", "Merge: choose the event to merge into this one first.")
        return
    try:
        absorb = int(desk.event(other)["version"])
    except DashboardError as exc:
        st.session_state[FLASH] = ("error", f"Merge refused: {exc}")
        return
    _act("Merge", desk.merge, event_id, other, version=version, absorb_version=absorb)


def _split(desk: ReviewDesk, event_id: str, version: int, key: str) -> None:
    part = st.session_state.get(f"{key}_split_source")
    if not part:
        st.session_state[FLASH] = ("error", "Split: choose the source to split off first.")
        return
    _act("Split", desk.split, event_id, part, version=version)


def desk_of(view: View) -> ReviewDesk:
    return ReviewDesk(view.store, view.settings.analyst)


def show_flash() -> None:
    """The outcome of the last action (kept across the rerun that follows it)."""
    kind, message = st.session_state.pop(FLASH, (None, None))
    if kind == "ok":
        st.success(escape_markdown(message))
    elif kind == "error":
        st.error(escape_markdown(message))


def _act(label: str, action: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
    """A button's callback: runs before the rerun, with the version the analyst saw when it was drawn."""
    try:
        action(*args, **kwargs)
    except DashboardError as exc:  # stale edits, bad values, missing events: named, nothing written
        st.session_state[FLASH] = ("error", f"{label} refused: {exc}")
    else:
        st.session_state[FLASH] = ("ok", f"{label} done.")


def place_label(place: Any) -> str:
    where = ", ".join(p for p in (place.admin2, place.admin1) if p)
    return f"{place.name} ({place.kind}, {where})"


def place_changes(place: Any) -> dict[str, Any]:
    return {"location": place.name, "geo_name": place.name, "admin1": place.admin1, "admin2": place.admin2,
            "admin3": place.admin3, "latitude": place.latitude, "longitude": place.longitude,
            "geo_precision": place.geo_precision, "geo_status": "located"}


def _candidates(query: str) -> list[Any]:
    import geo

    return list(geo.resolve(query).candidates) if query.strip() else []


def _text(value: Any) -> str:
    value = _clean(value)
    return "" if value is None else str(value)


def review_actions(view: View, event_id: str, *, key: str, others: list[str] | None = None) -> None:
    """Edit, place, reject, mark reviewed, merge, split and undo for ``event_id``."""
    desk = desk_of(view)
    event = desk.event(event_id)
    version = int(event["version"])
    # Field widgets are keyed by version too: after any change (an undo, another analyst's edit) they
    # show the stored values, never a stale entry that "Save" would write back.
    vkey = f"{key}_v{version}"
    sources = desk.sources(event_id)
    st.caption(f"Status: {event['review_status']} · version {version} · analyst {view.settings.analyst}")
    st.markdown(f"Fatalities: **{_text(event['fatalities']) or '0'}** — {escape_markdown(_text(event['fatalities_basis']))}")
    if len(sources):
        table = sources[["source_id", "outlet", "url", "published", "fatalities", "evidence"]].copy()
        table["url"] = [safe_link(u) or "" for u in table["url"]]
        st.dataframe(table, hide_index=True, width="stretch", key=f"{key}_sources")

    cols = st.columns(4)
    cols[0].button("Mark reviewed", key=f"{key}_reviewed", on_click=_act,
                   args=("Mark reviewed", desk.mark_reviewed, event_id), kwargs={"version": version})
    cols[1].button("Reject", key=f"{key}_reject", on_click=_act, args=("Reject", desk.reject, event_id),
                   kwargs={"version": version})
    cols[2].button("Undo last change", key=f"{key}_undo", on_click=_act, args=("Undo", desk.undo, event_id),
                   kwargs={"version": version})
    if event["review_status"] in ("rejected", "reviewed"):
        cols[3].button("Reopen", key=f"{key}_reopen", on_click=_act,
                       args=("Reopen", desk.set_status, event_id, "unreviewed"), kwargs={"version": version})

    st.markdown("**Place** — choose from the gazetteer's ranked candidates")
    query = st.text_input("Look up a place", value=_text(event["place_raw"]) or _text(event["location"]),
                          key=f"{vkey}_place_query")
    found = _candidates(query)
    labels = [KEEP_PLACE] + [place_label(p) for p in found]
    picked = st.selectbox("Candidates", labels, key=f"{vkey}_place")
    if picked != KEEP_PLACE:
        place = found[labels.index(picked) - 1]
        st.button("Set place", key=f"{key}_set_place", on_click=_act,
                  args=("Set place", desk.edit, event_id, place_changes(place)), kwargs={"version": version})

    with st.form(f"{vkey}_edit"):
        st.markdown("**Coded fields**")
        c1, c2 = st.columns(2)
        c1.date_input("Event date", value=pd.Timestamp(event["event_date"]).date(), key=f"{vkey}_date")
        types = list(EVENT_TYPES)
        c1.selectbox("Event type", types, index=types.index(event["event_type"]), key=f"{vkey}_type")
        subs = [""] + [s for t in EVENT_TYPES.values() for s in t]
        c1.selectbox("Sub-event type", subs, index=subs.index(_text(event["sub_event_type"]))
                     if _text(event["sub_event_type"]) in subs else 0, key=f"{vkey}_sub")
        c1.number_input("Fatalities", min_value=0, step=1, value=int(_clean(event["fatalities"]) or 0),
                        key=f"{vkey}_fatalities")
        for name, label in FORM_TEXT:
            c2.text_input(label, value=_text(event[name]), key=f"{vkey}_{name}")
        st.form_submit_button("Save changes", on_click=_save, args=(desk, event_id, version, vkey))

    c1, c2 = st.columns(2)
    choices = [o for o in (others or []) if o != event_id]
    with c1:
        st.selectbox("Merge another event into this one", [""] + choices, key=f"{key}_merge_with")
        st.button("Merge", key=f"{key}_merge", on_click=_merge, args=(desk, event_id, version, key))
    with c2:
        ids = list(sources["source_id"]) if len(sources) > 1 else []
        st.selectbox("Split a source off", [""] + ids, key=f"{key}_split_source")
        st.button("Split", key=f"{key}_split", on_click=_split, args=(desk, event_id, version, key))

    history = desk.history(event_id)
    if len(history):
        with st.expander(f"History ({len(history)})"):
            shown = history[["at", "analyst", "action", "fields", "before", "after", "undone_by"]].copy()
            shown["at"] = pd.to_datetime(shown["at"], unit="s", utc=True)
            st.dataframe(shown, hide_index=True, width="stretch", key=f"{key}_history")
