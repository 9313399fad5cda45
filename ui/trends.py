"""Events and fatalities over time, periods compared, places and actors ranked (plain pandas).

The Trends page and the timelines draw what these functions return; nothing here calls
Streamlit, so every number can be checked against a hand-made frame.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from errors import ConfigurationError

WEEK, MONTH = "week", "month"
FREQS = (WEEK, MONTH)
# Splits offered on the Trends page -> the column(s) holding the group.
# Every column the trend figures read: the pages hand them only these.
TREND_COLUMNS = ("event_date", "event_type", "fatalities", "admin1", "admin2", "actor1", "actor2")
SPLITS: dict[str, tuple[str, ...]] = {"event type": ("event_type",), "actor": ("actor1", "actor2"),
                                      "district": ("admin2",), "province": ("admin1",)}
OTHER = "Other"
UNKNOWN = "Unknown"
WEEKLY_MAX_DAYS = 183      # a longer span is shown by month


def check_freq(freq: str) -> str:
    if freq not in FREQS:
        raise ConfigurationError(f"unknown period {freq!r}; expected one of: {', '.join(FREQS)}")
    return freq


def auto_freq(first: dt.date, last: dt.date) -> str:
    return WEEK if (last - first).days <= WEEKLY_MAX_DAYS else MONTH


def period_start(dates: pd.Series, freq: str) -> pd.Series:
    """The first day of each date's week (Monday) or month, as midnight timestamps."""
    check_freq(freq)
    dates = pd.to_datetime(dates, errors="coerce").dt.normalize()
    if freq == WEEK:
        return dates - pd.to_timedelta(dates.dt.day_of_week, unit="D")
    return dates - pd.to_timedelta(dates.dt.day - 1, unit="D")


def period_end(start: pd.Timestamp | dt.date, freq: str) -> dt.date:
    """The last day of the week or month that begins at ``start``."""
    start = pd.Timestamp(start)
    end = start + pd.Timedelta(days=6) if check_freq(freq) == WEEK else start + pd.offsets.MonthEnd(0)
    return end.date()


def _fatalities(frame: pd.DataFrame) -> pd.Series:
    return pd.to_numeric(frame["fatalities"], errors="coerce").fillna(0).clip(lower=0)


def _group_names(column: pd.Series) -> pd.Series:
    """Each value stripped, "" as missing; a category column's names are stripped once per category.

    (Stripping a million category values one by one was half of a timeline at 1,000,000 events.)
    """
    if not isinstance(column.dtype, pd.CategoricalDtype):
        return column.astype("string").str.strip().replace("", pd.NA)
    names = pd.Series(column.cat.categories, dtype="string").str.strip()
    names = names.where(names != "", pd.NA).to_numpy(dtype=object, na_value=None)
    codes = column.cat.codes.to_numpy()
    values = np.append(names, None)[np.where(codes >= 0, codes, len(names))]
    return pd.Series(values, index=column.index, dtype=object)


def _long(frame: pd.DataFrame, split: str) -> pd.DataFrame:
    """One row per (event, group): an event with two actors counts once for each of them."""
    columns = SPLITS[split]
    base = pd.DataFrame({"event_date": frame["event_date"], "fatalities": _fatalities(frame)})
    parts = []
    for column in columns:
        group = _group_names(frame[column]) if column in frame else None
        part = base.assign(group=group if group is not None else pd.NA)
        if len(columns) > 1:          # a missing second actor is no group
            part = part[part["group"].notna()]
        parts.append(part)
    out = pd.concat(parts, ignore_index=True)
    out["group"] = out["group"].fillna(UNKNOWN).astype(str)
    return out


def over_time(frame: pd.DataFrame, *, split: str = "event type", freq: str = MONTH, top: int = 8) -> pd.DataFrame:
    """Events and fatalities per period and group: columns period, group, events, fatalities.

    The ``top`` groups by events keep their name, the rest are summed as "Other"; every
    period of the covered span is present (zeros included) so a time axis never skips.
    """
    if split not in SPLITS:
        raise ConfigurationError(f"unknown split {split!r}; expected one of: {', '.join(SPLITS)}")
    check_freq(freq)
    columns = ["period", "group", "events", "fatalities"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    rows = _long(frame, split)
    rows["period"] = period_start(rows["event_date"], freq)
    rows = rows.dropna(subset=["period"])
    if rows.empty:
        return pd.DataFrame(columns=columns)
    ranked = rows.groupby("group")["fatalities"].size().sort_values(ascending=False, kind="stable")
    keep = set(ranked.index[:top])
    rows["group"] = rows["group"].where(rows["group"].isin(keep), OTHER)
    table = (rows.groupby(["period", "group"]).agg(events=("fatalities", "size"), fatalities=("fatalities", "sum"))
             .reset_index())
    periods = pd.date_range(table["period"].min(), table["period"].max(),
                            freq="W-MON" if freq == WEEK else "MS")
    groups = [g for g in ranked.index if g in keep] + ([OTHER] if OTHER in set(table["group"]) else [])
    full = pd.MultiIndex.from_product([periods, groups], names=["period", "group"])
    table = table.set_index(["period", "group"]).reindex(full, fill_value=0).reset_index()
    table["events"] = table["events"].astype(int)
    table["fatalities"] = table["fatalities"].astype(int)
    return table[columns]


@dataclass(frozen=True, slots=True)
class Totals:
    start: dt.date
    end: dt.date
    events: int
    fatalities: int


@dataclass(frozen=True, slots=True)
class Comparison:
    current: Totals
    previous: Totals          # the same number of days, just before

    @property
    def days(self) -> int:
        return (self.current.end - self.current.start).days + 1

    @property
    def events_change(self) -> int:
        return self.current.events - self.previous.events

    @property
    def fatalities_change(self) -> int:
        return self.current.fatalities - self.previous.fatalities

    @staticmethod
    def percent(now: int, before: int) -> str:
        """"+50%", "-20%", "new" (nothing before), "0%"."""
        if now == before:
            return "0%"
        if before == 0:
            return "new"
        return f"{(now - before) / before:+.0%}"


def totals(frame: pd.DataFrame, start: dt.date, end: dt.date) -> Totals:
    dates = pd.to_datetime(frame["event_date"], errors="coerce")
    inside = (dates >= pd.Timestamp(start)) & (dates <= pd.Timestamp(end))
    return Totals(start, end, int(inside.sum()), int(_fatalities(frame)[inside.fillna(False)].sum()))


def compare_periods(frame: pd.DataFrame, start: dt.date, end: dt.date) -> Comparison:
    """``[start, end]`` against the period of the same length just before it.

    ``frame`` must hold every date (filtered by everything except the dates): the
    previous period lies outside the date filter.
    """
    if end < start:
        raise ConfigurationError(f"period ends ({end}) before it starts ({start})")
    length = (end - start).days + 1
    previous_end = start - dt.timedelta(days=1)
    previous_start = previous_end - dt.timedelta(days=length - 1)
    return Comparison(totals(frame, start, end), totals(frame, previous_start, previous_end))


def current_period(date_from: dt.date | None, date_to: dt.date | None, frame: pd.DataFrame,
                   window_days: int) -> tuple[dt.date, dt.date] | None:
    """The period Trends compares: the date filter when set (an open end closed by the data),
    else the last ``window_days`` up to the latest event."""
    dates = pd.to_datetime(frame["event_date"], errors="coerce").dropna() if "event_date" in frame else pd.Series()
    if date_from is not None or date_to is not None:
        if dates.empty and (date_from is None or date_to is None):
            return None
        start = date_from or dates.min().date()
        end = date_to or max(dates.max().date(), start)
        return start, end
    if dates.empty:
        return None
    end = dates.max().date()
    return end - dt.timedelta(days=window_days - 1), end


def ranking(frame: pd.DataFrame, split: str, *, top: int = 10) -> pd.DataFrame:
    """Groups with most events (then fatalities): columns = the split's name, events, fatalities."""
    rows = _long(frame, split) if len(frame) else pd.DataFrame(columns=["group", "fatalities"])
    table = (rows.groupby("group").agg(events=("fatalities", "size"), fatalities=("fatalities", "sum"))
             .reset_index().sort_values(["events", "fatalities", "group"], ascending=[False, False, True]))
    table["fatalities"] = table["fatalities"].astype(int)
    return table.head(top).rename(columns={"group": split}).reset_index(drop=True)


def by_district(frame: pd.DataFrame) -> pd.DataFrame:
    """Events and fatalities per (province, district): columns admin1, admin2, events, fatalities."""
    known = frame[frame["admin2"].notna()] if "admin2" in frame else frame.iloc[0:0]
    table = (pd.DataFrame({"admin1": known["admin1"].astype("string").fillna(""),
                           "admin2": known["admin2"].astype("string"), "fatalities": _fatalities(known)})
             .groupby(["admin1", "admin2"]).agg(events=("fatalities", "size"), fatalities=("fatalities", "sum"))
             .reset_index())
    table["fatalities"] = table["fatalities"].astype(int)
    return table.sort_values(["events", "fatalities"], ascending=False).reset_index(drop=True)
