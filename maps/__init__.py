"""Offline, fast Folium maps of events (Leaflet assets served locally, one data array per layer)."""
from __future__ import annotations

from maps.assets import asset_url, offline_map, register_assets
from maps.event_map import (LAYERS, MapFocus, MapSummary, build_event_map, build_event_map_with_summary, check_layer,
                            summarize_map)
from maps.payload import MAP_COLUMNS, count_unlocated, located_mask
from maps.styles import EVENT_COLOURS, SIZE_BANDS

__all__ = [
    "EVENT_COLOURS", "LAYERS", "MAP_COLUMNS", "SIZE_BANDS", "MapFocus", "MapSummary", "asset_url", "build_event_map",
    "build_event_map_with_summary", "check_layer", "count_unlocated", "located_mask", "offline_map",
    "register_assets", "summarize_map",
]
