"""Trends page and timelines against a store whose every number is known by hand."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from data.sample import synthetic_events
from data.store import EventStore
from tests.app.helpers import open_page

# (date, district, event type, fatalities): counted by hand in the tests below.
ROWS = [
    ("2025-11-20", "Kech", "Battles", 4),        # outside both compared periods of the January test
    ("2025-12-05", "Quetta", "Battles", 2),      # previous period (1-31 Dec 2025)
    ("2025-12-28", "Kech", "Riots", 3),          # previous period
    ("2026-01-02", "Quetta", "Battles", 1),      # current period (1-31 Jan 2026)
    ("2026-01-15", "Quetta", "Protests", 0),     # current
    ("2026-01-31", "Kech", "Battles", 5),        # current
    ("2026-02-01", "Kech", "Battles", 7),        # after the current period
]


@pytest.fixture()
def known_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    frame = synthetic_events(len(ROWS), seed=3).reset_index(drop=True).astype("object")
    for i, (day, district, kind, dead) in enumerate(ROWS):
        site = frame.index[i]
        frame.loc[site, ["event_date", "admin2", "admin1", "event_type", "fatalities"]] = [
            day, district, "Balochistan", kind, dead]
        frame.loc[site, "year"] = int(day[:4])
        frame.loc[site, "sub_event_type"] = {"Battles": "Armed clash", "Riots": "Mob violence",
                                             "Protests": "Peaceful protest"}[kind]
    url = f"sqlite:///{tmp_path / 'known.sqlite'}"
    store = EventStore(url)
    store.upsert_events(frame)
    assert store.count() == len(ROWS)
    store.close()
    monkeypatch.setenv("EVENTS_STORE_URL", url)
    monkeypatch.setenv("EVENTS_TILES", "none")
    return url


def _metrics(at) -> dict[str, tuple[str, str]]:
    return {m.label: (m.value, m.proto.delta) for m in at.metric}


def test_period_comparison_uses_the_date_filter_and_the_same_length_before(known_store):
    at = open_page("trends", query={"from": "2026-01-01", "to": "2026-01-31"})
    # Current: 3 events (2 Jan, 15 Jan, 31 Jan), 1 + 0 + 5 = 6 dead.
    # Previous 31 days (1-31 Dec 2025): 2 events, 2 + 3 = 5 dead.
    assert _metrics(at) == {"Events": ("3", "+1 (+50%)"), "Fatalities": ("6", "+1 (+20%)")}
    caption = next(c.value for c in at.caption if "against" in c.value)
    assert caption.startswith("1 Jan 2026 – 31 Jan 2026 (31 days) against 1 Dec 2025 – 31 Dec 2025: 2 events, 5 fatalities")


def test_period_comparison_follows_the_other_filters(known_store):
    at = open_page("trends", query={"from": "2026-01-01", "to": "2026-01-31", "district": "Kech"})
    # Kech only: January has the 31 Jan battle (5 dead); December the 28 Dec riot (3 dead).
    assert _metrics(at) == {"Events": ("1", "+0 (0%)"), "Fatalities": ("5", "+2 (+67%)")}


def test_without_a_date_filter_the_last_window_ends_at_the_latest_event(known_store):
    at = open_page("trends")
    at.segmented_control(key="trends_window").set_value(30).run()
    # 30 days up to 1 Feb 2026 = 3 Jan - 1 Feb: 15 Jan, 31 Jan, 1 Feb -> 3 events, 0 + 5 + 7 = 12 dead.
    # The 30 days before (4 Dec - 2 Jan): 5 Dec, 28 Dec, 2 Jan -> 3 events, 2 + 3 + 1 = 6 dead.
    assert _metrics(at) == {"Events": ("3", "+0 (0%)"), "Fatalities": ("12", "+6 (+100%)")}


def _chart_specs(at) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]


def _x_formats(spec: dict) -> list[str]:
    found = []
    for layer in spec.get("layer", [spec]):
        x = layer.get("encoding", {}).get("x", {})
        if "axis" in x and x["axis"] and "format" in x["axis"]:
            found.append(x["axis"]["format"])
    return found


def test_timeline_axis_shows_years_when_the_span_crosses_a_year(known_store):
    at = open_page("overview")
    formats = [f for spec in _chart_specs(at) for f in _x_formats(spec)]
    assert formats and all("%Y" in f for f in formats), formats
    at = open_page("trends")
    formats = [f for spec in _chart_specs(at) for f in _x_formats(spec)]
    assert formats and all("%Y" in f for f in formats), formats


def test_timeline_axis_without_years_inside_one_year(known_store):
    at = open_page("overview", query={"type": ["Protests", "Riots"], "district": "Quetta"})
    # Only the 15 Jan 2026 protest (the timeline ignores dates, not the other filters) -> no years.
    formats = [f for spec in _chart_specs(at) for f in _x_formats(spec)]
    assert formats and not any("%Y" in f for f in formats), formats


def test_trends_charts_offer_their_data_for_download(known_store):
    at = open_page("trends")
    labels = [b.label for b in at.get("download_button")] if at.get("download_button") else []
    keys = [b.proto.id for b in at.get("download_button")]
    assert len(keys) >= 5, labels


def test_unknown_district_in_the_address_warns_and_is_ignored(known_store):
    at = open_page("events", query={"district": ["Kech", "Atlantis"]})
    warnings = [w.value for w in at.warning]
    assert any("Atlantis" in w and "district" in w for w in warnings), warnings
    assert not any("Kech" in w for w in warnings)
    assert len(at.dataframe[0].value) == sum(1 for r in ROWS if r[1] == "Kech")


def test_sentence_names_the_span_when_no_date_filter_is_set(known_store):
    at = open_page("events")
    assert at.markdown[0].value.replace("\\", "") == "**7 events, Nov 2025 - Feb 2026**"



def test_next_and_previous_step_the_date_filter_by_week(known_store):
    at = open_page("map")
    # The events span 20 Nov 2025 - 1 Feb 2026 (under six months): the timeline is weekly.
    at.button(key="timeline_next").click().run()
    assert not at.exception
    assert at.query_params["from"] in ("2025-11-17", ["2025-11-17"])
    assert at.query_params["to"] in ("2025-11-23", ["2025-11-23"])
    assert at.markdown[0].value.replace("\\", "").startswith("**1 event,")     # the 20 Nov battle
    at.button(key="timeline_next").click().run()
    assert at.query_params["from"] in ("2025-11-24", ["2025-11-24"])
    assert at.markdown[0].value.replace("\\", "").startswith("**0 events")
    at.button(key="timeline_prev").click().run()
    assert at.query_params["from"] in ("2025-11-17", ["2025-11-17"])
    assert at.toggle(key="timeline_play").value is False
