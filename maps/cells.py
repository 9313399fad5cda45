"""Many events -> grid cells per zoom level, so the browser never receives a marker per event.

Above ``AGGREGATE_ABOVE`` located events, one marker per event costs the browser more than
any analyst waits for (a million Leaflet markers take tens of seconds to cluster, and their
payload tens of megabytes to send). The server then counts the events in square cells of
``CELL_PX`` screen pixels at every zoom level the map offers, as Leaflet.markercluster would
group them on screen, and sends only the cells: per cell its centroid, bounds, event count,
fatalities and count per event type. The cells of zoom z are exactly 2x2 cells of zoom z+1
(Web Mercator pixel grid), so every coarser level is summed from the finest one without
touching the events again. Levels are kept from the widest zoom up while the cells stay
within ``MAX_CELLS``; past the last level the browser keeps showing its cells.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from maps.payload import (COORD_COLUMNS, COORD_SCALE, Bounds, column_or_empty, content_digest, located_mask,
                          pack_ints, require_columns, script_safe_json)
from maps.styles import TYPE_ORDER, type_codes

CELLS_VERSION = 1
# Located events above which the map sends cells instead of events: Leaflet.markercluster
# takes about a second to cluster 10,000-20,000 markers on a 2-core laptop, cells a tenth of it.
AGGREGATE_ABOVE = 5_000
CELL_PX = 60            # markercluster's default maxClusterRadius: cells look like its clusters
MAX_CELLS = 40_000      # over all levels sent: about 2 MB of payload
# Cells sent with a filter change itself when the deeper levels can follow on demand (a data
# script the browser loads once the map is zoomed past them): the deepest levels hold most cells
# (at 100,000 events the last two were 85% of the message) and are only seen zoomed in.
INLINE_CELLS = 3_000
TILE_PX = 256
MAX_LATITUDE = 85.05112878   # Web Mercator's edge
# The only columns a cell map reads.
CELL_COLUMNS = (*COORD_COLUMNS, "event_type", "fatalities")


@dataclass(frozen=True, slots=True)
class CellPayload:
    json: str                # script-safe, like PointPayload.json
    digest: str
    count: int               # located events counted in the cells
    bounds: Bounds | None
    zooms: tuple[int, int]   # first and last zoom level sent
    deep_json: str | None = None   # the levels after those in ``json`` (same format), if split off


@dataclass(frozen=True, slots=True)
class _Cells:
    """One zoom level's cells; the sums make coarser levels exact."""

    ix: np.ndarray
    iy: np.ndarray
    count: np.ndarray
    lat_sum: np.ndarray
    lon_sum: np.ndarray
    south: np.ndarray
    west: np.ndarray
    north: np.ndarray
    east: np.ndarray
    fatalities: np.ndarray
    types: np.ndarray        # (cells, len(TYPE_ORDER)) counts

    def __len__(self) -> int:
        return len(self.ix)


def world_pixels(lat: np.ndarray, lon: np.ndarray, zoom: int) -> tuple[np.ndarray, np.ndarray]:
    """Web Mercator pixel coordinates at ``zoom`` (Leaflet's CRS.EPSG3857 with 256 px tiles)."""
    size = TILE_PX * 2.0 ** zoom
    phi = np.radians(np.clip(lat, -MAX_LATITUDE, MAX_LATITUDE))
    x = (lon + 180.0) / 360.0 * size
    y = (1.0 - np.log(np.tan(phi) + 1.0 / np.cos(phi)) / np.pi) / 2.0 * size
    return x, y


def _group(ix: np.ndarray, iy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(order, starts): the rows sorted by cell, and where each cell begins in that order."""
    key = (ix.astype(np.int64) << 32) | iy.astype(np.int64)
    order = np.argsort(key, kind="stable")
    sorted_key = key[order]
    starts = np.flatnonzero(np.r_[True, sorted_key[1:] != sorted_key[:-1]]) if len(key) else np.arange(0)
    return order, starts


def _finest(lat: np.ndarray, lon: np.ndarray, fatalities: np.ndarray, types: np.ndarray, zoom: int) -> _Cells:
    x, y = world_pixels(lat, lon, zoom)
    ix, iy = np.floor(x / CELL_PX).astype(np.int64), np.floor(y / CELL_PX).astype(np.int64)
    order, starts = _group(ix, iy)
    lat, lon = lat[order], lon[order]
    # Per-type counts by one bincount over (cell, type): a row per event and type cost a second at 1M.
    first = np.zeros(len(order), dtype=bool)
    first[starts] = True
    cell = np.cumsum(first) - 1
    n_types = len(TYPE_ORDER)
    per_type = np.bincount(cell * n_types + types[order], minlength=len(starts) * n_types)
    return _reduce(ix[order], iy[order], starts, np.ones(len(order), dtype=np.int64), lat, lon, lat, lon, lat, lon,
                   fatalities[order], per_type.reshape(len(starts), n_types))


def _reduce(ix: np.ndarray, iy: np.ndarray, starts: np.ndarray, count: np.ndarray, lat_sum: np.ndarray,
            lon_sum: np.ndarray, south: np.ndarray, west: np.ndarray, north: np.ndarray, east: np.ndarray,
            fatalities: np.ndarray, types: np.ndarray) -> _Cells:
    """Sum the rows of each cell (rows sorted by cell, ``starts`` where each begins); ``types``
    is already one row per cell."""
    if len(starts) == 0:
        empty = np.zeros(0)
        return _Cells(empty.astype(np.int64), empty.astype(np.int64), empty.astype(np.int64), empty, empty,
                      empty, empty, empty, empty, empty.astype(np.int64),
                      np.zeros((0, len(TYPE_ORDER)), dtype=np.int64))
    return _Cells(ix[starts], iy[starts], np.add.reduceat(count, starts), np.add.reduceat(lat_sum, starts),
                  np.add.reduceat(lon_sum, starts), np.minimum.reduceat(south, starts),
                  np.minimum.reduceat(west, starts), np.maximum.reduceat(north, starts),
                  np.maximum.reduceat(east, starts), np.add.reduceat(fatalities, starts), types)


def _coarser(cells: _Cells) -> _Cells:
    """The next zoom level out: each cell is the sum of (up to) four cells of ``cells``."""
    ix, iy = cells.ix >> 1, cells.iy >> 1
    order, starts = _group(ix, iy)
    return _reduce(ix[order], iy[order], starts, cells.count[order], cells.lat_sum[order], cells.lon_sum[order],
                   cells.south[order], cells.west[order], cells.north[order], cells.east[order],
                   cells.fatalities[order],
                   np.add.reduceat(cells.types[order], starts, axis=0) if len(starts) else cells.types)


def _level_doc(zoom: int, cells: _Cells) -> dict[str, object]:
    def coord(values: np.ndarray) -> dict[str, object]:
        return pack_ints(np.rint(values * COORD_SCALE))

    count = cells.count
    return {
        "z": zoom, "n": len(cells),
        "lat": coord(cells.lat_sum / np.maximum(count, 1)), "lon": coord(cells.lon_sum / np.maximum(count, 1)),
        "s": coord(cells.south), "w": coord(cells.west), "no": coord(cells.north), "e": coord(cells.east),
        "cnt": pack_ints(count), "fat": pack_ints(cells.fatalities),
        # Row-major (cell, type): the count of each type in each cell.
        "tc": pack_ints(cells.types.reshape(-1)),
    }


def build_cell_payload(df: pd.DataFrame, *, min_zoom: int, max_zoom: int, max_cells: int = MAX_CELLS,
                       inline_cells: int | None = None) -> CellPayload:
    """Cells of the located events of ``df`` for zoom levels ``min_zoom`` up to at most ``max_zoom``.

    ``inline_cells``: keep only the levels within that many cells in ``json`` and put the rest of
    the ``max_cells`` budget into ``deep_json``.
    """
    require_columns(df, ("event_type",))
    mask = located_mask(df)
    lat = pd.to_numeric(df["latitude"], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)[mask]
    lon = pd.to_numeric(df["longitude"], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)[mask]
    fatalities = pd.to_numeric(column_or_empty(df, "fatalities"), errors="coerce")
    fat = np.nan_to_num(fatalities.to_numpy(dtype="float64", na_value=np.nan)[mask], nan=0.0).clip(min=0)
    types = type_codes(df["event_type"][mask])
    levels = [_finest(lat, lon, fat.astype(np.int64), types, max_zoom)]
    for _ in range(max_zoom, min_zoom, -1):
        levels.append(_coarser(levels[-1]))
    levels.reverse()   # levels[k] is zoom min_zoom + k
    kept, total, inline = [], 0, None
    for k, cells in enumerate(levels):
        total += len(cells)
        if kept and total > max_cells:
            break
        if inline is None and inline_cells is not None and kept and total > inline_cells:
            inline = len(kept)
        kept.append(_level_doc(min_zoom + k, cells))
    inline = len(kept) if inline is None else inline
    head = {"v": CELLS_VERSION, "n": int(len(lat)), "scale": COORD_SCALE, "types": len(TYPE_ORDER)}
    text = script_safe_json({**head, "levels": kept[:inline]})
    deep = script_safe_json({**head, "levels": kept[inline:]}) if inline < len(kept) else None
    bounds = (Bounds(float(lat.min()), float(lon.min()), float(lat.max()), float(lon.max())) if len(lat) else None)
    return CellPayload(json=text, digest=content_digest(text + (deep or "")), count=int(len(lat)), bounds=bounds,
                       zooms=(min_zoom, min_zoom + len(kept) - 1), deep_json=deep)
