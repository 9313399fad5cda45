"""Date resolution and death counting in isolation."""
from __future__ import annotations

from datetime import date

import pytest

from extraction.dates import find_dates, latest_weekday
from extraction.numbers import find_deaths, parse_number

SUNDAY = date(2024, 3, 10)


def kinds(text: str) -> list[tuple[str, str | None]]:
    return [(m.kind, m.day.isoformat() if m.day else None) for m in find_dates(text, SUNDAY)]


def test_latest_weekday_on_or_before():
    assert latest_weekday("Sunday", SUNDAY) == SUNDAY
    assert latest_weekday("Monday", SUNDAY) == date(2024, 3, 4)


@pytest.mark.parametrize("text, expected", [
    ("killed in the early hours of Saturday", [("event", "2024-03-09")]),
    ("gunmen Thursday attacked", [("event", "2024-03-07")]),
    ("killed yesterday", [("event", "2024-03-09")]),
    ("arrested last night", [("event", "2024-03-09")]),
    ("the ISPR said on Friday", [("statement", "2024-03-08")]),
    ("the statement issued today (Sunday)", [("statement", "2024-03-10"), ("statement", "2024-03-10")]),
    ("killed on March 2", [("event", "2024-03-02")]),
    ("killed on Dec 28", [("event", "2023-12-28")]),
    ("killed last week", [("vague", None)]),
    ("in February 2022", [("vague", None)]),
    ("earlier this month", [("vague", None)]),
    ("Friday, March 8, 2024", [("event", "2024-03-08")]),
])
def test_dates(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, value", [("twenty-six", 26), ("26", 26), ("dozens", 12), ("tens", 10),
                                         ("hundreds", 100), ("one", 1)])
def test_parse_number(text, value):
    assert parse_number(text)[0] == value


@pytest.mark.parametrize("text, expected", [
    ("At least 26 people were killed in the blast.", [(26, "people")]),
    ("Nine soldiers were martyred and five militants were killed.", [(9, "military"), (5, "militant")]),
    ("Seven people were injured.", []),
    ("A child was killed and seven people were injured.", [(1, "civilian")]),
    ("Gunmen abducted 18 labourers.", []),
    ("The death toll has risen to 54.", [(54, "people")]),
    ("15 bodies, including nine policemen, were received.", [(15, "people")]),
    ("They fired 10 shots, killing him.", []),
    ("A 16-inch gas pipeline was blown up.", []),
])
def test_find_deaths(text, expected):
    assert [(d.value, d.victim_class) for d in find_deaths(text) if not d.subset] == expected


def test_update_flag():
    (toll,) = find_deaths("The death toll from the attack has climbed to 33.")
    assert toll.update
