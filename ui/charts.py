"""Altair (Vega-Lite) charts of the Trends page and the timelines; data in, chart out.

Streamlit renders Vega-Lite with its own bundled JavaScript, so these charts work offline.
"""
from __future__ import annotations

import datetime as dt
import functools
import json

import altair as alt
import pandas as pd

from maps import EVENT_COLOURS
from ui.trends import OTHER, WEEK

BRUSH, PICK = "brush", "pick"       # the timeline's selection names (read by ui/timeline.py)
TIMELINE_BARS, TIMELINE_SHADE = "timeline_bars", "timeline_shade"   # its named datasets
HIGHLIGHT = "#ffbf00"
OTHER_COLOUR = "#9e9e9e"


def time_axis(first: pd.Timestamp, last: pd.Timestamp, freq: str, title: str | None = None) -> alt.Axis:
    """Years on every label when the data spans more than one year ("Mar 2025"), else
    days or months ("3 Mar", "Mar"), so a multi-year axis is never a row of bare months."""
    multi_year = pd.Timestamp(first).year != pd.Timestamp(last).year
    fmt = "%b %Y" if multi_year else ("%-d %b" if freq == WEEK else "%b")
    # One tick per week or month at most: finer ticks would repeat a label ("12 Jan", "12 Jan").
    return alt.Axis(format=fmt, labelAngle=0, labelOverlap=True, title=title, grid=False,
                    tickCount={"interval": "week" if freq == WEEK else "month", "step": 1})


def _period_title(freq: str) -> str:
    return "Week (starting Monday)" if freq == WEEK else "Month"


def _colour_scale(groups: list[str], split: str) -> alt.Scale:
    if split == "event type":
        return alt.Scale(domain=groups, range=[EVENT_COLOURS.get(g, OTHER_COLOUR) for g in groups])
    palette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
               "#9c755f", "#bab0ac"]
    return alt.Scale(domain=groups, range=[OTHER_COLOUR if g == OTHER else palette[i % len(palette)]
                                           for i, g in enumerate(groups)])


def stacked(table: pd.DataFrame, freq: str, measure: str) -> pd.DataFrame:
    """Adds each bar's corners: ``period_end`` (the next period's first day, so a bar spans its
    whole week or month) and ``y0``/``y1`` (stacked in group order). Vega-Lite cannot stack a
    bar whose x is a range, so the stack is made here."""
    step = pd.Timedelta(days=7) if freq == WEEK else pd.offsets.MonthBegin(1)
    order = {g: i for i, g in enumerate(_ordered_groups(table))}
    out = table.assign(period_end=pd.to_datetime(table["period"]) + step,
                       group_rank=table["group"].map(order)).sort_values(["period", "group_rank"])
    out["y1"] = out.groupby("period")[measure].cumsum()
    out["y0"] = out["y1"] - out[measure]
    return out[out[measure] > 0]


def _domain(first: pd.Timestamp, last: pd.Timestamp, freq: str) -> list[str]:
    # The whole span, empty periods included (zero bars are not drawn).
    step = pd.Timedelta(days=7) if freq == WEEK else pd.offsets.MonthBegin(1)
    return [pd.Timestamp(first).isoformat(), (pd.Timestamp(last) + step).isoformat()]


def _ordered_groups(table: pd.DataFrame) -> list[str]:
    return list(dict.fromkeys(table["group"]))   # over_time() lists groups largest first


def _timeline(bars: alt.Data | pd.DataFrame, shade: alt.Data | pd.DataFrame | None, *, groups: list[str],
              first: pd.Timestamp, last: pd.Timestamp, freq: str, measure: str, height: int,
              legend: bool) -> alt.LayerChart:
    brush = alt.selection_interval(name=BRUSH, encodings=["x"])
    pick = alt.selection_point(name=PICK, encodings=["x"], fields=["period"])
    bar_layer = alt.Chart(bars).mark_bar(stroke="#ffffff", strokeWidth=0.3).encode(
        x=alt.X("period:T", axis=time_axis(first, last, freq, _period_title(freq)),
                scale=alt.Scale(domain=_domain(first, last, freq))),
        x2="period_end:T",
        y=alt.Y("y0:Q", title=measure.capitalize()), y2="y1:Q",
        color=alt.Color("group:N", title="Event type", scale=_colour_scale(groups, "event type"),
                        legend=alt.Legend(orient="bottom", columns=3) if legend else None),
        tooltip=[alt.Tooltip("period:T", title="From", format="%d %b %Y"), alt.Tooltip("group:N", title="Type"),
                 alt.Tooltip(f"{measure}:Q", title=measure.capitalize())],
    ).add_params(brush, pick)
    layers: list[alt.Chart] = []
    if shade is not None:
        layers.append(alt.Chart(shade).mark_rect(color=HIGHLIGHT, opacity=0.18).encode(x="start:T", x2="end:T"))
    return alt.layer(*layers, bar_layer).properties(height=height)


@functools.lru_cache(maxsize=64)
def _timeline_skeleton(freq: str, first: str, last: str, groups: tuple[str, ...], measure: str, height: int,
                       legend: bool, shaded: bool) -> str:
    """The timeline's Vega-Lite spec without its data (named datasets), as JSON."""
    chart = _timeline(alt.NamedData(name=TIMELINE_BARS), alt.NamedData(name=TIMELINE_SHADE) if shaded else None,
                      groups=list(groups), first=pd.Timestamp(first), last=pd.Timestamp(last), freq=freq,
                      measure=measure, height=height, legend=legend)
    spec = chart.to_dict()
    spec.pop("config", None)   # altair's default theme; Streamlit applies its own
    return json.dumps(spec)


def timeline_spec(table: pd.DataFrame, *, freq: str, selected: tuple[dt.date, dt.date] | None = None,
                  measure: str = "events", height: int = 150, legend: bool = True) -> dict:
    """Stacked bars per period and event type; drag to brush a range, click a bar for its period.

    ``selected`` (the current date filter) is shaded behind the bars. A Vega-Lite spec whose
    data are named datasets: from one filter to the next usually only the datasets change, so
    the spec is built once per shape (altair took ~30 ms of every filter change to build and
    validate it) and the browser's chart swaps its data instead of being compiled again.
    """
    first, last = pd.Timestamp(table["period"].min()), pd.Timestamp(table["period"].max())
    spec = json.loads(_timeline_skeleton(freq, first.isoformat(), last.isoformat(),
                                         tuple(_ordered_groups(table)), measure, height, legend,
                                         selected is not None))
    spec["datasets"] = {TIMELINE_BARS: stacked(table, freq, measure)}
    if selected is not None:
        spec["datasets"][TIMELINE_SHADE] = pd.DataFrame({"start": [pd.Timestamp(selected[0])],
                                                         "end": [pd.Timestamp(selected[1])]})
    return spec


def trend_chart(table: pd.DataFrame, *, split: str, measure: str, freq: str, height: int = 300) -> alt.Chart:
    """Stacked bars of ``measure`` per period, one colour per group of ``split``."""
    groups = _ordered_groups(table)
    first, last = table["period"].min(), table["period"].max()
    return alt.Chart(stacked(table, freq, measure)).mark_bar(stroke="#ffffff", strokeWidth=0.3).encode(
        x=alt.X("period:T", axis=time_axis(first, last, freq, _period_title(freq)),
                scale=alt.Scale(domain=_domain(first, last, freq))),
        x2="period_end:T",
        y=alt.Y("y0:Q", title=measure.capitalize()), y2="y1:Q",
        color=alt.Color("group:N", title=split.capitalize(), scale=_colour_scale(groups, split),
                        sort=groups, legend=alt.Legend(orient="bottom", columns=2, labelLimit=260)),
        tooltip=[alt.Tooltip("period:T", title="From", format="%d %b %Y"),
                 alt.Tooltip("group:N", title=split.capitalize()), alt.Tooltip("events:Q"),
                 alt.Tooltip("fatalities:Q")],
    ).properties(height=height)


def district_features(outlines_json: str, values: pd.DataFrame) -> list[dict]:
    """The district outlines (maps.basemap) with events and fatalities put into their properties."""
    districts = json.loads(outlines_json)["districts"]["features"]
    key = {(str(r.admin1).casefold(), str(r.admin2).casefold()): r for r in values.itertuples(index=False)}
    by_name = {str(r.admin2).casefold(): r for r in values.itertuples(index=False)}
    out = []
    for feature in districts:
        props = feature["properties"]
        row = key.get((props["admin1"].casefold(), props["name"].casefold())) or by_name.get(props["name"].casefold())
        out.append({"type": "Feature", "geometry": feature["geometry"],
                    "properties": {"name": props["name"], "admin1": props["admin1"],
                                   "events": int(row.events) if row else 0,
                                   "fatalities": int(row.fatalities) if row else 0}})
    return out


def choropleth(features: list[dict], *, measure: str, title: str, height: int = 460) -> alt.LayerChart:
    """Districts shaded by ``measure`` (grey where none); no tiles, the outlines are the map."""
    data = alt.Data(values=features)
    value = f"properties.{measure}"
    base = alt.Chart(data).mark_geoshape(stroke="#ffffff", strokeWidth=0.4).encode(
        tooltip=[alt.Tooltip("properties.name:N", title="District"),
                 alt.Tooltip("properties.admin1:N", title="Province"),
                 alt.Tooltip("properties.events:Q", title="Events"),
                 alt.Tooltip("properties.fatalities:Q", title="Fatalities")])
    empty = base.transform_filter(f"datum.{value} == 0").encode(color=alt.value("#e6e4de"))
    shaded = base.transform_filter(f"datum.{value} > 0").encode(
        color=alt.Color(f"{value}:Q", title=title, scale=alt.Scale(scheme="orangered", type="sqrt"),
                        legend=alt.Legend(orient="bottom")))
    return alt.layer(empty, shaded).project(type="mercator").properties(height=height)
