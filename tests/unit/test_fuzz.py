"""Fuzzing the entry points with Hypothesis: random bytes, random CSV rows and random URL parameters.

Each property holds for every example: the input gives a valid result or one of the project's own
errors (errors.py), never another exception, and a failed write leaves the store as it was.
Example counts are fixed so ``make test`` stays fast: 150 for each pure reader (random bytes as an event
file, random JSON documents as an event file, random bytes as an article file, random pasted text) and 60
for each test that also writes or queries the store (random CSV rows, random URL parameter sets): 720 in all.
"""
from __future__ import annotations

import csv
import io
import json
import string
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data.filters import PARAM_KEYS, Filters
from data.loader import LoadResult, read_events, to_frame
from data.sample import seed_store
from data.schema import COLUMN_NAMES, EVENT_TYPES
from data.store import EventStore
from errors import DashboardError
from extraction.article import read_article

READER_EXAMPLES, STORE_EXAMPLES = 150, 60
_COMMON = dict(deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FUZZ = settings(max_examples=READER_EXAMPLES, **_COMMON)
FUZZ_STORE = settings(max_examples=STORE_EXAMPLES, **_COMMON)

SUFFIXES = st.sampled_from([".csv", ".json", ".geojson", ".txt", ""])
# Cells that look like what real files hold, plus the hostile ones.
CELLS = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["", "NA", "NULL", "16 May 2025", "2021-01-02T00:00:00Z", "2025-05", "1850-01-01",
                     "31/12/2025", "Battles", "Armed clash", "Protests", "Peaceful protest", "13", "7", "0",
                     "-1", "1e999", "nan", str(10**23), "=HYPERLINK(1)", "a\rb", 'x"y', "Quetta", "Noshki",
                     "30.2", "-200", "located", "imported", "Picnic", "\x00"]),
    st.integers(min_value=-10**25, max_value=10**25).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)
HEADER = st.lists(st.sampled_from(list(COLUMN_NAMES) + ["population_best", "EVENT_DATE", " actor1 ", ""]),
                  min_size=1, max_size=12)


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory) -> EventStore:
    store = EventStore(f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'fuzz.sqlite'}")
    seed_store(store, 40, seed=5)
    yield store
    store.close()


def _check(result: LoadResult) -> None:
    assert list(result.frame.columns) == list(COLUMN_NAMES)
    assert result.frame["event_id_cnty"].is_unique
    assert set(result.frame["event_type"].dropna()) <= set(EVENT_TYPES)
    to_frame(result.frame)  # still convertible


@FUZZ
@given(data=st.binary(max_size=2000), suffix=SUFFIXES)
def test_random_bytes_give_events_or_a_schema_error(data, suffix):
    try:
        result = read_events(data, filename="fuzz" + suffix)
    except DashboardError:
        return
    _check(result)


@FUZZ_STORE
@given(header=HEADER, rows=st.lists(st.lists(CELLS, max_size=14), max_size=8),
       core=st.booleans())
def test_random_csv_rows_give_events_or_rejects_and_a_failed_write_changes_nothing(fuzz_store, header, rows, core):
    if core:  # often a file that has the required columns, so rows reach the row checks
        header = ["event_date", "event_type", "actor1", "location"] + header
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    try:
        result = read_events(out.getvalue().encode("utf-8", "surrogatepass"), filename="rows.csv")
    except (DashboardError, UnicodeEncodeError):
        return
    _check(result)
    before, version = fuzz_store.count(), fuzz_store.data_version()
    try:
        summary = fuzz_store.upsert_events(result.frame)
    except DashboardError:
        assert (fuzz_store.count(), fuzz_store.data_version()) == (before, version)
        return
    assert fuzz_store.count() == before + summary.new


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | CELLS,
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
                    max_leaves=12)
RECORD = st.dictionaries(st.sampled_from(list(COLUMN_NAMES) + ["extra"]), JSON | CELLS, max_size=10)
DOCUMENT = st.one_of(
    st.lists(RECORD, max_size=6),
    st.fixed_dictionaries({"events": st.lists(RECORD, max_size=6)}),
    st.fixed_dictionaries({"type": st.just("FeatureCollection"),
                           "features": st.lists(JSON | st.fixed_dictionaries(
                               {"properties": RECORD | JSON, "geometry": JSON}), max_size=6)}),
    JSON,
)


@FUZZ
@given(document=DOCUMENT, suffix=st.sampled_from([".json", ".geojson"]))
def test_random_json_documents_give_events_or_a_schema_error(document, suffix):
    data = json.dumps(document, allow_nan=True).encode("utf-8", "surrogatepass")
    try:
        result = read_events(data, filename="fuzz" + suffix)
    except DashboardError:
        return
    _check(result)


@FUZZ
@given(data=st.binary(max_size=1500), suffix=st.sampled_from([".txt", ".html", ".json", ".md", ""]))
def test_random_bytes_give_an_article_or_an_article_error(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / ("article" + suffix)
        path.write_bytes(data)
        try:
            article = read_article(path)
        except DashboardError:
            return
    assert article.body.strip() and article.article_id


VALUES = st.one_of(st.text(max_size=30), st.sampled_from(["2026-01-01", "2026-13-01", "Balochistan", "Battles",
                                                          "armed clash", "1" * 5000, str(10**23), "-3", "\x00",
                                                          "%", "_", "'; DROP TABLE events; --"]))
PARAMS = st.dictionaries(st.one_of(st.sampled_from(PARAM_KEYS), st.text(max_size=8)),
                         st.one_of(VALUES, st.lists(VALUES, max_size=4)), max_size=8)


@pytest.fixture(scope="module")
def query_store(tmp_path_factory):
    store = EventStore(f"sqlite:///{tmp_path_factory.mktemp('fuzzq') / 'query.sqlite'}")
    seed_store(store, 60, seed=6)
    yield store, store.load_frame()
    store.close()


@FUZZ_STORE
@given(params=PARAMS)
def test_random_url_parameters_parse_and_query_without_error(query_store, params):
    store, frame = query_store
    filters, warnings = Filters.from_query_params(params)
    assert all(isinstance(w, str) for w in warnings)
    in_sql = store.query(filters)["event_id_cnty"]
    assert sorted(in_sql) == sorted(filters.apply(frame)["event_id_cnty"])
    again, _ = Filters.from_query_params(filters.to_query_params())
    assert again == filters
    assert filters.describe(len(in_sql))


@FUZZ
@given(text=st.text(alphabet=string.printable + "\x00\r\u00e9\uff1d", max_size=400))
def test_random_pasted_text_gives_an_article_or_an_article_error(text):
    from ingest.run import default_pipeline

    try:
        article = default_pipeline().parse_article(text)
    except DashboardError:
        return
    assert article.body.strip()
