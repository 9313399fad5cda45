"""Events per district, placed at the district's centroid (proportional-circle layer)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from maps.basemap import DistrictPoint
from maps.payload import COORD_COLUMNS, Bounds, column_or_empty, content_digest, located_mask, script_safe_json

# Every column the district layer reads.
DISTRICT_COLUMNS = (*COORD_COLUMNS, "admin1", "admin2", "fatalities")


@dataclass(frozen=True, slots=True)
class DistrictPayload:
    json: str
    digest: str
    districts: int     # circles drawn
    events: int        # events inside those circles
    left_out: int      # events with no district, or a district with no known position
    bounds: Bounds | None


def _stripped(column: pd.Series) -> pd.Series:
    """Each value as stripped text ("" when missing); a category's names are stripped once each."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        names = np.array([str(c).strip() for c in column.cat.categories] + [""], dtype=object)
        codes = column.cat.codes.to_numpy()
        return pd.Series(names[np.where(codes >= 0, codes, len(names) - 1)], index=column.index, dtype=object)
    return column.astype("object").fillna("").astype(str).str.strip()


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def build_district_payload(df: pd.DataFrame, centroids: Iterable[DistrictPoint]) -> DistrictPayload:
    """Count events and fatalities per (province, district).

    A district is placed at its gazetteer centroid, else at the mean of its located
    events (so the layer degrades gracefully without the GeoJSON); events with no
    district at all are left out and counted.
    """
    admin2 = _stripped(column_or_empty(df, "admin2"))
    admin1 = _stripped(column_or_empty(df, "admin1"))
    fatalities = pd.to_numeric(column_or_empty(df, "fatalities"), errors="coerce").fillna(0).clip(lower=0)
    located = located_mask(df)
    frame = pd.DataFrame({
        "admin1": admin1.to_numpy(), "admin2": admin2.to_numpy(),
        "fatalities": fatalities.to_numpy(dtype="float64"),
        "lat": np.where(located, pd.to_numeric(df["latitude"], errors="coerce"), np.nan),
        "lon": np.where(located, pd.to_numeric(df["longitude"], errors="coerce"), np.nan),
    })
    frame = frame[frame["admin2"] != ""]
    groups = (frame.groupby(["admin1", "admin2"], sort=True)
              .agg(events=("fatalities", "size"), fatalities=("fatalities", "sum"),
                   lat=("lat", "mean"), lon=("lon", "mean"))
              .reset_index())
    exact = {(_key(p.admin1), _key(p.name)): p for p in centroids}
    by_name: dict[str, DistrictPoint] = {}
    for point in exact.values():
        by_name.setdefault(_key(point.name), point)
    doc: dict[str, list] = {"name": [], "admin1": [], "events": [], "fatalities": [], "lat": [], "lon": []}
    for row in groups.itertuples(index=False):
        point = exact.get((_key(row.admin1), _key(row.admin2))) or by_name.get(_key(row.admin2))
        lat, lon = (point.latitude, point.longitude) if point else (row.lat, row.lon)
        if pd.isna(lat) or pd.isna(lon):
            continue
        doc["name"].append(row.admin2)
        doc["admin1"].append(row.admin1)
        doc["events"].append(int(row.events))
        doc["fatalities"].append(int(row.fatalities))
        doc["lat"].append(round(float(lat), 5))
        doc["lon"].append(round(float(lon), 5))
    text = script_safe_json(doc)
    drawn = sum(doc["events"])
    bounds = (Bounds(min(doc["lat"]), min(doc["lon"]), max(doc["lat"]), max(doc["lon"]))
              if doc["name"] else None)
    return DistrictPayload(json=text, digest=content_digest(text), districts=len(doc["name"]),
                           events=drawn, left_out=len(df) - drawn, bounds=bounds)
