"""Every exception the project raises, in one place.

Each class also inherits a builtin so callers can catch it generically
(``except ValueError`` catches a bad CSV and a bad configuration alike).
"""
from __future__ import annotations


class DashboardError(Exception):
    """Base of all project errors."""


class ConfigurationError(DashboardError, ValueError):
    """A setting (store URL, geocoder name, extractor name, ...) is invalid."""


class SchemaError(DashboardError, ValueError):
    """A whole input does not fit the event schema (missing column, unreadable file)."""


class ArticleError(DashboardError, ValueError):
    """An article cannot be read: missing, empty, undecodable or malformed header."""


class ExtractionError(DashboardError, RuntimeError):
    """An extractor failed on an article it could read."""


class GeocodeError(DashboardError, LookupError):
    """A place could not be resolved."""


class GeocoderUnavailable(GeocodeError, ConnectionError):
    """An online geocoder could not be reached (network off, rate limited, ...)."""


class StoreError(DashboardError, OSError):
    """The event store could not be opened, read or written."""


class StaleEditError(StoreError):
    """An analyst's change was made on an older version of an event that someone else changed since."""
