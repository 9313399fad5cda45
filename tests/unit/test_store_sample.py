"""The synthetic sample that seeds test and benchmark stores."""
from __future__ import annotations

import pandas as pd
import pytest

from data.loader import to_frame
from data.sample import SITES, seed_store, synthetic_events
from data.schema import COLUMN_NAMES, DISORDER_TYPES, EVENT_TYPES
from errors import ConfigurationError


def test_same_seed_same_frame_other_seed_other_frame():
    a, b, c = synthetic_events(500, seed=3), synthetic_events(500, seed=3), synthetic_events(500, seed=4)
    pd.testing.assert_frame_equal(a, b)
    assert not a["event_id_cnty"].isin(c["event_id_cnty"]).any()


def test_full_schema_typed_and_unique_ids():
    frame = synthetic_events(1000, seed=1)
    assert list(frame.columns) == list(COLUMN_NAMES)
    assert frame.dtypes.astype(str).equals(to_frame([]).dtypes.astype(str))
    assert frame["event_id_cnty"].is_unique and frame["event_id_cnty"].str.startswith("PAK").all()
    assert set(frame["origin"]) == {"synthetic"}


def test_taxonomy_and_disorder_types_are_consistent():
    frame = synthetic_events(2000, seed=2)
    for etype, sub, disorder in frame[["event_type", "sub_event_type", "disorder_type"]].drop_duplicates().itertuples(index=False):
        assert sub in EVENT_TYPES[etype] and DISORDER_TYPES[etype] == disorder
    assert frame["event_type"].nunique() == len(EVENT_TYPES)


def test_points_stay_near_their_district_town_and_unlocated_rows_have_no_point():
    frame = synthetic_events(3000, seed=5)
    located = frame[frame["geo_status"] == "located"]
    site = {s.location: s for s in SITES}
    for row in located.itertuples():
        s = site[row.location]
        assert (row.latitude - s.latitude) ** 2 + (row.longitude - s.longitude) ** 2 <= s.radius ** 2 + 1e-9
        assert row.admin2 == s.admin2 and row.admin1 == s.admin1
    unlocated = frame[frame["geo_status"] == "unlocated"]
    assert len(unlocated) and unlocated["latitude"].isna().all() and unlocated["geo_name"].eq("").all()


def test_dates_span_years_and_fatalities_are_skewed():
    frame = synthetic_events(5000, seed=6)
    assert frame["event_date"].dt.year.nunique() >= 4
    assert (frame["year"] == frame["event_date"].dt.year).all()
    deaths = frame["fatalities"].astype(int)
    assert deaths.median() <= 1 < deaths.mean() and deaths.max() >= 20
    assert frame["evidence"].str.len().min() > 20


def test_negative_n_is_refused():
    with pytest.raises(ConfigurationError, match="-1"):
        synthetic_events(-1)


def test_seed_store_writes_the_sample(empty_store):
    assert seed_store(empty_store, 50, seed=8).new == 50
    assert empty_store.count() == 50


def test_every_site_disc_lies_inside_its_district_polygon():
    geo = pytest.importorskip("geo", reason="the geo package (district polygons) is not available")
    shapely_geometry = pytest.importorskip("shapely.geometry")
    import math

    polygons = {(f["properties"]["admin1"], f["properties"]["name"]): shapely_geometry.shape(f["geometry"])
                for f in geo.districts_geojson()["features"]}
    for site in SITES:
        polygon = polygons[(site.admin1, site.admin2)]
        rim = [(site.longitude + site.radius * math.cos(a), site.latitude + site.radius * math.sin(a))
               for a in (i * math.pi / 16 for i in range(32))]
        assert all(polygon.contains(shapely_geometry.Point(p)) for p in [(site.longitude, site.latitude), *rim]), site
