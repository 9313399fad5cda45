"""Rules added after the synthetic holdout check: each test is one general coding pattern."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from extraction.article import Article, read_article
from extraction.numbers import find_deaths
from extraction.pipeline import extract_events
from extraction.rules import RulesExtractor
from extraction.taxonomy import claimed_group


def events(body: str, published: str = "2024-03-10") -> list[dict]:
    art = Article(article_id="g", title="", url="https://example.test/g", published=date.fromisoformat(published),
                  body=body, source="example.test")
    return RulesExtractor().extract(art)


def test_source_after_the_victims_does_not_hide_the_count():
    assert [c.value for c in find_deaths("Gunmen raided a camp on Saturday, killing 11 civilians, local officials said.")] == [11]
    assert [c.value for c in find_deaths("Two officials said the road was closed.")] == []


def test_named_ranks_that_embraced_martyrdom_are_counted():
    (c,) = find_deaths("During the exchange of fire, Sepoy Ali Raza, 23, resident of Kohat, embraced martyrdom.")
    assert (c.value, c.victim_class) == (1, "forces")  # army, FC and Levies all have sepoys: the incident decides
    (c,) = find_deaths("Constable Amir Khan and Head Constable Zahid Shah were martyred.")
    assert (c.value, c.victim_class) == (2, "police")
    assert find_deaths("The Inspector General visited the injured.") == []


def test_martyring_gives_the_toll():
    assert [c.value for c in find_deaths("Terrorists attacked the Levies thana in Tump, martyring three Levies men.")] == [3]


def test_named_soldier_adds_to_militants_killed():
    (e,) = events("RAWALPINDI: Security forces killed four terrorists in an operation in the Spinwam area of "
                  "North Waziristan district, the ISPR said on Sunday.\n"
                  "During the exchange of fire, Naik Saleem Akhtar, a resident of Karak, embraced martyrdom.")
    assert e["fatalities"] == 5 and e["event_type"] == "Battles"


def test_an_individual_mention_does_not_undercut_a_count():
    (e,) = events("Two policemen were martyred when gunmen opened fire on a checkpoint in Turbat on Friday.\n"
                  "A constable and a head constable died on the spot.")
    assert e["fatalities"] == 2


def test_operation_day_in_a_sentence_without_violence_words():
    (e,) = events("RAWALPINDI: Security forces killed four terrorists in an operation in the Spinwam area of "
                  "North Waziristan district, the ISPR said on Sunday.\n"
                  "The operation was launched on the night of Friday, the statement said.")
    assert e["event_date"] == "2024-03-08"


def test_court_story_about_an_old_bombing_is_not_an_event():
    assert events("KARACHI: An anti-terrorism court on Saturday sentenced three men to death for a bomb blast "
                  "in Saddar on May 4, 2021, which killed two people.") == []


def test_ambush_of_passengers_is_an_attack_on_civilians():
    (e,) = events("Gunmen ambushed a passenger van near Kohlu on Friday, killing five passengers.\n"
                  "The van was travelling under a police escort when it came under fire.")
    assert (e["event_type"], e["sub_event_type"]) == ("Violence against civilians", "Attack")
    assert e["actor2"] == "Civilians (Pakistan)"


def test_ambush_with_an_exchange_of_fire_stays_a_battle():
    (e,) = events("Militants ambushed a police van near Kohlu on Friday, killing two policemen.\n"
                  "Police returned fire and the exchange of fire lasted an hour.")
    assert e["event_type"] == "Battles"


def test_rockets_in_a_ground_assault_are_an_armed_clash():
    (e,) = events("Gunmen attacked a police station in Tank district with rockets and automatic weapons on Friday, "
                  "killing two policemen.")
    assert (e["event_type"], e["sub_event_type"]) == ("Battles", "Armed clash")
    (e,) = events("Militants fired rockets at a security post in Tank district on Friday, killing two soldiers.")
    assert e["sub_event_type"] == "Shelling/artillery/missile attack"


def test_no_claim_is_not_a_claim():
    assert claimed_group("No group claimed responsibility, but suspicion fell on the Pakistani Taliban.") == ""
    assert claimed_group("The Pakistani Taliban claimed responsibility for the attack.") == "TTP: Tehreek-i-Taliban Pakistan"


def test_hospital_town_in_a_toll_update_is_not_a_place():
    (e,) = events("A suicide bomber blew himself up at a seminary in Akora Khattak on Friday, killing at least "
                  "six people, police said.\n"
                  "An official said later that the death toll had risen to eight as two of the wounded died in a "
                  "hospital in Peshawar.")
    assert e["location"] == "Akora Khattak" and e["fatalities"] == 8


def test_named_neighbourhood_town_is_coded_at_the_city():
    (e,) = events("QUETTA: Two people were killed when a bomb went off in Quetta's Satellite Town on Saturday.")
    assert e["location"] == "Quetta"


def test_district_beside_a_place_inside_it_is_its_district():
    (e,) = events("In Panjgur, a Levies official was killed when a roadside bomb went off near his vehicle in the "
                  "Gichk area on Friday.")
    assert (e["location"], e["admin2"], e["fatalities"]) == ("Gichk", "Panjgur", 1)


def test_two_victims_named_one_by_one():
    assert sum(c.value for c in find_deaths("Gunmen shot dead a polio worker and the police constable escorting "
                                            "him in Khar.") if not c.single) == 2
    assert [c.value for c in find_deaths("Gunmen killed a policeman and injured a passer-by.")] == [1]


def test_wire_dateline_date_is_not_the_event_day():
    (e,) = events("ISLAMABAD, March 10 (Reuters) - Five soldiers were killed on Saturday when militants attacked a "
                  "post in Mir Ali in North Waziristan, the army said.")
    assert e["event_date"] == "2024-03-09"


def test_explosives_laden_vehicle_rammed_into_a_post_is_a_suicide_bomb():
    (e,) = events("Militants rammed an explosives-laden vehicle into a military post in Mir Ali on Saturday, "
                  "killing seven soldiers.")
    assert e["sub_event_type"] == "Suicide bomb"


def test_place_inside_a_foreign_country_is_abroad():
    assert events("Officials said air strikes hit two areas of Khost province in Afghanistan on Sunday, "
                  "killing eight people.") == []


def test_traders_strike_is_a_protest_not_an_abduction():
    (e,) = events("Traders in Kandhkot observed a strike on Saturday against the rising incidents of kidnapping.")
    assert e["event_type"] == "Protests"


def test_destination_after_travelling_to_is_not_a_place():
    (e,) = events("Four engineers were killed when a suicide bomber hit their convoy in Besham on Saturday.\n"
                  "The engineers were travelling to the dam site in Upper Kohistan when the attack took place.")
    assert e["location"] == "Besham"


def test_count_plus_one_more_victim_and_appositive_name():
    (e,) = events("Five Chinese nationals and their Pakistani driver were killed when a suicide bomber hit their "
                  "convoy in Besham on Saturday.")
    assert e["fatalities"] == 6
    (e,) = events("Police repulsed an attack on a police station in Isa Khel on Friday, killing two attackers.\n"
                  "A constable, Muhammad Aslam, was martyred in the exchange of fire.")
    assert e["fatalities"] == 3


def test_running_toll_over_two_days_gives_one_event_per_day():
    got = events("Clashes between two tribes over a land dispute in Boshehra village of Kurram district entered "
                 "their second day on Sunday, with five more people killed, taking the toll to 11.\n"
                 "Six people had been killed when the fighting erupted on Saturday, officials said.")
    assert sorted((e["event_date"], e["fatalities"], e["event_type"]) for e in got) == [
        ("2024-03-09", 6, "Battles"), ("2024-03-10", 5, "Battles")]


def test_running_toll_without_the_earlier_day_keeps_the_update():
    (e,) = events("The toll from the clashes in Boshehra village of Kurram district rose to 11 on Sunday, with "
                  "five more people killed.")
    assert e["fatalities"] == 11


def test_picked_up_by_security_forces_is_a_forced_disappearance_by_the_state():
    (e,) = events("Three students were picked up by security forces from the Absar area of Turbat on Friday, "
                  "their families said.")
    assert e["sub_event_type"] == "Abduction/forced disappearance"
    assert (e["actor1"], e["actor2"]) == ("Military Forces of Pakistan", "Civilians (Pakistan)")


def test_compensation_for_victims_of_an_earlier_bombing_is_not_an_event():
    assert events("The government on Thursday announced compensation for the family of each person killed in the "
                  "September 29 suicide bombing in Mastung.") == []


def test_a_day_after_dates_only_relative_to_another_incident():
    (e,) = events("Four soldiers were martyred when militants attacked a camp in Kalat's Mangochar area on Friday.\n"
                  "The attack came a day after a bomb blast in Quetta killed two people.")
    assert e["location"] == "Mangochar" and e["fatalities"] == 4


def test_police_encounter_with_robbers_is_a_battle_even_beside_a_protest():
    got = events("KARACHI: Three suspected robbers were killed in an encounter with police in Gadap on Friday night.\n"
                 "Relatives staged a protest outside the press club in Karachi on Saturday.")
    battle = next(e for e in got if e["event_date"] == "2024-03-08")
    assert (battle["event_type"], battle["fatalities"]) == ("Battles", 3)


def test_police_firing_on_protesters_is_excessive_force():
    (e,) = events("HYDERABAD: Two people were killed when police opened fire on a crowd protesting against a "
                  "killing in Hyderabad on Friday.")
    assert (e["event_type"], e["sub_event_type"]) == ("Protests", "Excessive force against protesters")
    assert (e["actor1"], e["actor2"], e["fatalities"]) == ("Protesters (Pakistan)", "Police Forces of Pakistan", 2)


def test_border_clash_with_afghan_forces():
    (e,) = events("Pakistani and Afghan forces exchanged fire at the Chaman border crossing on Saturday, killing two "
                  "Pakistani soldiers.")
    assert {e["actor1"], e["actor2"]} == {"Military Forces of Afghanistan", "Military Forces of Pakistan"}


def test_operation_sentence_places_the_fighting_told_next():
    (e,) = events("RAWALPINDI: On 8 March 2024, security forces conducted an intelligence-based operation in the "
                  "general area of Buleda, Kech district, the ISPR said.\n"
                  "During the operation, three terrorists were sent to hell.\n"
                  "During the exchange of fire, Naik Asif Ali and Sepoy Bilal Ahmed embraced shahadat.")
    assert (e["event_date"], e["location"], e["event_type"], e["fatalities"]) == ("2024-03-08", "Buleda", "Battles", 5)


def test_body_found_is_a_killing_where_found_and_a_planned_strike_is_not_an_event():
    (e,) = events("KHUZDAR: The bullet-riddled body of a trader who had been abducted from Khuzdar last week was "
                  "found near Zehri on Saturday, officials said.\n"
                  "Traders in Khuzdar announced a shutter-down strike for Monday.")
    assert (e["location"], e["event_date"], e["fatalities"]) == ("Zehri", "2024-03-09", 1)
    assert e["event_type"] == "Violence against civilians"


def test_later_confirmed_toll_replaces_the_first():
    (e,) = events("At least 12 people were killed when a bomb exploded in a market in Parachinar on Friday.\n"
                  "Hospital officials later confirmed 14 deaths.")
    assert e["fatalities"] == 14


def test_quadcopter_is_a_drone_strike_and_angry_villagers_torching_is_a_riot():
    (e,) = events("Two children were killed when a quadcopter dropped explosives on a house in Mir Ali on Friday.")
    assert e["sub_event_type"] == "Air/drone strike"
    (e,) = events("Angry villagers torched a police van and pelted a police station with stones in Shorkot on Friday.")
    assert (e["event_type"], e["sub_event_type"]) == ("Riots", "Violent demonstration")


def test_protest_in_the_area_is_not_moved_to_the_dateline():
    got = events("MIRAMSHAH: Two children were killed when a quadcopter dropped explosives on a house in Hurmaz "
                 "village of Mir Ali tehsil on Friday.\n"
                 "Residents of the area later placed the bodies on the road in protest.")
    assert all(e["location"] != "Miramshah" for e in got)


def test_earlier_claims_without_a_day_are_background():
    got = events("The BLF claimed responsibility for an attack on an army convoy in the Dasht area of Kech district "
                 "on Thursday.\nThe group had earlier claimed a string of attacks in Kech and Panjgur districts.")
    assert [e["location"] for e in got] == ["Dasht"]


def test_actor2_follows_the_target_of_the_bomb_and_the_force_named():
    (e,) = events("At least 14 people, including nine policemen, were killed when a suicide bomber blew himself up "
                  "next to a police vehicle in Daraban on Friday.")
    assert e["actor2"] == "Police Forces of Pakistan"
    (e,) = events("Three Rangers personnel were injured when a bomb exploded near their vehicle in Malir on Friday.")
    assert e["actor2"] == "Military Forces of Pakistan"
    (e,) = events("Two Border Military Police personnel were martyred when militants attacked a check post at "
                  "Fort Munro on Friday night.")
    assert e["actor2"] == "Police Forces of Pakistan"


def test_quadcopter_with_no_state_operator_is_not_a_military_strike():
    (e,) = events("Two children were killed when a quadcopter dropped explosives on their house in Mir Ali on Friday.")
    assert (e["actor1"], e["actor2"]) == ("Unidentified Armed Group (Pakistan)", "Civilians (Pakistan)")


def test_dateline_province_picks_between_namesakes():
    (e,) = events("JHANG: Angry villagers torched a police van in Shorkot on Friday.")
    assert (e["admin1"], e["admin2"]) == ("Punjab", "Jhang")


def test_one_sentence_with_two_days_at_one_place_gives_two_events():
    got = events("PESHAWAR: Security forces killed eight militants in an operation in the Tirah valley of Khyber "
                 "district over the weekend, officials said on Sunday.\n"
                 "Five militants were killed on Friday when troops raided their hideouts, and three more died in "
                 "an exchange of fire on Saturday, a security official said.")
    assert sorted((e["event_date"], e["fatalities"]) for e in got) == [("2024-03-08", 5), ("2024-03-09", 3)]


def test_claim_in_a_later_sentence_reaches_an_event_placed_by_the_dateline():
    (e,) = events("KARACHI: Two Chinese nationals were killed when a suicide bomber targeted a convoy near Jinnah "
                  "International Airport on Saturday night.\n"
                  "The Baloch Liberation Army claimed responsibility for the attack.")
    assert e["actor1"] == "BLA: Baloch Liberation Army" and e["location"] == "Karachi"


def test_a_rally_that_dispersed_peacefully_had_no_intervention():
    (e,) = events("QUETTA: A rally was taken out here on Saturday to mark Kashmir Solidarity Day.\n"
                  "The rally dispersed peacefully.")
    assert (e["sub_event_type"], e["actor2"]) == ("Peaceful protest", "")


def test_a_bombing_and_a_shooting_in_one_town_are_two_events():
    got = events("DERA ISMAIL KHAN: Two policemen were killed when a roadside bomb went off near their vehicle in "
                 "Dera Ismail Khan on Friday morning.\n"
                 "In the evening, unknown gunmen shot dead a shopkeeper in the city's Chungi No 10 area, police said.")
    assert sorted((e["event_type"], e["fatalities"]) for e in got) == [
        ("Explosions/Remote violence", 2), ("Violence against civilians", 1)]


def test_district_town_of_names_the_town():
    (e,) = events("Gunmen opened fire on a passenger vehicle in the Kurram district town of Sadda on Saturday, "
                  "killing four people, police said.")
    assert (e["location"], e["admin2"], e["fatalities"]) == ("Sadda", "Kurram", 4)


def test_jirga_asking_compensation_for_an_old_attack_is_not_an_event():
    assert events("BANNU: A jirga of elders on Saturday demanded that the government compensate the victims of "
                  "the March 4 attack on the Bannu cantonment, in which 18 people were killed.") == []


def test_a_later_sentence_naming_the_place_in_a_total_does_not_split_the_event():
    (e,) = events("KALAT: Militants attacked a police station in Kalat on Saturday and set it on fire, injuring three "
                  "policemen, officials said.\n"
                  "Officials said the attack in Kalat was one of several carried out in different districts the same day.")
    assert e["event_type"] == "Battles"


DEMO = Path(__file__).resolve().parents[2] / "data" / "demo"


@pytest.mark.skipif(not DEMO.is_dir(), reason="no demo reports")
def test_demo_reports_give_one_event_each_with_the_lead_toll():
    rows = {p.stem: extract_events(read_article(p)) for p in sorted(DEMO.glob("*.txt"))}
    assert all(len(r) == 1 for r in rows.values()), {k: len(r) for k, r in rows.items()}
    fatalities = {k: r[0]["fatalities"] for k, r in rows.items()}
    assert fatalities.get("2026-02-01_gwadar-labourers", 11) == 11
    assert fatalities.get("2024-04-13_noshki-bus-passengers", 11) == 11
    musakhel = rows.get("2024-08-26_musakhel-highway-killings")
    if musakhel:
        assert (musakhel[0]["geo_status"], musakhel[0]["geo_precision"]) == ("located", 3)
