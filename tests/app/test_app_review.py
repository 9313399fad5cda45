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


def _doubt_store(tmp_path, monkeypatch) -> dict[str, str]:
    """A store of three events: sure and newest, doubted by the extractor and oldest, imported without
    a confidence. Returns their ids by name."""
    from data.sample import synthetic_events

    rows = synthetic_events(3, seed=5).to_dict("records")
    coded = [{"event_date": "2025-01-20", "confidence": 1.0, "doubts": ""},
             {"event_date": "2024-06-01", "confidence": 0.55,
              "doubts": "type decided by a weak cue (only who died); competing tolls [2, 9]; a reason told later"},
             {"event_date": "2025-01-10", "confidence": None, "doubts": "", "origin": "imported"}]
    for row, change in zip(rows, coded):
        row.update({"year": int(change["event_date"][:4]), "latitude": 30.19, "longitude": 67.01,
                    "geo_status": "located", "geo_name": "Quetta", "location": "Quetta", **change})
    url = f"sqlite:///{tmp_path / 'doubts.sqlite'}"
    store = EventStore(url)
    store.upsert_events(rows)
    store.close()
    monkeypatch.setenv("EVENTS_STORE_URL", url)
    monkeypatch.setenv("EVENTS_TILES", "none")
    return dict(zip(("sure", "doubted", "imported"), (r["event_id_cnty"] for r in rows)))


def _shown(text: str) -> str:
    return text.replace("\\", "")   # the page escapes Markdown; the reader sees the text without the escapes


def test_the_queue_puts_the_extractors_doubts_first_with_its_reasons_in_plain_english(tmp_path, monkeypatch) -> None:
    ids = _doubt_store(tmp_path, monkeypatch)
    at = open_page("review")
    table = at.dataframe[0].value
    assert list(table["event_id_cnty"]) == [ids["doubted"], ids["sure"], ids["imported"]]
    assert "reasons" not in table.columns and table["confidence"].iloc[0] == 0.55
    assert at.selectbox(key="review_pick").value == ids["doubted"]    # the most doubtful is the one shown
    why = next(_shown(m.value) for m in at.markdown if "Why it is doubted" in m.value)
    assert why.splitlines() == ["Why it is doubted (the extractor's confidence: 0.55):",
                                "- the event type rests on a weak cue: the report only says who died",
                                "- the report gives competing death tolls (2, 9)",
                                "- a reason told later"]
    at.selectbox(key="review_pick").set_value(ids["imported"]).run()
    assert not at.exception, at.exception
    assert not any("Why it is doubted" in m.value for m in at.markdown)
    assert any(_shown(c.value) == "Nothing doubted; not yet reviewed." for c in at.caption)


def test_the_seeded_queue_shows_each_events_stored_doubts(store_url: str, stored_frame: pd.DataFrame) -> None:
    at = open_page("review")
    table = at.dataframe[0].value
    assert list(table["doubt"]) == sorted(table["doubt"], reverse=True)
    first = stored_frame.set_index("event_id_cnty").loc[at.selectbox(key="review_pick").value]
    assert first["geo_status"] == "unlocated" and first["doubts"]     # unlocated and doubted: first
    why = next(_shown(m.value) for m in at.markdown if "Why it is doubted" in m.value)
    assert f"(the extractor's confidence: {first['confidence']:.2f})" in why
    assert why.splitlines()[1] == "- unlocated: the place is not in the gazetteer, so the event is not on the map"
    assert len(why.splitlines()) == 1 + len(first["doubts"].split("; "))   # the gazetteer's one said once
