"""Typed event frames, and importing event files (our CSV/JSON/GeoJSON or an ACLED export).

``to_frame`` is the one place that gives a frame its schema dtypes:
dates ``datetime64[ns]`` (midnight), counts nullable ``Int64``, coordinates
``float64`` (NaN when unlocated), categories ``category`` (missing = NA) and
free text ``string`` (missing = ``""``, so text search needs no NA handling).
"""
from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

import numpy as np
import pandas as pd

from data.schema import (CATEGORY, COLUMN_NAMES, COLUMNS, DATE, DISORDER_TYPES, EVENT_TYPES, FLOAT,
                         INT, KEY, ORIGINS, STRING, make_event_id)
from errors import SchemaError

DATE_DTYPE = "datetime64[ns]"
# ACLED exports have used both; anything else is rejected rather than guessed (3/4 vs 4/3).
DATE_FORMATS = ("ISO8601", "%d %B %Y", "%d %b %Y", "%d-%B-%Y", "%d-%b-%Y")
INT_BOUNDS: dict[str, tuple[int, int]] = {
    "time_precision": (1, 3), "geo_precision": (1, 3), "fatalities": (0, 100_000),
    "year": (1900, 2100), "iso": (0, 999), "timestamp": (0, 2**40),
}
COORD_BOUNDS = {"latitude": 90.0, "longitude": 180.0}


@dataclass(frozen=True, slots=True)
class Reject:
    row: int       # CSV: the spreadsheet row (header = 1); JSON: 1-based record number
    column: str
    value: str
    reason: str


@dataclass(frozen=True, slots=True)
class LoadResult:
    frame: pd.DataFrame
    rejects: list[Reject] = field(default_factory=list)


def dtype_of(kind: str) -> Any:
    return {STRING: "string", INT: "Int64", FLOAT: "float64", DATE: DATE_DTYPE, CATEGORY: "category"}[kind]


def empty_frame() -> pd.DataFrame:
    return to_frame([])


def _typed(name: str, kind: str, values: pd.Series) -> pd.Series:
    try:
        if kind == DATE:
            return pd.to_datetime(values.replace("", None), format="mixed").dt.normalize().astype(DATE_DTYPE)
        if kind == INT:
            return pd.to_numeric(values.replace("", None)).astype("Int64")
        if kind == FLOAT:
            return pd.to_numeric(values.replace("", None)).astype("float64")
        if kind == CATEGORY:
            text = values.astype("string").replace("", pd.NA)
            return text.astype("category")
        return values.astype("string").fillna("")
    except (ValueError, TypeError) as exc:
        raise SchemaError(f"column {name!r} ({kind}) holds a value that does not convert: {exc}") from exc


def to_frame(rows: Iterable[Mapping[str, Any]] | pd.DataFrame) -> pd.DataFrame:
    """A frame with exactly ``COLUMN_NAMES``, in order, typed from the schema (extra keys dropped)."""
    frame = rows.copy() if isinstance(rows, pd.DataFrame) else pd.DataFrame.from_records(list(rows))
    n = len(frame)
    out: dict[str, pd.Series] = {}
    for col in COLUMNS:
        values = frame[col.name] if col.name in frame.columns else pd.Series([None] * n, dtype=object)
        out[col.name] = _typed(col.name, col.kind, values.reset_index(drop=True))
    return pd.DataFrame(out, columns=list(COLUMN_NAMES))


# ---- import -----------------------------------------------------------------------------------------


def _read_bytes(source: str | Path | bytes, filename: str) -> bytes:
    if isinstance(source, bytes):
        return source
    try:
        return Path(source).read_bytes()
    except OSError as exc:
        raise SchemaError(f"{filename}: cannot read the file ({exc.strerror or exc})") from exc


def _records_from_json(raw: str, filename: str) -> list[dict[str, Any]]:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise SchemaError(f"{filename}: not valid JSON ({exc.msg} at line {exc.lineno})") from exc
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        records = []
        for feature in data.get("features") or []:
            props = dict(feature.get("properties") or {})
            coords = (feature.get("geometry") or {}).get("coordinates")
            if coords and len(coords) >= 2:
                props.setdefault("longitude", coords[0])
                props.setdefault("latitude", coords[1])
            records.append(props)
        return records
    if isinstance(data, dict) and isinstance(data.get("events"), list):
        data = data["events"]
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise SchemaError(f"{filename}: expected a JSON list of event objects, "
                          "an object with an 'events' list, or a GeoJSON FeatureCollection")
    return data


def _raw_frame(data: bytes, filename: str) -> tuple[pd.DataFrame, int]:
    """The file's cells as text (``""`` for empty) and the offset from index to reported row number."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SchemaError(f"{filename}: not UTF-8 text (byte {exc.start}); save the file as UTF-8 CSV or JSON") from exc
    if not text.strip():
        raise SchemaError(f"{filename}: the file is empty")
    suffix = Path(filename).suffix.lower()
    if suffix in (".json", ".geojson"):
        records = _records_from_json(text, filename)
        frame = pd.DataFrame.from_records(records) if records else pd.DataFrame()
        frame = frame.astype(object).where(frame.notna(), "").map(lambda v: "" if v is None else str(v))
        return frame, 1
    if suffix not in (".csv", ".txt", ""):
        raise SchemaError(f"{filename}: unsupported file type {suffix!r}; expected .csv, .json or .geojson")
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, skipinitialspace=True)
    except (pd.errors.ParserError, ValueError) as exc:
        raise SchemaError(f"{filename}: not a readable CSV ({exc})") from exc
    return frame, 2


def _date_series(values: pd.Series) -> pd.Series:
    parsed = pd.Series(pd.NaT, index=values.index, dtype=DATE_DTYPE)
    for fmt in DATE_FORMATS:
        todo = parsed.isna() & (values != "")
        if not todo.any():
            break
        parsed[todo] = pd.to_datetime(values[todo], format=fmt, errors="coerce")
    return parsed


def read_events(source: str | Path | bytes, *, filename: str) -> LoadResult:
    """Validate every row of an event file; good rows become a typed frame, bad rows become ``Reject``s.

    Raises ``SchemaError`` when the file as a whole cannot be used.
    """
    raw, offset = _raw_frame(_read_bytes(source, filename), filename)
    raw.columns = [str(c).strip().lower() for c in raw.columns]
    raw = raw.loc[:, ~raw.columns.duplicated()]
    missing = [c.name for c in COLUMNS if c.required and c.name != KEY and c.name not in raw.columns]
    if "event_date" in missing:
        raise SchemaError(f"{filename}: no 'event_date' column (columns found: {', '.join(raw.columns[:12])})")
    if missing:
        raise SchemaError(f"{filename}: required column(s) missing: {', '.join(missing)}")
    raw = raw[[c for c in COLUMN_NAMES if c in raw.columns]].reset_index(drop=True)
    for name in COLUMN_NAMES:
        if name not in raw.columns:
            raw[name] = ""
    raw = raw[list(COLUMN_NAMES)].astype(str).apply(lambda s: s.str.strip())

    rejects: list[Reject] = []
    bad = pd.Series(False, index=raw.index)

    def reject(mask: pd.Series, column: str, reason: str) -> None:
        nonlocal bad
        for i in np.flatnonzero(mask.to_numpy()):
            rejects.append(Reject(int(i) + offset, column, raw.at[i, column], reason))
        bad = bad | mask

    for col in COLUMNS:
        if col.required and col.name != KEY:
            reject(raw[col.name] == "", col.name, "required value is empty")
    dates = _date_series(raw["event_date"])
    reject(dates.isna() & (raw["event_date"] != ""), "event_date",
           "not a date (expected YYYY-MM-DD or like '31 January 2026')")
    numbers: dict[str, pd.Series] = {}
    for col in COLUMNS:
        if col.kind not in (INT, FLOAT):
            continue
        text = raw[col.name]
        num = pd.to_numeric(text.str.replace(",", "", regex=False).replace("", None), errors="coerce")
        reject(num.isna() & (text != ""), col.name, f"not a number (expected {'a whole number' if col.kind == INT else 'a decimal number'})")
        if col.kind == INT:
            reject(num.notna() & (num != num.round()), col.name, "not a whole number")
            lo, hi = INT_BOUNDS.get(col.name, (-(2**62), 2**62))
            reject(num.notna() & ((num < lo) | (num > hi)), col.name, f"out of range (expected {lo} to {hi})")
        else:
            limit = COORD_BOUNDS[col.name]
            reject(num.abs() > limit, col.name, f"out of range (expected -{limit:g} to {limit:g})")
        numbers[col.name] = num
    one_coord = numbers["latitude"].isna() != numbers["longitude"].isna()
    reject(one_coord & numbers["longitude"].isna(), "longitude", "latitude given without longitude")
    reject(one_coord & numbers["latitude"].isna(), "latitude", "longitude given without latitude")

    etype, sub = raw["event_type"], raw["sub_event_type"]
    known = etype.isin(list(EVENT_TYPES))
    reject(~known & (etype != ""), "event_type", f"not an ACLED event type (expected one of: {', '.join(EVENT_TYPES)})")
    pairs = set((t, s) for t, subs in EVENT_TYPES.items() for s in subs)
    sub_ok = pd.Series([(t, s) in pairs for t, s in zip(etype, sub)], index=raw.index, dtype=bool)
    reject(known & (sub != "") & ~sub_ok, "sub_event_type", "not a sub-event type of this row's event_type")
    reject(~raw["origin"].isin(ORIGINS + ("",)), "origin", f"expected one of: {', '.join(ORIGINS)}")
    reject(~raw["geo_status"].isin(("located", "unlocated", "")), "geo_status", "expected 'located' or 'unlocated'")

    good = raw[~bad].copy()
    good_dates = dates[~bad]
    good["event_date"] = good_dates.dt.strftime("%Y-%m-%d")
    for name, num in numbers.items():
        good[name] = num[~bad]
    good["year"] = good["year"].fillna(good_dates.dt.year)
    good["disorder_type"] = good["disorder_type"].where(good["disorder_type"] != "",
                                                        good["event_type"].map(DISORDER_TYPES))
    located = good["latitude"].notna()
    good["geo_status"] = good["geo_status"].where(good["geo_status"] != "",
                                                  np.where(located, "located", "unlocated"))
    good["place_raw"] = good["place_raw"].where(good["place_raw"] != "", good["location"])
    good["origin"] = good["origin"].replace("", "imported")
    no_id = good[KEY] == ""
    if no_id.any():
        good.loc[no_id, KEY] = [
            make_event_id(r.article_id or "imported", r.event_date, r.location, r.event_type, r.actor1, r.actor2)
            for r in good[no_id].itertuples()
        ]
    dup = good[KEY].duplicated()
    for i in good.index[dup]:
        rejects.append(Reject(int(i) + offset, KEY, good.at[i, KEY], "duplicate event id (an earlier row has it)"))
    good = good[~dup]
    rejects.sort(key=lambda r: (r.row, r.column))
    return LoadResult(to_frame(good), rejects)


__all__ = ["DATE_DTYPE", "LoadResult", "Reject", "dtype_of", "empty_frame", "read_events", "to_frame"]
