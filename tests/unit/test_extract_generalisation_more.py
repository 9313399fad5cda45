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


def test_a_neighbourhood_named_town_keeps_its_name():
    (e,) = events("KARACHI: Police killed two suspected robbers in an encounter in Sherpao Town on Friday night.",
                  "2024-03-10")
    assert (e["location"], e["fatalities"]) == ("Sherpao Town", 2)
    (e,) = events("LAKKI MARWAT: A bomber killed six worshippers in Tajazai town of the district on Friday.",
                  "2024-10-19")
    assert e["location"] == "Tajazai"


def test_the_relative_of_one_of_the_dead_is_no_count():
    assert find_deaths("A relative of one of the men killed in the raid said the encounter was staged.") == []


def test_official_letters_date_by_the_instant_month():
    assert _days("On the evening of 7th instant, armed men stopped a vehicle.") == [("event", "2025-07-07")]


def test_a_placeless_lead_takes_the_place_where_it_was_hit():
    (e,) = events("QUETTA: A bomb planted on the track exploded under a passenger train late Monday, killing four "
                  "people, officials said.\nThe Jaffar Express was hit near Sibi shortly before midnight.", "2025-07-08")
    assert (e["location"], e["event_date"], e["fatalities"]) == ("Sibi", "2025-07-07", 4)


def test_a_placeless_lead_takes_the_one_place_of_the_next_sentences():
    (e,) = events("A mob stormed a police station late on Saturday and lynched a man accused of blasphemy, police "
                  "said.\nThe man had been taken into custody earlier in the day in Kot Addu.", "2025-07-06")
    assert (e["event_type"], e["location"], e["event_date"], e["fatalities"]) == ("Riots", "Kot Addu", "2025-07-05", 1)


def test_places_of_the_earlier_attack_and_of_consequences_are_not_this_event():
    rows = events("PESHAWAR: Gunmen killed a polio worker in the Ghiljo area of Orakzai district on Tuesday.\n"
                  "Tuesday's attack came two days after a roadside bomb wounded four policemen in Mohmand district.",
                  "2025-07-09")
    assert [e["location"] for e in rows] == ["Ghiljo"]
    rows = events("Men blew up a pylon near Sibi early on Wednesday, cutting power to parts of Sibi, Kohlu and "
                  "Dera Bugti districts.")
    assert [e["location"] for e in rows] == ["Sibi"]


def test_a_team_going_door_to_door_is_at_the_place_named():
    (e,) = events("Gunmen on Tuesday killed a vaccinator as the team was going door to door in the Ghiljo area of "
                  "Orakzai district.", "2025-07-09")
    assert e["location"] == "Ghiljo"


def test_found_bodies_are_a_killing_dated_by_the_finding_and_counted_by_names():
    rows = events("TURBAT: Levies on Thursday recovered the bodies of three men from a riverbed near Tump, from where "
                  "they had been taken away on Saturday.\nThe deceased were identified as Ali Dad, Nasir Baloch and "
                  "Irfan son of Jan Muhammad, all residents of Kech.", "2025-07-11")
    assert [(e["event_type"], e["location"], e["event_date"], e["fatalities"]) for e in rows] == [
        ("Violence against civilians", "Tump", "2025-07-10", 3)]


def test_a_road_blocked_with_coffins_is_a_protest():
    rows = events("On Friday, the families blocked the main road in Turbat for several hours, placing the coffins "
                  "on the road.", "2025-07-12")
    assert [(e["event_type"], e["location"]) for e in rows] == [("Protests", "Turbat")]


def test_compensation_for_the_families_of_the_killed_is_no_event():
    assert events("The cabinet sanctioned compensation for the families of two Levies men who were martyred when "
                  "militants attacked a post in Musakhel on Saturday.", "2025-02-18") == []


def test_a_press_release_date_line_gives_the_place_of_a_placeless_report():
    names, _ = dateline_of("Islamabad: June 03, 2025")
    assert names == ("Islamabad",)
    (e,) = events("Press Release\nIslamabad: June 03, 2025\nA lawyer was shot dead by two motorcyclists on Monday "
                  "evening near his residence.", "2025-06-03")
    assert (e["location"], e["event_date"], e["fatalities"]) == ("Islamabad", "2025-06-02", 1)


def test_a_sentence_set_abroad_is_not_coded():
    assert events("In neighbouring Afghanistan, a bomb at a mosque in Kunduz province killed four worshippers on "
                  "Monday.") == []


def test_an_assault_with_rpgs_is_a_gunfight_and_a_driver_adds_one():
    (e,) = events("Militants armed with rocket-propelled grenades stormed a police post in Karak late Tuesday, "
                  "killing two constables and a cook.", "2025-03-12")
    assert (e["event_type"], e["fatalities"]) == ("Battles", 3)


def test_the_fighting_at_a_place_gives_the_lead_its_place_and_separately_opens_another_story():
    rows = events("Afghan and Pakistani forces exchanged fire late on Saturday, killing two soldiers.\n"
                  "The fighting at the Badini crossing in Killa Saifullah district lasted three hours.\n"
                  "Separately, officials said a landmine killed three children in Ghazni province on Saturday.",
                  "2025-08-24")
    assert [(e["location"], e["fatalities"]) for e in rows] == [("Badini", 2)]


def test_party_workers_firing_on_each_other_and_the_next_day_road_block():
    rows = events("LARKANA: Two people were killed when workers of two parties opened fire on each other during a "
                  "rally in Ratodero on Sunday.\nThe rally was passing through the main bazaar.\n"
                  "On Monday, party workers placed a coffin on the highway near Ratodero and blocked traffic for two "
                  "hours, demanding arrests.", "2024-09-23")
    assert [(e["event_type"], e["event_date"], e["fatalities"]) for e in rows] == [
        ("Riots", "2024-09-22", 2), ("Protests", "2024-09-23", 0)]


def test_a_sit_in_demanding_an_end_to_drone_attacks_is_a_protest():
    rows = events("A quadcopter dropped a bomb on a house in Hurmaz village near Mir Ali on Saturday, killing two "
                  "children.\nResidents later staged a sit-in in Mir Ali, demanding an end to drone attacks.",
                  "2025-02-16")
    assert [(e["event_type"], e["location"]) for e in rows] == [
        ("Explosions/Remote violence", "Hurmaz"), ("Protests", "Mir Ali")]


def test_a_truce_agreed_after_earlier_clashes_is_no_event():
    assert events("The truce had been agreed at a jirga in Hangu on January 8 after armed clashes in Darsamand "
                  "earlier this month left four people dead.", "2026-01-22") == []


def test_a_foiled_plan_with_a_deadly_gunfight_is_a_clash():
    rows = events("The CTD foiled a terror plan and killed three terrorists in an exchange of fire near Rakhi Gaj on "
                  "Thursday.", "2025-01-17")
    assert [(e["event_type"], e["fatalities"]) for e in rows] == [("Battles", 3)]


def test_a_sit_in_staged_with_the_victims_body_is_its_own_event():
    rows = events("TURBAT: A party worker was gunned down by unidentified men in Turbat on Saturday.\n"
                  "Later, relatives placed the body on the main road and staged a sit-in, demanding the arrest of "
                  "the killers.", "2017-02-12")
    assert sorted((e["event_type"], e["fatalities"]) for e in rows) == [
        ("Protests", 0), ("Violence against civilians", 1)]


def test_an_armed_groups_own_toll_gives_way_to_the_official_one():
    (e,) = events("Gunmen attacked a Levies post in the Gajjar area of Mashkay late on Monday night.\n"
                  "Officials said two Levies personnel lost their lives in the attack.\n"
                  "In a statement, the BLF spokesman said the group's fighters had killed four personnel.",
                  "2021-06-09")
    assert (e["location"], e["fatalities"]) == ("Gajjar", 2)


def test_in_another_engagement_opens_the_next_place():
    rows = events("RAWALPINDI: On 12 October 2025, security forces conducted an operation in Buleda area of Kech "
                  "District. Four terrorists including ringleader Dad Karim alias Shahmir were sent to hell.\n"
                  "In another engagement, security forces engaged infiltrating khwarij in Ghulam Khan area of North "
                  "Waziristan District. Three khwarij were sent to hell.", "2025-10-13")
    assert [(e["location"], e["fatalities"]) for e in rows] == [("Buleda", 4), ("Ghulam Khan", 3)]


def test_a_towns_bazaar_is_coded_at_the_town():
    (e,) = events("A bomb exploded in Kharan's Shahi Bazaar on Monday, killing four people.", "2026-01-20")
    assert e["location"] == "Kharan"


def test_gunmen_in_a_roundup_with_a_strike_stay_a_clash():
    rows = events("WASHUK: A Levies sepoy was killed when gunmen attacked a Levies checkpost in Besima on Saturday.\n"
                  "KHUZDAR: Traders observed a shutter-down strike in Khuzdar on Monday.", "2019-02-12")
    assert [e["event_type"] for e in rows] == ["Battles", "Protests"]


def test_a_later_death_raises_the_number_killed_and_named_ranks_count():
    (c,) = [c for c in find_deaths("A wounded constable died on Monday, raising the number of policemen killed "
                                   "in the attack to three.") if c.update]
    assert c.value == 3
    (c,) = find_deaths("Head constable Ali Nawaz and constable Sikandar Ali were killed on the spot.")
    assert (c.value, c.victim_class) == (2, "police")


def test_a_list_introduced_by_a_colon_is_not_a_heading():
    (e,) = events("RAWALPINDI: On 13 May 2025, khwarij ambushed a convoy in Spinwam, North Waziristan District, and "
                  "three khwarij were sent to hell.\nHowever, during the exchange of fire, the following four brave "
                  "soldiers embraced shahadat:-\nSepoy A\nSepoy B", "2025-05-14")
    assert e["fatalities"] == 7


def test_a_bracketed_abbreviation_inside_the_count_and_the_town_where_the_injured_died():
    (c,) = find_deaths("Four Frontier Corps (FC) soldiers were martyred when a bomb went off near their vehicle.")
    assert (c.value, c.victim_class) == (4, "military")
    (e,) = events("PISHIN: At least five people were killed when a bomb exploded in Pishin on Wednesday.\n"
                  "The explosion took place in Saddar Bazaar.\nLater the toll had risen to eight after three of the "
                  "injured succumbed to their wounds in Quetta.", "2023-10-04")
    assert (e["location"], e["fatalities"]) == ("Pishin", 8)


def test_a_thwarted_infiltration_with_the_dead_is_a_clash_at_the_border_place():
    (e,) = events("RAWALPINDI: On night of 3/4 August 2025, security forces detected movement of khwarij attempting "
                  "to infiltrate in general area Sambaza, Zhob District.\nOwn troops thwarted the infiltration "
                  "attempt. As a result, five khwarij were sent to hell.", "2025-08-05")
    assert (e["event_type"], e["location"], e["event_date"], e["fatalities"]) == (
        "Battles", "Sambaza", "2025-08-03", 5)


def test_part_of_the_dead_and_a_finer_place_named_next():
    (e,) = events("ISLAMABAD: A drone strike on a compound in North Waziristan district killed at least 9 people late "
                  "Sunday.\nOfficials said drones had targeted a house in the Datta Khel area.\nResidents said at "
                  "least three of the dead were civilians.", "2024-10-14")
    assert (e["location"], e["fatalities"]) == ("Datta Khel", 9)


def test_a_brawl_with_clubs_and_stones_is_mob_violence():
    (e,) = events("Supporters of two rival candidates clashed with clubs and stones outside a polling station in Sibi "
                  "on Sunday, killing one man.", "2022-05-30")
    assert (e["event_type"], e["sub_event_type"]) == ("Riots", "Mob violence")
