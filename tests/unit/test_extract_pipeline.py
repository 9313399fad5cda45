"""extract_events: full schema rows, geocoded through an injected resolver."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from data.schema import COLUMN_NAMES, make_event_id
from extraction.article import Article
from extraction.pipeline import extract_events


@dataclass(frozen=True)
class FakePlace:
    name: str
    admin1: str
    admin2: str
    admin3: str
    latitude: float
    longitude: float
    geo_precision: int


@dataclass(frozen=True)
class FakeResolution:
    place: FakePlace | None


def fake_resolve(name: str, *, admin1=None, admin2=None) -> FakeResolution:
    if name == "Turbat":
        return FakeResolution(FakePlace("Turbat", "Balochistan", "Kech", "Turbat", 26.0, 63.05, 1))
    return FakeResolution(None)


def article(body: str) -> Article:
    return Article(article_id="a1", title="", url="https://www.dawn.com/news/1", published=date(2024, 3, 10),
                   body=body, source="dawn.com")


def test_full_rows_with_geocoding():
    (row,) = extract_events(article("Gunmen shot dead three labourers in Turbat on Friday."), resolve=fake_resolve)
    assert list(row) == list(COLUMN_NAMES)
    assert (row["admin1"], row["admin2"], row["latitude"], row["geo_status"]) == ("Balochistan", "Kech", 26.0, "located")
    assert row["year"] == 2024 and row["iso"] == 586 and row["country"] == "Pakistan"
    assert row["disorder_type"] == "Political violence" and row["civilian_targeting"] == "Civilian targeting"
    assert row["interaction"] == "Political militia-Civilians" and row["origin"] == "extracted"
    assert row["source"] == "dawn.com" and row["run_id"] == "" and row["timestamp"] == ""
    assert row["event_id_cnty"] == make_event_id("a1", "2024-03-08", "Turbat", row["event_type"],
                                                 row["actor1"], row["actor2"])


def test_unresolvable_place_is_kept_unlocated():
    (row,) = extract_events(article("Gunmen shot dead three labourers in the Zzyzx area of Kech district on Friday."),
                            resolve=fake_resolve)
    assert row["location"] == "Zzyzx" and row["geo_status"] == "unlocated"
    assert row["latitude"] == "" and row["longitude"] == "" and row["admin2"] == "Kech"


def test_district_mention_is_resolved_as_a_district():
    asked = []

    def resolve(name, *, admin1=None, admin2=None):
        asked.append(name)
        return FakeResolution(None)

    extract_events(article("Security forces killed three militants in Tank district on Friday."), resolve=resolve)
    assert asked == ["Tank district"]


def test_namesake_in_another_district_is_not_used():
    def resolve(name, *, admin1=None, admin2=None):
        return FakeResolution(FakePlace("Turbat", "Balochistan", "Kech", "", 26.0, 63.0, 1))

    (row,) = extract_events(article("Gunmen shot dead two men in the Turbat area of Mohmand district on Friday."),
                            resolve=resolve)
    assert row["geo_status"] == "unlocated" and row["admin2"] == "Mohmand" and row["latitude"] == ""


def district_resolve(name: str, *, admin1=None, admin2=None) -> FakeResolution:
    if name == "Musakhel district":
        return FakeResolution(FakePlace("Musakhel", "Balochistan", "Musakhel", "", 30.9, 69.97, 3))
    return FakeResolution(None)


def test_unknown_place_falls_back_to_its_named_district():
    (row,) = extract_events(article("Gunmen shot dead three labourers in the Rarasham area of Musakhel district "
                                    "on Friday."), resolve=district_resolve)
    assert row["location"] == "Rarasham" and row["geo_status"] == "located"
    assert (row["geo_name"], row["geo_precision"], row["admin2"]) == ("Musakhel", 3, "Musakhel")
    assert (row["latitude"], row["longitude"]) == (30.9, 69.97)


def test_place_without_a_resolvable_district_stays_unlocated():
    (row,) = extract_events(article("Gunmen shot dead three labourers in the Rarasham area of Zhob district "
                                    "on Friday."), resolve=district_resolve)
    assert row["geo_status"] == "unlocated" and row["latitude"] == "" and row["geo_name"] == ""


def test_a_town_named_like_the_district_is_not_a_district_fallback():
    def resolve(name, *, admin1=None, admin2=None):
        if name == "Musakhel district":
            return FakeResolution(KindPlace("Musa Khel Bazar", "Balochistan", "Musakhel", "Kingri", 30.8, 69.8, 1,
                                            "populated place"))
        return FakeResolution(None)

    (row,) = extract_events(article("Gunmen shot dead three labourers in the Rarasham area of Musakhel district "
                                    "on Friday."), resolve=resolve)
    assert row["geo_status"] == "unlocated" and row["latitude"] == ""


@dataclass(frozen=True)
class KindPlace(FakePlace):
    kind: str = ""
