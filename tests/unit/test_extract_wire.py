"""Wire datelines, a spokesman's own men, a place sentence that names no victim, and charges against the dead.
Each test is one general pattern on a short report written for the test."""
from __future__ import annotations

from extraction.numbers import find_deaths
from extraction.sentences import dateline_of
from tests.unit.test_extract_incidents import _by_place, _one

POLICE = "Police Forces of Pakistan"


def test_a_wire_credit_closes_the_dateline_and_its_day_is_no_event_day():
    for head, place in [("Sukkur, Jan 9 (PTI) Two men", "Sukkur"), ("Kohat (Pakistan) (AFP) - Gunmen", "Kohat"),
                        ("GWADAR, 4 March 2025: Security forces", "Gwadar"), ("LARKANA, June 3, 2025: A man", "Larkana")]:
        names, end = dateline_of(head)
        assert names == (place,) and head[end:][0].isupper()
    assert dateline_of("Counter Terrorism Department (CTD) officials said") == ((), 0)  # not an agency
    event = _one("Sukkur, Jan 9 (PTI) Two policemen were killed when militants attacked a police post in Rohri "
                 "late Wednesday, officials said on Thursday.", published="2025-01-09")
    assert (event["event_date"], event["fatalities"]) == ("2025-01-08", 2)


def test_a_spokesman_s_own_men_are_of_the_force_attacked():
    (count,) = find_deaths("\"Two of our men were martyred,\" the police official said.")
    assert count.victim_class == "forces"
    event = _one("Militants stormed a police post in Pezu late Monday, killing two officers before one attacker was "
                 "shot dead. \"Two of our men were martyred and one terrorist was killed,\" a police official said.")
    assert event["fatalities"] == 3 and POLICE in (event["actor1"], event["actor2"])


def test_a_sentence_that_only_says_where_the_attack_took_place_keeps_the_lead_s_type():
    event = _one("Two policemen and two militants were killed when gunmen stormed a police check post on Sunday. "
                 "The attack took place at a check post near Kundian town, an official said.")
    assert (event["location"], event["event_type"], event["fatalities"]) == ("Kundian", "Battles", 4)


def test_a_charge_against_the_killed_names_no_incident_of_its_own():
    found = _by_place("Security forces killed three militants in an operation in Datta Khel on Monday. The "
                      "militants killed in Datta Khel were involved in the attack on a police van near Razmak on "
                      "2 January.")
    assert set(found) == {"Datta Khel"}
