"""get_geocoder(): the offline geopy geocoder and the gazetteer-then-Nominatim chain (fake adapter)."""
from __future__ import annotations

import socket

import pytest
from geopy.adapters import BaseSyncAdapter
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from errors import ConfigurationError
from geo import get_geocoder
from geo.geocoders import GazetteerGeocoder


class FakeNominatimAdapter(BaseSyncAdapter):
    """Answers Nominatim's search URL with a canned JSON body and records every call."""
    calls: list[str] = []

    def __init__(self, *, proxies, ssl_context):
        super().__init__(proxies=proxies, ssl_context=ssl_context)

    def get_json(self, url, *, timeout, headers):
        FakeNominatimAdapter.calls.append(url)
        return [{"lat": "27.5", "lon": "65.1", "display_name": "Somewhere, Balochistan, Pakistan", "place_id": 1}]

    def get_text(self, url, *, timeout, headers):
        raise AssertionError("not used by Nominatim.geocode")


class FakeClock:
    def __init__(self):
        self.now = 100.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture
def chain(tmp_path):
    FakeNominatimAdapter.calls = []
    clock = FakeClock()
    geocoder = get_geocoder("nominatim", user_agent="events-dashboard-tests", store_url=f"sqlite:///{tmp_path}/s.db",
                            adapter_factory=FakeNominatimAdapter, clock=clock, sleep=clock.sleep)
    return geocoder, clock


def test_default_geocoder_is_offline_and_makes_no_network_calls(no_network):
    geocoder = get_geocoder()
    assert isinstance(geocoder, GazetteerGeocoder) and isinstance(geocoder, Geocoder)
    location = geocoder.geocode("Panjgur")
    assert isinstance(location, Location)
    assert location.raw["admin2"] == "Panjgur" and location.raw["reason"]
    assert location.raw["candidates"][0]["name"] == location.raw["name"]
    assert geocoder.geocode("Qqqzz Nowhere") is None


def test_offline_geocoder_returns_all_candidates_when_asked():
    locations = get_geocoder("offline").geocode("Kalat", exactly_one=False)
    assert len(locations) >= 2 and {loc.raw["kind"] for loc in locations} >= {"populated place", "district"}


def test_unknown_geocoder_name_lists_valid_names():
    with pytest.raises(ConfigurationError, match="offline, nominatim"):
        get_geocoder("googlez")


def test_nominatim_needs_a_user_agent(tmp_path):
    with pytest.raises(ConfigurationError, match="user agent"):
        get_geocoder("nominatim", user_agent="", store_url=f"sqlite:///{tmp_path}/s.db")


def test_chain_asks_the_gazetteer_first(chain, no_network):
    geocoder, _ = chain
    assert geocoder.geocode("Quetta").raw["provider"] == "offline"
    assert FakeNominatimAdapter.calls == []


def test_chain_rate_limits_misses_without_real_sleep_and_caches(chain, no_network):
    geocoder, clock = chain
    first = geocoder.geocode("Qqqzz Hamlet One")
    second = geocoder.geocode("Qqqzz Hamlet Two")
    assert (first.latitude, first.longitude) == (27.5, 65.1)
    assert len(FakeNominatimAdapter.calls) == 2
    assert clock.slept and sum(clock.slept) >= 1.0 - 1e-9   # the second request waited for its slot
    again = geocoder.geocode("qqqzz hamlet one")               # cache hit: no third request
    assert len(FakeNominatimAdapter.calls) == 2
    assert (again.latitude, again.longitude) == (27.5, 65.1)


def test_chain_cache_persists_in_the_store_database(db_url, no_network):
    FakeNominatimAdapter.calls = []
    options = dict(user_agent="tests", store_url=db_url, adapter_factory=FakeNominatimAdapter,
                   clock=FakeClock(), sleep=lambda s: None)
    get_geocoder("nominatim", **options).geocode("Qqqzz Hamlet")
    get_geocoder("nominatim", **options).geocode("Qqqzz Hamlet")
    assert len(FakeNominatimAdapter.calls) == 1


def test_geocoder_from_settings_defaults_offline_and_checks_the_user_agent(tmp_path):
    from config import load_settings
    from geo import geocoder_from_settings

    assert isinstance(geocoder_from_settings(load_settings({})), GazetteerGeocoder)
    online = load_settings({"EVENTS_GEOCODER": "nominatim", "EVENTS_STORE_URL": f"sqlite:///{tmp_path}/s.db"})
    with pytest.raises(ConfigurationError, match="EVENTS_NOMINATIM_USER_AGENT"):
        geocoder_from_settings(online)
    with pytest.raises(ConfigurationError, match="valid names"):
        geocoder_from_settings(load_settings({"EVENTS_GEOCODER": "bing"}))
