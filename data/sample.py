"""Synthetic events for tests and benchmarks (origin ``synthetic``).

Never written into the analyst's store unless asked for (``seed_store``).
Places are real towns of Balochistan and Khyber Pakhtunkhwa, with district
names as the gazetteer (``geo``) spells them; each point is jittered within a
radius small enough that the whole disc lies inside the district's polygon
(checked by ``tests/unit/test_store_sample.py`` when ``geo`` is built).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from data.schema import COLUMN_NAMES, DISORDER_TYPES, EVENT_TYPES
from errors import ConfigurationError

if TYPE_CHECKING:
    from data.store import EventStore, UpsertSummary

BALOCHISTAN, KP = "Balochistan", "Khyber Pakhtunkhwa"


@dataclass(frozen=True, slots=True)
class Site:
    location: str
    admin2: str
    admin1: str
    latitude: float
    longitude: float
    radius: float  # degrees; small enough to stay inside admin2
    weight: float


SITES: tuple[Site, ...] = (
    Site("Quetta", "Quetta", BALOCHISTAN, 30.19, 67.01, 0.04, 9),
    Site("Turbat", "Kech", BALOCHISTAN, 26.00, 63.05, 0.04, 7),
    Site("Tump", "Kech", BALOCHISTAN, 26.12, 62.37, 0.02, 2),
    Site("Gwadar", "Gwadar", BALOCHISTAN, 25.23, 62.33, 0.015, 4),
    Site("Pasni", "Gwadar", BALOCHISTAN, 25.29, 63.35, 0.015, 2),
    Site("Kharan", "Kharan", BALOCHISTAN, 28.58, 65.42, 0.04, 2),
    Site("Kalat", "Kalat", BALOCHISTAN, 29.03, 66.59, 0.04, 3),
    Site("Panjgur", "Panjgur", BALOCHISTAN, 26.97, 64.09, 0.015, 4),
    Site("Awaran", "Awaran", BALOCHISTAN, 26.46, 65.23, 0.03, 2),
    Site("Khuzdar", "Khuzdar", BALOCHISTAN, 27.80, 66.61, 0.04, 4),
    Site("Wadh", "Khuzdar", BALOCHISTAN, 27.35, 66.37, 0.02, 1),
    Site("Mastung", "Mastung", BALOCHISTAN, 29.80, 66.85, 0.03, 3),
    Site("Mach", "Kachhi", BALOCHISTAN, 29.87, 67.33, 0.02, 2),
    Site("Dhadar", "Kachhi", BALOCHISTAN, 29.48, 67.65, 0.03, 1),
    Site("Sibi", "Sibi", BALOCHISTAN, 29.54, 67.88, 0.03, 2),
    Site("Dera Bugti", "Dera Bugti", BALOCHISTAN, 29.03, 69.15, 0.03, 3),
    Site("Sui", "Dera Bugti", BALOCHISTAN, 28.64, 69.17, 0.02, 2),
    Site("Kohlu", "Kohlu", BALOCHISTAN, 29.90, 69.25, 0.03, 2),
    Site("Noshki", "Nushki", BALOCHISTAN, 29.55, 66.02, 0.03, 2),
    Site("Dalbandin", "Chagai", BALOCHISTAN, 28.89, 64.41, 0.04, 1),
    Site("Zhob", "Zhob", BALOCHISTAN, 31.34, 69.45, 0.04, 2),
    Site("Loralai", "Loralai", BALOCHISTAN, 30.37, 68.60, 0.03, 1),
    Site("Musakhel", "Musakhel", BALOCHISTAN, 30.86, 69.82, 0.03, 1),
    Site("Washuk", "Washuk", BALOCHISTAN, 27.73, 64.80, 0.03, 1),
    Site("Harnai", "Harnai", BALOCHISTAN, 30.10, 67.94, 0.02, 1),
    Site("Pishin", "Pishin", BALOCHISTAN, 30.58, 67.00, 0.03, 1),
    Site("Uthal", "Lasbela", BALOCHISTAN, 25.81, 66.62, 0.03, 1),
    Site("Dera Murad Jamali", "Nasirabad", BALOCHISTAN, 28.55, 68.22, 0.03, 1),
    Site("Peshawar", "Peshawar", KP, 34.00, 71.55, 0.03, 5),
    Site("Bannu", "Bannu", KP, 32.99, 70.60, 0.03, 4),
    Site("Miranshah", "North Waziristan", KP, 33.00, 70.07, 0.03, 4),
    Site("Mir Ali", "North Waziristan", KP, 33.02, 70.28, 0.02, 2),
    Site("Wana", "South Waziristan", KP, 32.30, 69.57, 0.03, 2),
    Site("Dera Ismail Khan", "Dera Ismail Khan", KP, 31.83, 70.90, 0.04, 3),
    Site("Landi Kotal", "Khyber", KP, 34.10, 71.14, 0.02, 2),
    Site("Khar", "Bajaur", KP, 34.73, 71.52, 0.02, 2),
    Site("Lakki Marwat", "Lakki Marwat", KP, 32.61, 70.91, 0.03, 2),
    Site("Tank", "Tank", KP, 32.22, 70.38, 0.03, 2),
    Site("Parachinar", "Kurram", KP, 33.90, 70.10, 0.02, 2),
    Site("Mingora", "Swat", KP, 34.77, 72.36, 0.02, 1),
)

MIL, POL, UAG = "Military Forces of Pakistan", "Police Forces of Pakistan", "Unidentified Armed Group (Pakistan)"
CIV, BLA, TTP = "Civilians (Pakistan)", "BLA: Baloch Liberation Army", "TTP: Tehreek-i-Taliban Pakistan"


@dataclass(frozen=True, slots=True)
class Scenario:
    event_type: str
    sub_event_type: str
    actor1: str
    inter1: str
    actor2: str
    inter2: str
    weight: float
    deadly: float  # mean extra deaths; 0 = never deadly
    text: str      # "{loc}" and "{dead}" are filled per row


SCENARIOS: tuple[Scenario, ...] = (
    Scenario("Battles", "Armed clash", MIL, "State forces", BLA, "Rebel group", 8, 3.0,
             "Security forces exchanged fire with militants near {loc}; {dead}, officials said."),
    Scenario("Battles", "Armed clash", UAG, "Political militia", POL, "State forces", 6, 1.5,
             "Gunmen attacked a police post in {loc}; {dead} in the exchange of fire."),
    Scenario("Battles", "Armed clash", TTP, "Rebel group", MIL, "State forces", 5, 2.5,
             "Militants raided a check post outside {loc} and soldiers returned fire; {dead}."),
    Scenario("Explosions/Remote violence", "Remote explosive/landmine/IED", UAG, "Political militia", MIL,
             "State forces", 6, 1.5, "A roadside bomb struck a security convoy near {loc}; {dead}."),
    Scenario("Explosions/Remote violence", "Suicide bomb", TTP, "Rebel group", CIV, "Civilians", 2, 8.0,
             "A suicide bomber blew himself up in a crowded market in {loc}; {dead}."),
    Scenario("Explosions/Remote violence", "Grenade", UAG, "Political militia", CIV, "Civilians", 3, 0.4,
             "Unknown men hurled a hand grenade at a shop in {loc}; {dead}."),
    Scenario("Violence against civilians", "Attack", UAG, "Political militia", CIV, "Civilians", 10, 1.2,
             "Unidentified gunmen opened fire on labourers in {loc}; {dead}, police said."),
    Scenario("Violence against civilians", "Abduction/forced disappearance", UAG, "Political militia", CIV,
             "Civilians", 3, 0.0, "Armed men abducted two men from their home in {loc}; {dead}."),
    Scenario("Protests", "Peaceful protest", "Protesters (Pakistan)", "Protesters", "", "", 5, 0.0,
             "Residents staged a sit-in in {loc} against enforced disappearances; {dead}."),
    Scenario("Riots", "Violent demonstration", "Rioters (Pakistan)", "Rioters", POL, "State forces", 2, 0.3,
             "Protesters torched tyres and clashed with police in {loc}; {dead}."),
    Scenario("Strategic developments", "Arrests", POL, "State forces", "", "", 3, 0.0,
             "Police arrested several suspects in a raid in {loc}; {dead}."),
    Scenario("Strategic developments", "Looting/property destruction", UAG, "Political militia", CIV,
             "Civilians", 2, 0.0, "Armed men set fire to construction machinery in {loc}; {dead}."),
)

OUTLETS = ("Dawn", "The News", "The Express Tribune", "Balochistan Post", "Geo News")
FIRST_DAY, LAST_DAY = pd.Timestamp("2022-01-01"), pd.Timestamp("2026-06-30")
UNLOCATED_SHARE = 0.03
# Reasons the rules extractor gives (extraction/rules.py ``doubts_of``), each with the share of
# events it is drawn for, so the review queue has doubts to order on.
SAMPLE_DOUBTS: tuple[tuple[str, float], ...] = (
    ("type decided by a weak cue (only who died)", 0.05),
    ("place only at district level", 0.08),
    ("toll from a single mention", 0.3),
    ("not the report's main day: possibly background", 0.06),
    ("publication date guessed", 0.03),
)


@lru_cache(maxsize=1)
def _check_tables() -> None:
    """Catch a taxonomy edit that would make the sample disagree with the schema."""
    for s in SCENARIOS:
        if s.sub_event_type not in EVENT_TYPES.get(s.event_type, ()):
            raise ConfigurationError(f"sample scenario {s.event_type!r}/{s.sub_event_type!r} is not in the taxonomy")


def _dead_phrase(fatalities: np.ndarray) -> np.ndarray:
    counts = fatalities.astype(str)
    phrase = np.char.add(counts, " people were killed")
    phrase = np.where(fatalities == 1, "one person was killed", phrase)
    return np.where(fatalities == 0, "no casualties were reported", phrase)


def _doubts(rng: np.random.Generator, unlocated: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each event's reasons for doubt (``; ``-joined) and the confidence the rules extractor gives them
    (1.0 less 0.15 a reason, at least 0.1); an unlocated place is always one."""
    text = np.where(unlocated, "place not found in the gazetteer", "").astype(object)
    counts = unlocated.astype(np.int64)
    for reason, share in SAMPLE_DOUBTS:
        hit = rng.random(len(unlocated)) < share
        text = np.where(hit, np.where(text == "", reason, text + "; " + reason), text)
        counts += hit
    return text, np.round(np.maximum(0.1, 1.0 - 0.15 * counts), 2)


def synthetic_events(n: int, *, seed: int = 42) -> pd.DataFrame:
    """``n`` reproducible synthetic events over the full schema (same seed, same frame)."""
    if n < 0:
        raise ConfigurationError(f"synthetic_events needs n >= 0, got {n}")
    _check_tables()
    rng = np.random.default_rng(seed)
    site_w = np.array([s.weight for s in SITES], dtype=float)
    scen_w = np.array([s.weight for s in SCENARIOS], dtype=float)
    site_i = rng.choice(len(SITES), size=n, p=site_w / site_w.sum())
    scen_i = rng.choice(len(SCENARIOS), size=n, p=scen_w / scen_w.sum())

    def site_col(attr: str) -> np.ndarray:
        return np.array([getattr(s, attr) for s in SITES])[site_i]

    def scen_col(attr: str) -> np.ndarray:
        return np.array([getattr(s, attr) for s in SCENARIOS], dtype=object)[scen_i]

    # Uniform point in a disc: sqrt keeps the density even instead of piling up at the centre.
    radius = site_col("radius") * np.sqrt(rng.random(n))
    angle = rng.random(n) * 2 * np.pi
    lat = np.round(site_col("latitude") + radius * np.sin(angle), 5)
    lon = np.round(site_col("longitude") + radius * np.cos(angle), 5)
    unlocated = rng.random(n) < UNLOCATED_SHARE
    lat[unlocated] = np.nan
    lon[unlocated] = np.nan

    span = (LAST_DAY - FIRST_DAY).days + 1
    dates = FIRST_DAY + pd.to_timedelta(rng.integers(0, span, size=n), unit="D")
    # Skewed tolls: most events kill few, a long geometric tail kills many.
    mean_dead = np.array([s.deadly for s in SCENARIOS])[scen_i]
    p = 1.0 / (1.0 + mean_dead)
    fatalities = np.where(mean_dead > 0, rng.geometric(np.clip(p, 1e-6, 1.0)) - 1, 0).astype(np.int64)

    location = site_col("location").astype(object)
    event_type = scen_col("event_type")
    actor1, actor2 = scen_col("actor1"), scen_col("actor2")
    inter1, inter2 = scen_col("inter1"), scen_col("inter2")
    text = pd.Series(scen_col("text"), dtype=object)
    evidence = [t.format(loc=loc, dead=d) for t, loc, d in zip(text, location, _dead_phrase(fatalities))]
    article_ids = [hashlib.sha1(f"synthetic\x1f{seed}\x1f{i}".encode()).hexdigest()[:16] for i in range(n)]
    event_ids = ["PAK" + a[:12].upper() for a in article_ids]
    # Written "two days later", like a real ingest; fixed so the frame stays reproducible.
    timestamps = (dates + pd.Timedelta(days=2) - pd.Timestamp(0)) // pd.Timedelta(seconds=1)
    precision = rng.choice([1, 2, 3], size=n, p=[0.9, 0.07, 0.03])
    geo_precision = pd.array(rng.choice([1, 2, 3], size=n, p=[0.8, 0.15, 0.05]), dtype="Int64")
    geo_precision[unlocated] = pd.NA

    frame = pd.DataFrame({
        "event_id_cnty": event_ids,
        "event_date": dates.normalize(),
        "year": dates.year.astype("int64"),
        "time_precision": precision,
        "disorder_type": pd.Series(event_type).map(DISORDER_TYPES).to_numpy(),
        "event_type": event_type,
        "sub_event_type": scen_col("sub_event_type"),
        "actor1": actor1,
        "assoc_actor_1": "",
        "inter1": inter1,
        "actor2": actor2,
        "assoc_actor_2": "",
        "inter2": inter2,
        "interaction": np.where(inter2 == "", inter1, inter1 + "-" + inter2),
        "civilian_targeting": np.where(inter2 == "Civilians", "Civilian targeting", ""),
        "iso": 586,
        "region": "South Asia",
        "country": "Pakistan",
        "admin1": site_col("admin1"),
        "admin2": np.where(unlocated, "", site_col("admin2")),
        "admin3": "",
        "location": location,
        "latitude": lat,
        "longitude": lon,
        "geo_precision": geo_precision,
        "source": np.array(OUTLETS)[rng.integers(0, len(OUTLETS), size=n)],
        "source_scale": "National",
        "notes": evidence,
        "fatalities": fatalities,
        "tags": "",
        "timestamp": timestamps,
        "place_raw": location,
        "geo_name": np.where(unlocated, "", location),
        "geo_status": np.where(unlocated, "unlocated", "located"),
        "evidence": evidence,
        "source_url": "",
        "article_id": article_ids,
        "origin": "synthetic",
        "run_id": "",
        "review_status": "unreviewed",
        "version": 1,
        "fatalities_basis": "",
    })
    # Drawn last, so every other column is what the same seed gave before these two existed.
    frame["doubts"], frame["confidence"] = _doubts(rng, unlocated)
    from data.loader import to_frame  # local: loader imports nothing from here, but keep import cost lazy

    return to_frame(frame[list(COLUMN_NAMES)])


def seed_store(store: EventStore, n: int, seed: int = 42) -> UpsertSummary:
    """Write ``n`` synthetic events into ``store`` (tests and benchmarks only)."""
    return store.upsert_events(synthetic_events(n, seed=seed))
