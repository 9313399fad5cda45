"""One event per incident across sources, analyst corrections that survive re-ingest (real store)."""
from __future__ import annotations

import pytest

from data.review import ReviewDesk, toll, visible
from errors import SchemaError, StaleEditError
from ingest.run import ingest_texts
from tests.unit.review_fakes import FAKE, TURBAT, report

SHOT = f"EVENT Turbat|Violence against civilians|Unidentified Armed Group (Pakistan)|Civilians (Pakistan)|{{}}|{TURBAT}"


def ingest(store, *texts: str):
    return ingest_texts([(f"report {i}", t) for i, t in enumerate(texts)], store, extractor="fake", pipeline=FAKE)


def shown(store):
    return visible(store.load_frame())


def test_two_reports_of_one_incident_are_one_event_with_two_sources(store):
    first = report(SHOT.format(6), url="https://a.example/1", outlet="a.example", published="2023-10-14")
    ingest(store, first)
    event_id = store.load_frame()["event_id_cnty"].iloc[0]
    out = ingest(store, report(SHOT.format(5), url="https://b.example/2", outlet="b.example", published="2023-10-14"))
    frame = shown(store)
    assert len(frame) == 1 and out.sources_attached == 1
    row = frame.iloc[0]
    assert row["event_id_cnty"] == event_id                   # the id stays when a second source arrives
    assert row["fatalities"] == 5                             # competing same-day figures: most conservative
    assert "5 (b.example, 2023-10-14)" in row["fatalities_basis"] and "6 (a.example" in row["fatalities_basis"]
    assert row["source"] == "a.example; b.example"
    sources = ReviewDesk(store, "ana").sources(event_id)
    assert sorted(sources["outlet"]) == ["a.example", "b.example"]
    assert all(sources["evidence"].str.startswith("EVENT Turbat"))


def test_a_later_report_updates_the_toll_and_says_so(store):
    ingest(store, report(SHOT.format(5), url="https://a.example/1", outlet="a.example", published="2023-10-14"))
    later = SHOT.format(7) + "|2023-10-14"                   # published two days later, about the same day
    ingest(store, report(later, url="https://b.example/2", outlet="b.example", published="2023-10-16"))
    row = shown(store).iloc[0]
    assert row["fatalities"] == 7 and "later report replaces 5 (a.example" in row["fatalities_basis"]


def test_toll_rule_is_never_a_sum():
    assert toll([{"fatalities": 6, "published": None}, {"fatalities": 6, "published": None}]).fatalities == 6
    assert toll([]).fatalities == 0


def test_a_near_duplicate_is_suggested_not_merged(store):
    ingest(store, report(SHOT.format(6), url="https://a.example/1", outlet="a.example"))
    nearby = f"EVENT Kech|Violence against civilians|Unidentified Armed Group (Pakistan)|Civilians (Pakistan)|6||2023-10-13"
    out = ingest(store, report(nearby, url="https://b.example/2", outlet="b.example"))
    assert len(shown(store)) == 2 and out.duplicates_suggested == 1
    items = ReviewDesk(store, "ana").items()
    assert list(items["kind"]) == ["duplicate"]
    assert "1 day apart" in items["reason"].iloc[0] and "Turbat lies in Kech" in items["reason"].iloc[0]


def test_an_edit_survives_reingest_and_a_changed_extraction_is_flagged(store):
    text = report(SHOT.format(6), url="https://a.example/1", outlet="a.example")
    ingest(store, text)
    event = store.load_frame().iloc[0]
    desk = ReviewDesk(store, "ana")
    desk.edit(event["event_id_cnty"], {"fatalities": 5, "location": "Kech"}, version=int(event["version"]))
    ingest(store, text)                                        # same extraction: nothing to flag
    again = desk.event(event["event_id_cnty"])
    assert (again["fatalities"], again["location"]) == (5, "Kech") and desk.items().empty
    ingest(store, text.replace("|6|", "|7|"))                  # the extractor now says 7
    again = desk.event(event["event_id_cnty"])
    assert again["fatalities"] == 5
    conflicts = desk.items()
    assert list(conflicts["field"]) == ["fatalities"] and "now says 7" in conflicts["reason"].iloc[0]


def test_a_rejected_event_stays_rejected_after_reingest(store):
    text = report(SHOT.format(6), url="https://a.example/1")
    ingest(store, text)
    event = store.load_frame().iloc[0]
    ReviewDesk(store, "ana").reject(event["event_id_cnty"], version=int(event["version"]))
    ingest(store, text, text.replace("https://a.example/1", "https://c.example/3"))
    frame = store.load_frame()
    assert len(frame) == 1 and frame["review_status"].iloc[0] == "rejected" and shown(store).empty


def test_undo_restores_the_previous_values(store):
    ingest(store, report(SHOT.format(6), url="https://a.example/1"))
    event = store.load_frame().iloc[0]
    desk = ReviewDesk(store, "ana")
    version = desk.edit(event["event_id_cnty"], {"location": "Kech", "fatalities": 4}, version=int(event["version"]))
    desk.undo(event["event_id_cnty"], version=version)
    again = desk.event(event["event_id_cnty"])
    assert (again["location"], again["fatalities"], again["origin"]) == ("Turbat", 6, "extracted")
    assert desk.locked(event["event_id_cnty"]) == set()
    history = desk.history(event["event_id_cnty"])
    assert list(history["action"]) == ["undo", "edit"] and set(history["analyst"]) == {"ana"}


def test_editing_a_url_less_report_updates_its_events_in_place(store):
    ingest(store, report(SHOT.format(6), title="Six labourers shot dead in Turbat"))
    before = store.load_frame()
    ingest(store, report(SHOT.format(7), title="Six labourers shot dead in Turbat").replace(
        "A made-up report.", "A made-up report, corrected by the desk."))
    after = store.load_frame()
    assert len(after) == 1 and list(after["event_id_cnty"]) == list(before["event_id_cnty"])
    assert after["fatalities"].iloc[0] == 7


def test_a_stale_second_edit_is_refused_naming_who_changed_it(store):
    ingest(store, report(SHOT.format(6), url="https://a.example/1"))
    event = store.load_frame().iloc[0]
    opened = int(event["version"])
    ReviewDesk(store, "ana").edit(event["event_id_cnty"], {"fatalities": 5}, version=opened)
    with pytest.raises(StaleEditError, match="changed by ana since"):
        ReviewDesk(store, "bilal").edit(event["event_id_cnty"], {"fatalities": 4}, version=opened)
    assert ReviewDesk(store, "bilal").event(event["event_id_cnty"])["fatalities"] == 5


def test_merge_then_split_then_undo(store):
    ingest(store, report(SHOT.format(6), url="https://a.example/1", outlet="a.example"))
    other = f"EVENT Kech|Violence against civilians|Unidentified Armed Group (Pakistan)|Civilians (Pakistan)|8||2023-10-13"
    ingest(store, report(other, url="https://b.example/2", outlet="b.example"))
    frame = store.load_frame().set_index("location")
    keep, gone = frame.loc["Turbat"], frame.loc["Kech"]
    desk = ReviewDesk(store, "ana")
    version = desk.merge(keep["event_id_cnty"], gone["event_id_cnty"], version=int(keep["version"]),
                         absorb_version=int(gone["version"]))
    assert len(shown(store)) == 1 and len(desk.sources(keep["event_id_cnty"])) == 2
    assert desk.items().empty                                  # the suggestion is resolved by the merge
    source = desk.sources(keep["event_id_cnty"]).set_index("outlet").loc["b.example", "source_id"]
    new_id = desk.split(keep["event_id_cnty"], source, version=version)
    assert len(shown(store)) == 2 and desk.event(new_id)["fatalities"] == 8
    with pytest.raises(SchemaError, match="only one source"):
        desk.split(new_id, source, version=1)


def test_undo_of_a_merge_brings_the_event_back(store):
    ingest(store, report(SHOT.format(6), url="https://a.example/1", outlet="a.example"))
    other = f"EVENT Kech|Violence against civilians|Unidentified Armed Group (Pakistan)|Civilians (Pakistan)|8||2023-10-13"
    ingest(store, report(other, url="https://b.example/2", outlet="b.example"))
    frame = store.load_frame().set_index("location")
    keep, gone = frame.loc["Turbat"], frame.loc["Kech"]
    desk = ReviewDesk(store, "ana")
    version = desk.merge(keep["event_id_cnty"], gone["event_id_cnty"], version=int(keep["version"]),
                         absorb_version=int(gone["version"]))
    desk.undo(keep["event_id_cnty"], version=version)
    assert len(shown(store)) == 2 and len(desk.sources(gone["event_id_cnty"])) == 1
    assert desk.event(keep["event_id_cnty"])["fatalities"] == 6
