"""The offline base map: district and province outlines from the gazetteer's GeoJSON.

The outlines come from ``geo.districts_geojson()`` (built by ``python -m geo.build``).
Until that exists the map still works, without outlines, and says why.
"""
from __future__ import annotations

import functools
import importlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

import shapely
from shapely.geometry import mapping, shape

from errors import DashboardError, GeocodeError
from maps.payload import content_digest, script_safe_json

GeoSource = Callable[[], dict]
SIMPLIFY_DEGREES = 0.005   # ~500 m, the detail geo.build keeps: ~0.3 MB for all of Pakistan
PRECISION_DEGREES = 0.0001
CLOSE_DEGREES = 0.01
BUILD_HINT = "build it with `python -m geo.build`"


@dataclass(frozen=True, slots=True)
class DistrictPoint:
    name: str
    admin1: str
    latitude: float
    longitude: float


@dataclass(frozen=True, slots=True)
class BaseMap:
    outlines_json: str
    digest: str
    centroids: tuple[DistrictPoint, ...]
    provinces: tuple[DistrictPoint, ...] = ()   # a label point inside each province


class BaseMapUnavailable(GeocodeError):
    """The district GeoJSON is not there (geo helper not built yet)."""


def default_geo_source() -> dict:
    """``geo.districts_geojson()``, looked up at call time so a later build is picked up."""
    try:
        geo = importlib.import_module("geo")
        source = getattr(geo, "districts_geojson")
    except (ImportError, AttributeError) as exc:
        raise BaseMapUnavailable(f"geo.districts_geojson() is not available ({exc}); {BUILD_HINT}") from exc
    return source()


def _feature_collection(source: GeoSource) -> dict:
    try:
        collection = source()
    except BaseMapUnavailable:
        raise
    except (OSError, DashboardError, ValueError) as exc:
        hint = "" if "geo.build" in str(exc) else f"; {BUILD_HINT}"
        raise BaseMapUnavailable(f"{exc}{hint}") from exc
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        raise BaseMapUnavailable("district outlines: expected a GeoJSON FeatureCollection, got "
                                 f"{type(collection).__name__}")
    return collection


def _simplified(geometry: shapely.Geometry) -> dict:
    # Closing (grow, then shrink) removes the slivers left between dissolved tehsils.
    closed = geometry.buffer(CLOSE_DEGREES, join_style="mitre").buffer(-CLOSE_DEGREES, join_style="mitre")
    small = shapely.set_precision(closed.simplify(SIMPLIFY_DEGREES, preserve_topology=True), PRECISION_DEGREES)
    return mapping(small)


def _feature(geometry: dict, **properties: object) -> dict:
    return {"type": "Feature", "properties": properties, "geometry": geometry}


@functools.lru_cache(maxsize=4)
def load_base_map(source: GeoSource = default_geo_source) -> BaseMap:
    """Outlines (simplified, provinces dissolved from districts) and district centroids.

    Cached per source: the GeoJSON only changes with a gazetteer rebuild, which
    restarts the app. Failures raise BaseMapUnavailable and are not cached.
    """
    collection = _feature_collection(source)
    districts, centroids = [], []
    by_province: dict[str, list[shapely.Geometry]] = defaultdict(list)
    for feature in collection.get("features", []):
        props = feature.get("properties") or {}
        name, admin1 = str(props.get("name", "")), str(props.get("admin1", ""))
        lat, lon = props.get("centroid_lat"), props.get("centroid_lon")
        if name and isinstance(lat, (int, float)) and isinstance(lon, (int, float)):
            centroids.append(DistrictPoint(name, admin1, float(lat), float(lon)))
        if not feature.get("geometry"):
            continue
        geometry = shape(feature["geometry"])
        districts.append(_feature(_simplified(geometry), name=name, admin1=admin1))
        by_province[admin1].append(geometry)
    provinces, province_points = [], []
    for admin1, parts in sorted(by_province.items()):
        if not admin1:
            continue
        whole = shapely.union_all(parts).buffer(0)
        provinces.append(_feature(_simplified(whole), name=admin1))
        province_points.append(_label_point(admin1, whole))
    outlines = script_safe_json({
        "districts": {"type": "FeatureCollection", "features": districts},
        "provinces": {"type": "FeatureCollection", "features": provinces},
    })
    centroids.sort(key=lambda p: (p.admin1, p.name))
    return BaseMap(outlines_json=outlines, digest=content_digest(outlines), centroids=tuple(centroids),
                   provinces=tuple(province_points))


def _label_point(name: str, geometry: shapely.Geometry) -> DistrictPoint:
    # The centroid reads best; a concave province's centroid may fall outside it.
    point = geometry.centroid
    if not geometry.contains(point):
        point = geometry.representative_point()
    return DistrictPoint(name, name, round(point.y, 4), round(point.x, 4))
