"""Events -> one compact, script-safe JSON document the browser turns into markers and popups.

The document is columnar and dictionary-encoded (each text column is a list of
distinct values plus one integer code per event), so 100,000 events stay a few
MB and serialising costs a few C-speed passes, not a Python loop per event.
Coordinates are integers in 1e-5 degrees (about 1 m).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

import numpy as np
import pandas as pd

from errors import SchemaError
from maps.styles import size_codes, type_codes

PAYLOAD_VERSION = 1
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


def _dictionary(values: pd.Series, *, max_chars: int | None = None) -> tuple[list[str], list[int]]:
    """(distinct display strings, one code per row); missing values become ''."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    labels = [_display(u) for u in uniques]
    if (codes < 0).any():
        codes = np.where(codes < 0, len(labels), codes)
        labels.append("")
    if max_chars is not None:
        labels = [s if len(s) <= max_chars else s[: max_chars - 1].rstrip() + "\u2026" for s in labels]
    return labels, codes.tolist()


def _display(value: object) -> str:
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value).strip()


def column_or_empty(df: pd.DataFrame, name: str) -> pd.Series:
    # Optional popup columns may be absent from a hand-made frame; show them empty.
    return df[name] if name in df.columns else pd.Series([None] * len(df), index=df.index, dtype="object")


def build_point_payload(df: pd.DataFrame) -> PointPayload:
    """Payload for the located events of ``df``, in ``df``'s row order."""
    require_columns(df, ("event_type",))
    located = df.loc[located_mask(df)]
    lat = pd.to_numeric(located["latitude"]).to_numpy(dtype="float64")
    lon = pd.to_numeric(located["longitude"]).to_numpy(dtype="float64")
    fatalities = pd.to_numeric(column_or_empty(located, "fatalities"), errors="coerce")
    fat = np.nan_to_num(fatalities.to_numpy(dtype="float64", na_value=np.nan), nan=0.0).clip(min=0)
    doc: dict[str, object] = {
        "v": PAYLOAD_VERSION,
        "n": len(located),
        "scale": COORD_SCALE,
        "lat": np.rint(lat * COORD_SCALE).astype(np.int64).tolist(),
        "lon": np.rint(lon * COORD_SCALE).astype(np.int64).tolist(),
        "type": type_codes(located["event_type"]).tolist(),
        "size": size_codes(fat).tolist(),
        "fat": fat.astype(np.int64).tolist(),
    }
    for key, column in TEXT_FIELDS.items():
        limit = EVIDENCE_MAX_CHARS if key == "ev" else None
        doc[f"{key}_v"], doc[key] = _dictionary(column_or_empty(located, column), max_chars=limit)
    # Both actor columns share one dictionary: the same group is often actor1 here, actor2 there.
    actors = pd.concat([column_or_empty(located, c) for c in ACTOR_COLUMNS], ignore_index=True)
    doc["actor_v"], codes = _dictionary(actors)
    doc["a1"], doc["a2"] = codes[: len(located)], codes[len(located):]
    text = script_safe_json(doc)
    bounds = (Bounds(float(lat.min()), float(lon.min()), float(lat.max()), float(lon.max()))
              if len(located) else None)
    return PointPayload(json=text, digest=content_digest(text), count=len(located), bounds=bounds)
