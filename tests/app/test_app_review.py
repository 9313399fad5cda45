"""The Review page drives the review desk: place from candidates, reject, merge, undo; counts follow."""
from __future__ import annotations

import pandas as pd

from data.review import ReviewDesk
from data.store import EventStore
from tests.app.helpers import SEED_ROWS, open_page


def _store(url: str) -> EventStore:
    return EventStore(url)


def _event(url: str, event_id: str) -> dict:
    store = _store(url)
    try:
        return ReviewDesk(store, "test").event(event_id)
    finally:
        store.close()


def _events_count(at) -> int:
    at.switch_page("pages/events.py").run()
    assert not at.exception, at.exception
    return len(at.dataframe[0].value)


def _map_sentence(at) -> str:
    at.switch_page("pages/map.py").run()
    return at.markdown[0].value


def _review(at):
    at.switch_page("pages/review.py").run()
    assert not at.exception, at.exception
    return at


def test_edit_the_place_from_the_gazetteer_candidates(store_url: str) -> None:
    at = open_page("review")
    event_id = at.selectbox(key="review_pick").value
    version = int(_event(store_url, event_id)["version"])
    at.text_input(key=f"review_v{version}_place_query").set_value("Turbat").run()
    candidates = at.selectbox(key=f"review_v{version}_place").options
    assert any(c.startswith("Turbat (") for c in candidates), candidates
    at.selectbox(key=f"review_v{version}_place").set_value(next(c for c in candidates if c.startswith("Turbat ("))).run()
    at.button(key="review_set_place").click().run()
    assert not at.exception, at.exception
    event = _event(store_url, event_id)
    assert (event["location"], event["admin2"], event["geo_status"]) == ("Turbat", "Kech", "located")
    assert event["version"] == version + 1 and any("Set place done" in s.value for s in at.success)


def test_reject_hides_the_event_and_undo_brings_it_back(store_url: str) -> None:
    at = open_page("review")
    event_id = at.selectbox(key="review_pick").value
    at.button(key="review_reject").click().run()
    assert _event(store_url, event_id)["review_status"] == "rejected"
    assert _events_count(at) == SEED_ROWS - 1
    assert f"{SEED_ROWS - 1:,} events" in _map_sentence(at)
    _review(at).toggle(key="review_show_all").set_value(True).run()
    at.selectbox(key="review_pick").set_value(event_id).run()
    at.button(key="review_undo").click().run()
    assert not at.exception, at.exception
    assert _event(store_url, event_id)["review_status"] == "unreviewed"
    assert _events_count(at) == SEED_ROWS


def test_merge_two_events_then_undo(store_url: str) -> None:
    at = open_page("review")
    options = at.selectbox(key="review_pick").options
    keep, gone = at.selectbox(key="review_pick").value, None
    ids = [o.split(" · ")[0] for o in options]
    gone = next(i for i in ids if i != keep)
    at.selectbox(key="review_merge_with").set_value(gone).run()
    at.button(key="review_merge").click().run()
    assert not at.exception, at.exception
    assert _event(store_url, gone)["review_status"] == "merged"
    assert _events_count(at) == SEED_ROWS - 1
    _review(at).selectbox(key="review_pick").set_value(keep).run()
    at.button(key="review_undo").click().run()
    assert _event(store_url, gone)["review_status"] == "unreviewed"
    assert _events_count(at) == SEED_ROWS


def test_a_stale_action_is_refused_with_the_other_analysts_name(store_url: str) -> None:
    at = open_page("review")
    event_id = at.selectbox(key="review_pick").value
    store = _store(store_url)
    try:       # another analyst changes the event after this page showed it
        desk = ReviewDesk(store, "bilal")
        desk.edit(event_id, {"fatalities": 99}, version=int(desk.event(event_id)["version"]))
    finally:
        store.close()
    at.button(key="review_reject").click().run()
    assert any("changed by bilal since" in e.value for e in at.error)
    assert _event(store_url, event_id)["review_status"] == "unreviewed"


def test_the_events_page_offers_the_same_actions(store_url: str, stored_frame: pd.DataFrame) -> None:
    at = open_page("events")
    at.text_input(key="events_review_id").set_value(stored_frame["event_id_cnty"].iloc[0]).run()
    at.button(key="events_review_reject").click().run()
    assert not at.exception, at.exception
    assert len(at.dataframe[0].value) == SEED_ROWS - 1
