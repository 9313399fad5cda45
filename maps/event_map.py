"""The one entry point of the map layer: filtered events -> an offline folium.Map."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import folium
import pandas as pd

from errors import ConfigurationError
from maps.assets import NO_TILES, OFFLINE_MAX_ZOOM, TILES_MAX_ZOOM, offline_map
from maps.basemap import BaseMap, BaseMapUnavailable, GeoSource, default_geo_source, load_base_map
from maps.districts import DISTRICT_COLUMNS, build_district_payload
from maps.labels import TownSource, cached_label_payload, default_town_source
from maps.cells import AGGREGATE_ABOVE, CELL_COLUMNS, INLINE_CELLS, build_cell_payload
from maps.layers import (DataLayer, DistrictCircles, EventCells, EventClusters, EventHeat, FitView, LayerAssets, Legend,
                         Outlines, PlaceLabels)
from maps.payload import HEAT_COLUMNS, MAP_COLUMNS, Bounds, build_point_payload, content_digest, count_unlocated

LAYERS: tuple[str, ...] = ("clusters", "heat", "districts")
# (data id, JSON) -> the URL of a script holding that JSON, or None to keep it in the page.
DataPublisher = Callable[[str, str], "str | None"]
PAKISTAN_VIEW = ((30.0, 69.5), 5)
MIN_ZOOM = 4
# Fitting one town's events must not zoom to street level.
FIT_MAX_ZOOM = 10
DEFAULT_HEIGHT = 620
LEGEND_TITLES = {"clusters": "Event type", "heat": "Event density", "districts": "Events per district"}


@dataclass(frozen=True, slots=True)
class MapFocus:
    """Where the map opens instead of fitting the events: a searched place or one event."""

    latitude: float
    longitude: float
    zoom: int
    ring: str = ""      # when set, a ring with this tooltip marks the point (a linked event)


HIGHLIGHT_COLOUR = "#ffbf00"


@dataclass(frozen=True, slots=True)
class MapSummary:
    """What a map shows, for the page's captions."""

    layer: str
    total: int          # events given
    on_map: int         # events drawn (points, heat points or inside district circles)
    unlocated: int      # events without coordinates (never on the point layers)
    notes: tuple[str, ...]

    @property
    def not_on_map(self) -> int:
        return self.total - self.on_map


def check_layer(layer: str) -> str:
    if layer not in LAYERS:
        raise ConfigurationError(f"unknown map layer {layer!r}; expected one of: {', '.join(LAYERS)}")
    return layer


def aggregates(layer: str, located: int) -> bool:
    """Whether the map of ``located`` events sends server-side cells instead of one marker per event."""
    return layer == "clusters" and located > AGGREGATE_ABOVE


def map_columns(layer: str, located: int) -> tuple[str, ...]:
    """The event columns the map of ``located`` events on ``layer`` reads.

    Only markers need the popup texts; taking 14 columns of a million rows costs half a second.
    """
    if layer == "heat":
        return HEAT_COLUMNS
    if layer == "districts":
        return DISTRICT_COLUMNS
    return CELL_COLUMNS if aggregates(layer, located) else MAP_COLUMNS


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _base_map(geo_source: GeoSource) -> tuple[BaseMap | None, str | None]:
    try:
        return load_base_map(geo_source), None
    except BaseMapUnavailable as exc:
        return None, f"No district outlines: {exc}"


@dataclass(frozen=True, slots=True)
class _LayerPlan:
    element: DataLayer
    on_map: int
    bounds: Bounds | None
    notes: tuple[str, ...]


def _plan_layer(df: pd.DataFrame, layer: str, base: BaseMap | None, max_zoom: int, unlocated: int,
                publish_data: DataPublisher | None = None) -> _LayerPlan:
    if layer == "districts":
        payload = build_district_payload(df, base.centroids if base else ())
        notes = ((f"{_plural(payload.left_out, 'event')} without a placeable district not shown",)
                 if payload.left_out else ())
        return _LayerPlan(DistrictCircles(payload.json, payload.digest), payload.events, payload.bounds, notes)
    unlocated_note = (f"{_plural(unlocated, 'unlocated event')} not on the map",) if unlocated else ()
    if aggregates(layer, len(df) - unlocated):
        cells = build_cell_payload(df, min_zoom=MIN_ZOOM, max_zoom=max_zoom,
                                   inline_cells=INLINE_CELLS if publish_data else None)
        element = EventCells(cells.json, cells.digest)
        if cells.deep_json is not None:
            deep_id = f"ev-deep-{content_digest(cells.deep_json)}"
            url = publish_data(deep_id, cells.deep_json) if publish_data else None
            if url:
                element.options["deep"] = {"id": deep_id, "url": url, "last": cells.zooms[1]}
            else:   # nowhere to serve the deeper levels from: all of them go with the layer
                cells = build_cell_payload(df, min_zoom=MIN_ZOOM, max_zoom=max_zoom)
                element = EventCells(cells.json, cells.digest)
        note = f"{cells.count:,} events counted in cells: zoom in or narrow the filters for single events"
        return _LayerPlan(element, cells.count, cells.bounds, (note, *unlocated_note))
    points = build_point_payload(df, details=layer == "clusters")
    element = (EventClusters(points.json, points.digest) if layer == "clusters"
               else EventHeat(points.json, points.digest, points=points.count, map_max_zoom=max_zoom))
    return _LayerPlan(element, points.count, points.bounds, unlocated_note)


@dataclass(frozen=True, slots=True)
class MapParts:
    """A map split for streamlit-folium: a base it keeps, and the events it swaps in.

    ``base`` (outlines, names, every layer's scripts) is the same for every filter, so
    streamlit-folium keeps its iframe, Leaflet and the parsed outlines across a filter change;
    ``data`` (the fit, the event layer with its data inline, the legend) is the
    ``feature_group_to_add`` that streamlit-folium replaces inside that iframe.
    """

    base: folium.Map
    data: folium.FeatureGroup
    summary: MapSummary


def _compose(
    df: pd.DataFrame, *, layer: str, tiles: str, height: int, geo_source: GeoSource, focus: MapFocus | None,
    town_source: TownSource, split: bool, publish_data: DataPublisher | None = None,
) -> MapParts | tuple[folium.Map, MapSummary]:
    check_layer(layer)
    online = bool(tiles) and tiles != NO_TILES
    max_zoom = TILES_MAX_ZOOM if online else OFFLINE_MAX_ZOOM
    base, base_note = _base_map(geo_source)
    (center, zoom) = ((focus.latitude, focus.longitude), min(focus.zoom, max_zoom)) if focus else PAKISTAN_VIEW
    m = offline_map(tiles=tiles, location=list(center), zoom_start=zoom, min_zoom=MIN_ZOOM, height=height,
                    control_scale=True)
    if base is not None:
        m.add_child(Outlines(base.outlines_json, base.digest, over_tiles=online))
    unlocated = count_unlocated(df)
    plan = _plan_layer(df, layer, base, max_zoom, unlocated, publish_data if split else None)
    elements: list[object] = []
    if focus is None:
        if plan.bounds is not None:   # before the layer, so it is clustered once, at the final zoom
            elements.append(FitView(plan.bounds.as_folium(), max_zoom=FIT_MAX_ZOOM))
    elif focus.ring:
        folium.CircleMarker([focus.latitude, focus.longitude], radius=18, color=HIGHLIGHT_COLOUR, weight=5,
                            fill=False, interactive=False, tooltip=focus.ring).add_to(m)
    elements.append(plan.element)
    notes = plan.notes + ((base_note,) if base_note else ())
    legend = Legend(title=LEGEND_TITLES[layer], show_types=layer == "clusters", notes=notes)
    labels = None if online else cached_label_payload(base, town_source)
    summary = MapSummary(layer=layer, total=len(df), on_map=plan.on_map, unlocated=unlocated, notes=notes)
    if split:
        if labels is not None and labels.count:
            m.add_child(PlaceLabels(labels.json, labels.digest))
        if publish_data is not None:
            for element in m._children.values():
                if isinstance(element, (Outlines, PlaceLabels)):
                    url = publish_data(element.data_id, element.data_json)
                    if url:
                        element.load_from(url)
        m.add_child(LayerAssets())
        group = folium.FeatureGroup(name="events", control=False)
        plan.element.inline = True
        for element in (*elements, legend):
            group.add_child(element)
        return MapParts(base=m, data=group, summary=summary)
    for element in elements:
        m.add_child(element)
    if labels is not None and labels.count:   # tiles carry their own names
        m.add_child(PlaceLabels(labels.json, labels.digest))
    m.add_child(legend)
    return m, summary


def build_event_map_with_summary(
    df: pd.DataFrame, *, layer: str = "clusters", tiles: str = NO_TILES, height: int = DEFAULT_HEIGHT,
    geo_source: GeoSource = default_geo_source, focus: MapFocus | None = None,
    town_source: TownSource = default_town_source,
) -> tuple[folium.Map, MapSummary]:
    """The map and what it shows. Identical input gives byte-identical HTML/JS.

    ``focus`` opens the map on a place (zoom included) instead of fitting the events.
    """
    return _compose(df, layer=layer, tiles=tiles, height=height, geo_source=geo_source, focus=focus,
                    town_source=town_source, split=False)


def build_event_map_parts(
    df: pd.DataFrame, *, layer: str = "clusters", tiles: str = NO_TILES, height: int = DEFAULT_HEIGHT,
    geo_source: GeoSource = default_geo_source, focus: MapFocus | None = None,
    town_source: TownSource = default_town_source, publish_data: DataPublisher | None = None,
) -> MapParts:
    """The same map as :func:`build_event_map`, split into a kept base and the swapped-in events.

    ``publish_data(data_id, json)`` may return a URL the running server serves the base map's
    data documents at (maps.assets.publish_data_script); they then leave the map's html.
    """
    return _compose(df, layer=layer, tiles=tiles, height=height, geo_source=geo_source, focus=focus,
                    town_source=town_source, split=True, publish_data=publish_data)


def build_event_map(
    df: pd.DataFrame, *, layer: str = "clusters", tiles: str = NO_TILES, height: int = DEFAULT_HEIGHT,
    geo_source: GeoSource = default_geo_source, focus: MapFocus | None = None,
    town_source: TownSource = default_town_source,
) -> folium.Map:
    """An offline folium map of ``df``'s events.

    ``layer``: "clusters" (coloured, fatality-sized markers clustered by zoom, popups
    built in the browser), "heat", or "districts" (proportional circles). ``tiles``:
    "none" for the offline outline base map, else a folium tile name or URL template.
    Rows without coordinates are not drawn (see :func:`count_unlocated`).
    """
    return build_event_map_with_summary(df, layer=layer, tiles=tiles, height=height, geo_source=geo_source,
                                        focus=focus, town_source=town_source)[0]


def summarize_map(df: pd.DataFrame, *, layer: str = "clusters",
                  geo_source: GeoSource = default_geo_source) -> MapSummary:
    """The summary alone (cheap for points; the districts layer needs the aggregation)."""
    return build_event_map_with_summary(df, layer=layer, geo_source=geo_source)[1]
