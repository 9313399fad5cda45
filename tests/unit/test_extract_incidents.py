"""The clause and incident steps, and the counting rules added with them: each test is one general
pattern (sentence structure or word class), on a short report written for the test."""
from __future__ import annotations

from datetime import date

from extraction.clauses import split_clauses
from extraction.numbers import find_deaths
from extraction.places import find_places
from extraction.sentences import split_sentences
from extraction.taxonomy import signals_of
from tests.unit.test_extract_generalisation import events as _events

PUB = "2025-03-12"  # a Wednesday


def events(body: str, published: str = PUB) -> list[dict]:
    return _events(body, published)


def _one(body: str, published: str = PUB) -> dict:
    (event,) = events(body, published)
    return event


def _by_place(body: str, published: str = PUB) -> dict[str, dict]:
    return {e["location"]: e for e in events(body, published)}


# --- counting ---------------------------------------------------------------------------------------

def test_conjoined_counts_of_one_subject_are_summed():
    assert [c.value for c in find_deaths("Three soldiers of the FC and four security guards were martyred.")] == [7]
    assert [c.value for c in find_deaths("Resultantly 2 officers and 3 jawans embraced shahadat.")] == [5]
    assert [c.value for c in find_deaths("Gunmen shot dead one captain and two sepoys in Kech.")] == [3]
    assert [c.value for c in find_deaths("During the clash, a major and two sepoys, having fought bravely, embraced shahadat.")] == [3]


def test_counts_in_separate_clauses_are_not_summed():
    counts = find_deaths("Five militants were killed and two soldiers were martyred.")
    assert sorted((c.value, c.victim_class) for c in counts) == [(2, "military"), (5, "militant")]
    assert [c.value for c in find_deaths("Two soldiers were martyred and three injured.")] == [2]


def test_a_dash_breakdown_is_part_of_the_toll():
    counts = find_deaths("Five policemen — an inspector and four constables — were martyred in the ambush.")
    assert [c.value for c in counts if not c.subset] == [5]


def test_the_dead_listed_one_by_one_are_counted():
    (c,) = find_deaths("Gunmen attacked the checkpost at dawn, killing constables Arif Khan and Basit Ali.")
    assert (c.value, c.victim_class) == (2, "police")
    (c,) = find_deaths("Later, a tailor, Hamid Noor, and his nephew were shot dead inside their shop.")
    assert c.value == 2  # the name is the tailor's: an apposition, not a third victim
    (c,) = find_deaths("Vaccinator Gul Bibi and constable Yasir Iqbal died on the spot.")
    assert c.value == 2
    (c,) = find_deaths("Two men on a motorcycle shot dead Haji Karim Dad, a trader and a member of the jirga, near the market.")
    assert c.value == 1


def test_a_sum_over_classes_leaves_room_for_the_attackers_told_apart():
    body = ("KOHAT: Four soldiers and a civilian were martyred when a suicide bomber struck a check post in "
            "the Darra area on Tuesday. \"All three attackers were sent to hell,\" the ISPR said.")
    assert _one(body)["fatalities"] == 8


# --- clauses and incidents -----------------------------------------------------------------------------

def test_a_while_clause_with_its_own_place_and_violence_is_its_own_incident():
    text = ("A constable was martyred when militants attacked a post in Tank on Monday, while "
            "gunmen shot dead a shopkeeper in Kulachi.")
    (sentence,) = split_sentences(text)
    assert [c.text.split()[0] for c in split_clauses(sentence)] == ["A", "while"]
    places = _by_place(text)
    assert places["Tank"]["event_type"] == "Battles" and places["Tank"]["fatalities"] == 1
    assert places["Kulachi"]["event_type"] == "Violence against civilians"
    assert places["Kulachi"]["event_date"] == "2025-03-10"  # the day closing the sentence scopes over both


def test_a_while_clause_without_a_place_stays_in_its_sentence():
    (sentence,) = split_sentences("Two soldiers were martyred in Kech, while three others were injured.")
    assert len(split_clauses(sentence)) == 1


def test_a_killing_told_in_a_relative_clause_is_split_from_the_protest():
    body = ("TURBAT: Relatives of a teacher who was gunned down in the Absar area of Turbat on Sunday night "
            "ended their sit-in on Tuesday.\n\nOn Monday, the family staged a sit-in at the main chowk with the body.")
    types = {(e["event_type"], e["event_date"]) for e in events(body)}
    assert ("Violence against civilians", "2025-03-09") in types
    assert ("Protests", "2025-03-10") in types


def test_background_keeps_its_status_across_the_sentences_that_continue_it():
    body = ("QUETTA: Security forces killed three militants in an operation in Mastung on Tuesday.\n\n"
            "Last month, gunmen stormed a camp in Kalat, killing four labourers. "
            "They were later shot dead by troops near the camp.\n\n"
            "Six soldiers were martyred when their vehicle hit a landmine in Nushki.")
    assert set(_by_place(body)) == {"Mastung"}


def test_a_place_led_sentence_opens_a_new_report_after_background():
    body = ("QUETTA: Gunmen killed two labourers in Mastung on Tuesday.\n\n"
            "Last week a similar attack was reported in the district.\n\n"
            "In Kalat, a policeman was martyred when militants fired on his patrol.")
    assert set(_by_place(body)) == {"Mastung", "Kalat"}


def test_a_placeless_incident_of_another_day_keeps_its_followers():
    body = ("QUETTA: A roadside bomb damaged the railway track in the Sibi area on Tuesday.\n\n"
            "On February 20, militants attacked a passenger train. All twelve attackers were killed in the operation.")
    event = _one(body)
    assert (event["location"], event["fatalities"]) == ("Sibi", 0)


def test_a_placeless_lead_is_the_incident_placed_in_the_next_sentence():
    body = ("ISLAMABAD, March 12 (Xinhua) -- Two policemen were killed when a roadside bomb hit their van "
            "on Monday, police said. The device was planted near Tank city, the officer said.\n\n"
            "Separately, gunmen kidnapped a contractor in Khar on Tuesday.")
    tank = _by_place(body)["Tank"]
    assert (tank["event_date"], tank["fatalities"]) == ("2025-03-10", 2)


def test_a_summary_total_makes_no_event_of_its_own():
    body = ("Weekly review\n\nThe monitor recorded four incidents during the week in which three people were "
            "killed: two in Panjgur and one in Bajaur.\n\nMonday, 10 March — Panjgur\n\n"
            "Gunmen shot dead two labourers near Gichk.")
    assert set(_by_place(body)) == {"Gichk"}
    assert _by_place(body)["Gichk"]["event_date"] == "2025-03-10"  # dated by its sub-heading


def test_a_dated_reference_names_the_day_of_the_incident_at_its_place():
    body = ("QUETTA: Three militants were killed in an operation in Kech's Buleda area, while two soldiers were "
            "martyred in a roadside bomb blast in Tump, officials said on Wednesday.\n\n"
            "The operation in Buleda was carried out on Tuesday, the ISPR said.")
    days = {e["location"]: e["event_date"] for e in events(body)}
    assert days == {"Buleda": "2025-03-11", "Tump": "2025-03-12"}


def test_a_day_before_the_incident_is_counted_from_it():
    body = ("MIRANSHAH: A soldier was martyred when a bomb went off in Hurmaz on Tuesday.\n\n"
            "A day before the blast, militants blew up a school in Shewa.")
    assert _by_place(body)["Shewa"]["event_date"] == "2025-03-10"


def test_incidents_long_before_the_report_are_background():
    body = ("ISLAMABAD: The cabinet approved a ban on the group on Wednesday. On February 2, gunmen killed "
            "four passengers near Kalat.")
    assert events(body) == []


# --- places -------------------------------------------------------------------------------------------

def test_kind_words_before_a_name_and_destinations_with_a_kind_noun():
    assert [(p.name, p.kind) for p in find_places("An operation in District Awaran killed four.")] == [("Awaran", "district")]
    text = "Gunmen ambushed the bus in Kohistan as it travelled to the northern city of Gilgit."
    assert [p.name for p in find_places(text)] == ["Kohistan"]
    text = "The attack happened near the town of Harban, 130 miles north of the capital Islamabad."
    assert [p.name for p in find_places(text)] == ["Harban"]


def test_places_abroad_statements_and_homes_are_no_event_places():
    assert all(p.foreign for p in find_places("Nine labourers were shot dead in the Iranian city of Saravan."))
    assert [p.name for p in find_places("The minister told reporters in Karachi that three died.")] == []
    assert [p.name for p in find_places("The abducted men hail from Mianwali and Karak districts.")] == []


def test_lists_of_places_are_not_containers():
    names = [p.name for p in find_places("A strike was observed in Turbat, Panjgur, Gwadar and Pasni on Saturday.")]
    assert names == ["Turbat", "Panjgur", "Gwadar", "Pasni"]


def test_the_area_a_station_is_named_after_is_the_place_when_none_other_is_given():
    event = _one("BANNU: Militants opened fire on the Ghoriwala police station late on Monday, police said.")
    assert event["location"] == "Ghoriwala"


def test_a_city_administrative_town_is_coded_at_the_city():
    event = _one("KARACHI: Gunmen shot dead a cleric in Orangi Town on Tuesday, police said.")
    assert event["location"] == "Karachi"


# --- types ----------------------------------------------------------------------------------------------

def test_property_burnt_with_no_one_hurt_or_taken_is_property_destruction():
    event = _one("KHUZDAR: Armed men set fire to the machinery of a dam site in the Zehri area on Monday night. No one was hurt.")
    assert (event["event_type"], event["sub_event_type"]) == ("Strategic developments", "Looting/property destruction")


def test_an_assault_with_gunfire_and_explosions_on_the_forces_is_a_battle():
    event = _one("QUETTA: Militants attacked a police post in Kalat with gunfire and explosions on Tuesday, "
                 "killing three policemen.")
    assert event["event_type"] == "Battles"
    assert signals_of("Militants armed with rockets and grenades attacked the post.") & {"grenade", "shelling"} == set()


def test_accidents_and_the_reasons_for_a_decision_are_no_incidents():
    assert events("QUETTA: Twelve passengers were killed when their bus plunged into a ravine near Khuzdar on Tuesday.") == []
    assert events("ISLAMABAD: The cabinet on Wednesday banned the party for killing two policemen and attacking "
                  "officials during protests.") == []


def test_photo_captions_are_no_news():
    body = ("Police inspect the site of a blast in Quetta on June 1, 2010. (AFP)\n\n"
            "KHUZDAR: Gunmen shot dead a shopkeeper in Wadh on Tuesday, police said.")
    assert _one(body)["location"] == "Wadh"


def test_every_event_says_why_it_may_be_doubted():
    event = _one("QUETTA: Gunmen shot dead a shopkeeper in Wadh on Tuesday, police said.")
    assert "toll from a single mention" in event["doubts"]
    assert event["doubts"] == sorted(set(event["doubts"]), key=event["doubts"].index)
    assert date.fromisoformat(event["event_date"]) == date(2025, 3, 11)
