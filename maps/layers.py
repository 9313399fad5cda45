"""folium elements for the event map; each carries its data as ONE JSON document.

A layer's data goes into the page body as ``<script type="application/json">``
(inert, read with JSON.parse by maps/static/event_layer.js), and the layer's own
script is one short call. So the Python cost does not grow with the number of
folium elements (streamlit-folium renders every element's template on every rerun),
and the script, which decides the map's component key, changes exactly when the
data digest does.
"""
from __future__ import annotations

import math

import folium
from branca.element import CssLink, Element, JavascriptLink
from folium.elements import JSCSSMixin
from folium.template import Template

from maps.assets import CLUSTER_CSS, CLUSTER_JS, EVENTMAP_JS, HEAT_JS, LABELS_JS
from maps.payload import script_safe_json
from maps.styles import SIZE_BANDS, TYPE_COLOURS, TYPE_ORDER


class RawHtml(Element):
    """Markup placed in the page as is: no Jinja pass over megabytes of JSON."""

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.markup = markup

    def render(self, **kwargs: object) -> str:
        return self.markup


class RawMacros(JSCSSMixin):
    """A folium element whose rendered macros go into the page as they are.

    branca's MacroElement wraps each rendered macro in a new ``Element``, which compiles that
    output as a Jinja template once more: for a layer's script carrying 300 KB of inline data
    that is ~20 ms of every filter rerun, for text that holds no template syntax.
    """

    def render(self, **kwargs: object) -> None:
        figure = self.get_root()
        for name, url in self.default_js:
            figure.header.add_child(JavascriptLink(url), name=name)
        for name, url in self.default_css:
            figure.header.add_child(CssLink(url), name=name)
        macros = self._template.module.__dict__
        for part in ("header", "html", "script"):
            macro = macros.get(part)
            if macro is not None:
                getattr(figure, part).add_child(RawHtml(macro(self, kwargs)), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


def map_name(element: object) -> str:
    """The JS variable of the folium.Map an element sits on, directly or inside a FeatureGroup."""
    node = getattr(element, "_parent", None)
    while node is not None and not isinstance(node, folium.Map):
        node = getattr(node, "_parent", None)
    if node is None:
        raise ValueError(f"{type(element).__name__} is not on a folium.Map")
    return node.get_name()


def inline_json(data_json: str) -> str:
    """Script-safe JSON as a JS expression that streamlit-folium's renaming cannot touch.

    streamlit-folium rewrites every ``_<lowercase or digits>`` in a feature group's script that
    names a folium element; packed columns and article text hold such runs. In JSON an
    underscore only occurs inside strings, where ``\\u005f`` is the same character.
    """
    return data_json.replace("_", "\\u005f")


class DataLayer(RawMacros):
    """Base for layers whose data travels as one JSON document.

    On a map, the document is one ``<script type="application/json">`` element named after its
    digest. ``inline=True`` puts it into the layer's script instead: for a layer inside the
    feature group streamlit-folium swaps into a map it keeps (see build_event_map_parts);
    ``load_from(url)`` into a script file of its own, for a layer of that kept map.
    """

    kind = "data"  # also the name of the EventMap function that draws the layer
    default_js = EVENTMAP_JS
    default_css: tuple[tuple[str, str], ...] = ()
    _template = Template(
        "{% macro script(this, kwargs) %}"
        "var {{ this.get_name() }} = EventMap.{{ this.kind }}({{ this.map_name() }}, "
        "{% if this.inline %}{{ this.inline_data() }}{% else %}{{ this.data_id|tojson }}{% endif %}, "
        "{{ this.options|tojson }});"
        "{% endmacro %}"
    )

    def __init__(self, data_json: str, digest: str) -> None:
        super().__init__()
        self._name = f"Event{self.kind.capitalize()}"
        self._id = digest
        self.data_json = data_json
        self.data_id = f"ev-{self.kind}-{digest}"
        self.inline = False
        self.script_url: str | None = None

    def load_from(self, url: str) -> None:
        """Read the data from the script at ``url`` (maps.assets.write_data_script), loaded with the
        map's scripts, instead of from an element in the page: a kept base map's html travels with
        every rerun, and its outlines and names were half of each filter change's message."""
        self.script_url = url
        self.default_js = [*type(self).default_js, (self.data_id, url)]

    def map_name(self) -> str:
        return map_name(self)

    def inline_data(self) -> str:
        return inline_json(self.data_json)

    def render(self, **kwargs: object) -> None:
        if not self.inline and self.script_url is None:
            # data_json is script-safe (see payload.script_safe_json): no "<" can end the element early.
            markup = f'\n<script type="application/json" id="{self.data_id}">{self.data_json}</script>\n'
            self.get_root().html.add_child(RawHtml(markup), name=self.data_id)
        super().render(**kwargs)


class EventClusters(DataLayer):
    """Every located event as a coloured, fatality-sized marker, clustered by zoom."""

    kind = "clusters"
    default_js = (*CLUSTER_JS, *EVENTMAP_JS)
    default_css = CLUSTER_CSS

    def __init__(self, data_json: str, digest: str) -> None:
        super().__init__(data_json, digest)
        self.options = {"colours": list(TYPE_COLOURS), "types": list(TYPE_ORDER),
                        "diameters": [b.diameter_px for b in SIZE_BANDS],
                        "minFatalities": [b.min_fatalities for b in SIZE_BANDS]}


class EventCells(DataLayer):
    """Many events as server-side cells per zoom level (maps/cells.py); single events keep their colour."""

    kind = "cells"

    def __init__(self, data_json: str, digest: str) -> None:
        super().__init__(data_json, digest)
        self.options = {"colours": list(TYPE_COLOURS), "types": list(TYPE_ORDER),
                        "diameters": [b.diameter_px for b in SIZE_BANDS],
                        "minFatalities": [b.min_fatalities for b in SIZE_BANDS]}


class EventHeat(DataLayer):
    """Event density as a heat map (Leaflet.heat, served from folium's own copy)."""

    kind = "heat"
    default_js = (*HEAT_JS, *EVENTMAP_JS)

    def __init__(self, data_json: str, digest: str, *, points: int, map_max_zoom: int) -> None:
        super().__init__(data_json, digest)
        self.options = {"radius": 14, "blur": 16, "maxZoom": heat_full_zoom(points, map_max_zoom)}


def heat_full_zoom(points: int, map_max_zoom: int) -> int:
    """Leaflet.heat's maxZoom: the zoom where one point alone reaches full intensity.

    Each zoom level below it halves a point's weight, so a fixed value either washes
    out a few dozen events or saturates 100,000; log2(points) keeps both readable.
    """
    return max(6, min(map_max_zoom, round(math.log2(max(points, 1)))))


class DistrictCircles(DataLayer):
    """One circle per district, its area proportional to the number of events."""

    kind = "districts"

    def __init__(self, data_json: str, digest: str) -> None:
        super().__init__(data_json, digest)
        self.options = {"maxRadius": 34, "fill": "#c0392b", "stroke": "#7b241c"}


class Outlines(DataLayer):
    """District and province outlines on a light background: the offline base map."""

    kind = "outlines"
    _template = Template(
        "{% macro script(this, kwargs) %}"
        "EventMap.outlines({{ this._parent.get_name() }}, {{ this.data_id|tojson }}, {{ this.options|tojson }});"
        "{% endmacro %}"
    )

    def __init__(self, data_json: str, digest: str, *, over_tiles: bool) -> None:
        super().__init__(data_json, digest)
        # Offline, a light fill is the land; over tiles it would only wash them out.
        self.options = {"fillOpacity": 0.0 if over_tiles else 0.55}


class PlaceLabels(DataLayer):
    """Province, district and town names (maps/labels.py), placed without overlaps in the browser."""

    kind = "labels"
    default_js = LABELS_JS
    _template = Template(
        "{% macro script(this, kwargs) %}"
        "MapLabels.labels({{ this._parent.get_name() }}, {{ this.data_id|tojson }}, {});"
        "{% endmacro %}"
    )


class FitView(RawMacros):
    """Fit the map to the events before any layer is drawn, without animation.

    folium.FitBounds animates from the initial view, so the clusters would be
    built and painted twice (once per zoom level). The fit is redone when the map
    iframe is resized, until the user pans or zooms.
    """

    default_js = EVENTMAP_JS
    default_css: tuple[tuple[str, str], ...] = ()

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "EventMap.fit({{ this.map_name() }}, {{ this.bounds|tojson }}, {{ this.options|tojson }});"
        "{% endmacro %}"
    )

    def __init__(self, bounds: list[list[float]], *, max_zoom: int, padding_px: int = 20) -> None:
        super().__init__()
        self._name = "FitView"
        self._id = "fit"
        self.bounds = bounds
        self.options = {"maxZoom": max_zoom, "padding": [padding_px, padding_px], "animate": False}

    def map_name(self) -> str:
        return map_name(self)


class Legend(RawMacros):
    """Event type colours, the fatality size key and short notes (e.g. unlocated events)."""

    default_js = EVENTMAP_JS
    default_css: tuple[tuple[str, str], ...] = ()
    _template = Template(
        "{% macro script(this, kwargs) %}"
        "EventMap.legend({{ this.map_name() }}, {{ this.options_json }});"
        "{% endmacro %}"
    )

    def __init__(self, *, title: str, show_types: bool, notes: tuple[str, ...]) -> None:
        super().__init__()
        self._name = "EventLegend"
        self._id = "legend"
        self.options_json = script_safe_json({
            "title": title, "showTypes": show_types, "notes": list(notes),
            "types": list(TYPE_ORDER), "colours": list(TYPE_COLOURS),
            "diameters": [b.diameter_px for b in SIZE_BANDS],
            "sizeLabels": [b.label for b in SIZE_BANDS],
        })

    def map_name(self) -> str:
        return map_name(self)


class LayerAssets(RawMacros):
    """Every script and style any event layer needs, on a map that is kept while its layers change.

    streamlit-folium loads a map's scripts once, when it creates the iframe; a layer swapped in
    later (heat after clusters) finds only what was loaded then.
    """

    default_js = (*CLUSTER_JS, *HEAT_JS, *EVENTMAP_JS)
    default_css = CLUSTER_CSS
    _template = Template("")

    def __init__(self) -> None:
        super().__init__()
        self._name = "LayerAssets"
        self._id = "assets"
