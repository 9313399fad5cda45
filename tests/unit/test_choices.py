"""The sidebar's choices, read once from the stored events (ui/choices.py)."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from ui.choices import read_choices


def stored() -> pd.DataFrame:
    frame = pd.DataFrame({
        "event_date": ["2026-02-03", "not a date", "2026-01-09", None],
        "admin1": ["Balochistan", "Sindh", "Balochistan", None],
        "admin2": ["Kech", "Karachi", " ", "Quetta"],
        "actor1": ["BLA", "Police Forces of Pakistan", None, "BLA"],
        "actor2": [None, "Rioters (Pakistan)", "BLA", ""],
    })
    frame["admin1"] = frame["admin1"].astype("category")
    return frame


def test_choices_are_the_distinct_stored_values_sorted_and_blank_free():
    choices = read_choices(stored())
    assert choices.provinces == ("Balochistan", "Sindh")
    assert choices.districts == ("Karachi", "Kech", "Quetta")
    assert choices.actors == ("BLA", "Police Forces of Pakistan", "Rioters (Pakistan)")
    assert choices.days == (dt.date(2026, 1, 9), dt.date(2026, 2, 3))   # the bad date is left out


def test_districts_follow_the_chosen_provinces():
    choices = read_choices(stored())
    assert choices.districts_in(["Balochistan"]) == ("Kech",)          # Quetta's row names no province
    assert choices.districts_in(["Sindh", "Balochistan"]) == ("Karachi", "Kech")
    assert choices.districts_in([]) == choices.districts
    assert choices.districts_in(["Punjab"]) == ()


def test_an_empty_store_offers_nothing():
    choices = read_choices(pd.DataFrame(columns=["event_date", "admin1", "admin2", "actor1", "actor2"]))
    assert (choices.provinces, choices.districts, choices.actors, choices.days) == ((), (), (), None)
