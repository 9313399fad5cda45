"""Filters are data: one frozen value drives pandas, SQL, the URL and the caption.

``Filters.from_query_params`` never raises: a bad URL value becomes a warning
naming the parameter and the value, and the value is ignored.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace
from collections.abc import Iterable
from typing import Any, Mapping

import numpy as np
import pandas as pd
import sqlalchemy as sa

from data.schema import EVENT_TYPES

TEXT_COLUMNS = ("location", "place_raw", "actor1", "actor2", "evidence", "notes")
ACTOR_COLUMNS = ("actor1", "actor2")
SUB_EVENT_TYPES = tuple(s for subs in EVENT_TYPES.values() for s in subs)
# URL key -> field; multi-valued keys repeat (``?district=Kech&district=Gwadar``).
LIST_PARAMS = {"province": "admin1", "district": "admin2", "type": "event_type",
               "subtype": "sub_event_type", "actor": "actor"}
PARAM_KEYS = ("from", "to", *LIST_PARAMS, "min_fatalities", "q")
# No event has more deaths than this; a larger minimum means the same (nothing) and fits every SQL integer.
MAX_MIN_FATALITIES = 10**9
UNKNOWN_VALUE = {"type": "not an ACLED event type", "subtype": "not an ACLED sub-event type",
                 "district": "no such district in the gazetteer or the stored events",
                 "province": "no such province in the gazetteer or the stored events"}


def _day(value: dt.date | pd.Timestamp | str | None) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        value = (value,)
    # NUL never occurs in a stored value, and PostgreSQL refuses it in a query.
    return tuple(dict.fromkeys(str(v).replace("\x00", "") for v in value if str(v).replace("\x00", "") != ""))


@dataclass(frozen=True, slots=True)
class Filters:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    admin1: tuple[str, ...] = ()
    admin2: tuple[str, ...] = ()
    event_type: tuple[str, ...] = ()
    sub_event_type: tuple[str, ...] = ()
    actor: tuple[str, ...] = ()          # matches actor1 or actor2
    min_fatalities: int = 0
    text: str = ""                        # literal, case-insensitive, over TEXT_COLUMNS

    def __post_init__(self) -> None:
        # Normalise so equal filters compare (and cache) equal whatever the caller passed.
        object.__setattr__(self, "date_from", _day(self.date_from))
        object.__setattr__(self, "date_to", _day(self.date_to))
        for name in ("admin1", "admin2", "event_type", "sub_event_type", "actor"):
            object.__setattr__(self, name, _tuple(getattr(self, name)))
        object.__setattr__(self, "min_fatalities", min(max(int(self.min_fatalities or 0), 0), MAX_MIN_FATALITIES))
        object.__setattr__(self, "text", (self.text or "").replace("\x00", "").strip())

    @property
    def is_empty(self) -> bool:
        return self == Filters()

    def replace(self, **changes: Any) -> Filters:
        return replace(self, **changes)

    # ---- pandas -------------------------------------------------------------------------------------

    def mask(self, df: pd.DataFrame) -> pd.Series:
        """Boolean Series over ``df`` (vectorised; NA never matches a set filter)."""
        keep = pd.Series(True, index=df.index)
        if self.date_from is not None or self.date_to is not None:
            dates = pd.to_datetime(df["event_date"])
            if self.date_from is not None:
                keep &= (dates >= pd.Timestamp(self.date_from)).fillna(False)
            if self.date_to is not None:
                keep &= (dates <= pd.Timestamp(self.date_to)).fillna(False)
        for name in ("admin1", "admin2", "event_type", "sub_event_type"):
            wanted = getattr(self, name)
            if wanted:
                keep &= df[name].isin(wanted).fillna(False).astype(bool)
        if self.actor:
            hit = pd.Series(False, index=df.index)
            for column in ACTOR_COLUMNS:
                hit |= df[column].isin(self.actor).fillna(False).astype(bool)
            keep &= hit
        if self.min_fatalities > 0:
            keep &= (pd.to_numeric(df["fatalities"]).fillna(0) >= self.min_fatalities).astype(bool)
        if self.text:
            hit = pd.Series(False, index=df.index)
            for column in TEXT_COLUMNS:
                hit |= (df[column].astype("string").str.contains(self.text, case=False, regex=False)
                        .fillna(False).astype(bool))
            keep &= hit
        return keep

    @property
    def columns(self) -> tuple[str, ...]:
        """The columns the set filters read (``mask`` touches no other)."""
        used: list[str] = []
        if self.date_from is not None or self.date_to is not None:
            used.append("event_date")
        used += [name for name in ("admin1", "admin2", "event_type", "sub_event_type") if getattr(self, name)]
        if self.actor:
            used += ACTOR_COLUMNS
        if self.min_fatalities > 0:
            used.append("fatalities")
        if self.text:
            used += TEXT_COLUMNS
        return tuple(dict.fromkeys(used))

    def apply(self, df: pd.DataFrame) -> pd.DataFrame:
        return df if self.is_empty else df[self.mask(df)]

    def rows(self, df: pd.DataFrame, order: np.ndarray | None = None) -> np.ndarray:
        """Positions (into ``df``) of the matching rows, in ``order`` (default: ``df``'s own).

        No column is copied: a consumer takes just the columns it needs at these positions.
        """
        order = np.arange(len(df), dtype=np.intp) if order is None else np.asarray(order, dtype=np.intp)
        if self.is_empty:
            return order
        keep = self.mask(df[list(self.columns)]).to_numpy(dtype=bool)
        return order[keep[order]]

    # ---- SQL ----------------------------------------------------------------------------------------

    def to_sql(self, table: sa.Table | None = None) -> sa.ColumnElement[bool]:
        """A WHERE clause over the events table (``sa.true()`` when nothing is set)."""
        if table is None:
            from data.tables import EVENTS as table  # noqa: N811 - the default table
        c = table.c
        clauses: list[sa.ColumnElement[bool]] = []
        if self.date_from is not None:
            clauses.append(c.event_date >= self.date_from)
        if self.date_to is not None:
            clauses.append(c.event_date <= self.date_to)
        for name in ("admin1", "admin2", "event_type", "sub_event_type"):
            wanted = getattr(self, name)
            if wanted:
                clauses.append(c[name].in_(wanted))
        if self.actor:
            clauses.append(sa.or_(*(c[col].in_(self.actor) for col in ACTOR_COLUMNS)))
        if self.min_fatalities > 0:
            clauses.append(c.fatalities >= self.min_fatalities)
        if self.text:
            needle = self.text.lower()
            clauses.append(sa.or_(*(sa.func.lower(c[col]).contains(needle, autoescape=True)
                                    for col in TEXT_COLUMNS)))
        return sa.and_(sa.true(), *clauses)

    def select(self, table: sa.Table | None = None) -> sa.Select:
        if table is None:
            from data.tables import EVENTS as table  # noqa: N811
        return sa.select(table).where(self.to_sql(table)).order_by(table.c.event_date, table.c.event_id_cnty)

    # ---- URL ----------------------------------------------------------------------------------------

    def to_query_params(self) -> dict[str, str | list[str]]:
        """Only the set filters; lists for multi-valued keys (feed to ``st.query_params.from_dict``)."""
        params: dict[str, str | list[str]] = {}
        if self.date_from is not None:
            params["from"] = self.date_from.isoformat()
        if self.date_to is not None:
            params["to"] = self.date_to.isoformat()
        for key, name in LIST_PARAMS.items():
            if getattr(self, name):
                params[key] = list(getattr(self, name))
        if self.min_fatalities > 0:
            params["min_fatalities"] = str(self.min_fatalities)
        if self.text:
            params["q"] = self.text
        return params

    @classmethod
    def from_query_params(cls, params: Mapping[str, Any], *,
                          known: Mapping[str, Iterable[str]] | None = None) -> tuple[Filters, list[str]]:
        """Parse URL parameters (a dict of str/list, or Streamlit's ``st.query_params``); never raises.

        ``known`` maps a list key (``"district"``, ``"province"``) to the values that exist
        (stored or in the gazetteer): any other value is warned about and ignored, and a
        value differing only in case is taken in its known spelling.
        """
        warnings: list[str] = []
        values: dict[str, Any] = {}

        def all_of(key: str) -> list[str]:
            if hasattr(params, "get_all"):
                raw: Any = params.get_all(key)
            else:
                raw = params.get(key)
            if raw is None:
                return []
            items = [raw] if isinstance(raw, str) else list(raw)
            return [str(v).strip() for v in items if str(v).strip() != ""]

        for key, name in (("from", "date_from"), ("to", "date_to")):
            for raw in all_of(key)[-1:]:
                try:
                    values[name] = dt.date.fromisoformat(raw)
                except ValueError:
                    warnings.append(f"Ignored {key}={raw!r}: expected a date like 2026-01-31.")
        if "date_from" in values and "date_to" in values and values["date_from"] > values["date_to"]:
            warnings.append(f"Ignored to={values['date_to'].isoformat()!r}: it is before "
                            f"from={values['date_from'].isoformat()!r}.")
            del values["date_to"]
        allowed: dict[str, tuple[str, ...]] = {"type": tuple(EVENT_TYPES), "subtype": SUB_EVENT_TYPES}
        allowed.update({key: tuple(names) for key, names in (known or {}).items() if key in LIST_PARAMS})
        for key, name in LIST_PARAMS.items():
            kept = []
            for raw in all_of(key):
                valid = allowed.get(key)
                if valid is not None and raw not in valid:
                    match = next((v for v in valid if v.lower() == raw.lower()), None)
                    if match is None:
                        warnings.append(f"Ignored {key}={raw!r}: {UNKNOWN_VALUE.get(key, 'not a known value')}.")
                        continue
                    raw = match
                kept.append(raw)
            if kept:
                values[name] = tuple(kept)
        for raw in all_of("min_fatalities")[-1:]:
            if raw.isascii() and raw.isdigit():
                # Python refuses int() of a string of over 4,300 digits; any such number is "more than any toll".
                values["min_fatalities"] = int(raw) if len(raw) <= 18 else MAX_MIN_FATALITIES
            else:
                warnings.append(f"Ignored min_fatalities={raw!r}: expected a whole number >= 0.")
        q = all_of("q")
        if q:
            values["text"] = q[-1]
        return cls(**values), warnings

    # ---- caption ------------------------------------------------------------------------------------

    def describe(self, n: int, span: tuple[dt.date, dt.date] | None = None) -> str:
        """A caption such as "17 events in Kech and Gwadar, January 2026".

        ``span`` (first and last day of the shown events) names the period when no date
        filter does: "10 events in Balochistan, Sep 2023 - Jan 2026".
        """
        head = f"{n:,} event{'' if n == 1 else 's'}"
        places = self.admin2 or self.admin1
        if places:
            head += f" in {_join(places, 'districts' if self.admin2 else 'provinces')}"
        parts = [head]
        period = _period(self.date_from, self.date_to)
        if not period and span is not None and n:
            period = _span(*span)
        if period:
            parts.append(period)
        kinds = self.sub_event_type or self.event_type
        if kinds:
            parts.append(_join(kinds, "event types"))
        if self.actor:
            parts.append(f"involving {_join(self.actor, 'actors')}")
        if self.min_fatalities > 0:
            parts.append(f"at least {self.min_fatalities} "
                         f"{'fatality' if self.min_fatalities == 1 else 'fatalities'} each")
        if self.text:
            parts.append(f'matching "{self.text}"')
        return ", ".join(parts)


def _join(items: tuple[str, ...], noun: str) -> str:
    if len(items) == 1:
        return items[0]
    if len(items) <= 3:
        return ", ".join(items[:-1]) + " and " + items[-1]
    return f"{', '.join(items[:2])} and {len(items) - 2} other {noun}"


def _span(first: dt.date, last: dt.date) -> str:
    """The months the shown events cover: "Sep 2023 - Jan 2026", "March 2026", "12 Mar 2026"."""
    first, last = _day(first), _day(last)
    if first == last:
        return _short(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first:%B %Y}"
    if first.year == last.year:
        return f"{first:%b} - {last:%b %Y}"
    return f"{first:%b %Y} - {last:%b %Y}"


def _short(day: dt.date, *, year: bool = True) -> str:
    return f"{day.day} {day:%b}" + (f" {day.year}" if year else "")


def _period(start: dt.date | None, end: dt.date | None) -> str:
    if start is None and end is None:
        return ""
    if end is None:
        return f"since {_short(start)}"
    if start is None:
        return f"until {_short(end)}"
    whole_months = start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]
    if whole_months and (start.month, end.month) == (1, 12):
        return str(start.year) if start.year == end.year else f"{start.year} - {end.year}"
    if whole_months and (start.year, start.month) == (end.year, end.month):
        return f"{start:%B %Y}"
    if whole_months and start.year == end.year:
        return f"{start:%B} - {end:%B %Y}"
    if start == end:
        return _short(start)
    if start.year == end.year:
        return f"{_short(start, year=False)} - {_short(end)}"
    return f"{_short(start)} - {_short(end)}"

