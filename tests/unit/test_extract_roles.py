"""Who was hit and where it was told: ranks every force shares, participles used as adjectives, where the dead
were taken, charges against the dead, and a district newer than the gazetteer. Each test is one general
pattern on a short report written for the test."""
from __future__ import annotations

from extraction.numbers import find_deaths
from tests.unit.test_extract_incidents import _by_place, _one

POLICE = "Police Forces of Pakistan"
MILITARY = "Military Forces of Pakistan"


def test_a_shared_rank_takes_the_force_the_report_names():
    event = _one("Two Levies men were martyred when gunmen attacked a checkpost in Gidar on Sunday night. "
                 "\"Sepoys Karim Dad and Wali Jan embraced martyrdom,\" an official said.")
    assert event["fatalities"] == 2                    # the named sepoys are the two already counted
    assert POLICE in (event["actor1"], event["actor2"])
    event = _one("A roadside bomb struck a police vehicle near Mir Ali on Monday, killing three officers.")
    assert POLICE in (event["actor1"], event["actor2"]) and event["fatalities"] == 3
    event = _one("Two sepoys embraced martyrdom when militants attacked a post in Spinwam on Monday.")
    assert MILITARY in (event["actor1"], event["actor2"])  # no force named: the army


def test_a_rank_conjoined_with_a_shared_rank_is_one_count_of_that_force():
    (count,) = find_deaths("A naib risaldar and two sepoys of the Levies force were martyred.")
    assert (count.value, count.victim_class) == (3, "police")
    (count,) = find_deaths("During the exchange of fire, a captain and two sepoys embraced shahadat.")
    assert (count.value, count.victim_class) == (3, "military")


def test_where_the_dead_were_taken_and_buried_is_no_scene():
    found = _by_place("Three policemen were martyred when militants attacked a post in Daraban on Monday. The "
                      "funeral prayers of the martyred policemen were offered at the Police Lines in Kohat, and "
                      "their bodies were then sent to their native villages in Karak.")
    assert set(found) == {"Daraban"}


def test_a_sent_to_hell_count_keeps_its_place():
    event = _one("Four terrorists were sent to hell during an exchange of fire in Kohlu on Wednesday.")
    assert (event["location"], event["fatalities"]) == ("Kohlu", 4)


def test_a_charge_against_the_dead_names_no_incident():
    found = _by_place("Police killed two suspects in an encounter in Sohrab Goth on Thursday. Officials claimed "
                      "the suspects were involved in the killing of two traders in Lyari and Malir.")
    assert set(found) == {"Sohrab Goth"}


def test_a_district_the_text_names_is_the_admin2_even_if_newer_than_the_gazetteer():
    event = _one("Gunmen shot dead a constable in the Zarkhel area of Taunsa district on Monday.")
    assert (event["location"], event["admin2"]) == ("Zarkhel", "Taunsa")
