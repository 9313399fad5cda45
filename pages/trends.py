"""Trends page: events and fatalities over time, this period against the last, top places and actors,
and a district map per period. All of it follows the shared sidebar filters."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from maps.basemap import BaseMapUnavailable, load_base_map
from ui.charts import choropleth, district_features, trend_chart
from ui.entry import ensure_navigation_mode
from ui.guard import guard
from ui.loaders import filter_rows
from ui.trends import (FREQS, MONTH, SPLITS, TREND_COLUMNS, by_district, compare_periods, current_period, over_time,
                       period_end, period_start, ranking)
from ui.text import escape_markdown
from ui.view import current_view, show_description

WINDOWS = {30: "30 days", 90: "90 days", 365: "365 days"}
MEASURES = ("events", "fatalities")

ensure_navigation_mode()
with guard():
    view = current_view()

st.title("Trends")
show_description(view)
events = view.columns(TREND_COLUMNS)   # the only columns this page reads


def download(label: str, frame, name: str, key: str) -> None:
    st.download_button(label, frame.to_csv(index=False).encode("utf-8"), file_name=name, mime="text/csv",
                       key=key, on_click="ignore", icon=":material/download:")


def day(d) -> str:
    return f"{d.day} {d:%b %Y}"


# ---- this period against the one before ------------------------------------------------------------
st.subheader("This period against the one before")
undated = view.filters.replace(date_from=None, date_to=None)
context = view.frame[list(TREND_COLUMNS)].take(
    filter_rows(view.frame, view.order, undated, store_url=view.store_url, data_version=view.data_version))
if view.filters.date_from or view.filters.date_to:
    window = None
    st.caption("The period is the sidebar's date range.")
else:
    window = st.segmented_control("Compare the last", list(WINDOWS), format_func=WINDOWS.__getitem__,
                                  default=90, key="trends_window") or 90
period = current_period(view.filters.date_from, view.filters.date_to, context, window or 90)
if period is None:
    st.info("No dated events match the filters.")
else:
    comparison = compare_periods(context, *period)
    now, before = comparison.current, comparison.previous
    cols = st.columns(2)
    cols[0].metric("Events", f"{now.events:,}", delta=f"{comparison.events_change:+,} "
                   f"({comparison.percent(now.events, before.events)})", delta_color="inverse")
    cols[1].metric("Fatalities", f"{now.fatalities:,}", delta=f"{comparison.fatalities_change:+,} "
                   f"({comparison.percent(now.fatalities, before.fatalities)})", delta_color="inverse")
    st.caption(f"{day(now.start)} – {day(now.end)} ({comparison.days} days) against "
               f"{day(before.start)} – {day(before.end)}: {before.events:,} events, "
               f"{before.fatalities:,} fatalities.")
    download("Download the comparison (CSV)", pd.DataFrame([
        {"period": "current", "start": now.start, "end": now.end, "events": now.events, "fatalities": now.fatalities},
        {"period": "previous", "start": before.start, "end": before.end, "events": before.events,
         "fatalities": before.fatalities}]), "trends_comparison.csv", "dl_trends_comparison")

# ---- over time ------------------------------------------------------------------------------------
st.subheader("Over time")
cols = st.columns(3)
split = cols[0].selectbox("Split by", list(SPLITS), key="trends_split")
freq = cols[1].segmented_control("Per", FREQS, default=MONTH, key="trends_freq") or MONTH
measure = cols[2].segmented_control("Show", MEASURES, default="events", key="trends_measure") or "events"
series = over_time(events, split=split, freq=freq)
if series.empty:
    st.info("No events match the filters.")
else:
    st.altair_chart(trend_chart(series, split=split, measure=measure, freq=freq), width="stretch",
                    key="trends_chart")
    if split == "actor":
        st.caption("An event between two actors counts once for each of them.")
    download("Download this chart's data (CSV)", series, f"trends_{split.replace(' ', '_')}_{freq}.csv",
             "dl_trends_series")

# ---- top districts and actors ---------------------------------------------------------------------
st.subheader("Top districts and actors")
left, right = st.columns(2)
with left:
    top_districts = ranking(events, "district")
    st.dataframe(top_districts, hide_index=True, width="stretch", key="trends_top_districts")
    download("Download (CSV)", top_districts, "top_districts.csv", "dl_trends_districts")
with right:
    top_actors = ranking(events, "actor")
    st.dataframe(top_actors, hide_index=True, width="stretch", key="trends_top_actors")
    download("Download (CSV)", top_actors, "top_actors.csv", "dl_trends_actors")

# ---- districts shaded, per period -----------------------------------------------------------------
st.subheader("Districts, per period")
try:
    base = load_base_map()
except BaseMapUnavailable as exc:
    base = None
    st.info(f"No district outlines to shade: {escape_markdown(exc)}")
if base is not None and len(events):
    starts = sorted(period_start(events["event_date"], freq).dropna().unique(), reverse=True)
    options = ["all"] + [str(s.date()) for s in map(pd.Timestamp, starts)]
    cols = st.columns(2)
    chosen = cols[0].selectbox(f"{freq.capitalize()}", options, key="trends_map_period",
                               format_func=lambda o: "All filtered dates" if o == "all" else
                               f"{freq} of {day(pd.Timestamp(o))}" if freq != MONTH else f"{pd.Timestamp(o):%B %Y}")
    shade_by = cols[1].segmented_control("Shade by", MEASURES, default="fatalities", key="trends_map_measure") \
        or "fatalities"
    rows = events
    if chosen != "all":
        start = pd.Timestamp(chosen).date()
        dates = pd.to_datetime(rows["event_date"], errors="coerce")
        rows = rows[(dates >= pd.Timestamp(start)) & (dates <= pd.Timestamp(period_end(start, freq)))]
    values = by_district(rows)
    st.altair_chart(choropleth(district_features(base.outlines_json, values), measure=shade_by,
                               title=shade_by.capitalize()), width="stretch", key="trends_choropleth")
    download("Download the district values (CSV)", values, "districts_per_period.csv", "dl_trends_choropleth")
