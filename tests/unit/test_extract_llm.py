"""The optional LLM extractor, replaying a recorded chat-completions response (no network)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from errors import ConfigurationError, ExtractionError
from extraction.article import read_article
from extraction.base import get_extractor
from extraction.llm import LlmExtractor

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
ENV = {"EVENTS_LLM_BASE_URL": "http://llm.test/v1/", "EVENTS_LLM_MODEL": "m", "EVENTS_LLM_API_KEY": "k"}


def recorded(calls: list):
    def post(url: str, headers: dict, payload: dict) -> dict:
        calls.append((url, headers, payload))
        return json.loads((FIXTURES / "llm_response.json").read_text(encoding="utf-8"))
    return post


def test_recorded_response_is_validated_and_paraphrased_evidence_dropped():
    calls: list = []
    extractor = LlmExtractor.from_settings(post=recorded(calls), env=ENV)
    article = read_article(FIXTURES / "ied_turbat.txt")
    events = extractor.extract(article)
    # the second recorded event quotes a sentence that is not in the article: dropped
    assert [(e["location"], e["fatalities"], e["event_date"]) for e in events] == [("Hoshab", 2, "2024-03-09")]
    url, headers, payload = calls[0]
    assert url == "http://llm.test/v1/chat/completions" and headers["Authorization"] == "Bearer k"
    assert payload["model"] == "m" and article.body in payload["messages"][1]["content"]


def test_invalid_json_from_model_raises():
    def post(url, headers, payload):
        return {"choices": [{"message": {"content": "sorry, no JSON"}}]}
    extractor = LlmExtractor.from_settings(post=post, env=ENV)
    with pytest.raises(ExtractionError, match="invalid JSON"):
        extractor.extract(read_article(FIXTURES / "ied_turbat.txt"))


def test_missing_settings_are_a_configuration_error():
    with pytest.raises(ConfigurationError, match="EVENTS_LLM_BASE_URL"):
        LlmExtractor.from_settings(env={})


def test_registry_lists_valid_names():
    assert get_extractor().name == "rules"
    with pytest.raises(ConfigurationError, match="llm, rules"):
        get_extractor("gpt")
