from __future__ import annotations

from pathlib import Path

import pytest

from data.schema import COLUMN_NAMES, COLUMNS, EVENT_TYPES, DISORDER_TYPES, KEY, make_event_id, readme_table

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_holds_the_schema_table_exactly():
    text = README.read_text(encoding="utf-8") if README.exists() else ""
    if "| column | kind | ACLED | meaning |" not in text:
        pytest.skip("README.md has no column table yet (the lead writes the README)")
    assert readme_table() in text


def test_column_names_are_unique_and_key_is_first():
    assert len(set(COLUMN_NAMES)) == len(COLUMNS) and COLUMN_NAMES[0] == KEY


def test_every_event_type_has_a_disorder_type():
    assert set(EVENT_TYPES) == set(DISORDER_TYPES)


def test_event_id_ignores_actor_order_and_case():
    a = make_event_id("art", "2026-01-31", "Quetta", "Battles", "Police Forces of Pakistan", "BLA")
    b = make_event_id("art", "2026-01-31", "quetta ", "battles", "bla", "Police Forces of Pakistan")
    assert a == b and a.startswith("PAK") and len(a) == 15
