"""resolve(): the offline gazetteer's name resolution (needs the built gazetteer: `python -m geo.build`)."""
from __future__ import annotations

import pytest

import geo
from geo import Place, Resolution, resolve


def test_known_town_resolves_to_its_district_with_town_precision():
    found = resolve("Turbat")
    assert isinstance(found, Resolution) and found.located
    assert isinstance(found.place, Place)
    assert (found.place.admin1, found.place.admin2, found.place.kind) == ("Balochistan", "Kech", "populated place")
    assert found.place.geo_precision == 1
    assert 25.5 < found.place.latitude < 26.5 and 62.5 < found.place.longitude < 63.5


def test_unknown_place_is_not_located_and_has_no_fake_point():
    found = resolve("Zzyzxabad Qqq")
    assert not found.located
    assert found.place is None and found.candidates == ()
    assert "no gazetteer entry" in found.reason


@pytest.mark.parametrize("spelling", ["Noshki", "Nushki", "Naushki", "NUSHKI", "nushki city"])
def test_spelling_variants_reach_the_same_place(spelling):
    place = resolve(spelling).place
    assert place is not None and place.admin2 == "Nushki" and place.admin1 == "Balochistan"


@pytest.mark.parametrize("spelling, district", [
    ("D.I. Khan", "Dera Ismail Khan"), ("DI Khan", "Dera Ismail Khan"), ("Dera Ismail Khan", "Dera Ismail Khan"),
    ("Panjgoor", "Panjgur"), ("Qila Saifullah", "Killa Saifullah"), ("Killa Saifullah", "Killa Saifullah"),
    ("Turbet", "Kech"), ("Ḍera Bugti", "Dera Bugti"),
])
def test_transliterations_and_abbreviations(spelling, district):
    assert resolve(spelling).place.admin2 == district


def test_kalat_is_the_town_unless_the_text_says_district():
    town = resolve("Kalat").place
    district = resolve("Kalat district").place
    assert (town.kind, town.geo_precision) == ("populated place", 1)
    assert (district.kind, district.geo_precision) == ("district", 3)
    assert town.admin2 == district.admin2 == "Kalat"


def test_khyber_is_the_district_and_khyber_pakhtunkhwa_the_province():
    district = resolve("Khyber").place
    province = resolve("Khyber Pakhtunkhwa").place
    assert (district.kind, district.name, district.admin1) == ("district", "Khyber", "Khyber Pakhtunkhwa")
    assert (province.kind, province.name, province.geo_precision) == ("province", "Khyber Pakhtunkhwa", 3)


def test_tank_resolves_to_the_kp_town():
    place = resolve("Tank").place
    assert (place.admin1, place.admin2, place.kind) == ("Khyber Pakhtunkhwa", "Tank", "populated place")


def test_province_context_picks_between_same_named_places():
    # "Musakhel" is a district of Balochistan and a village of Mohmand (KP).
    in_kp = resolve("Musakhel", admin1="Khyber Pakhtunkhwa").place
    in_bal = resolve("Musakhel", admin1="Balochistan").place
    assert (in_kp.admin1, in_kp.admin2) == ("Khyber Pakhtunkhwa", "Mohmand")
    assert (in_bal.admin1, in_bal.admin2) == ("Balochistan", "Musakhel")
    assert "context" in resolve("Musakhel", admin1="KP").reason


def test_district_context_beats_province_and_accepts_district_spellings():
    found = resolve("Nasirabad", admin2="Nasirabad", admin1="Balochistan")
    assert found.place.admin1 == "Balochistan"
    found = resolve("Sultan Charhai", admin2="Noshki")
    assert found.place.admin2 == "Nushki"


def test_candidates_are_ranked_and_include_the_pick():
    found = resolve("Quetta")
    assert found.candidates[0] == found.place
    assert {c.kind for c in found.candidates} >= {"populated place", "district"}


def test_geo_precision_by_kind():
    assert resolve("Quetta").place.geo_precision == 1
    assert resolve("Quetta Saddar").place.geo_precision == 2      # a tehsil
    assert resolve("Kech district").place.geo_precision == 3
    assert resolve("Balochistan").place.geo_precision == 3


def test_village_from_the_curated_supplement_is_placed_near_and_names_its_source():
    place = resolve("Killi Ahmedzai").place
    assert (place.admin2, place.geo_precision) == ("Quetta", 2)
    assert place.source.startswith("supplement:")


def test_province_and_district_name_sets():
    assert {"Balochistan", "Khyber Pakhtunkhwa", "Punjab", "Sindh", "Islamabad Capital Territory",
            "Gilgit-Baltistan", "Azad Kashmir"} == geo.province_names()
    names = geo.district_names()
    assert {"Kech", "North Waziristan", "Dera Bugti", "Karachi", "Killa Abdullah", "Mohmand"} <= names
    assert not any(n.endswith((" District", " Agency")) for n in names)
    assert geo.province_of("Turbat") == "Balochistan"
    assert geo.province_of("Parachinar") == "Khyber Pakhtunkhwa"
    assert geo.province_of("Nowhere-at-all") is None


@pytest.mark.parametrize("spelling, canonical", [
    ("Noshki", "Nushki"), ("Qila Abdullah", "Killa Abdullah"), ("Chaman", "Killa Abdullah"),
    ("Khyber Agency", "Khyber"), ("kech district", "Kech"), ("Turbat", None),
])
def test_canonical_district(spelling, canonical):
    assert geo.canonical_district(spelling) == canonical


@pytest.mark.parametrize("spelling, canonical", [
    ("KP", "Khyber Pakhtunkhwa"), ("Baluchistan", "Balochistan"), ("NWFP", "Khyber Pakhtunkhwa"),
    ("ICT", "Islamabad Capital Territory"), ("AJK", "Azad Kashmir"), ("Quetta", None),
])
def test_canonical_province(spelling, canonical):
    assert geo.canonical_province(spelling) == canonical
