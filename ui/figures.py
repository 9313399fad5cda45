"""Headline figures and the weekly timeline of the Overview page (plain pandas)."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


# Every column the Overview's figures read.
FIGURE_COLUMNS = ("event_date", "event_type", "fatalities", "admin2", "latitude", "longitude")


@dataclass(frozen=True, slots=True)
class Headline:
    events: int
    fatalities: int
    districts: int
    unlocated: int


def headline(frame: pd.DataFrame) -> Headline:
    fatalities = pd.to_numeric(frame["fatalities"], errors="coerce").fillna(0)
    unlocated = frame["latitude"].isna() | frame["longitude"].isna()
    return Headline(
        events=len(frame),
        fatalities=int(fatalities.sum()),
        districts=int(frame["admin2"].dropna().astype("string").str.strip().replace("", pd.NA).nunique()),
        unlocated=int(unlocated.sum()),
    )


def weekly_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """Events per week (weeks start on Monday) and event type: index = week, one column per type.

    Weeks without events inside the covered span are kept as zeros so the chart's time axis
    is not misleading.
    """
    if frame.empty:
        return pd.DataFrame(index=pd.DatetimeIndex([], name="week"))
    dates = pd.to_datetime(frame["event_date"], errors="coerce")
    week = (dates - pd.to_timedelta(dates.dt.day_of_week, unit="D")).dt.normalize()
    types = frame["event_type"].astype("string").fillna("Unknown")
    counts = (pd.DataFrame({"week": week, "event_type": types}).dropna(subset=["week"])
              .groupby(["week", "event_type"]).size().unstack("event_type", fill_value=0))
    if counts.empty:
        return counts
    full = pd.date_range(counts.index.min(), counts.index.max(), freq="W-MON", name="week")
    return counts.reindex(full, fill_value=0).sort_index(axis=1)


def fatalities_by_district(frame: pd.DataFrame, top: int = 15) -> pd.DataFrame:
    """The districts with most fatalities (events and fatalities), largest first."""
    known = frame[frame["admin2"].notna()]
    table = (known.assign(fatalities=pd.to_numeric(known["fatalities"], errors="coerce").fillna(0))
             .groupby(known["admin2"].astype("string"), observed=True)
             .agg(events=("event_type", "size"), fatalities=("fatalities", "sum")))
    table["fatalities"] = table["fatalities"].astype(int)
    return table.sort_values(["fatalities", "events"], ascending=False).head(top).rename_axis("district")
