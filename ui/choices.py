"""What the sidebar filters offer: the stored provinces, districts, actors and days.

Read once per stored data version (ui/loaders.filter_choices), not on every rerun: over
100,000 events the distinct values and the date span took a tenth of a filter change.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

import pandas as pd


@dataclass(frozen=True, slots=True)
class FilterChoices:
    provinces: tuple[str, ...]
    districts: tuple[str, ...]
    districts_by_province: Mapping[str, tuple[str, ...]]
    actors: tuple[str, ...]
    days: tuple[dt.date, dt.date] | None   # the first and last stored event day

    def districts_in(self, provinces: Iterable[str]) -> tuple[str, ...]:
        """The districts of ``provinces`` (every district when none is chosen)."""
        chosen = set(provinces)
        if not chosen:
            return self.districts
        return tuple(sorted({d for p in chosen for d in self.districts_by_province.get(p, ())}))


def _texts(values: pd.Series) -> set[str]:
    return {str(v) for v in values.dropna().unique() if str(v).strip()}


def _values(frame: pd.DataFrame, *columns: str) -> tuple[str, ...]:
    found: set[str] = set()
    for column in columns:
        if column in frame:
            found |= _texts(frame[column])
    return tuple(sorted(found))


def _days(frame: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    if "event_date" not in frame:
        return None
    dates = pd.to_datetime(frame["event_date"], errors="coerce").dropna()
    return (dates.min().date(), dates.max().date()) if len(dates) else None


def _districts_by_province(frame: pd.DataFrame) -> Mapping[str, tuple[str, ...]]:
    if "admin1" not in frame or "admin2" not in frame:
        return MappingProxyType({})
    pairs = frame[["admin1", "admin2"]].dropna().drop_duplicates()
    grouped: dict[str, set[str]] = {}
    for province, district in zip(pairs["admin1"].astype(str), pairs["admin2"].astype(str)):
        if province.strip() and district.strip():
            grouped.setdefault(province, set()).add(district)
    return MappingProxyType({p: tuple(sorted(ds)) for p, ds in grouped.items()})


def read_choices(frame: pd.DataFrame) -> FilterChoices:
    """The choices the stored events in ``frame`` give the filter widgets."""
    return FilterChoices(provinces=_values(frame, "admin1"), districts=_values(frame, "admin2"),
                         districts_by_province=_districts_by_province(frame),
                         actors=_values(frame, "actor1", "actor2"), days=_days(frame))
