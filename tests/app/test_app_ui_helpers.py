"""The pure helpers behind the pages: escaping, highlighting, links, figures."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from data.filters import Filters
from ui.details import events_at
from ui.figures import headline, weekly_counts
from ui.filters import filters_from_state, read_query_params, seed_state
from ui.text import escape_markdown, highlight, safe_link


def test_highlight_escapes_everything_and_marks_terms() -> None:
    out = highlight("Blast <b>in</b> Quetta's quetta market", ["Quetta", "<b>"])
    assert out == ("Blast <mark>&lt;b&gt;</mark>in&lt;/b&gt; <mark>Quetta</mark>&#x27;s "
                   "<mark>quetta</mark> market")


def test_highlight_merges_overlapping_terms() -> None:
    assert highlight("Dera Bugti", ["Dera", "Dera Bugti", "Bugti"]) == "<mark>Dera Bugti</mark>"


def test_highlight_without_terms_only_escapes() -> None:
    assert highlight("<script>x</script>", ["", "  "]) == "&lt;script&gt;x&lt;/script&gt;"


def test_escape_markdown_keeps_links_and_html_literal() -> None:
    assert escape_markdown("[a](javascript:x) *b* <i>") == r"\[a\]\(javascript\:x\) \*b\* \<i\>"


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/a", "https://example.org/a"), ("http://x.pk", "http://x.pk"),
    ("javascript:alert(1)", None), ("data:text/html,x", None), ("", None), (None, None), ("//x.org", None),
])
def test_safe_link_only_allows_http(url, expected) -> None:
    assert safe_link(url) == expected


def _frame() -> pd.DataFrame:
    return pd.DataFrame({
        "event_date": pd.to_datetime(["2026-01-05", "2026-01-07", "2026-01-21", "2026-01-21"]),
        "event_type": ["Battles", "Riots", "Battles", "Battles"],
        "fatalities": pd.array([2, None, 3, 0], dtype="Int64"),
        "admin2": ["Kech", "Kech", None, "Quetta"],
        "latitude": [26.0, 26.0, None, 30.2], "longitude": [63.0, 63.0, None, 67.0],
    })


def test_weekly_counts_fill_empty_weeks() -> None:
    weekly = weekly_counts(_frame())
    assert list(weekly.index.strftime("%Y-%m-%d")) == ["2026-01-05", "2026-01-12", "2026-01-19"]
    assert weekly["Battles"].tolist() == [1, 0, 2] and weekly["Riots"].tolist() == [1, 0, 0]


def test_headline_figures() -> None:
    h = headline(_frame())
    assert (h.events, h.fatalities, h.districts, h.unlocated) == (4, 5, 2, 1)


def test_events_at_a_clicked_point() -> None:
    assert len(events_at(_frame(), 26.0, 63.0)) == 2
    assert len(events_at(_frame(), 26.5, 63.0)) == 0
    assert len(events_at(_frame(), None, 63.0)) == 0


@pytest.mark.parametrize("filters", [
    Filters(),
    Filters(date_from=dt.date(2026, 1, 1), date_to=dt.date(2026, 1, 31), admin1=("Balochistan",),
            admin2=("Kech", "Gwadar"), event_type=("Battles",), sub_event_type=("Armed clash",),
            actor=("Police Forces of Pakistan",), min_fatalities=3, text="checkpoint"),
    Filters(date_from=dt.date(2025, 6, 1)),
])
def test_widget_state_round_trips_filters(filters: Filters) -> None:
    state: dict = {}
    seed_state(state, filters)
    assert filters_from_state(state) == filters


def test_an_end_date_alone_starts_at_the_first_stored_day() -> None:
    state: dict = {}
    seed_state(state, Filters(date_to=dt.date(2026, 1, 31)), first_day=dt.date(2022, 1, 5))
    assert filters_from_state(state) == Filters(date_from=dt.date(2022, 1, 5), date_to=dt.date(2026, 1, 31))


class _Params(dict):
    def get_all(self, key: str) -> list[str]:
        value = self[key]
        return value if isinstance(value, list) else [value]


def test_read_query_params_keeps_repeated_keys_as_lists() -> None:
    params = read_query_params(_Params({"district": ["Kech", "Gwadar"], "from": "2026-01-01"}))
    assert params == {"district": ["Kech", "Gwadar"], "from": "2026-01-01"}
