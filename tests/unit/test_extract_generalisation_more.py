"""More rules from the tenth blind holdout round: each test is one general coding pattern, on a short
report written for the test."""
from __future__ import annotations

from datetime import date

from extraction.dates import find_dates
from extraction.numbers import find_deaths
from extraction.sentences import dateline_of
from extraction.taxonomy import signals_of
from tests.unit.test_extract_generalisation import events

D = date(2025, 7, 9)  # a Wednesday


def _days(text: str, published: date = D) -> list[tuple[str, str]]:
    return [(m.kind, m.day.isoformat() if m.day else "") for m in find_dates(text, published)]


def test_a_night_spanning_two_days_is_dated_by_its_start():
    assert _days("On the intervening night of 6/7 July 2025, troops raided a compound.") == [("event", "2025-07-06")]
    assert _days("During the night between Monday and Tuesday, a blast hit the line.")[0] == ("event", "2025-07-07")
    assert _days("Police said on 8 July that the road was reopened.") == [("statement", "2025-07-08")]


def test_the_month_of_an_explicit_day_is_not_a_vague_date():
    assert _days("In another engagement, on 5 July 2025, troops engaged a hideout.") == [("event", "2025-07-05")]
    assert _days("The checkpoint was built in March 2024.")[0][0] == "vague"


def test_a_later_toll_by_a_day_is_not_the_day_of_the_attack():
    assert _days("By Wednesday, officials said the toll had risen to nine.") == [("statement", "2025-07-09")]
    assert _days("The bomb went off by Monday noon.") == [("event", "2025-07-07")]


def test_the_state_word_khwarij_counts_militants():
    (c,) = find_deaths("After an intense exchange of fire, four khwarij were sent to hell.")
    assert (c.value, c.victim_class) == (4, "militant")


def test_a_woman_and_her_children_are_counted_together():
    assert max(c.value for c in find_deaths("Shells fired across the border killed a woman and her three sons.")) == 4
    assert max(c.value for c in find_deaths("Gunmen shot dead a teacher and his driver.")) == 2


def test_deaths_believed_or_killed_or_wounded_are_not_counted():
    assert find_deaths("Police believed that two attackers had also been killed or wounded.") == []
    assert find_deaths("Officials believed five militants were killed in the strikes.") == []


def test_a_victim_who_died_later_is_one_death():
    (e,) = events("SUKKUR: A shopkeeper who was beaten by a mob in Ghotki on Saturday died at a hospital on Monday, "
                  "police said.", "2024-07-16")
    assert (e["event_type"], e["location"], e["fatalities"], e["event_date"]) == ("Riots", "Ghotki", 1, "2024-07-13")


def test_the_toll_raised_later_in_the_sentence_is_the_toll():
    counts = find_deaths('"Four people died on Friday, while two of the injured succumbed on Saturday, raising the death '
                         'toll to six," a doctor said.')
    assert any(c.value == 6 and c.update for c in counts)


def test_urdu_wire_dateline_with_the_date_in_brackets():
    names, end = dateline_of("Bannu (Pakistan Point News - 12th Jan, 2025 ) :Unknown men opened fire on a shop.")
    assert names == ("Bannu",) and end == len("Bannu (Pakistan Point News - 12th Jan, 2025 ) :")


def test_an_unknown_area_beside_a_named_district_is_the_place():
    (e,) = events("In Balochistan's Kech district, gunmen attacked a Levies post in the Qalatbuk area on Sunday, "
                  "killing two Levies men, officials said.", "2025-03-11")
    assert (e["location"], e["admin2"], e["fatalities"], e["event_date"]) == ("Qalatbuk", "Kech", 2, "2025-03-09")


def test_a_placeless_bombing_lead_makes_the_place_sentence_a_bombing():
    (e,) = events("ISLAMABAD: A suicide bomber drove an explosives-laden car into a police post before dawn on "
                  "Tuesday, officials said. The assault, on a police station in Bannu, left at least seven people dead.",
                  "2025-06-18")
    assert (e["event_type"], e["sub_event_type"], e["location"], e["fatalities"]) == (
        "Explosions/Remote violence", "Suicide bomb", "Bannu", 7)


def test_the_past_of_the_killed_men_is_no_event():
    rows = events("RAWALPINDI: On 7 July 2025 security forces conducted an operation in Datta Khel, North Waziristan "
                  "District. After an exchange of fire, three terrorists were killed. Explosives were also recovered "
                  "from the killed terrorists, who remained actively involved in the attack on a bus near Bela on "
                  "20 June 2025.")
    assert [(e["location"], e["fatalities"]) for e in rows] == [("Datta Khel", 3)]


def test_stones_and_fire_make_a_protest_a_riot_even_with_police_action():
    (e,) = events("CHAMAN: Protesters marched on the deputy commissioner's office on Friday. The protesters pelted "
                  "the police with stones and set a vehicle on fire. Police fired tear gas shells to disperse them.",
                  "2024-06-29")
    assert (e["event_type"], e["sub_event_type"], e["location"]) == ("Riots", "Violent demonstration", "Chaman")
    assert "shelling" not in signals_of("Police fired tear gas shells at the crowd.")
    assert "destruction" not in signals_of("A police spokesman said the protesters threw stones at officers.")


def test_a_vigil_outside_a_press_club_is_a_protest_in_that_town():
    (e,) = events("Rights activists held a candlelight vigil outside the Hyderabad Press Club on Monday, demanding "
                  "that those who instigated the mob be tried in court.", "2024-07-16")
    assert (e["event_type"], e["sub_event_type"], e["location"]) == ("Protests", "Peaceful protest", "Hyderabad")


def test_a_road_blockade_with_demands_is_a_protest_not_the_attack_it_recalls():
    rows = events("QUETTA: Coal miners blocked the main road in Harnai on Thursday, demanding protection three days "
                  "after four of their colleagues were gunned down.", "2025-04-10")
    assert [(e["event_type"], e["location"], e["fatalities"]) for e in rows] == [("Protests", "Harnai", 0)]


def test_standing_facts_and_background_led_sentences_are_not_events():
    assert events("The riverine areas of Kashmore and Ghotki districts have long served as hideouts for gangs "
                  "involved in kidnapping.", "2024-12-02") == []
    assert events("Earlier this week, a soldier was killed in an exchange of fire near Torkham, which remained "
                  "open on Saturday.", "2025-08-23") == []


def test_a_district_lead_and_the_village_inside_it_share_the_day():
    (e,) = events("PARACHINAR: At least eight people were killed in a clash between two tribes in Kurram district, "
                  "officials said on Saturday. They said the fighting broke out on Friday in Pirkhel village.",
                  "2025-01-19")
    assert (e["event_type"], e["event_date"], e["fatalities"]) == ("Battles", "2025-01-17", 8)
    assert e["admin2"] == "Kurram"
