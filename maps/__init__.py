"""Offline, fast Folium maps of events (Leaflet assets served locally, one data array per layer)."""
from __future__ import annotations

from maps.assets import asset_url, offline_map, register_assets
from maps.event_map import (LAYERS, MapFocus, MapParts, MapSummary, aggregates, build_event_map,
                            build_event_map_parts, build_event_map_with_summary, check_layer, map_columns,
                            summarize_map)
from maps.payload import MAP_COLUMNS, count_unlocated, located_mask
from maps.styles import EVENT_COLOURS, SIZE_BANDS

__all__ = [
    "EVENT_COLOURS", "LAYERS", "MAP_COLUMNS", "SIZE_BANDS", "MapFocus", "MapParts", "MapSummary", "aggregates",
    "asset_url", "build_event_map", "build_event_map_parts", "build_event_map_with_summary", "check_layer",
    "count_unlocated", "located_mask", "map_columns", "offline_map", "register_assets", "summarize_map",
]
