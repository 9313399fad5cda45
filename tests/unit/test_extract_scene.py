"""Where the incident is and is not: clauses that name places off the scene, running tallies, speakers'
seats, and an undated incident dated by the sentence that goes on telling it. Each test is one general
pattern on a short report written for the test."""
from __future__ import annotations

from extraction.places import find_places
from extraction.taxonomy import signals_of
from tests.unit.test_extract_incidents import _by_place, _one, events


def _names(text: str) -> list[str]:
    return [p.name for p in find_places(text)]


def test_a_running_tally_over_a_period_is_no_toll_of_the_last_incident():
    event = _one("Gunmen shot dead a shopkeeper in Turbat on Tuesday, police said. More than 900 people have "
                 "been killed in attacks in Pakistan since the start of the year, according to a tally.")
    assert (event["location"], event["fatalities"]) == ("Turbat", 1)


def test_places_in_a_consequence_participle_are_not_incident_places():
    found = _by_place("Saboteurs blew up an electricity pylon near Dera Allahyar on Tuesday, cutting off "
                      "power to Sibi, Kachhi and Jhal Magsi.")
    assert set(found) == {"Dera Allahyar"}


def test_places_in_a_plan_or_a_charge_are_off_the_scene():
    found = _by_place("Counter-terrorism police killed two militants in a raid near Kundian on Tuesday; the "
                      "militants were planning to attack installations in Bhakkar and Mianwali.")
    assert set(found) == {"Kundian"}
    found = _by_place("Police killed two militants wanted in attacks in Tank in a shootout near Kulachi on Tuesday.")
    assert "Tank" not in found


def test_a_place_after_a_plan_clause_that_closes_is_kept():
    found = _by_place("Two militants who were planning to attack a school in Quetta, were killed in a raid in "
                      "Mastung on Tuesday.")
    assert set(found) == {"Mastung"}


def test_a_speakers_seat_is_not_where_it_happened():
    assert _names("The bomb struck a patrol near Razmak, a security official in Peshawar told reporters.") == ["Razmak"]
    # the same phrase as the victim is kept
    assert "Quetta" in _names("A government official in Quetta was shot dead on Monday.")


def test_where_victims_study_is_not_where_they_were_taken():
    found = _by_place("Gunmen abducted two brothers, both students at a college in Turbat, from their "
                      "home in Mand on Tuesday.")
    assert set(found) == {"Mand"}


def test_forces_as_the_subject_of_a_taking_away_are_the_abductors():
    event = _one("Family members said that security forces raided their house in Tump on Tuesday and took "
                 "away two brothers.")
    assert event["sub_event_type"] == "Abduction/forced disappearance"
    assert event["actor1"] == "Military Forces of Pakistan"
    assert "state_abduction" not in signals_of("Police said unidentified gunmen took away two brothers.")


def test_a_clause_the_writer_calls_a_separate_incident_is_split_off():
    found = _by_place("Militants attacked a security forces camp in Dasht on Tuesday, while in a separate "
                      "incident two men were shot dead in Tump.")
    assert set(found) == {"Dasht", "Tump"}
    assert found["Dasht"]["fatalities"] == 0 and found["Tump"]["fatalities"] == 2


def test_an_undated_incident_takes_the_day_of_the_sentence_that_goes_on_telling_it():
    event = _one("The BLF claimed an attack on a military camp in Dasht. Residents said heavy gunfire and "
                 "explosions were heard from the camp late Monday night.")
    assert (event["location"], event["event_date"], event["event_type"]) == ("Dasht", "2025-03-10", "Battles")


def test_background_told_in_the_pluperfect_does_not_date_the_incident():
    events_ = events("Security forces killed four militants in an operation in Awaran, the ISPR said. "
                     "On March 1, forces had averted an attack in Kech.")
    awaran = [e for e in events_ if e["location"] == "Awaran"]
    assert awaran and awaran[0]["event_date"] == "2025-03-12"
