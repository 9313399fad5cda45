"""CSV and GeoJSON bytes of an event frame, in the schema's column order.

CSV cells that a spreadsheet would run as a formula (starting with ``= + - @``,
tab or CR, or their full-width forms) get a leading apostrophe; numeric columns
are never touched, so a negative longitude stays a number. A cell holding a
separator, quote, CR or LF is quoted (a bare CR too, which Python's csv writer
leaves bare under a ``\n`` line end, so the file would read as extra rows).
"""
from __future__ import annotations

import json
from typing import Any

import numpy as np
import pandas as pd

from data.loader import to_frame
from data.schema import COLUMNS, DATE, FLOAT, INT

FORMULA_START = r"^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]"
NEEDS_QUOTES = r'[",\r\n]'
COORDS = ("latitude", "longitude")


def _text_cells(frame: pd.DataFrame) -> pd.DataFrame:
    cells: dict[str, pd.Series] = {}
    for col in COLUMNS:
        s = frame[col.name]
        if col.kind == DATE:
            out = s.dt.strftime("%Y-%m-%d").astype("string").fillna("")
        elif col.kind == INT:
            out = s.astype("Int64").astype("string").fillna("")
        elif col.kind == FLOAT:
            arr = s.to_numpy(dtype="float64", na_value=np.nan)
            out = pd.Series(["" if np.isnan(v) else repr(float(v)) for v in arr], index=s.index, dtype="string")
        else:
            out = s.astype("string").fillna("")
            risky = out.str.contains(FORMULA_START, regex=True).fillna(False).astype(bool)
            out = out.where(~risky, "'" + out)
        cells[col.name] = out
    return pd.DataFrame(cells)


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """UTF-8 CSV, header = schema columns (ACLED's first), ISO dates, ``\\n`` line ends."""
    cells = _text_cells(to_frame(df))
    columns = [_quoted(cells[name]) for name in cells.columns]
    header = ",".join(_quoted(pd.Series(list(cells.columns), dtype="string")))
    if not len(cells):
        return (header + "\n").encode("utf-8")
    lines = columns[0].str.cat(columns[1:], sep=",")
    return (header + "\n" + "\n".join(lines.tolist()) + "\n").encode("utf-8")


def _quoted(values: pd.Series) -> pd.Series:
    """CSV cells, quoted (quotes doubled) exactly when they hold a separator, quote, CR or LF."""
    needs = values.str.contains(NEEDS_QUOTES, regex=True).fillna(False).astype(bool)
    return values.where(~needs, '"' + values.str.replace('"', '""', regex=False) + '"')


def _json_columns(frame: pd.DataFrame, names: list[str]) -> dict[str, list[Any]]:
    """Column -> JSON-ready values (None for missing), converted a column at a time."""
    out: dict[str, list[Any]] = {}
    for col in COLUMNS:
        if col.name not in names:
            continue
        s = frame[col.name]
        if col.kind == DATE:
            values = s.dt.strftime("%Y-%m-%d").astype(object)
        else:
            values = s.astype(object)
        out[col.name] = values.where(s.notna(), None).tolist()
    return out


def to_geojson_bytes(df: pd.DataFrame) -> bytes:
    """A GeoJSON FeatureCollection: Point geometry per located event, ``null`` geometry when unlocated."""
    frame = to_frame(df)
    names = [c.name for c in COLUMNS if c.name not in COORDS]
    lat = frame["latitude"].to_numpy(dtype="float64", na_value=np.nan)
    lon = frame["longitude"].to_numpy(dtype="float64", na_value=np.nan)
    located = ~(np.isnan(lat) | np.isnan(lon))
    columns = _json_columns(frame, names)
    features = []
    for i, values in enumerate(zip(*columns.values())):
        props = dict(zip(names, values))
        features.append({
            "type": "Feature",
            "id": props["event_id_cnty"],
            "geometry": {"type": "Point", "coordinates": [float(lon[i]), float(lat[i])]} if located[i] else None,
            "properties": props,
        })
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, ensure_ascii=False, allow_nan=False).encode("utf-8")
