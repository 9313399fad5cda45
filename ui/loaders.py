"""Cached access to the store, the event frame, the filtered frame and the map.

What each cache holds and why:
- the store is a resource (one connection pool per store URL, shared by every session);
- the loaded frame is keyed by ``store.data_version()``, so a filter change never
  reloads from disk while a new ingest (new version) does;
- the filtered frame and the map are keyed by the version and the filters, so a
  rerun with the same filters (a page switch, a map click) rebuilds nothing.
The two frames are held as resources, not ``cache_data``: ``cache_data`` unpickles a fresh
copy on every hit (about 35 ms per 100,000 rows, twice a rerun). They are shared by every
session, so they are READ-ONLY: pages derive new frames, never assign into these.
The map stays ``cache_data``: st_folium mutates the map it renders, so each run needs a copy.
"""
from __future__ import annotations

import functools

import folium
import pandas as pd
import streamlit as st

from config import Settings, load_settings
from ingest.bootstrap import open_store
from data.export import to_csv_bytes, to_geojson_bytes
from data.filters import Filters
from data.store import EventStore
from maps import MapFocus, build_event_map


def current_settings() -> Settings:
    return load_settings()


@st.cache_resource(show_spinner="Opening the event store…", max_entries=4)
def _open_store(store_url: str, _settings: Settings) -> EventStore:
    return open_store(_settings)


def get_store(settings: Settings | None = None) -> EventStore:
    """The event store of ``settings`` (first start creates it and ingests the demo reports)."""
    settings = settings or current_settings()
    return _open_store(settings.store_url, settings)


@st.cache_resource(show_spinner="Loading events…", max_entries=4)
def _load_frame(store_url: str, data_version: str, _store: EventStore) -> pd.DataFrame:
    return _store.load_frame()


def load_frame(store: EventStore, store_url: str) -> tuple[pd.DataFrame, str]:
    """All stored events and the version they were read at."""
    version = store.data_version()
    return _load_frame(store_url, version, store), version


def filters_key(filters: Filters) -> str:
    """A stable text key for a Filters value (its repr lists every field in order)."""
    return repr(filters)


@st.cache_resource(max_entries=32)
def _filter_frame(store_url: str, data_version: str, key: str,
                  _frame: pd.DataFrame, _filters: Filters) -> pd.DataFrame:
    return _filters.apply(_frame)


def filter_frame(frame: pd.DataFrame, filters: Filters, *, store_url: str,
                 data_version: str) -> pd.DataFrame:
    """The rows of ``frame`` that pass ``filters``, cached by version and filters."""
    return _filter_frame(store_url, data_version, filters_key(filters), frame, filters)


@st.cache_data(max_entries=16, show_spinner=False)
def _event_map(store_url: str, data_version: str, key: str, layer: str, tiles: str,
               focus: MapFocus | None, _filtered: pd.DataFrame) -> folium.Map:
    return build_event_map(_filtered, layer=layer, tiles=tiles, focus=focus)


def event_map(filtered: pd.DataFrame, *, layer: str, tiles: str, store_url: str,
              data_version: str, filters: Filters, focus: MapFocus | None = None) -> folium.Map:
    """The folium map of the filtered rows (a private copy: st_folium mutates the map it renders).

    ``focus`` (a searched place, a linked event) opens it there instead of fitting the events.
    """
    return _event_map(store_url, data_version, filters_key(filters), layer, tiles, focus, filtered)


def csv_bytes_later(filtered: pd.DataFrame) -> functools.partial[bytes]:
    """A no-argument callable for st.download_button: the CSV is built only on click."""
    return functools.partial(to_csv_bytes, filtered)


def geojson_bytes_later(filtered: pd.DataFrame) -> functools.partial[bytes]:
    """Like ``csv_bytes_later``, for GeoJSON."""
    return functools.partial(to_geojson_bytes, filtered)
