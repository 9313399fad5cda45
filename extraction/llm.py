"""Optional extractor backed by an OpenAI-compatible chat-completions endpoint.

The HTTP call is an injected function, so tests replay a recorded response. The model's
JSON is validated into the same rows as the rules extractor; an event whose evidence is
not verbatim in the article, or whose type is not ACLED's, is dropped.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Callable

from config import load_settings
from data.schema import EVENT_TYPES
from errors import ConfigurationError, ExtractionError
from extraction.article import Article

Post = Callable[[str, dict, dict], dict]  # (url, headers, payload) -> decoded JSON response

_FIELDS = ("event_date", "location", "admin1", "admin2", "event_type", "sub_event_type", "actor1", "actor2",
           "fatalities", "evidence")
PROMPT = (
    "You code news into ACLED events for Pakistan. Return ONLY a JSON object {\"events\": [...]}; each event has "
    + ", ".join(_FIELDS) + ". One event per place, day, event type and actor pair. event_date is the day of "
    "the incident (YYYY-MM-DD) resolved against the publication date; statement days are not event days. "
    "location is the most specific place named (never a dateline, home town, destination or hospital). "
    "fatalities: the most conservative figure, the latest confirmed toll, injuries never counted. evidence: "
    "sentences copied verbatim from the article, non-adjacent pieces joined by ' [...] '. No events for "
    "meetings, statements, funerals or background incidents without a day."
)


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _requests_post(url: str, headers: dict, payload: dict) -> dict:
    import requests

    response = requests.post(url, headers=headers, json=payload, timeout=120)
    response.raise_for_status()
    return response.json()


@dataclass(frozen=True, slots=True)
class LlmExtractor:
    base_url: str
    model: str
    api_key: str = ""
    post: Post = _requests_post
    name: str = "llm"
    version: str = "llm-1"

    @classmethod
    def from_settings(cls, *, post: Post | None = None, env: dict[str, str] | None = None) -> "LlmExtractor":
        settings = load_settings(env)
        if not settings.llm_base_url or not settings.llm_model:
            raise ConfigurationError(
                "the 'llm' extractor needs EVENTS_LLM_BASE_URL and EVENTS_LLM_MODEL "
                f"(got base URL {settings.llm_base_url!r}, model {settings.llm_model!r})")
        return cls(settings.llm_base_url.rstrip("/"), settings.llm_model, settings.llm_api_key,
                   post or _requests_post)

    def extract(self, article: Article) -> list[dict]:
        payload = {
            "model": self.model,
            "temperature": 0,
            "response_format": {"type": "json_object"},
            "messages": [
                {"role": "system", "content": PROMPT},
                {"role": "user", "content": f"published: {article.published}\nurl: {article.url}\n---\n{article.body}"},
            ],
        }
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        response = self.post(f"{self.base_url}/chat/completions", headers, payload)
        try:
            content = response["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError) as exc:
            raise ExtractionError(f"llm response has no choices[0].message.content: {str(response)[:200]}") from exc
        return parse_events(content, article)


def parse_events(content: str, article: Article) -> list[dict]:
    """Validated event dicts from the model's JSON text; invalid events are dropped."""
    text = re.sub(r"^```(?:json)?\s*|\s*```$", "", content.strip())
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ExtractionError(f"llm returned invalid JSON ({exc.msg}): {text[:200]!r}") from exc
    items = data.get("events", []) if isinstance(data, dict) else data
    body = _norm(article.body)
    events = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        event = {k: item.get(k, "") for k in _FIELDS}
        pieces = [p for p in str(event["evidence"]).split(" [...] ") if p.strip()]
        if not pieces or any(_norm(p) not in body for p in pieces):
            continue  # evidence not verbatim: the model paraphrased or invented
        if event["event_type"] not in EVENT_TYPES or event["sub_event_type"] not in EVENT_TYPES[event["event_type"]]:
            continue
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(event["event_date"])) or not str(event["location"]).strip():
            continue
        try:
            event["fatalities"] = max(0, int(event["fatalities"] or 0))
        except (TypeError, ValueError):
            continue
        event.update(place_raw=event["location"], time_precision=1, source_url=article.url,
                     notes="llm: evidence checked verbatim")
        events.append(event)
    return events
