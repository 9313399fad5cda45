"""The extractor interface and the registry that picks one by name."""
from __future__ import annotations

from typing import Callable, Protocol, runtime_checkable

from errors import ConfigurationError
from extraction.article import Article


@runtime_checkable
class Extractor(Protocol):
    name: str
    version: str

    def extract(self, article: Article) -> list[dict]:
        """Events of one article as dicts (event_date, location, event_type, ..., evidence)."""


def _rules(**opts: object) -> Extractor:
    from extraction.rules import RulesExtractor

    if opts:
        raise ConfigurationError(f"the 'rules' extractor takes no options, got {sorted(opts)}")
    return RulesExtractor()


def _llm(**opts: object) -> Extractor:
    from extraction.llm import LlmExtractor

    return LlmExtractor.from_settings(**opts)


EXTRACTORS: dict[str, Callable[..., Extractor]] = {"rules": _rules, "llm": _llm}


def get_extractor(name: str = "rules", **opts: object) -> Extractor:
    """The extractor called ``name``; ConfigurationError names the valid ones otherwise."""
    try:
        factory = EXTRACTORS[name.strip().lower()]
    except KeyError:
        raise ConfigurationError(
            f"unknown extractor {name!r}; expected one of: {', '.join(sorted(EXTRACTORS))}") from None
    return factory(**opts)
