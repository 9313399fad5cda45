"""Typed event frames, and importing event files (our CSV/JSON/GeoJSON or an ACLED export).

``to_frame`` is the one place that gives a frame its schema dtypes:
dates ``datetime64[ns]`` (midnight), counts nullable ``Int64``, coordinates
``float64`` (NaN when unlocated), categories ``category`` (missing = NA) and
free text ``string`` (missing = ``""``, so text search needs no NA handling).
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from data.schema import (CATEGORY, COLUMN_NAMES, COLUMNS, DATE, DISORDER_TYPES, EVENT_TYPES, FLOAT,
                         INT, KEY, ORIGINS, STRING)
from errors import SchemaError

DATE_DTYPE = "datetime64[ns]"
INT_BOUNDS: dict[str, tuple[int, int]] = {
    "time_precision": (1, 3), "geo_precision": (1, 3), "fatalities": (0, 100_000),
    "year": (1900, 2100), "iso": (0, 999), "timestamp": (0, 2**40),
}
FLOAT_BOUNDS: dict[str, tuple[float, float]] = {
    "latitude": (-90.0, 90.0), "longitude": (-180.0, 180.0), "confidence": (0.0, 1.0),
}
# Left out of a row's content id: what the extractor doubted is no part of the event, and ids of
# files imported before these columns existed stay the same.
NOT_CONTENT = ("confidence", "doubts")


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

# Cells that mean "no value" in exports from R, pandas, spreadsheets and databases (compared case-insensitively).
MISSING = frozenset({"na", "n/a", "null", "nan", "<na>", "#n/a", "none"})
# ACLED's codebook: the numeric actor categories of older exports.
INTER_CODES = {"1": "State forces", "2": "Rebel group", "3": "Political militia", "4": "Identity militia",
               "5": "Rioters", "6": "Protesters", "7": "Civilians", "8": "External/Other forces"}
ROW_COLUMN = "(row)"  # Reject.column of a problem with the whole line (ragged, unreadable)
FIRST_YEAR = 1900     # ACLED's data start in 1997; anything before 1900 is a typo, not an event
_ISO = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?\s*(?:Z|UTC|[+-]\d{2}:?\d{2})?$",
                  re.IGNORECASE)
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_TEXT_FORMATS = ("%d %B %Y", "%d %b %Y", "%d-%B-%Y", "%d-%b-%Y")
_MAX_CELLS = 500      # a line with more fields than this is no event row


def _read_bytes(source: str | Path | bytes, filename: str) -> bytes:
    if isinstance(source, bytes):
        return source
    try:
        return Path(source).read_bytes()
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        reason = getattr(exc, "strerror", None) or str(exc)
        raise SchemaError(f"{filename}: cannot read the file ({reason})") from exc


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _records_from_json(raw: str, filename: str) -> list[dict[str, Any]]:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise SchemaError(f"{filename}: not valid JSON ({exc.msg} at line {exc.lineno})") from exc
    except RecursionError as exc:
        raise SchemaError(f"{filename}: JSON nested too deeply to be an event file") from exc
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        features = data.get("features")
        if not isinstance(features, list):
            raise SchemaError(f"{filename}: a GeoJSON FeatureCollection needs a 'features' list")
        records = []
        for feature in features:
            if not isinstance(feature, dict):
                records.append({})  # rejected as a row with no values
                continue
            props = feature.get("properties")
            props = dict(props) if isinstance(props, dict) else {}
            geometry = feature.get("geometry")
            coords = geometry.get("coordinates") if isinstance(geometry, dict) else None
            if isinstance(coords, list) and len(coords) >= 2:
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


@dataclass(frozen=True, slots=True)
class _Table:
    """An event file's cells as text: header (lower-cased), rows, their reported numbers, whole-line rejects."""
    header: list[str]
    rows: list[list[str]]
    numbers: list[int]
    rejects: list[Reject]


def _csv_table(text: str, filename: str) -> _Table:
    """Read line by line (the csv module, not pandas): a bad line is rejected alone, the others are kept."""
    reader = csv.reader(io.StringIO(text, newline=""), skipinitialspace=True, strict=False)
    header: list[str] | None = None
    rows: list[list[str]] = []
    numbers: list[int] = []
    rejects: list[Reject] = []
    record = 0  # spreadsheet row: the header is row 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            record += 1
            rejects.append(Reject(record, ROW_COLUMN, "", f"unreadable CSV line ({exc})"))
            continue
        if not cells or all(not c.strip() for c in cells):
            continue
        record += 1
        if header is None:
            header = [c.strip().lower() for c in cells]
            if len(header) > _MAX_CELLS:
                raise SchemaError(f"{filename}: the header has {len(header)} columns; not an event file")
            continue
        if len(cells) > len(header) and not any(c.strip() for c in cells[len(header):]):
            cells = cells[:len(header)]  # trailing separators only
        if len(cells) != len(header):
            shown = ",".join(cells)[:80]
            rejects.append(Reject(record, ROW_COLUMN, shown,
                                  f"{len(cells)} fields where the header has {len(header)} (a stray or missing "
                                  "separator or quote)"))
            continue
        rows.append(cells)
        numbers.append(record)
    if header is None:
        raise SchemaError(f"{filename}: no header line")
    return _Table(header, rows, numbers, rejects)


def _json_table(text: str, filename: str) -> _Table:
    records = _records_from_json(text, filename)
    header = list(dict.fromkeys(str(k).strip().lower() for r in records for k in r))
    rows = []
    for r in records:
        lowered = {str(k).strip().lower(): v for k, v in r.items()}
        rows.append([_cell(lowered.get(name)) for name in header])
    return _Table(header, rows, list(range(1, len(rows) + 1)), [])


def _table(data: bytes, filename: str) -> _Table:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SchemaError(f"{filename}: not UTF-8 text (byte {exc.start}); save the file as UTF-8 CSV or JSON") from exc
    if not text.strip():
        raise SchemaError(f"{filename}: the file is empty")
    suffix = Path(filename).suffix.lower()
    if suffix in (".json", ".geojson"):
        return _json_table(text, filename)
    if suffix not in (".csv", ".txt", ""):
        raise SchemaError(f"{filename}: unsupported file type {suffix!r}; expected .csv, .json or .geojson")
    return _csv_table(text, filename)


def _raw_frame(table: _Table, filename: str) -> pd.DataFrame:
    """The schema's columns as stripped text, ``""`` for missing (NA, NULL, ... included)."""
    header = table.header
    missing = [c.name for c in COLUMNS if c.required and c.name != KEY and c.name not in header]
    if "event_date" in missing:
        raise SchemaError(f"{filename}: no 'event_date' column (columns found: {', '.join(header[:12])})")
    if missing:
        raise SchemaError(f"{filename}: required column(s) missing: {', '.join(missing)}")
    first = {}
    for i, name in enumerate(header):
        first.setdefault(name, i)  # a repeated column: the first one counts
    columns: dict[str, list[str]] = {}
    for name in COLUMN_NAMES:
        i = first.get(name)
        if i is None:
            columns[name] = [""] * len(table.rows)
            continue
        values = []
        for row in table.rows:
            v = row[i].strip()
            values.append("" if v.lower() in MISSING else v)
        columns[name] = values
    return pd.DataFrame(columns, dtype=object, columns=list(COLUMN_NAMES))


@dataclass(frozen=True, slots=True)
class _Date:
    value: dt.date | None
    precision: int | None  # 3 when only the month was given
    problem: str = ""


def _parse_date(text: str, today: dt.date) -> _Date:
    if not text:
        return _Date(None, None)
    value: dt.date | None = None
    precision = None
    iso = _ISO.match(text)
    month = _MONTH.match(text)
    try:
        if iso:
            # The day as written: a time and zone stamp (R, APIs) says when the row was made, not another day.
            value = dt.date.fromisoformat(iso.group(1))
        elif month:
            value, precision = dt.date(int(month.group(1)), int(month.group(2)), 1), 3
        else:
            for fmt in _TEXT_FORMATS:
                try:
                    value = dt.datetime.strptime(text, fmt).date()
                    break
                except ValueError:
                    continue
    except ValueError:
        value = None
    if value is None:
        return _Date(None, None, "not a date (expected YYYY-MM-DD, YYYY-MM or like '16 May 2025')")
    last = today.year + 1
    if not FIRST_YEAR <= value.year <= last:
        return _Date(None, None, f"implausible year {value.year} (expected {FIRST_YEAR} to {last})")
    return _Date(value, precision)


def _inter_name(code: str) -> str | None:
    return INTER_CODES.get(code.lstrip("0") or "0")


def _translate_codes(raw: pd.DataFrame, reject: Callable[[pd.Series, str, str], None]) -> pd.Series:
    """Numeric inter1/inter2/interaction codes (older exports) -> ACLED's names; returns a provenance note per row."""
    notes = pd.Series("", index=raw.index, dtype=object)
    for name in ("inter1", "inter2"):
        text = raw[name]
        numeric = text.str.fullmatch(r"\d+")
        names = text.map(lambda v: _inter_name(v) if v.isdigit() else None)
        zero = numeric & text.str.fullmatch(r"0+")  # ACLED's 0: no second actor
        reject(numeric & names.isna() & ~zero, name, "not an ACLED actor code (expected 1 to 8)")
        notes = notes.where(~numeric, notes + f" {name}=" + text)
        raw[name] = text.where(~numeric, names.fillna(""))

    def pair(code: str) -> str | None:
        if len(code) != 2:
            return None
        first, second = _inter_name(code[0]), _inter_name(code[1])
        if first is None:
            return None
        if code[1] == "0":
            return f"{first} only"
        return None if second is None else f"{first}-{second}"

    text = raw["interaction"]
    numeric = text.str.fullmatch(r"\d+")
    names = text.map(lambda v: pair(v) if v.isdigit() else None)
    reject(numeric & names.isna(), "interaction", "not an ACLED interaction code (two digits 1 to 8, or X0)")
    notes = notes.where(~numeric, notes + " interaction=" + text)
    raw["interaction"] = text.where(~numeric, names.fillna(""))
    return notes.str.strip()


def _content_id(row: Sequence[str]) -> str:
    """An id from every cell of the row: two events differing in anything (notes, deaths) keep two ids."""
    digest = hashlib.sha1("\x1f".join(row).encode("utf-8")).hexdigest()[:12].upper()
    return "PAK" + digest


def read_events(source: str | Path | bytes, *, filename: str, today: dt.date | None = None) -> LoadResult:
    """Validate every row of an event file; good rows become a typed frame, bad rows become ``Reject``s.

    Raises ``SchemaError`` when the file as a whole cannot be used. ``today`` bounds plausible years.
    """
    table = _table(_read_bytes(source, filename), filename)
    raw = _raw_frame(table, filename)
    rownum = pd.Series(table.numbers, index=raw.index, dtype=object)
    today = today or dt.date.today()

    rejects: list[Reject] = list(table.rejects)
    bad = pd.Series(False, index=raw.index)

    def reject(mask: pd.Series, column: str, reason: str) -> None:
        nonlocal bad
        for i in np.flatnonzero(mask.to_numpy(dtype=bool)):
            rejects.append(Reject(int(rownum.iat[i]), column, raw.iat[i, raw.columns.get_loc(column)], reason))
        bad = bad | mask

    for col in COLUMNS:
        if col.required and col.name != KEY:
            reject(raw[col.name] == "", col.name, "required value is empty")
    parsed = [_parse_date(v, today) for v in raw["event_date"]]
    problems = pd.Series([d.problem for d in parsed], index=raw.index, dtype=object)
    for problem in sorted(set(problems) - {""}):
        reject(problems == problem, "event_date", problem)
    dates = pd.Series([pd.Timestamp(d.value) if d.value else pd.NaT for d in parsed], index=raw.index,
                      dtype=DATE_DTYPE)
    month_only = pd.Series([d.precision == 3 for d in parsed], index=raw.index, dtype=bool)
    notes_codes = _translate_codes(raw, reject)
    numbers: dict[str, pd.Series] = {}
    for col in COLUMNS:
        if col.kind not in (INT, FLOAT):
            continue
        text = raw[col.name]
        num = pd.to_numeric(text.str.replace(",", "", regex=False).replace("", None), errors="coerce")
        num = num.astype("float64")
        reject(num.isna() & (text != ""), col.name, f"not a number (expected {'a whole number' if col.kind == INT else 'a decimal number'})")
        if col.kind == INT:
            reject(num.notna() & (num != num.round()), col.name, "not a whole number")
            lo, hi = INT_BOUNDS.get(col.name, (-(2**53), 2**53))
            reject(num.notna() & ((num < lo) | (num > hi)), col.name, f"out of range (expected {lo} to {hi})")
        else:
            lo, hi = FLOAT_BOUNDS[col.name]
            reject(~np.isfinite(num) & num.notna() | (num < lo) | (num > hi), col.name,
                   f"out of range (expected {lo:g} to {hi:g})")
        numbers[col.name] = num
    one_coord = numbers["latitude"].isna() != numbers["longitude"].isna()
    reject(one_coord & numbers["longitude"].isna(), "longitude", "latitude given without longitude")
    reject(one_coord & numbers["latitude"].isna(), "latitude", "longitude given without latitude")
    year = numbers["year"]
    reject(year.notna() & dates.notna() & (year != dates.dt.year), "year", "does not match event_date's year")
    precision = numbers["time_precision"]
    reject(month_only & precision.notna() & (precision < 3), "event_date",
           "only a month is given but time_precision says the day or week is known")

    etype, sub = raw["event_type"], raw["sub_event_type"]
    known = etype.isin(list(EVENT_TYPES))
    reject(~known & (etype != ""), "event_type", f"not an ACLED event type (expected one of: {', '.join(EVENT_TYPES)})")
    pairs = set((t, s) for t, subs in EVENT_TYPES.items() for s in subs)
    sub_ok = pd.Series([(t, s) in pairs for t, s in zip(etype, sub)], index=raw.index, dtype=bool)
    reject(known & (sub != "") & ~sub_ok, "sub_event_type", "not a sub-event type of this row's event_type")
    reject(~raw["origin"].isin(ORIGINS + ("",)), "origin", f"expected one of: {', '.join(ORIGINS)}")
    reject(~raw["geo_status"].isin(("located", "unlocated", "")), "geo_status", "expected 'located' or 'unlocated'")

    # Ids and duplicates, on the row as read (before defaults are filled in).
    content = [tuple(r) for r in raw.drop(columns=[KEY, "timestamp", "run_id", *NOT_CONTENT]).itertuples(index=False)]
    ids = raw[KEY].where(raw[KEY] != "", pd.Series([_content_id(c) for c in content], index=raw.index))
    first_row: dict[str, int] = {}
    first_content: dict[str, tuple[str, ...]] = {}
    dup = pd.Series(False, index=raw.index)
    for i in np.flatnonzero(~bad.to_numpy()):
        key = ids.iat[i]
        if key in first_row:
            same = first_content[key] == content[i]
            reason = (f"duplicate row (identical to row {first_row[key]})" if same
                      else f"duplicate event id (row {first_row[key]} has it)")
            rejects.append(Reject(int(rownum.iat[i]), KEY, ids.iat[i], reason))
            dup.iat[i] = True
        else:
            first_row[key], first_content[key] = int(rownum.iat[i]), content[i]
    keep = ~bad & ~dup

    good = raw[keep].copy()
    good[KEY] = ids[keep]
    good_dates = dates[keep]
    good["event_date"] = good_dates.dt.strftime("%Y-%m-%d")
    for name, num in numbers.items():
        good[name] = num[keep]
    good["year"] = good["year"].fillna(good_dates.dt.year.astype("float64"))
    good["time_precision"] = good["time_precision"].where(~month_only[keep], 3.0)
    codes = notes_codes[keep]
    has_codes = codes != ""
    good["notes"] = good["notes"].where(~has_codes, (good["notes"] + " [ACLED codes: " + codes + "]").str.strip())
    good["disorder_type"] = good["disorder_type"].where(good["disorder_type"] != "",
                                                        good["event_type"].map(DISORDER_TYPES))
    located = good["latitude"].notna()
    good["geo_status"] = good["geo_status"].where(good["geo_status"] != "",
                                                  np.where(located, "located", "unlocated"))
    good["place_raw"] = good["place_raw"].where(good["place_raw"] != "", good["location"])
    good["origin"] = good["origin"].replace("", "imported")
    rejects.sort(key=lambda r: (r.row, r.column))
    return LoadResult(to_frame(good), rejects)


__all__ = ["DATE_DTYPE", "LoadResult", "Reject", "dtype_of", "empty_frame", "read_events", "to_frame"]
