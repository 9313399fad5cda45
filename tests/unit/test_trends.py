"""Trends arithmetic on hand-made frames, the timeline's selection, and the charts' time axes."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from errors import ConfigurationError
from ui.charts import TIMELINE_BARS, TIMELINE_SHADE, time_axis, timeline_spec
from ui.timeline import selected_range
from ui.trends import (OTHER, Comparison, auto_freq, by_district, compare_periods, current_period, over_time,
                       period_end, ranking)


def frame() -> pd.DataFrame:
    return pd.DataFrame({
        "event_date": ["2026-01-05", "2026-01-07", "2026-01-20", "2026-03-02"],
        "event_type": ["Battles", "Riots", "Battles", "Battles"],
        "actor1": ["Police Forces of Pakistan", "Rioters (Pakistan)", "BLA", "BLA"],
        "actor2": ["BLA", None, "Military Forces of Pakistan", ""],
        "admin1": ["Balochistan"] * 4,
        "admin2": ["Kech", "Quetta", "Kech", None],
        "fatalities": [2, 0, 3, None],
    })


def test_monthly_series_fills_empty_months_and_sums_fatalities():
    table = over_time(frame(), split="event type", freq="month")
    assert list(table["period"].dt.strftime("%Y-%m").unique()) == ["2026-01", "2026-02", "2026-03"]
    jan = table[table["period"] == "2026-01-01"].set_index("group")
    assert jan.loc["Battles", "events"] == 2 and jan.loc["Battles", "fatalities"] == 5
    assert jan.loc["Riots", "events"] == 1
    assert table[table["period"] == "2026-02-01"]["events"].sum() == 0


def test_weekly_series_starts_weeks_on_monday():
    table = over_time(frame(), split="event type", freq="week")
    assert set(table["period"].dt.day_of_week) == {0}
    assert table["events"].sum() == 4


def test_actor_split_counts_an_event_once_per_actor_and_top_groups_the_rest():
    table = over_time(frame(), split="actor", freq="month", top=1)
    assert table["events"].sum() == 6          # 4 events, two of them with a second actor
    assert set(table["group"]) == {"BLA", "Other"}
    assert table[table["group"] == "BLA"]["events"].sum() == 3


def test_unknown_split_or_period_is_named():
    with pytest.raises(ConfigurationError, match="expected one of"):
        over_time(frame(), split="weather")
    with pytest.raises(ConfigurationError, match="week, month"):
        over_time(frame(), freq="fortnight")


def test_comparison_with_the_period_before_of_the_same_length():
    result = compare_periods(frame(), dt.date(2026, 1, 15), dt.date(2026, 1, 28))
    assert (result.current.events, result.current.fatalities) == (1, 3)
    assert (result.previous.start, result.previous.end) == (dt.date(2026, 1, 1), dt.date(2026, 1, 14))
    assert (result.previous.events, result.previous.fatalities) == (2, 2)
    assert (result.events_change, result.fatalities_change, result.days) == (-1, 1, 14)
    assert Comparison.percent(3, 2) == "+50%" and Comparison.percent(1, 0) == "new"
    assert Comparison.percent(0, 0) == "0%" and Comparison.percent(1, 2) == "-50%"


def test_current_period_is_the_date_filter_or_the_last_window():
    f = frame()
    assert current_period(None, None, f, 30) == (dt.date(2026, 2, 1), dt.date(2026, 3, 2))
    assert current_period(dt.date(2026, 1, 10), None, f, 30) == (dt.date(2026, 1, 10), dt.date(2026, 3, 2))
    assert current_period(None, dt.date(2026, 1, 31), f, 30) == (dt.date(2026, 1, 5), dt.date(2026, 1, 31))
    assert current_period(None, None, f.iloc[0:0], 30) is None


def test_rankings_and_district_totals():
    top = ranking(frame(), "district")
    assert list(top["district"]) == ["Kech", "Quetta", "Unknown"] and list(top["events"]) == [2, 1, 1]
    districts = by_district(frame())
    assert districts.set_index("admin2").loc["Kech", "fatalities"] == 5 and len(districts) == 2


def test_period_end_and_auto_freq():
    assert period_end(pd.Timestamp("2026-02-01"), "month") == dt.date(2026, 2, 28)
    assert period_end(pd.Timestamp("2026-01-05"), "week") == dt.date(2026, 1, 11)
    assert auto_freq(dt.date(2026, 1, 1), dt.date(2026, 3, 1)) == "week"
    assert auto_freq(dt.date(2024, 1, 1), dt.date(2026, 3, 1)) == "month"


def test_timeline_selection_becomes_a_date_range():
    ms = lambda day: pd.Timestamp(day).value // 1_000_000   # noqa: E731 - Vega-Lite hands epoch ms
    brushed = {"brush": {"period": [ms("2025-03-04 13:00"), ms("2025-06-20 02:00")]}, "pick": []}
    assert selected_range(brushed, "month") == (dt.date(2025, 3, 4), dt.date(2025, 6, 20))
    # A clicked bar: its whole month (a local-midnight time rounds to the day).
    picked = {"pick": [{"period": ms("2025-02-28 19:00")}]}
    assert selected_range(picked, "month") == (dt.date(2025, 3, 1), dt.date(2025, 3, 31))
    assert selected_range({"pick": [{"period": "2025-03-03"}]}, "week") == (dt.date(2025, 3, 3), dt.date(2025, 3, 9))
    assert selected_range({"brush": {}, "pick": []}, "week") is None


def test_time_axes_show_years_across_a_year_and_charts_carry_both_selections():
    across = time_axis(pd.Timestamp("2025-11-01"), pd.Timestamp("2026-02-01"), "month").to_dict()
    within = time_axis(pd.Timestamp("2026-01-05"), pd.Timestamp("2026-03-02"), "week").to_dict()
    assert "%Y" in across["format"] and "%Y" not in within["format"]
    spec = timeline_spec(over_time(frame(), freq="month"), freq="month",
                         selected=(dt.date(2026, 1, 1), dt.date(2026, 1, 31)))
    assert {p["name"] for p in spec["params"]} == {"brush", "pick"}
    assert len(spec["layer"]) == 2          # the chosen range shaded behind the bars
    assert [layer["data"] for layer in spec["layer"]] == [{"name": TIMELINE_SHADE}, {"name": TIMELINE_BARS}]
    assert set(spec["datasets"]) == {TIMELINE_BARS, TIMELINE_SHADE}
    assert spec["datasets"][TIMELINE_BARS]["events"].sum() == over_time(frame(), freq="month")["events"].sum()
    # Another filter with the same span and groups (one January battle fewer): only the data differ.
    other = timeline_spec(over_time(frame().iloc[1:], freq="month"), freq="month",
                          selected=(dt.date(2026, 1, 1), dt.date(2026, 1, 31)))
    assert {k: v for k, v in other.items() if k != "datasets"} == {k: v for k, v in spec.items() if k != "datasets"}


def test_stepping_through_months_and_weeks_stops_at_the_ends():
    from ui.timeline import step_period
    span = (dt.date(2025, 11, 20), dt.date(2026, 2, 1))
    assert step_period(None, span, "month", 1) == (dt.date(2025, 11, 1), dt.date(2025, 11, 30))
    assert step_period(None, span, "month", -1) == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert step_period((dt.date(2025, 12, 1), dt.date(2025, 12, 31)), span, "month", 1) == (
        dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    assert step_period((dt.date(2026, 2, 1), dt.date(2026, 2, 28)), span, "month", 1) is None
    assert step_period((dt.date(2025, 11, 1), dt.date(2025, 11, 30)), span, "month", -1) is None
    # Weeks start on Monday; a brushed range steps from the week it starts in.
    assert step_period((dt.date(2026, 1, 7), dt.date(2026, 1, 20)), span, "week", 1) == (
        dt.date(2026, 1, 12), dt.date(2026, 1, 18))


def test_category_columns_give_the_same_groups_as_text_columns():
    from ui.trends import _group_names

    values = [" Battles", "Riots", "", None, "Riots ", "Battles"]
    as_text = _group_names(pd.Series(values, dtype="string"))
    as_category = _group_names(pd.Series(values, dtype="category"))
    assert as_category.tolist() == [None if v is pd.NA else v for v in as_text.tolist()]
    assert as_category.tolist() == ["Battles", "Riots", None, None, "Riots", "Battles"]


def _reference_over_time(frame: pd.DataFrame, split: str, freq: str, top: int) -> pd.DataFrame:
    """The same table the slow, obvious way: one row per (event, group), pandas groupby."""
    from ui.trends import OTHER, SPLITS, UNKNOWN, period_start

    parts = []
    for column in SPLITS[split]:
        names = frame[column].astype("string").str.strip().replace("", pd.NA)
        part = pd.DataFrame({"date": frame["event_date"], "group": names,
                             "fat": pd.to_numeric(frame["fatalities"], errors="coerce").fillna(0).clip(lower=0)})
        parts.append(part[part["group"].notna()] if len(SPLITS[split]) > 1 else part)
    rows = pd.concat(parts, ignore_index=True)
    rows["group"] = rows["group"].fillna(UNKNOWN).astype(str)
    rows["period"] = period_start(rows["date"], freq)
    rows = rows.dropna(subset=["period"])
    ranked = rows.groupby("group").size().sort_values(ascending=False, kind="stable")
    keep = list(ranked.index[:top])
    rows["group"] = rows["group"].where(rows["group"].isin(keep), OTHER)
    groups = keep + ([OTHER] if len(ranked) > top else [])
    periods = pd.date_range(rows["period"].min(), rows["period"].max(), freq="W-MON" if freq == "week" else "MS")
    table = rows.groupby(["period", "group"]).agg(events=("fat", "size"), fatalities=("fat", "sum"))
    full = pd.MultiIndex.from_product([periods, groups], names=["period", "group"])
    table = table.reindex(full, fill_value=0).reset_index()
    return table.astype({"events": int, "fatalities": int})[["period", "group", "events", "fatalities"]]


@pytest.mark.parametrize("split,freq,top", [("event type", "month", 8), ("actor", "week", 3), ("district", "month", 2),
                                            ("province", "week", 8)])
def test_over_time_matches_a_plain_pandas_reference(split, freq, top):
    from data.sample import synthetic_events

    events = synthetic_events(3_000, seed=3)
    events = events[events["event_date"] >= events["event_date"].max() - pd.Timedelta(days=200)].copy()
    events = events.astype({"admin1": "string", "admin2": "string", "event_type": "string"})
    events.loc[events.index[::7], "admin2"] = " "           # blank names are no group
    events.loc[events.index[::11], "event_date"] = pd.NaT   # undated rows are left out
    for column in ("admin1", "admin2", "event_type"):
        events[column] = events[column].astype("category")  # as the store loads them
    got = over_time(events, split=split, freq=freq, top=top)
    expected = _reference_over_time(events, split, freq, top)
    assert (OTHER in set(got["group"])) == (split in ("actor", "district"))   # cut to their top 3 and 2
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected, check_dtype=False)
