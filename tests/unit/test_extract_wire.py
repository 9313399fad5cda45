"""Wire datelines, a spokesman's own men, a place sentence that names no victim, and charges against the dead.
Each test is one general pattern on a short report written for the test."""
from __future__ import annotations

from extraction.numbers import find_deaths
from extraction.sentences import dateline_of
from tests.unit.test_extract_incidents import _by_place, _one, events

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


def test_a_press_release_general_area_is_a_place_even_when_the_gazetteer_lacks_it():
    found = _by_place("On night 3 May 2025, security forces conducted an intelligence based operation in general "
                      "area Sor Kandao, Bannu District. During the operation, four khwarij were sent to hell.",
                      published="2025-05-04")
    assert list(found) == ["Sor Kandao"] and found["Sor Kandao"]["fatalities"] == 4


def test_a_plan_told_as_an_aside_leaves_the_day_of_the_operation():
    event = _one("Two suspects were killed in an exchange of fire with the CTD in the Qasimabad area of Hyderabad, "
                 "officials said. According to a spokesman, the raid was launched late on Monday night on a tip-off "
                 "that members of a banned outfit had gathered in Qasimabad to plan attacks.")
    assert event["event_date"] == "2025-03-10"


def test_a_numbered_village_keeps_its_number():
    event = _one("A mob torched two houses in Chak 112-JB, a village near Gojra in Toba Tek Singh district, on Monday.")
    assert event["location"] == "Chak 112-JB" and event["admin2"] == "Toba Tek Singh"


def test_where_the_victims_were_returning_from_is_no_scene():
    found = _by_place("Gunmen abducted two traders near Ghauspur town on Sunday night. The men were returning from a "
                      "grain market in Kandhkot when their car was stopped.")
    assert set(found) == {"Ghauspur"}


def test_a_livelihood_lost_is_no_death_and_a_tally_over_the_years_counts_for_no_incident():
    assert find_deaths("Hundreds of drivers have lost their livelihood, a trader said.") == []
    event = _one("Police fired tear gas at traders protesting in Landi Kotal on Monday. The dispute has killed "
                 "hundreds of people over the years, elders said.")
    assert event["fatalities"] == 0


def test_a_district_closing_a_phrase_contains_the_station_it_names():
    event = _one("A policeman was martyred when militants attacked the Shahbaz police station and a checkpost next "
                 "to it in Mardan district late on Monday.")
    assert (event["location"], event["admin2"]) == ("Shahbaz", "Mardan")


def test_a_summary_lead_with_no_day_of_its_own_is_the_incidents_told_below():
    found = _by_place("A constable was martyred in Charsadda and a bomb was defused in Peshawar, police said on "
                      "Wednesday. In Charsadda, constable Gul Khan was on duty at the Tangi bazaar on Tuesday "
                      "evening when two armed men opened fire on him. He died on the spot.",
                      published="2025-03-12")
    assert "Charsadda" not in found or found["Charsadda"]["event_date"] == "2025-03-11"
    assert sum(e["fatalities"] for e in found.values()) == 1


def test_ranks_named_in_a_list_each_count():
    (count,) = find_deaths("Constables Ali Khan and Zahid Gul embraced shahadat during the gunfight.")
    assert (count.value, count.victim_class) == (2, "police")


def test_weapons_found_with_the_bodies_are_not_the_weapon_used():
    event = _one("Militants attacked the Miryan police station on Monday night. The police returned fire and the "
                 "attackers fled. The bodies of two militants were later found in the fields along with hand "
                 "grenades.")
    assert (event["event_type"], event["fatalities"]) == ("Battles", 2)


def test_a_place_in_an_aside_about_the_town_keeps_its_event():
    event = _one("A suicide bomber struck an army checkpoint late Monday, killing five soldiers, officials said. The "
                 "attack took place on the outskirts of Datta Khel, a town that was for years a militant stronghold.")
    assert event["location"] == "Datta Khel"


def test_the_claimant_is_the_subject_of_the_claim_not_an_ally_named_in_an_aside():
    event = _one("A roadside bomb killed two soldiers near Razmak on Monday. A faction led by Hafiz Gul Bahadur, "
                 "which operates in Bannu and is allied with the Pakistani Taliban, claimed responsibility.")
    assert event["actor1"] == "Hafiz Gul Bahadur Group" and event["location"] == "Razmak"


def test_the_day_a_wounded_man_died_is_not_the_day_of_the_attack():
    event = _one("The toll in the attack on the Doaba police station has risen to four after two constables "
                 "succumbed to their wounds on Tuesday. Militants attacked the police station late on Monday night.")
    assert event["event_date"] == "2025-03-10"


def test_a_day_in_a_reported_that_clause_is_the_incident_s_day():
    found = _by_place("A bomb killed two soldiers in Jhal Jhao on Tuesday, the group said. The spokesman further "
                      "claimed that on Sunday its fighters attacked a post in the Mashkay area of Awaran.")
    assert found["Mashkay"]["event_date"] == "2025-03-09"


def test_people_taken_without_a_fight_are_abducted_whoever_they_are():
    event = _one("Armed men abducted an assistant commissioner and two Levies personnel from a highway near "
                 "Nokkundi on Sunday night. The armed men spoke in Balochi, a witness said.")
    assert (event["event_type"], event["sub_event_type"]) == ("Violence against civilians",
                                                              "Abduction/forced disappearance")


def test_a_road_named_after_a_town_is_no_scene_in_that_town():
    found = _by_place("A police party was patrolling near the Jaranwala road bridge in Sharaqpur on Thursday when "
                      "armed men opened fire on it; two suspects were killed.")
    assert set(found) == {"Sharaqpur"}


def test_a_round_up_gives_each_listed_town_its_own_incident_and_toll():
    found = _by_place(
        "QUETTA: Militants launched coordinated attacks across the province on Monday, officials said. The attacks "
        "targeted several locations including Turbat and the port town of Pasni, as well as Nushki. In Pasni, "
        "gunmen attacked a fishermen's camp, killing four civilians. In Nushki, attackers set a police station "
        "on fire, injuring two policemen. A hospital official in Turbat said nine bodies, including five "
        "policemen, had been received. The BLA claimed responsibility for the attacks in multiple locations.")
    assert {k: v["fatalities"] for k, v in found.items()} == {"Pasni": 4, "Nushki": 0, "Turbat": 9}
    assert found["Nushki"]["actor2"] == POLICE


def test_a_press_release_dateline_with_a_dash_is_no_event_day():
    event = _one("Rawalpindi - 12 March 2025: During the night of 9/10 March 2025, security forces conducted an "
                 "operation in general area Spinwam. Three khwarij were sent to hell.")
    assert event["event_date"] == "2025-03-09"


def test_the_same_day_is_the_day_of_the_incident_told_before():
    found = _by_place("On 10 March 2025, security forces conducted an operation in general area Datta Khel, killing "
                      "four khwarij. In another operation conducted the same day in general area Jani Khel, three "
                      "more khwarij were neutralised.")
    assert found["Jani Khel"]["event_date"] == "2025-03-10"


def test_the_forces_follow_up_operation_on_another_day_is_its_own_battle():
    found = events("On the night of 10/11 March 2025, terrorists detonated an IED targeting a convoy in the general "
                   "area of Hoshab, martyring three soldiers. During the operation conducted today, own troops "
                   "engaged the terrorists and two terrorists involved in the IED attack were sent to hell.")
    kinds = sorted((e["event_date"], e["event_type"], e["fatalities"]) for e in found)
    assert kinds == [("2025-03-10", "Explosions/Remote violence", 3), ("2025-03-12", "Battles", 2)]


def test_a_habit_told_over_years_is_no_incident():
    assert events("Traders in Chaman have held demonstrations against the border regime on several occasions, "
                  "the chamber said.") == []


def test_a_short_form_of_a_village_name_is_the_same_place():
    found = _by_place("Two militants were killed in an exchange of fire in Serai Naurang on Monday. The riders "
                      "opened fire on a police party near the Naurang Bazaar chowki, police said.")
    assert list(found) == ["Serai Naurang"]


def test_the_disappearance_a_rally_protests_is_its_own_incident():
    found = events("Police baton-charged a rally in Turbat on Friday. The rally was taken out against the "
                   "disappearance of a student, who, according to his family, was picked up from his home in the "
                   "Absar area of Turbat on Thursday night by armed men.")
    kinds = sorted((e["event_date"], e["event_type"]) for e in found)
    assert kinds == [("2025-03-06", "Violence against civilians"), ("2025-03-07", "Protests")]


def test_a_sit_in_in_the_town_s_bazaar_the_next_day_is_its_own_day():
    found = events("Two brothers were shot dead in Mir Ali on Sunday. On Monday morning, relatives placed the bodies "
                   "on the main road in Mir Ali bazaar and staged a sit-in.")
    assert sorted((e["event_date"], e["event_type"]) for e in found) == [
        ("2025-03-09", "Violence against civilians"), ("2025-03-10", "Protests")]


def test_capitalised_general_area_and_a_long_object_before_from():
    found = _by_place("On night 3/4 May 2025, security forces conducted an operation in General Area Ladha, South "
                      "Waziristan District. Two khwarij were killed. Separately, armed men abducted three employees "
                      "of a private telecommunications company from Wana on Sunday.", published="2025-05-05")
    assert set(found) == {"Ladha", "Wana"}


def test_where_captives_were_taken_is_no_scene():
    found = _by_place("Gunmen abducted four workers from their camp at Azam Warsak on Friday night. They were taken "
                      "towards the mountains near Angoor Adda.")
    assert "Angoor Adda" not in found


def test_a_charge_listing_earlier_attacks_names_no_scene():
    found = _by_place("The CTD killed five terrorists in an exchange of fire near Fateh Jang on Wednesday. They were "
                      "wanted in several cases, including attacks on police in Mianwali.")
    assert set(found) == {"Fateh Jang"}


def test_a_placeless_clause_before_a_contrast_is_placed_by_the_report():
    found = _by_place("Militants killed four policemen in an overnight assault on a checkpoint in the northwest, "
                      "officials said Thursday, while bomb disposal experts defused a device near a bus terminal in "
                      "Peshawar. The attack began late Wednesday when militants opened fire on the post in Tajazai.",
                      published="2025-03-13")
    assert found["Tajazai"]["fatalities"] == 4 and found["Peshawar"]["event_type"] == "Strategic developments"


def test_a_district_part_named_by_a_direction_contains_the_village_before_it():
    event = _one("A soldier was martyred when a roadside bomb hit a patrol near Ghiljo in Upper Orakzai on Monday.")
    assert (event["location"], event["admin2"]) == ("Ghiljo", "Orakzai")


def test_both_counts_two_and_a_day_named_at_once_after_a_day_earlier_stands():
    assert [c.value for c in find_deaths("Both men died before they could be taken to hospital.")] == [2]
    assert find_deaths("The government ordered an inquiry into both deaths.") == []
    found = _by_place("Gunmen shot dead two elders in Daraban on Monday. A day earlier, on Sunday morning, gunmen "
                      "killed an elder in Kot Azam area of Tank district.")
    assert found["Kot Azam"]["event_date"] == "2025-03-09"


def test_a_bare_mention_of_an_area_named_before_with_its_town_is_that_area():
    found = _by_place("Three men were taken away during a raid in the Nasirabad area of Tump, Kech district, on "
                      "Tuesday night. Witnesses said the men surrounded a house in Nasirabad around midnight.",
                      published="2025-03-12")
    assert len(found) == 1 and next(iter(found.values()))["admin2"] == "Kech"


def test_a_village_spelled_like_a_place_elsewhere_takes_the_district_named_around_it():
    event = _one("A tribal elder was shot dead in Domel tehsil of Bannu district on Friday evening. He was sitting "
                 "outside his hujra in Mamash Khel village when two armed men opened fire on him.")
    assert event["admin2"] == "Bannu"


def test_the_hunt_after_an_attack_and_a_state_as_of_a_later_day_are_no_incident():
    found = events("A tribal elder was shot dead in Domel on Friday evening. Police set up nakas on roads leading "
                   "out of Domel and launched a search for the attackers, but no arrest had been made by Saturday.")
    assert [(e["event_date"], e["event_type"]) for e in found] == [("2025-03-07", "Violence against civilians")]


def test_a_district_spelled_another_way_contains_its_towns():
    event = _one("In Jaffarabad, gunmen opened fire on two brothers outside their shop in Dera Allah Yar late "
                 "Friday, killing both on the spot.")
    assert (event["location"], event["fatalities"]) == ("Dera Allah Yar", 2)


def test_a_route_s_ends_are_no_scene():
    found = _by_place("Militants attacked a Levies post late on Tuesday, killing three personnel. The attack took "
                      "place at a checkpost on the outskirts of Surab, a town on the highway linking Quetta with "
                      "Karachi.")
    assert set(found) == {"Surab"} and found["Surab"]["fatalities"] == 3


def test_a_placeless_lead_takes_the_place_and_day_of_the_sentence_after_it():
    event = _one("QUETTA: A roadside bomb struck a convoy, killing four soldiers, officials said on Wednesday. The "
                 "device was detonated as the convoy passed near Mangochar in Kalat district on Tuesday afternoon.")
    assert (event["location"], event["event_date"], event["fatalities"]) == ("Mangochar", "2025-03-11", 4)


def test_firing_and_explosions_heard_at_a_post_are_an_assault_and_rarely_is_a_habit():
    found = _by_place("Armed men attacked a check post of Pakistani forces in Gomazi on Saturday night. Heavy firing and "
                      "the sound of several explosions were heard from the FC chowki. Two FC personnel were killed in "
                      "the attack. Authorities rarely comment on casualties in attacks in Kech.")
    assert list(found) == ["Gomazi"] and found["Gomazi"]["event_type"] == "Battles"


def test_a_placeless_attack_in_a_report_naming_its_dateline_town_is_there():
    event = _one("TANK, Mar 12 (APP): Two constables were injured when miscreants lobbed a hand grenade into the "
                 "compound of City Police Station Tank late on Monday night, police said.")
    assert (event["location"], event["event_type"]) == ("Tank", "Explosions/Remote violence")


def test_a_bomb_on_the_road_leading_to_a_village_is_at_that_village():
    event = _one("ZHOB: The bomb disposal squad defused an explosive device planted under a culvert on the road "
                 "leading to Qamar Din Karez in Zhob district on Wednesday, police said.")
    assert event["location"] == "Qamar Din Karez"


def test_a_tally_of_attacks_and_an_old_claim_make_no_event_and_no_claimant():
    assert events("Hundreds of security personnel have been killed in attacks, mostly in Khyber Pakhtunkhwa and "
                  "Balochistan.") == []
    event = _one("Gunmen shot dead a Sikh trader in Peshawar on Monday. Several members of the community have been "
                 "killed in targeted attacks over the past decade, some of which were claimed by the Islamic State "
                 "group.")
    assert event["actor1"] == "Unidentified Armed Group (Pakistan)"
