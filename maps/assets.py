"""Leaflet and its plugins served by the Streamlit server itself, never from a CDN.

streamlit-folium loads every ``default_js`` URL of the map one after the other and
gives up silently at the first failure (the map iframe stays 0 px high), so one CDN
link offline blanks the whole map. Each asset directory is declared as a (never
rendered) Streamlit component: the server then serves it at
``/component/maps.assets.<key>/<file>``, same origin as the map iframe, with the
right MIME types and no server option to set.

Create maps only through :func:`offline_map`.
"""
from __future__ import annotations

import contextlib
import functools
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import folium
import streamlit.components.v1 as components
import xstatic.pkg.jquery as xs_jquery
import xstatic.pkg.leaflet as xs_leaflet
import xstatic.pkg.leaflet_markercluster as xs_markercluster
from branca.element import MacroElement
from folium.template import Template
from streamlit.components.v1.component_registry import ComponentRegistry
from streamlit.runtime.scriptrunner import get_script_run_ctx

from errors import ConfigurationError

STATIC_DIR = Path(__file__).resolve().parent / "static"
# Data documents of the kept base map (outlines, place names), written once per content digest.
MAPDATA_DIR = Path(__file__).resolve().parents[1] / "var" / "mapdata"
KEEP_DATA_SCRIPTS = 64   # the base map's, and the deeper cells of the latest filter changes
NO_TILES = "none"
OFFLINE_MAX_ZOOM = 14   # without tiles, deeper zoom shows nothing new
TILES_MAX_ZOOM = 18


@dataclass(frozen=True, slots=True)
class AssetDir:
    key: str
    path: Path


ASSET_DIRS: tuple[AssetDir, ...] = (
    AssetDir("leaflet", Path(xs_leaflet.BASE_DIR)),
    AssetDir("markercluster", Path(xs_markercluster.BASE_DIR)),
    AssetDir("jquery", Path(xs_jquery.BASE_DIR)),
    # folium ships Leaflet.heat in its wheel; its HeatMap only points at a CDN copy.
    AssetDir("heat", Path(folium.__file__).resolve().parent / "templates"),
    AssetDir("eventmap", STATIC_DIR),
    AssetDir("mapdata", MAPDATA_DIR),
)


def asset_url(key: str, filename: str) -> str:
    """Server-relative URL of one local asset file."""
    if key not in {d.key for d in ASSET_DIRS}:
        valid = ", ".join(d.key for d in ASSET_DIRS)
        raise ConfigurationError(f"unknown asset directory {key!r}; expected one of: {valid}")
    return f"/component/{__name__}.{key}/{filename}"


def register_assets() -> tuple[str, ...]:
    """Let the running Streamlit server serve the asset directories; returns their component names.

    Streamlit only registers a component while a script runs, so this is called on
    every map build (re-registering the same path is a no-op) instead of at import.
    """
    if get_script_run_ctx(suppress_warning=True) is None:
        return ()   # plain Python (tests, benches): no server to serve anything
    MAPDATA_DIR.mkdir(parents=True, exist_ok=True)
    registry = ComponentRegistry.instance()
    names = []
    for d in ASSET_DIRS:
        name = f"{__name__}.{d.key}"
        # declare_component inspects the call stack (~0.5 ms): a filter change called it 28 times.
        if registry.get_component_path(name) != os.path.abspath(d.path):
            name = components.declare_component(d.key, path=str(d.path)).name
        names.append(name)
    return tuple(names)


def write_data_script(directory: Path, data_id: str, data_json: str) -> str:
    """``data_json`` as a script that files it under ``data_id`` in ``window.EventMapData``; its file name.

    Written once (the id ends in the content digest), atomically, so a reader never sees half a
    file; a file already there is touched, so pruning by age keeps the ones in use.
    """
    name = f"{data_id}.js"
    path = directory / name
    if path.exists():
        os.utime(path)
        return name
    directory.mkdir(parents=True, exist_ok=True)
    text = f"(window.EventMapData = window.EventMapData || {{}})[{json.dumps(data_id)}] = {data_json};\n"
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=directory, suffix=".tmp", delete=False) as f:
        f.write(text)
    os.replace(f.name, path)
    return name


def prune_data_scripts(directory: Path, keep: int) -> int:
    """Delete all but the ``keep`` most recently used data scripts; returns how many went.

    Every filter change of a large map writes one (its deeper cells), so they would pile up.
    """
    scripts = sorted(directory.glob("*.js"), key=lambda p: p.stat().st_mtime, reverse=True)
    gone = 0
    for path in scripts[keep:]:
        with contextlib.suppress(FileNotFoundError):   # another session pruned it first
            path.unlink()
            gone += 1
    return gone


def publish_data_script(data_id: str, data_json: str) -> str | None:
    """The URL of a data script the running server serves (see ``write_data_script``), or None
    outside a Streamlit run or where the directory cannot be written (the data then stay inline)."""
    if not register_assets():
        return None
    try:
        name = write_data_script(MAPDATA_DIR, data_id, data_json)
        prune_data_scripts(MAPDATA_DIR, KEEP_DATA_SCRIPTS)
    except OSError:
        return None
    return asset_url("mapdata", name)


MAP_JS: tuple[tuple[str, str], ...] = (("leaflet", asset_url("leaflet", "leaflet.js")),)
# folium.Popup calls jQuery; the event layers build popups without it, so only maps
# that add folium popups load it (st_folium loads scripts one after the other).
JQUERY_JS: tuple[tuple[str, str], ...] = (("jquery", asset_url("jquery", "jquery.min.js")),)
MAP_CSS: tuple[tuple[str, str], ...] = (("leaflet_css", asset_url("leaflet", "leaflet.css")),)
CLUSTER_JS: tuple[tuple[str, str], ...] = (
    ("markerclusterjs", asset_url("markercluster", "leaflet.markercluster.js")),
)
CLUSTER_CSS: tuple[tuple[str, str], ...] = (
    ("markerclustercss", asset_url("markercluster", "MarkerCluster.css")),
    ("markerclusterdefaultcss", asset_url("markercluster", "MarkerCluster.Default.css")),
)
HEAT_JS: tuple[tuple[str, str], ...] = (("leaflet-heat.js", asset_url("heat", "leaflet_heat.min.js")),)
EVENTMAP_JS: tuple[tuple[str, str], ...] = (("eventmapjs", asset_url("eventmap", "event_layer.js")),)
LABELS_JS: tuple[tuple[str, str], ...] = (("maplabelsjs", asset_url("eventmap", "map_labels.js")),)


class DefaultIconPath(MacroElement):
    """Sets Leaflet's default marker image folder.

    Inside st_folium the CSS arrives after the map script runs, so Leaflet's
    CSS-based guess yields a path without its trailing slash and the icon 404s.
    Must be the map's first child.
    """

    _template = Template(
        "{% macro script(this, kwargs) %}L.Icon.Default.imagePath = {{ this.path|tojson }};{% endmacro %}"
    )

    def __init__(self, path: str) -> None:
        super().__init__()
        self._name = "DefaultIconPath"
        self._id = "icons"
        self.path = path


def _tile_attribution(tiles: str) -> str:
    host = urlsplit(tiles).hostname
    return f"Tiles: {host}" if host else f"Tiles: {tiles}"


def offline_map(*, tiles: str = NO_TILES, map_id: str = "events", with_jquery: bool = False,
                **kwargs: object) -> folium.Map:
    """A folium.Map whose Leaflet assets are all local; online tiles only if ``tiles`` names some.

    ``map_id`` replaces folium's random element id so identical input renders identical HTML;
    ``with_jquery`` loads the local jQuery that folium.Popup needs.
    """
    register_assets()
    online = bool(tiles) and tiles != NO_TILES
    # folium hands min/max zoom to the tile layer only; Leaflet (and markercluster)
    # need them on the map itself, as camelCase options.
    max_zoom = kwargs.pop("max_zoom", TILES_MAX_ZOOM if online else OFFLINE_MAX_ZOOM)
    min_zoom = kwargs.pop("min_zoom", None)
    kwargs["maxZoom"] = max_zoom
    if min_zoom is not None:
        kwargs["minZoom"] = min_zoom
    if online:
        kwargs.setdefault("attr", _tile_attribution(tiles))
        m = folium.Map(tiles=tiles, max_zoom=max_zoom, **kwargs)
    else:
        m = folium.Map(tiles=None, **kwargs)
    # Instance attributes, so folium's class-wide CDN lists stay untouched.
    m.default_js = [*MAP_JS, *(JQUERY_JS if with_jquery else ())]
    m.default_css = list(MAP_CSS)
    m._id = map_id
    for child in m._children.values():   # the tile layer, if any
        child._id = f"{map_id}tiles"
    m.add_child(DefaultIconPath(asset_url("leaflet", "images/")), index=0)
    return m


@functools.cache
def asset_files() -> tuple[Path, ...]:
    """Every local file the map URLs point at (checked by the tests)."""
    urls = (*MAP_JS, *JQUERY_JS, *MAP_CSS, *CLUSTER_JS, *CLUSTER_CSS, *HEAT_JS, *EVENTMAP_JS, *LABELS_JS)
    by_key = {d.key: d.path for d in ASSET_DIRS}
    files = []
    for _, url in urls:
        key, filename = url.removeprefix(f"/component/{__name__}.").split("/", 1)
        files.append(by_key[key] / filename)
    return tuple(files)
