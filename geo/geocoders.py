"""geopy-compatible geocoders: the offline gazetteer, and gazetteer-then-Nominatim.

The online path asks Nominatim only for names the gazetteer misses, at most one request
a second (Nominatim's usage policy), and remembers every answer, including "not found",
in the store database so a name is never asked twice.
"""
from __future__ import annotations

import json
import time
from collections.abc import Callable

from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from sqlalchemy import Boolean, Column, Float, MetaData, String, Table, Text, create_engine, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from errors import ConfigurationError, GeocoderUnavailable, StoreError
from geo.gazetteer import Gazetteer, default_gazetteer
from geo.names import fold
from geo.place import Place, Resolution

GEOCODERS = ("offline", "nominatim")

_metadata = MetaData()
geocode_cache = Table(
    "geocode_cache", _metadata,
    Column("provider", String(32), primary_key=True),
    Column("query", String(512), primary_key=True),
    Column("found", Boolean, nullable=False),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("address", Text),
    Column("raw", Text),
    Column("fetched_at", Float, nullable=False),
)


def _location(place: Place, resolution: Resolution) -> Location:
    raw = place.as_dict() | {"candidates": [c.as_dict() for c in resolution.candidates],
                             "reason": resolution.reason, "provider": "offline"}
    address = ", ".join(part for part in (place.name, place.admin2, place.admin1, "Pakistan") if part)
    return Location(address, (place.latitude, place.longitude), raw)


class GazetteerGeocoder(Geocoder):
    """The offline gazetteer behind geopy's Geocoder interface; never touches the network."""

    def __init__(self, gazetteer: Gazetteer | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        return self._gazetteer or default_gazetteer()

    def resolve(self, query: str, admin1: str | None = None, admin2: str | None = None) -> Resolution:
        return self.gazetteer.resolve(query, admin1, admin2)

    def geocode(self, query: str, *, exactly_one: bool = True, admin1: str | None = None,
                admin2: str | None = None, timeout=None):
        found = self.resolve(query, admin1, admin2)
        if found.place is None:
            return None
        if exactly_one:
            return _location(found.place, found)
        return [_location(c, Resolution(query, c, found.candidates, found.reason)) for c in found.candidates]

    def reverse(self, query, *, exactly_one=True, timeout=None):
        raise NotImplementedError("the offline gazetteer does not reverse-geocode")


class GeocodeCache:
    """Answers of online geocoders, kept in the store database (table ``geocode_cache``)."""

    def __init__(self, engine: Engine, provider: str, clock: Callable[[], float] = time.time) -> None:
        self.engine, self.provider, self.clock = engine, provider, clock
        try:
            _metadata.create_all(engine, tables=[geocode_cache])
        except SQLAlchemyError as error:
            raise StoreError(f"cannot create table geocode_cache in {engine.url!r}: {error}") from error

    @staticmethod
    def key(query: str) -> str:
        return " ".join(fold(query).split())

    def get(self, query: str) -> tuple[bool, Location | None]:
        """(cached?, answer); a cached miss is (True, None)."""
        stmt = select(geocode_cache).where(geocode_cache.c.provider == self.provider,
                                           geocode_cache.c.query == self.key(query))
        with self.engine.connect() as conn:
            row = conn.execute(stmt).first()
        if row is None:
            return False, None
        if not row.found:
            return True, None
        return True, Location(row.address, (row.latitude, row.longitude), json.loads(row.raw or "{}"))

    def put(self, query: str, location: Location | None) -> None:
        values = {"provider": self.provider, "query": self.key(query), "found": location is not None,
                  "latitude": location.latitude if location else None,
                  "longitude": location.longitude if location else None,
                  "address": location.address if location else None,
                  "raw": json.dumps(location.raw, default=str) if location else None, "fetched_at": self.clock()}
        with self.engine.begin() as conn:
            conn.execute(geocode_cache.delete().where(geocode_cache.c.provider == self.provider,
                                                      geocode_cache.c.query == values["query"]))
            conn.execute(geocode_cache.insert().values(**values))


class _Limiter(RateLimiter):
    """geopy's RateLimiter with the clock and sleep injected, so tests never wait."""

    def __init__(self, func, *, clock: Callable[[], float], sleep: Callable[[float], None], **kwargs) -> None:
        super().__init__(func, **kwargs)
        self._injected_clock, self._injected_sleep = clock, sleep

    def _clock(self):
        return self._injected_clock()

    def _sleep(self, seconds):
        self._injected_sleep(seconds)


class ChainGeocoder(Geocoder):
    """Gazetteer first; the online geocoder (rate limited, cached) only for the gazetteer's misses."""

    def __init__(self, offline: GazetteerGeocoder, online: Geocoder, cache: GeocodeCache, *,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep,
                 min_delay_seconds: float = 1.0) -> None:
        super().__init__()
        self.offline, self.online, self.cache = offline, online, cache
        self._limited = _Limiter(online.geocode, clock=clock, sleep=sleep, min_delay_seconds=min_delay_seconds,
                                 max_retries=1, swallow_exceptions=False)

    def geocode(self, query: str, *, exactly_one: bool = True, admin1: str | None = None,
                admin2: str | None = None, timeout=None):
        hit = self.offline.geocode(query, exactly_one=exactly_one, admin1=admin1, admin2=admin2)
        if hit is not None:
            return hit
        cached, location = self.cache.get(query)
        if not cached:
            try:
                location = self._limited(f"{query}, Pakistan", exactly_one=True, country_codes="pk")
            except GeopyError as error:
                raise GeocoderUnavailable(f"online geocoding of {query!r} failed: {error}") from error
            self.cache.put(query, location)
        if location is None:
            return None
        return location if exactly_one else [location]

    def reverse(self, query, *, exactly_one=True, timeout=None):
        raise NotImplementedError("reverse geocoding is not used by this project")


def get_geocoder(name: str = "offline", **options) -> Geocoder:
    """A geocoder by name (geopy's ``get_geocoder_for_service`` style).

    "offline": GazetteerGeocoder(gazetteer=None).
    "nominatim": options user_agent (required), store_url (required), and for tests
    adapter_factory / online (a ready geocoder), clock, sleep, min_delay_seconds.
    """
    if name == "offline":
        return GazetteerGeocoder(options.pop("gazetteer", None), **options)
    if name == "nominatim":
        user_agent = (options.get("user_agent") or "").strip()
        if not user_agent:
            raise ConfigurationError("the nominatim geocoder needs a user agent naming your app and contact "
                                     "(set EVENTS_NOMINATIM_USER_AGENT); got an empty one")
        store_url = options.get("store_url")
        if not store_url:
            raise ConfigurationError("the nominatim geocoder needs store_url (the events store database) "
                                     "for its geocode_cache table")
        online = options.get("online") or Nominatim(user_agent=user_agent,
                                                    adapter_factory=options.get("adapter_factory"))
        engine = options.get("engine") or create_engine(store_url)
        offline = GazetteerGeocoder(options.get("gazetteer"))
        return ChainGeocoder(offline, online, GeocodeCache(engine, "nominatim"),
                             clock=options.get("clock", time.monotonic), sleep=options.get("sleep", time.sleep),
                             min_delay_seconds=options.get("min_delay_seconds", 1.0))
    raise ConfigurationError(f"unknown geocoder {name!r}; valid names: {', '.join(GEOCODERS)}")


def geocoder_from_settings(settings, **overrides) -> Geocoder:
    """The geocoder config.Settings asks for (EVENTS_GEOCODER, EVENTS_NOMINATIM_USER_AGENT, store URL)."""
    options = {"user_agent": settings.nominatim_user_agent, "store_url": settings.store_url} \
        if settings.geocoder == "nominatim" else {}
    return get_geocoder(settings.geocoder, **(options | overrides))
