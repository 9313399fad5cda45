"""Cached access to the store, the event frame, the filtered frame and the map.

What each cache holds and why:
- the store is a resource (one connection pool per store URL, shared by every session);
- the loaded frame (store order) and its date order are keyed by ``store.data_version()``,
  so a filter change never reloads from disk while a new ingest (new version) does;
- the filtered rows are positions into that frame (no column copied), keyed by the version
  and the filters, and the map likewise, so a rerun with the same filters (a page switch, a
  map click) rebuilds nothing; each page takes only the columns it shows (``View.columns``).
The frame and the positions are held as resources, not ``cache_data``: ``cache_data`` unpickles
a fresh copy on every hit. They are shared by every session, so they are READ-ONLY: pages
derive new frames, never assign into these.
The map stays ``cache_data``: st_folium mutates the map it renders, so each run needs a copy.
"""
from __future__ import annotations

import functools
from collections.abc import Callable

import numpy as np
import pandas as pd
import streamlit as st

from config import Settings, load_settings
from ingest.bootstrap import open_store
from data.export import to_csv_bytes, to_geojson_bytes
from data.filters import Filters
from data.review import visible_order
from data.store import EventStore
from maps import MapFocus, MapParts, build_event_map_parts, count_unlocated, map_columns
from maps.assets import publish_data_script
from maps.payload import COORD_COLUMNS
from ui.choices import FilterChoices, read_choices
from ui.paging import sorted_rows
from ui.view import View


def current_settings() -> Settings:
    return load_settings()


@st.cache_resource(show_spinner="Opening the event store…", max_entries=4)
def _open_store(store_url: str, _settings: Settings) -> EventStore:
    return open_store(_settings)


def get_store(settings: Settings | None = None) -> EventStore:
    """The event store of ``settings`` (first start creates it and ingests the demo reports)."""
    settings = settings or current_settings()
    return _open_store(settings.store_url, settings)


@st.cache_resource(show_spinner="Loading events…", max_entries=2)
def _load_events(store_url: str, data_version: str, _store: EventStore) -> tuple[pd.DataFrame, np.ndarray]:
    frame, order = _store.load_events()
    # Rejected and merged events stay in the frame (a linked event, the Review page) but leave the
    # order every filter starts from, so no map, table, count or export shows them.
    order = visible_order(frame, order)
    order.setflags(write=False)
    return frame, order


def load_frame(store: EventStore, store_url: str) -> tuple[pd.DataFrame, np.ndarray, str]:
    """All stored events (store order), the positions ordering them by date, and the version read."""
    version = store.data_version()
    frame, order = _load_events(store_url, version, store)
    return frame, order, version


@st.cache_resource(max_entries=2, show_spinner=False)
def _filter_choices(store_url: str, data_version: str, _frame: pd.DataFrame) -> FilterChoices:
    return read_choices(_frame)


def filter_choices(frame: pd.DataFrame, store_url: str, data_version: str) -> FilterChoices:
    """What the sidebar filters offer for the loaded ``frame``; read once per data version."""
    return _filter_choices(store_url, data_version, frame)


def filters_key(filters: Filters) -> str:
    """A stable text key for a Filters value (its repr lists every field in order)."""
    return repr(filters)


@st.cache_resource(max_entries=16)
def _filter_rows(store_url: str, data_version: str, key: str,
                 _frame: pd.DataFrame, _order: np.ndarray, _filters: Filters) -> np.ndarray:
    rows = _filters.rows(_frame, _order)
    rows.setflags(write=False)
    return rows


def filter_rows(frame: pd.DataFrame, order: np.ndarray, filters: Filters, *, store_url: str,
                data_version: str) -> np.ndarray:
    """Positions of the rows of ``frame`` that pass ``filters``, by date; cached by version and filters."""
    return _filter_rows(store_url, data_version, filters_key(filters), frame, order, filters)


@st.cache_data(max_entries=8, show_spinner=False)
def _event_map(store_url: str, data_version: str, key: str, layer: str, tiles: str,
               focus: MapFocus | None, _view: View) -> MapParts:
    located = _view.count - count_unlocated(_view.columns(COORD_COLUMNS))
    # A map of cells reads four columns; taking the popup texts of a million events was half a rerun.
    return build_event_map_parts(_view.columns(map_columns(layer, located)), layer=layer, tiles=tiles, focus=focus,
                                 publish_data=publish_data_script)


def event_map(view: View, *, layer: str, tiles: str, focus: MapFocus | None = None) -> MapParts:
    """The folium map of the view's rows, as a kept base and the events swapped into it (see
    maps.MapParts); a private copy: st_folium mutates the map it renders.

    ``focus`` (a searched place, a linked event) opens it there instead of fitting the events.
    The map's columns (only those its layer reads) are taken inside the cache, so a rerun with the
    same filters takes nothing.
    """
    return _event_map(view.store_url, view.data_version, filters_key(view.filters), layer, tiles, focus, view)


@st.cache_resource(max_entries=8, show_spinner=False)
def _sorted_rows(store_url: str, data_version: str, key: str, sort: str, _view: View) -> np.ndarray:
    rows = sorted_rows(_view.frame, _view.rows, sort)
    rows.setflags(write=False)
    return rows


def sorted_table_rows(view: View, sort: str) -> np.ndarray:
    """The view's rows in the Events table's ``sort`` (see ui/paging.py), cached by version, filters and sort."""
    return _sorted_rows(view.store_url, view.data_version, filters_key(view.filters), sort, view)


def _export(view: View, writer: Callable[[pd.DataFrame], bytes], include_unreviewed: bool) -> bytes:
    return writer(exported_rows(view.filtered, include_unreviewed=include_unreviewed))


def exported_rows(filtered: pd.DataFrame, *, include_unreviewed: bool) -> pd.DataFrame:
    """The rows an export holds: the filtered (visible) events, or only the reviewed ones."""
    if include_unreviewed:
        return filtered
    return filtered[(filtered["review_status"].astype("string") == "reviewed").fillna(False).to_numpy()]


def csv_bytes_later(view: View, *, include_unreviewed: bool = True) -> functools.partial[bytes]:
    """A no-argument callable for st.download_button: the rows are taken and the CSV built only on click."""
    return functools.partial(_export, view, to_csv_bytes, include_unreviewed)


def geojson_bytes_later(view: View, *, include_unreviewed: bool = True) -> functools.partial[bytes]:
    """Like ``csv_bytes_later``, for GeoJSON."""
    return functools.partial(_export, view, to_geojson_bytes, include_unreviewed)
