"""Each shared sidebar filter changes the rows the pages show, exactly as Filters.apply does,
and the URL mirrors the filters."""
from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from data.filters import Filters
from tests.app.helpers import open_page


def _most_common(frame: pd.DataFrame, column: str) -> str:
    return str(frame[column].dropna().astype("string").value_counts().index[0])


def _choice(frame: pd.DataFrame, name: str) -> tuple[str, Any, dict[str, Any]]:
    """(widget key, widget value, Filters field values) for one filter, picked from the data."""
    dates = pd.to_datetime(frame["event_date"]).sort_values()
    if name == "dates":
        start, end = dates.iloc[len(dates) // 4].date(), dates.iloc[len(dates) // 2].date()
        return "filter_dates", (start, end), {"date_from": start, "date_to": end}
    if name == "province":
        return "filter_province", ["Khyber Pakhtunkhwa"], {"admin1": ("Khyber Pakhtunkhwa",)}
    if name == "district":
        value = _most_common(frame, "admin2")
        return "filter_district", [value], {"admin2": (value,)}
    if name == "type":
        return "filter_type", ["Battles"], {"event_type": ("Battles",)}
    if name == "subtype":
        value = _most_common(frame, "sub_event_type")
        return "filter_subtype", [value], {"sub_event_type": (value,)}
    if name == "actor":
        value = _most_common(frame, "actor2")
        return "filter_actor", [value], {"actor": (value,)}
    if name == "min_fatalities":
        return "filter_min_fatalities", 3, {"min_fatalities": 3}
    if name == "search":
        value = _most_common(frame, "location").upper()   # search is case-insensitive
        return "filter_q", value, {"text": value}
    raise AssertionError(name)


def _widget(at, key: str):
    for kind in ("date_input", "multiselect", "number_input", "text_input"):
        try:
            return getattr(at.sidebar, kind)(key=key)
        except KeyError:
            continue
    raise AssertionError(f"no sidebar widget with key {key!r}")


@pytest.mark.parametrize("name", ["dates", "province", "district", "type", "subtype", "actor",
                                  "min_fatalities", "search"])
def test_each_filter_changes_the_counts(store_url: str, stored_frame: pd.DataFrame, name: str) -> None:
    key, value, fields = _choice(stored_frame, name)
    expected = Filters(**fields).apply(stored_frame)
    assert 0 < len(expected) < len(stored_frame), "pick a value that really narrows the data"

    at = open_page("events")
    assert len(at.dataframe[0].value) == len(stored_frame)
    _widget(at, key).set_value(value)
    at.run()

    assert not at.exception, at.exception
    shown = at.dataframe[0].value
    assert sorted(shown["event_id_cnty"]) == sorted(expected["event_id_cnty"])
    assert at.markdown[0].value.startswith(f"**{len(expected):,} event")
    assert at.sidebar.caption[0].value.startswith(f"{len(expected)} filtered event")
    # The URL now holds the filter, so the view can be bookmarked.
    params = Filters(**fields).to_query_params()
    as_list = lambda v: list(v) if isinstance(v, (list, tuple)) else [v]  # noqa: E731
    assert {k: as_list(v) for k, v in at.query_params.items()} == {k: as_list(v) for k, v in params.items()}


def test_url_parameters_seed_the_filters(store_url: str, stored_frame: pd.DataFrame) -> None:
    at = open_page("events", query={"province": "Balochistan", "type": ["Battles", "Riots"],
                                    "min_fatalities": "1"})
    expected = Filters(admin1=("Balochistan",), event_type=("Battles", "Riots"),
                       min_fatalities=1).apply(stored_frame)
    assert len(at.dataframe[0].value) == len(expected) > 0
    assert at.sidebar.multiselect(key="filter_type").value == ["Battles", "Riots"]
    assert at.sidebar.number_input(key="filter_min_fatalities").value == 1


def test_filters_survive_a_page_switch(store_url: str, stored_frame: pd.DataFrame) -> None:
    at = open_page("map")
    at.sidebar.multiselect(key="filter_type").set_value(["Battles"]).run()
    at.switch_page("pages/events.py").run()
    expected = Filters(event_type=("Battles",)).apply(stored_frame)
    assert len(at.dataframe[0].value) == len(expected)


@pytest.mark.parametrize("query, param", [({"from": "notadate"}, "from"),
                                          ({"min_fatalities": "x"}, "min_fatalities"),
                                          ({"type": "Picnics"}, "type")])
def test_bad_url_parameter_warns_and_shows_everything(store_url: str, stored_frame: pd.DataFrame,
                                                      query: dict[str, str], param: str) -> None:
    at = open_page("events", query=query)
    assert not at.exception
    shown = [w.value.replace("\\", "") for w in at.warning]   # the Markdown escapes removed
    assert any(param in w and query[param] in w for w in shown), shown
    assert len(at.dataframe[0].value) == len(stored_frame)


def test_date_range_half_picked_is_an_open_end(store_url: str, stored_frame: pd.DataFrame) -> None:
    start = pd.to_datetime(stored_frame["event_date"]).median().date()
    at = open_page("events")
    at.sidebar.date_input(key="filter_dates").set_value((start,)).run()
    assert not at.exception
    expected = Filters(date_from=start).apply(stored_frame)
    assert len(at.dataframe[0].value) == len(expected)


def test_url_with_only_an_end_date_keeps_everything_before_it(store_url: str, stored_frame: pd.DataFrame) -> None:
    end = pd.to_datetime(stored_frame["event_date"]).median().date()
    at = open_page("events", query={"to": end.isoformat()})
    expected = Filters(date_to=end).apply(stored_frame)
    assert 0 < len(at.dataframe[0].value) == len(expected) < len(stored_frame)


def test_url_text_is_shown_literally(store_url: str) -> None:
    at = open_page("map", query={"q": "[x](javascript:alert(1))", "min_fatalities": "[y](javascript:1)"})
    assert not at.exception
    assert "\\[x\\]\\(javascript\\:alert\\(1\\)\\)" in at.markdown[0].value
    assert any("\\[y\\]" in w.value for w in at.warning)
