"""Events -> one compact, script-safe JSON document the browser turns into markers and popups.

The document is columnar. Every integer column (coordinates in 1e-5 degrees, about
1 m; event type; fatalities; codes into the per-column lists of distinct texts) is
packed as a fixed-width base-64 string (``pack_ints``): 100,000 events make ~2 MB,
built by numpy in milliseconds, and JSON.parse sees a few long strings instead of
a million numbers. The browser decodes only what it needs (one event's texts when
its popup opens).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

import numpy as np
import pandas as pd

from errors import SchemaError
from maps.styles import type_codes

PAYLOAD_VERSION = 2
ALPHABET = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
COORD_SCALE = 100_000
EVIDENCE_MAX_CHARS = 400

# Payload key -> event column; each is sent as a value list + per-event codes.
TEXT_FIELDS: dict[str, str] = {
    "date": "event_date",
    "sub": "sub_event_type",
    "loc": "location",
    "adm2": "admin2",
    "adm1": "admin1",
    "src": "source",
    "url": "source_url",
    "ev": "evidence",
}
ACTOR_COLUMNS = ("actor1", "actor2")
COORD_COLUMNS = ("latitude", "longitude")
# Every column any map layer reads: the page hands the map only these.
MAP_COLUMNS = (*COORD_COLUMNS, "event_type", "fatalities", *TEXT_FIELDS.values(), *ACTOR_COLUMNS)
# The heat layer sends coordinates only (event_type is required of every point payload).
HEAT_COLUMNS = (*COORD_COLUMNS, "event_type")

# Anything that could end a <script> element or open markup is escaped; JSON.parse undoes it.
_SCRIPT_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                                 "\u2028": "\\u2028", "\u2029": "\\u2029"})


@dataclass(frozen=True, slots=True)
class Bounds:
    south: float
    west: float
    north: float
    east: float

    def as_folium(self) -> list[list[float]]:
        return [[self.south, self.west], [self.north, self.east]]


@dataclass(frozen=True, slots=True)
class PointPayload:
    json: str                # script-safe: may sit inside <script type="application/json">
    digest: str              # content hash; names the data element and changes the map's key
    count: int               # events in the payload (all located)
    bounds: Bounds | None    # None when there are no located events


def script_safe_json(value: object) -> str:
    """Compact JSON that cannot break out of a <script> element or an HTML attribute."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.translate(_SCRIPT_ESCAPES)


def content_digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def require_columns(df: pd.DataFrame, columns: tuple[str, ...]) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise SchemaError(f"event table lacks column(s) {', '.join(missing)}; "
                          f"the map needs {', '.join(columns)} (see data/schema.py)")


def located_mask(df: pd.DataFrame) -> np.ndarray:
    """True for rows with usable coordinates; unlocated rows keep empty ones by design."""
    require_columns(df, COORD_COLUMNS)
    lat = pd.to_numeric(df["latitude"], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    lon = pd.to_numeric(df["longitude"], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    with np.errstate(invalid="ignore"):
        return (np.abs(lat) <= 90) & (np.abs(lon) <= 180)


def count_unlocated(df: pd.DataFrame) -> int:
    """Events that cannot be drawn because they have no (valid) coordinates."""
    return int(len(df) - located_mask(df).sum())


def pack_ints(values: np.ndarray) -> dict[str, object]:
    """{"min", "w", "s"}: value i is min + the base-64 number in s[i*w:(i+1)*w] (w=0: all equal min)."""
    values = np.asarray(values, dtype=np.int64)
    if len(values) == 0:
        return {"min": 0, "w": 0, "s": ""}
    low = int(values.min())
    rest = values - low
    top, width = int(rest.max()), 0
    while 64 ** width <= top:
        width += 1
    if width == 0:
        return {"min": low, "w": 0, "s": ""}
    digits = np.empty((len(values), width), dtype=np.uint8)
    for k in range(width - 1, -1, -1):
        digits[:, k] = rest % 64
        rest //= 64
    text = np.frombuffer(ALPHABET, dtype=np.uint8)[digits].tobytes().decode("ascii")
    return {"min": low, "w": width, "s": text}


def unpack_ints(packed: dict) -> list[int]:
    """Inverse of pack_ints (the browser's decoder, in Python for tests and tools)."""
    width, low, text = packed["w"], packed["min"], packed["s"]
    if width == 0:
        return []  # length is not stored for constant columns; callers know n
    values = []
    for i in range(0, len(text), width):
        v = 0
        for ch in text[i:i + width]:
            v = v * 64 + ALPHABET.index(ch.encode("ascii"))
        values.append(low + v)
    return values


def _dictionary(values: pd.Series, *, max_chars: int | None = None) -> tuple[list[str], np.ndarray]:
    """(distinct display strings, one code per row); missing values become ''."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    labels = [_display(u) for u in uniques]
    if (codes < 0).any():
        codes = np.where(codes < 0, len(labels), codes)
        labels.append("")
    if max_chars is not None:
        labels = [s if len(s) <= max_chars else s[: max_chars - 1].rstrip() + "\u2026" for s in labels]
    return labels, codes


def _display(value: object) -> str:
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value).strip()


def column_or_empty(df: pd.DataFrame, name: str) -> pd.Series:
    # Optional popup columns may be absent from a hand-made frame; show them empty.
    return df[name] if name in df.columns else pd.Series([None] * len(df), index=df.index, dtype="object")


def build_point_payload(df: pd.DataFrame, *, details: bool = True) -> PointPayload:
    """Payload for the located events of ``df``, in ``df``'s row order.

    ``details=False`` sends coordinates only (the heat layer needs nothing else).
    """
    require_columns(df, ("event_type",))
    wanted = [c for c in (*COORD_COLUMNS, "event_type", "fatalities", *TEXT_FIELDS.values(), *ACTOR_COLUMNS)
              if c in df.columns]
    located = df.loc[located_mask(df), wanted]
    lat = pd.to_numeric(located["latitude"]).to_numpy(dtype="float64")
    lon = pd.to_numeric(located["longitude"]).to_numpy(dtype="float64")
    doc: dict[str, object] = {
        "v": PAYLOAD_VERSION,
        "n": len(located),
        "scale": COORD_SCALE,
        "lat": pack_ints(np.rint(lat * COORD_SCALE)),
        "lon": pack_ints(np.rint(lon * COORD_SCALE)),
    }
    if details:
        fatalities = pd.to_numeric(column_or_empty(located, "fatalities"), errors="coerce")
        fat = np.nan_to_num(fatalities.to_numpy(dtype="float64", na_value=np.nan), nan=0.0).clip(min=0)
        doc["type"] = pack_ints(type_codes(located["event_type"]))
        doc["fat"] = pack_ints(fat)
        for key, column in TEXT_FIELDS.items():
            labels, codes = _dictionary(column_or_empty(located, column),
                                        max_chars=EVIDENCE_MAX_CHARS if key == "ev" else None)
            doc[key] = {"v": labels, "c": pack_ints(codes)}
        # Both actor columns share one list: the same group is often actor1 here, actor2 there.
        actors = pd.concat([column_or_empty(located, c) for c in ACTOR_COLUMNS], ignore_index=True)
        labels, codes = _dictionary(actors)
        doc["actor"] = {"v": labels, "c1": pack_ints(codes[: len(located)]), "c2": pack_ints(codes[len(located):])}
    text = script_safe_json(doc)
    bounds = (Bounds(float(lat.min()), float(lon.min()), float(lat.max()), float(lon.max()))
              if len(located) else None)
    return PointPayload(json=text, digest=content_digest(text), count=len(located), bounds=bounds)
