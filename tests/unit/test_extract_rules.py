"""The rule-based extractor on short synthetic reports, one rule per test."""
from __future__ import annotations

from datetime import date

import pytest

from data.schema import VIOLENT_TYPES
from extraction.article import Article
from extraction.rules import RulesExtractor


def article(body: str, published: str = "2024-03-10") -> Article:
    return Article(article_id="t", title="", url="https://example.test/a", published=date.fromisoformat(published),
                   body=body, source="example.test")


def events(body: str, published: str = "2024-03-10") -> list[dict]:
    return RulesExtractor().extract(article(body, published))


def test_weekday_is_latest_such_day_and_statement_day_ignored():
    (e,) = events("QUETTA: Two soldiers were martyred when an improvised explosive device went off in the "
                  "Hoshab area of Kech district on Saturday, the ISPR said on Sunday.")
    assert e["event_date"] == "2024-03-09"  # 2024-03-10 is a Sunday
    assert e["location"] == "Hoshab" and e["admin2"] == "Kech"
    assert e["sub_event_type"] == "Remote explosive/landmine/IED" and e["fatalities"] == 2


def test_yesterday_and_late_night():
    (e,) = events("Gunmen shot dead three labourers in Turbat yesterday.")
    assert e["event_date"] == "2024-03-09"
    (e,) = events("Gunmen shot dead three labourers in Turbat late Friday night.")
    assert e["event_date"] == "2024-03-08"


def test_number_words_and_at_least():
    (e,) = events("Unidentified gunmen killed at least twenty-six passengers near Noshki on Saturday.")
    assert e["fatalities"] == 26
    assert e["event_type"] == "Violence against civilians" and e["actor2"] == "Civilians (Pakistan)"


def test_injuries_not_counted_and_dozens_not_a_death_count():
    (e,) = events("Dozens of gunmen attacked a camp in Kharan on Friday, injuring seven workers.")
    assert e["fatalities"] == 0


def test_dozens_dead_is_twelve():
    (e,) = events("A suicide bomber struck a mosque in Kharan on Friday, leaving dozens dead.")
    assert (e["sub_event_type"], e["fatalities"]) == ("Suicide bomb", 12)


def test_latest_toll_replaces_earlier_one():
    body = ("KHAR: The death toll from the suicide blast in Khar area of Bajaur yesterday has risen to 30. "
            "The blast had earlier killed 20 people.")
    (e,) = events(body)
    assert e["fatalities"] == 30 and e["event_date"] == "2024-03-09"


def test_home_towns_and_destinations_are_not_locations():
    body = ("Gunmen killed two passengers of a Quetta-bound bus near Noshki on Saturday. "
            "The victims were from Okara and Attock.")
    (e,) = events(body)
    assert e["location"] == "Noshki"


def test_dateline_is_not_a_location():
    (e,) = events("PESHAWAR: Militants attacked a police post in Tank on Friday, killing two policemen.")
    assert e["location"] == "Tank" and e["event_type"] == "Battles" and e["actor2"] == "Police Forces of Pakistan"


def test_merge_same_place_day_type():
    body = ("Gunmen killed four passengers near Noshki on Saturday. "
            "In a separate attack on the same road, gunmen fired on a car, killing one passenger.")
    (e,) = events(body)
    assert e["fatalities"] == 5


def test_complex_attack_is_one_suicide_bomb():
    body = ("A suicide bomber rammed a car into the gate of a camp in Zhob on Friday, and gunmen then opened "
            "fire on soldiers. Four soldiers and three attackers were killed.")
    (e,) = events(body)
    assert e["sub_event_type"] == "Suicide bomb" and e["fatalities"] == 7


def test_totals_spanning_places_are_not_allocated():
    body = ("At least 20 people were killed in separate attacks in Kharan and Kalat on Friday. "
            "In Kharan, gunmen stormed a house and killed five people.")
    found = {e["location"]: e["fatalities"] for e in events(body)}
    assert found == {"Kharan": 5, "Kalat": 0}


def test_background_without_a_day_is_not_coded():
    assert events("Last week, gunmen killed four labourers in Turbat. Earlier this month a bomb went off in Gwadar.") == []


def test_non_violent_story_gives_no_violent_event():
    body = ("ISLAMABAD: The army chief met a visiting commander in Rawalpindi on Monday and discussed security "
            "cooperation. The prime minister condemned terrorism and attended a funeral.")
    assert not [e for e in events(body) if e["event_type"] in VIOLENT_TYPES]


def test_unconfirmed_and_abduction_counts_are_not_deaths():
    (e,) = events("Armed men abducted 18 labourers from a camp in Kaleri, Khuzdar district, late Thursday.")
    assert e["sub_event_type"] == "Abduction/forced disappearance" and e["fatalities"] == 0
    assert e["event_date"] == "2024-03-07"


def test_evidence_is_verbatim():
    body = ("Gunmen killed two shopkeepers in Turbat on Saturday.\n\nPolice said the attackers fled.\n\n"
            "The two shopkeepers were shot dead at their shop.")
    for e in events(body):
        for piece in e["evidence"].split(" [...] "):
            assert piece in body


@pytest.mark.parametrize("body", ["", "The weather was fine on Sunday."])
def test_no_events_without_violence(body):
    assert events(body or "Nothing happened.") == []


def test_police_as_source_is_not_a_target():
    (e,) = events("KARACHI: Two men were shot dead by unidentified armed motorcyclists in Orangi Town on Monday "
                  "evening, police said.")
    assert (e["event_type"], e["actor2"], e["fatalities"]) == ("Violence against civilians", "Civilians (Pakistan)", 2)


def test_part_of_a_town_is_coded_at_the_town():
    (e,) = events("TURBAT: A shopkeeper was shot dead by gunmen in the Absar area of Turbat on Sunday night.")
    assert e["location"] == "Turbat" and e["event_date"] == "2024-03-10"


def test_protest_without_a_place_is_at_the_dateline():
    (e,) = events("ISLAMABAD: Journalists held a protest outside the press club on Wednesday against the killing "
                  "of a reporter in Khuzdar last month.")
    assert (e["location"], e["event_type"], e["sub_event_type"]) == ("Islamabad", "Protests", "Peaceful protest")
    assert e["event_date"] == "2024-03-06"


def test_mob_violence_without_deaths():
    (e,) = events("A mob set fire to houses in Jaranwala on Wednesday. No one was killed.")
    assert (e["event_type"], e["sub_event_type"], e["fatalities"]) == ("Riots", "Mob violence", 0)


def test_named_group_only_when_it_claimed():
    body = ("Militants attacked a police checkpost in Kulachi on Monday, killing four policemen. "
            "The Tehreek-i-Taliban Pakistan (TTP) claimed responsibility for the attack.")
    (e,) = events(body)
    assert e["actor1"] == "TTP: Tehreek-i-Taliban Pakistan" and e["actor2"] == "Police Forces of Pakistan"
    (e,) = events("Militants attacked a police checkpost in Kulachi on Monday, killing four policemen. "
                  "Police suspect the TTP.")
    assert e["actor1"] == "Unidentified Armed Group (Pakistan)"


def test_air_strike_toll_taken_to():
    body = ("A drone strike killed a militant commander in the Ahmad Wal area of Noshki district on Saturday. "
            "His driver was also killed, taking the death toll to two.")
    (e,) = events(body)
    assert (e["sub_event_type"], e["fatalities"], e["location"]) == ("Air/drone strike", 2, "Ahmad Wal")


def test_sabotage_has_no_human_target():
    (e,) = events("Unidentified miscreants blew up a portion of the railway track near Sibi on Sunday. "
                  "No casualties were reported.")
    assert (e["sub_event_type"], e["actor2"], e["fatalities"]) == ("Remote explosive/landmine/IED", "", 0)


def test_defused_bomb_is_disrupted_weapons_use():
    (e,) = events("PESHAWAR: The Bomb Disposal Squad defused an improvised explosive device planted near a mosque "
                  "in Hayatabad on Wednesday.")
    assert (e["event_type"], e["sub_event_type"]) == ("Strategic developments", "Disrupted weapons use")


def test_dateline_only_report_is_placed_at_the_dateline():
    (e,) = events("QUETTA: Three people were killed and 10 others injured in a bomb blast on Monday, police said.")
    assert (e["location"], e["event_date"], e["fatalities"]) == ("Quetta", "2024-03-04", 3)


def test_dateline_alone_never_makes_a_policy_story_violent():
    body = ("ISLAMABAD: The apex committee on Tuesday approved a military operation against terrorist groups "
            "who are targeting civilians in Balochistan.")
    assert not [e for e in events(body) if e["event_type"] in VIOLENT_TYPES]


def test_claim_sticks_to_its_own_attack():
    body = ("QUETTA: A suicide bomber blew himself up near a police truck in the Baleli area of Quetta on "
            "Wednesday, killing three people. The banned TTP claimed responsibility for the attack. "
            "Separately, gunmen shot dead six coal miners in Harnai district on Tuesday night.")
    found = {e["location"]: (e["actor1"], e["fatalities"], e["event_date"]) for e in events(body)}
    assert found == {"Baleli": ("TTP: Tehreek-i-Taliban Pakistan", 3, "2024-03-06"),
                     "Harnai": ("Unidentified Armed Group (Pakistan)", 6, "2024-03-05")}


def test_explicit_split_across_places_is_allocated():
    body = ("Five soldiers were martyred when terrorists attacked a Frontier Corps post in Panjgur late Wednesday "
            "night. In a separate attack, militants tried to storm a camp in Nushki, triggering a gunfight. "
            "Four terrorists were killed in Panjgur and nine in Nushki, the ISPR added.")
    found = {e["location"]: e["fatalities"] for e in events(body)}
    assert found == {"Panjgur": 9, "Nushki": 9}


def test_listed_places_share_no_total():
    body = "Five soldiers were martyred in attacks in Zhob and Sui on Friday."
    assert {e["location"]: e["fatalities"] for e in events(body)} == {"Zhob": 0, "Sui": 0}


def test_court_case_about_an_old_attack_is_not_an_event():
    body = ("QUETTA: An anti-terrorism court in Quetta on Monday sentenced two men to death for the 2019 attack "
            "on a market in Hazarganji. The court ordered compensation for the families.")
    assert events(body) == []


def test_condemnation_and_case_registration_add_nothing():
    body = ("Gunmen shot dead two labourers in Turbat on Saturday. The chief minister condemned the attack in "
            "Turbat. A case was registered at the Turbat police station on Sunday.")
    (e,) = events(body)
    assert (e["event_date"], e["fatalities"]) == ("2024-03-09", 2)
    assert "condemned" not in e["evidence"] and "registered" not in e["evidence"]


def test_possessive_parent_and_installation_in_a_town():
    body = ("LAKKI MARWAT: Terrorists attacked a police van in Lakki Marwat's Serai Naurang area on Friday. "
            "Two policemen were martyred while three terrorists were killed in retaliatory fire, police said.")
    (e,) = events(body)
    assert (e["location"], e["admin2"], e["event_type"], e["fatalities"]) == (
        "Serai Naurang", "Lakki Marwat", "Battles", 5)
    (e,) = events("A bomb exploded in Quetta's Sariab Road area on Sunday, killing a passer-by.")
    assert (e["location"], e["fatalities"]) == ("Quetta", 1)


def test_seizure_and_plans_are_not_violent_events():
    body = ("QUETTA: The Counter-Terrorism Department arrested three suspected terrorists in Quetta's Kuchlak area "
            "on Saturday and recovered explosives and detonators from their possession. The suspects were planning "
            "to attack security forces in the city, a spokesman added.")
    found = [(e["event_type"], e["sub_event_type"]) for e in events(body)]
    assert found == [("Strategic developments", "Disrupted weapons use")]


def test_violent_demonstration_and_protest_clashes():
    body = ("Protesters set fire to a government building in Lahore on Tuesday after the arrest of a party leader. "
            "At least four people were killed in clashes with police in Peshawar, hospital officials said.")
    found = {e["location"]: (e["event_type"], e["sub_event_type"], e["fatalities"]) for e in events(body)}
    assert found == {"Lahore": ("Riots", "Violent demonstration", 0),
                     "Peshawar": ("Riots", "Violent demonstration", 4)}


def test_drills_and_claims_without_violence():
    assert events("ISLAMABAD: Troops demonstrated their skills in mock raids and firing drills in Jhelum on Monday.") == []
    body = ("Eleven coal miners were abducted and shot dead by gunmen in the Machh area of Bolan district on Sunday. "
            "The Islamic State group claimed responsibility for the killings.")
    (e,) = events(body)
    assert (e["actor1"], e["fatalities"], e["sub_event_type"]) == ("Islamic State (Pakistan)", 11, "Attack")


def test_tribal_clash_is_between_communal_militias():
    (e,) = events("At least five people were killed in a clash between two tribes over a land dispute in the "
                  "Boshehra area of Kurram district on Sunday.")
    assert e["event_type"] == "Battles" and e["actor1"] == e["actor2"] == "Unidentified Communal Militia (Pakistan)"


def test_unconfirmed_deaths_are_excluded():
    body = ("Militants attacked a check post in Kalat on Friday, killing two soldiers. Officials were trying to "
            "confirm reports that a third soldier was killed. Unconfirmed reports said five attackers died.")
    (e,) = events(body)
    assert e["fatalities"] == 2


def test_comparison_place_in_a_vague_clause_is_dropped():
    body = "Two soldiers were martyred in Zhob on Saturday, a week after a similar attack in Sui killed four."
    (e,) = events(body)
    assert (e["location"], e["fatalities"]) == ("Zhob", 2)


def test_two_towns_of_one_district_are_two_events():
    body = ("A roadside bomb killed two soldiers in Mir Ali on Sunday. "
            "Separately, another roadside bomb killed a policeman in Miranshah on Sunday.")
    found = {e["location"]: e["fatalities"] for e in events(body)}
    assert found == {"Mir Ali": 2, "Miranshah": 1}


def test_strikes_abroad_are_not_coded():
    body = ("ISLAMABAD: Pakistani jets carried out air strikes on hideouts in Afghanistan's Paktika and Khost "
            "provinces on Monday, killing eight people.")
    assert events(body) == []


def test_unknown_village_joins_the_known_place_of_the_same_incident():
    body = ("ISLAMABAD: Armed men attacked a construction camp in Balochistan's Khuzdar district late Thursday, "
            "abducting 18 labourers. Officials said the assault occurred in Zzyzx Kalan, about 80 kilometres "
            "from Khuzdar.")
    (e,) = events(body)
    assert (e["location"], e["admin2"], e["sub_event_type"]) == ("Zzyzx Kalan", "Khuzdar",
                                                                  "Abduction/forced disappearance")


def test_unknown_place_with_its_own_dead_stays_separate():
    body = ("Nine soldiers were martyred in a raid on a military installation in Zhob on Wednesday. "
            "Security forces came under fire from militants in Zzyzxabad during an operation on Wednesday; "
            "three soldiers and two terrorists were killed.")
    found = {e["location"]: e["fatalities"] for e in events(body)}
    assert found == {"Zhob": 9, "Zzyzxabad": 5}
