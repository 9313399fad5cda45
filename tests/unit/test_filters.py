from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from sqlalchemy.dialects import sqlite

from data.filters import Filters
from data.sample import synthetic_events

D = dt.date


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return synthetic_events(2000, seed=5)


def sql_text(filters: Filters) -> str:
    return str(filters.to_sql().compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))


@pytest.mark.parametrize("params, expected, sql_parts, description", [
    ({}, Filters(), ["1 = 1"], "300 events"),
    ({"from": "2026-01-01", "to": "2026-01-31", "district": ["Kech", "Gwadar"]},
     Filters(date_from=D(2026, 1, 1), date_to=D(2026, 1, 31), admin2=("Kech", "Gwadar")),
     ["events.event_date >= '2026-01-01'", "events.admin2 IN ('Kech', 'Gwadar')"],
     "17 events in Kech and Gwadar, January 2026"),
    ({"province": "Balochistan", "from": "2024-01-01", "to": "2024-12-31"},
     Filters(date_from=D(2024, 1, 1), date_to=D(2024, 12, 31), admin1=("Balochistan",)),
     ["events.admin1 IN ('Balochistan')"], "1 event in Balochistan, 2024"),
    ({"from": "2026-01-03", "to": "2026-02-09", "type": "Battles"},
     Filters(date_from=D(2026, 1, 3), date_to=D(2026, 2, 9), event_type=("Battles",)),
     ["events.event_type IN ('Battles')"], "42 events, 3 Jan - 9 Feb 2026, Battles"),
    ({"subtype": ["Suicide bomb"], "min_fatalities": "5", "from": "2025-12-20"},
     Filters(date_from=D(2025, 12, 20), sub_event_type=("Suicide bomb",), min_fatalities=5),
     ["events.sub_event_type IN ('Suicide bomb')", "events.fatalities >= 5"],
     "3 events, since 20 Dec 2025, Suicide bomb, at least 5 fatalities each"),
    ({"actor": "Police Forces of Pakistan", "q": "Hospital"},
     Filters(actor=("Police Forces of Pakistan",), text="Hospital"),
     ["events.actor1 IN ('Police Forces of Pakistan') OR events.actor2 IN", "lower(events.evidence) LIKE"],
     '2 events, involving Police Forces of Pakistan, matching "Hospital"'),
    ({"district": ["Quetta", "Kech", "Gwadar", "Kharan"], "to": "2025-03-31", "from": "2025-01-01"},
     Filters(date_from=D(2025, 1, 1), date_to=D(2025, 3, 31), admin2=("Quetta", "Kech", "Gwadar", "Kharan")),
     ["events.admin2 IN ('Quetta', 'Kech', 'Gwadar', 'Kharan')"],
     "5 events in Quetta, Kech and 2 other districts, January - March 2025"),
])
def test_params_to_filters_sql_and_description(params, expected, sql_parts, description):
    filters, warnings = Filters.from_query_params(params)
    assert warnings == []
    assert filters == expected
    sql = sql_text(filters)
    assert all(part in sql for part in sql_parts)
    n = int(description.split()[0])
    assert filters.describe(n) == description


@pytest.mark.parametrize("filters", [
    Filters(),
    Filters(date_from=D(2023, 5, 1), admin1=("Khyber Pakhtunkhwa",), min_fatalities=1),
    Filters(admin2=("Kech", "Quetta"), event_type=("Battles", "Riots"), actor=("BLA: Baloch Liberation Army",)),
    Filters(sub_event_type=("Armed clash",), text="check post", date_to=D(2025, 2, 28)),
])
def test_query_params_round_trip(filters):
    assert Filters.from_query_params(filters.to_query_params()) == (filters, [])


@pytest.mark.parametrize("params, warning", [
    ({"from": "31/01/2026"}, "from='31/01/2026'"),
    ({"to": "yesterday"}, "to='yesterday'"),
    ({"type": ["Battles", "Picnics"]}, "type='Picnics'"),
    ({"subtype": "Bombing"}, "subtype='Bombing'"),
    ({"min_fatalities": "-3"}, "min_fatalities='-3'"),
    ({"min_fatalities": "a lot"}, "min_fatalities='a lot'"),
    ({"from": "2026-02-01", "to": "2026-01-01"}, "to='2026-01-01'"),
])
def test_bad_params_become_warnings_not_errors(params, warning):
    filters, warnings = Filters.from_query_params(params)
    assert len(warnings) == 1 and warning in warnings[0]
    assert filters.event_type in ((), ("Battles",))
    assert filters.min_fatalities == 0 and filters.date_to is None


def test_param_case_is_forgiven_for_taxonomy_values_and_unknown_keys_ignored():
    filters, warnings = Filters.from_query_params({"type": "battles", "page": "map", "q": " kech "})
    assert filters == Filters(event_type=("Battles",), text="kech") and warnings == []


def test_streamlit_style_params_with_get_all():
    class QueryParams(dict):
        def get_all(self, key):
            value = self.get(key)
            return [] if value is None else (value if isinstance(value, list) else [value])
    filters, _ = Filters.from_query_params(QueryParams({"district": ["Kech", "Gwadar"]}))
    assert filters.admin2 == ("Kech", "Gwadar")


def test_apply_matches_a_plain_python_reference(events):
    filters = Filters(date_from=D(2024, 1, 1), date_to=D(2025, 6, 30), admin1=("Balochistan",),
                      event_type=("Battles", "Violence against civilians"), min_fatalities=1)
    got = set(filters.apply(events)["event_id_cnty"])
    want = {r.event_id_cnty for r in events.itertuples()
            if D(2024, 1, 1) <= r.event_date.date() <= D(2025, 6, 30) and r.admin1 == "Balochistan"
            and r.event_type in ("Battles", "Violence against civilians") and r.fatalities >= 1}
    assert got == want and got


def test_text_search_is_literal_and_case_insensitive(events):
    frame = events.head(3).copy()
    frame["notes"] = frame["notes"].astype(object)
    frame.loc[frame.index[0], "notes"] = "Shots at (a.b*) checkpoint"
    assert len(Filters(text="(A.B*)").apply(frame)) == 1
    assert len(Filters(text="a.b").apply(frame)) == 1
    assert len(Filters(text="a*b").apply(frame)) == 0


def test_actor_matches_either_side(events):
    hits = Filters(actor=("Civilians (Pakistan)",)).apply(events)
    assert len(hits) and (hits["actor2"] == "Civilians (Pakistan)").all()
    police = Filters(actor=("Police Forces of Pakistan",)).apply(events)
    assert set(police["actor1"]) >= {"Police Forces of Pakistan"} and (police["actor2"] == "Police Forces of Pakistan").any()


def test_missing_values_never_match_a_set_filter(events):
    unlocated = events[events["admin2"].isna()]
    assert len(unlocated) and Filters(admin2=("Kech",)).apply(unlocated).empty


def test_filters_normalise_their_inputs():
    a = Filters(date_from="2026-01-01", admin2=["Kech", "Kech", ""], text="  x ")
    assert a == Filters(date_from=D(2026, 1, 1), admin2=("Kech",), text="x")
    assert hash(a) == hash(Filters(date_from=D(2026, 1, 1), admin2=("Kech",), text="x"))
    assert Filters().is_empty and not a.is_empty


@pytest.mark.parametrize("filters, n, expected", [
    (Filters(), 1234, "1,234 events"),
    (Filters(date_from=D(2026, 1, 31), date_to=D(2026, 1, 31)), 4, "4 events, 31 Jan 2026"),
    (Filters(date_to=D(2025, 7, 1)), 0, "0 events, until 1 Jul 2025"),
    (Filters(date_from=D(2024, 12, 30), date_to=D(2025, 1, 2)), 2, "2 events, 30 Dec 2024 - 2 Jan 2025"),
    (Filters(date_from=D(2023, 1, 1), date_to=D(2025, 12, 31)), 9, "9 events, 2023 - 2025"),
    (Filters(admin1=("Balochistan", "Khyber Pakhtunkhwa"), min_fatalities=1), 8,
     "8 events in Balochistan and Khyber Pakhtunkhwa, at least 1 fatality each"),
    (Filters(admin1=("Balochistan",), admin2=("Kech",)), 3, "3 events in Kech"),
])
def test_describe(filters, n, expected):
    assert filters.describe(n) == expected


def test_rows_are_positions_of_the_mask_in_the_given_order():
    from data.sample import synthetic_events

    frame = synthetic_events(200, seed=4)
    filters = Filters(event_type=("Battles",), min_fatalities=1)
    order = np.arange(len(frame))[::-1].copy()
    rows = filters.rows(frame, order)
    assert list(rows) == list(np.flatnonzero(filters.mask(frame).to_numpy())[::-1])
    assert list(Filters().rows(frame, order)) == list(order)
    assert set(filters.columns) == {"event_type", "fatalities"}
    # The mask reads no other column: it works on exactly those.
    assert filters.mask(frame[list(filters.columns)]).equals(filters.mask(frame))
