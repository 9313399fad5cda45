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
    number, valid = _period_numbers(dates, freq)
    starts = np.where(valid, _period_timestamps(np.where(valid, number, 0), freq), np.datetime64("NaT", "ns"))
    return pd.Series(starts, index=getattr(dates, "index", None))


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


def _group_codes(column: pd.Series) -> tuple[np.ndarray, list[str]]:
    """Each value as a code into ``names`` (stripped; missing or blank -> -1), like ``_group_names``."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        stripped = pd.Series(column.cat.categories, dtype="string").str.strip()
        merged, names = pd.factorize(stripped.where(stripped != "", pd.NA))   # " x" and "x" are one group
        codes = column.cat.codes.to_numpy()
        return np.where(codes >= 0, np.append(merged, -1)[codes], -1), [str(n) for n in names]
    codes, names = pd.factorize(_group_names(column))
    return codes, [str(n) for n in names]


def _period_numbers(dates: pd.Series, freq: str) -> tuple[np.ndarray, np.ndarray]:
    """(number, valid): each date's month (months since 1970) or week (its Monday, days since 1970)."""
    days = pd.to_datetime(dates, errors="coerce").to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
    valid = ~np.isnat(days)
    if freq == WEEK:
        number = days.astype(np.int64)
        return number - (number + 3) % 7, valid   # 1 Jan 1970 was a Thursday
    return days.astype("datetime64[M]").astype(np.int64), valid


def _period_timestamps(number: np.ndarray, freq: str) -> np.ndarray:
    """Period numbers (see ``_period_numbers``) as midnight timestamps of their first day."""
    unit = "datetime64[D]" if freq == WEEK else "datetime64[M]"
    return number.astype(unit).astype("datetime64[ns]")


def _period_starts(first: int, last: int, freq: str) -> pd.DatetimeIndex:
    return pd.DatetimeIndex(_period_timestamps(np.arange(first, last + 1, 7 if freq == WEEK else 1), freq))


def over_time(frame: pd.DataFrame, *, split: str = "event type", freq: str = MONTH, top: int = 8) -> pd.DataFrame:
    """Events and fatalities per period and group: columns period, group, events, fatalities.

    The ``top`` groups by events keep their name, the rest are summed as "Other"; every
    period of the covered span is present (zeros included) so a time axis never skips.
    Counted on integer codes (groups, periods) with one bincount: on strings and timestamps
    it was most of a filter change at 1,000,000 events.
    """
    if split not in SPLITS:
        raise ConfigurationError(f"unknown split {split!r}; expected one of: {', '.join(SPLITS)}")
    check_freq(freq)
    columns = ["period", "group", "events", "fatalities"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    period, valid = _period_numbers(frame["event_date"], freq)
    deaths = _fatalities(frame).to_numpy(dtype="float64")
    multi = len(SPLITS[split]) > 1          # actors: a missing second actor is no group
    index: dict[str, int] = {}
    groups, rows = [], []                    # per event and group: the group's code, the event's row
    for column in SPLITS[split]:
        codes, found = _group_codes(frame[column]) if column in frame else (np.full(len(frame), -1), [])
        if not multi and (codes[valid] < 0).any():
            found = [*found, UNKNOWN]
            codes = np.where(codes >= 0, codes, len(found) - 1)
        remap = np.array([index.setdefault(name, len(index)) for name in found], dtype=np.int64)
        keep = np.flatnonzero(valid & (codes >= 0))
        groups.append(remap[codes[keep]])
        rows.append(keep)
    names = list(index)
    group, row = np.concatenate(groups), np.concatenate(rows)
    if len(row) == 0:
        return pd.DataFrame(columns=columns)
    counts = np.bincount(group, minlength=len(names))
    ranked = sorted(range(len(names)), key=lambda g: (-counts[g], names[g]))
    kept = [g for g in ranked[:top] if counts[g]]
    rest = [g for g in ranked[top:] if counts[g]]
    labels = [names[g] for g in kept] + ([OTHER] if rest else [])
    slot = np.full(len(names), len(kept), dtype=np.int64)   # the rest share the "Other" slot
    slot[kept] = np.arange(len(kept))
    first, last = int(period[row].min()), int(period[row].max())
    starts = _period_starts(first, last, freq)
    step = 7 if freq == WEEK else 1
    cell = (period[row] - first) // step * len(labels) + slot[group]
    size = len(starts) * len(labels)
    events = np.bincount(cell, minlength=size)
    fatalities = np.bincount(cell, weights=deaths[row], minlength=size)
    return pd.DataFrame({"period": np.repeat(starts, len(labels)), "group": labels * len(starts),
                         "events": events.astype(int), "fatalities": fatalities.astype(int)})[columns]


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
