"""The event schema, defined once.

Every other view of an event row derives from ``COLUMNS``: the store DDL
(``data/store.py``), the CSV header order (``data/export.py``), the pandas dtypes
(``data/loader.py``), row validation, and the README column table (checked by
``tests/unit/test_schema.py``).

ACLED's own columns come first, in ACLED's export order, so our CSV can be mixed
with an ACLED export; our provenance columns follow.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

# Logical kinds; each maps to one pandas dtype and one SQL type.
STRING, INT, FLOAT, DATE, CATEGORY = "string", "int", "float", "date", "category"


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: str
    description: str
    acled: bool = True
    required: bool = False  # a row without a value here is rejected on import


COLUMNS: tuple[Column, ...] = (
    Column("event_id_cnty", STRING, "Stable event id: `PAK` + hash of its first article, place, day, type and actors; kept when more sources attach", required=True),
    Column("event_date", DATE, "Day the incident happened (YYYY-MM-DD), not the report's day", required=True),
    Column("year", INT, "Year of `event_date`"),
    Column("time_precision", INT, "1 = day known, 2 = week, 3 = month"),
    Column("disorder_type", CATEGORY, "ACLED disorder type (Political violence, Demonstrations, Strategic developments)"),
    Column("event_type", CATEGORY, "ACLED event type (Battles, Explosions/Remote violence, ...)", required=True),
    Column("sub_event_type", CATEGORY, "ACLED sub-event type (Armed clash, Suicide bomb, Attack, ...)"),
    Column("actor1", STRING, "First actor, ACLED-style name", required=True),
    Column("assoc_actor_1", STRING, "Actors associated with actor1"),
    Column("inter1", CATEGORY, "Actor1's ACLED interaction category (State forces, Rebel group, ...)"),
    Column("actor2", STRING, "Second actor, empty for one-sided events"),
    Column("assoc_actor_2", STRING, "Actors associated with actor2"),
    Column("inter2", CATEGORY, "Actor2's ACLED interaction category"),
    Column("interaction", CATEGORY, "Both categories, e.g. `State forces-Rebel group`"),
    Column("civilian_targeting", CATEGORY, "`Civilian targeting` when civilians were the target"),
    Column("iso", INT, "ISO 3166 numeric country code (586 = Pakistan)"),
    Column("region", CATEGORY, "ACLED region"),
    Column("country", CATEGORY, "Country"),
    Column("admin1", CATEGORY, "Province (resolved)"),
    Column("admin2", CATEGORY, "District (resolved)"),
    Column("admin3", STRING, "Tehsil (resolved, when known)"),
    Column("location", STRING, "Most specific place of the event, as named in the report", required=True),
    Column("latitude", FLOAT, "Latitude (WGS84) of the resolved place; empty when unlocated"),
    Column("longitude", FLOAT, "Longitude (WGS84) of the resolved place; empty when unlocated"),
    Column("geo_precision", INT, "1 = town, 2 = near a town / part of a district, 3 = district or province"),
    Column("source", STRING, "Outlet(s) that reported the event, `; `-separated"),
    Column("source_scale", CATEGORY, "ACLED source scale (National, Regional, ...)"),
    Column("notes", STRING, "Short description of the event"),
    Column("fatalities", INT, "Reported deaths for this event (conservative; injuries never counted)"),
    Column("tags", STRING, "ACLED tags, e.g. `women targeted`"),
    Column("timestamp", INT, "Unix time the row was last written"),
    # Provenance: ours, not ACLED's.
    Column("place_raw", STRING, "The place exactly as written in the text (before resolution)", acled=False),
    Column("geo_name", STRING, "Gazetteer entry the place resolved to; empty when unlocated", acled=False),
    Column("geo_status", CATEGORY, "`located` or `unlocated` (kept, never placed at a fake point)", acled=False),
    Column("evidence", STRING, "Verbatim sentence(s) from the report; pieces joined by ` [...] `", acled=False),
    Column("source_url", STRING, "Address of the report", acled=False),
    Column("article_id", STRING, "Stable id of the report (hash of its URL; without one, of title, date and outlet, or the file path)", acled=False),
    Column("origin", CATEGORY, "How the row was made: `extracted`, `imported`, `edited` or `synthetic` (test data)", acled=False),
    Column("run_id", STRING, "Ingest run that wrote the row (see the `runs` table)", acled=False),
    # Review: ours (see data/review.py).
    Column("review_status", CATEGORY, "`unreviewed`, `reviewed` or `rejected` by an analyst (rejected events are kept, never mapped or exported)", acled=False),
    Column("version", INT, "Edit counter; a change made on an older version is refused", acled=False),
    Column("fatalities_basis", STRING, "Where `fatalities` came from: each source's toll and the rule that chose it", acled=False),
    # The extractor's own doubt: ours (set by extraction/pipeline.py, read by data/doubt.py). Last, so
    # files written before these columns existed keep every other column where it was.
    Column("confidence", FLOAT, "The extractor's confidence in its coding, 0 to 1 (an ordering for review, not a probability); empty for rows imported without it", acled=False),
    Column("doubts", STRING, "The extractor's reasons for doubt, `; `-separated; empty when it had none", acled=False),
)

COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
BY_NAME: dict[str, Column] = {c.name: c for c in COLUMNS}
KEY = "event_id_cnty"

ORIGINS = ("extracted", "imported", "edited", "synthetic")
GEO_STATUSES = ("located", "unlocated")

# ACLED's taxonomy: event type -> sub-event types.
EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
}
VIOLENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")
DISORDER_TYPES: dict[str, str] = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}


def make_event_id(article_id: str, event_date: str, location: str, event_type: str,
                  actor1: str, actor2: str) -> str:
    """Stable id: the same article coded the same way always gives the same id.

    Fatalities and evidence are left out on purpose, so a re-ingest that revises a
    toll updates the row in place instead of adding a duplicate.
    """
    actors = "|".join(sorted([actor1.strip().lower(), actor2.strip().lower()]))
    key = "\x1f".join([article_id, event_date, location.strip().lower(), event_type.strip().lower(), actors])
    return "PAK" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12].upper()


def make_article_id(url: str | None, text: str) -> str:
    """Stable article id from its URL, or from its text when there is no URL."""
    basis = url.strip() if url and url.strip() else text.strip()
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


def readme_table() -> str:
    """The README's column table (a test checks the README holds exactly this)."""
    lines = ["| column | kind | ACLED | meaning |", "| --- | --- | --- | --- |"]
    for c in COLUMNS:
        lines.append(f"| `{c.name}` | {c.kind} | {'yes' if c.acled else 'no'} | {c.description} |")
    return "\n".join(lines)
