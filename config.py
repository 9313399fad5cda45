"""Settings read from the environment, once, into a frozen value.

Every online service is off unless configured here; the defaults run fully offline.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent
DEFAULT_STORE_PATH = ROOT / "var" / "events.sqlite"


@dataclass(frozen=True, slots=True)
class Settings:
    store_url: str
    geocoder: str            # "offline" (default) or "nominatim" (offline first, online for misses)
    nominatim_user_agent: str
    tiles: str               # "none" (offline outlines only) or a tile URL template / folium tile name
    extractor: str           # "rules" (default) or "llm"
    llm_base_url: str
    llm_model: str
    llm_api_key: str
    analyst: str = "analyst"  # recorded with every correction (EVENTS_ANALYST)


def load_settings(env: dict[str, str] | None = None) -> Settings:
    env = dict(os.environ if env is None else env)
    return Settings(
        store_url=env.get("EVENTS_STORE_URL") or f"sqlite:///{DEFAULT_STORE_PATH}",
        geocoder=env.get("EVENTS_GEOCODER", "offline"),
        nominatim_user_agent=env.get("EVENTS_NOMINATIM_USER_AGENT", ""),
        tiles=env.get("EVENTS_TILES", "none"),
        extractor=env.get("EVENTS_EXTRACTOR", "rules"),
        llm_base_url=env.get("EVENTS_LLM_BASE_URL", ""),
        llm_model=env.get("EVENTS_LLM_MODEL", ""),
        llm_api_key=env.get("EVENTS_LLM_API_KEY", ""),
        analyst=(env.get("EVENTS_ANALYST") or env.get("USER") or "analyst").strip() or "analyst",
    )
