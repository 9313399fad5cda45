"""Event rows as the store writes them, converted value by value from plain dicts.

The ingest path hands the store an article's one or two extracted rows at a time; typing them
through a pandas frame (``data.loader.to_frame``) cost more than extracting the article (82% of
ingest time). ``plain_records`` gives the same values without a frame: text ``""`` when missing,
categories ``None`` when missing or empty, dates as ``datetime.date``, counts ``int``,
coordinates ``float`` (``None`` when missing).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from data.schema import CATEGORY, COLUMNS, DATE, INT, STRING, Column
from errors import SchemaError


def _missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and value != value


def plain_value(col: Column, value: Any, index: int = 1) -> Any:
    """One cell of column ``col`` as the store writes it; ``SchemaError`` names a value that does not convert."""
    if col.kind == STRING:
        return "" if _missing(value) else str(value)
    if col.kind == CATEGORY:
        return None if _missing(value) or value == "" else str(value)
    if _missing(value) or value == "":
        return None
    try:
        if col.kind == DATE:
            if isinstance(value, dt.datetime):
                return value.date()
            if isinstance(value, dt.date):
                return value
            return pd.Timestamp(str(value)).date()
        if col.kind == INT:
            number = float(value) if isinstance(value, str) else value
            if isinstance(number, float) and not number.is_integer():
                raise ValueError("not a whole number")
            return int(number)
        return float(value)
    except (ValueError, TypeError, OverflowError) as exc:
        raise SchemaError(f"event row {index}: column {col.name!r} ({col.kind}) holds {value!r}, "
                          f"which does not convert ({exc})") from exc


def plain_records(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Every schema column of every row, typed for the store (keys outside the schema are dropped)."""
    return [{col.name: plain_value(col, row.get(col.name), index) for col in COLUMNS}
            for index, row in enumerate(rows, start=1)]
