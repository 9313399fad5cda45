"""The spreadsheet round trip: an edited export imported back is an analyst correction."""
from __future__ import annotations

import io

import pandas as pd
import pytest

from data.export import to_csv_bytes
from data.review import ReviewDesk
from ingest import run as ingest_run
from ingest.__main__ import main
from tests.unit.review_fakes import FAKE, TURBAT, report

SHOT = f"EVENT Turbat|Violence against civilians|Unidentified Armed Group (Pakistan)|Civilians (Pakistan)|6|{TURBAT}"


def _edited_export(store, path, **changes):
    frame = pd.read_csv(io.BytesIO(to_csv_bytes(store.load_frame())), dtype=str, keep_default_na=False)
    for name, value in changes.items():
        frame.loc[0, name] = value
    frame.to_csv(path, index=False)
    return path


def test_the_cli_applies_an_edited_export_and_prints_what_changed(store, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(ingest_run, "default_pipeline", lambda: FAKE)
    article = tmp_path / "turbat.txt"
    article.write_text(report(SHOT, url="https://a.example/1", outlet="a.example"), encoding="utf-8")
    url = store.url
    assert main([str(article), "--store", url, "--extractor", "fake", "--quiet"]) == 0
    event_id = store.load_frame()["event_id_cnty"].iloc[0]
    sheet = _edited_export(store, tmp_path / "edited.csv", fatalities="5", location="Kech")
    capsys.readouterr()
    assert main([str(sheet), "--store", url, "--analyst", "sana"]) == 0
    out = capsys.readouterr().out
    assert "events: 0 new, 1 updated, 0 unchanged" in out and "corrected by the analyst: 1 events" in out
    assert f"{event_id}: " in out
    assert "fatalities 6 -> 5" in out and "location 'Turbat' -> 'Kech'" in out
    # Re-ingesting the article no longer undoes the correction.
    assert main([str(article), "--store", url, "--extractor", "fake", "--quiet"]) == 0
    row = store.load_frame().iloc[0]
    assert (row["fatalities"], row["location"], row["origin"]) == (5, "Kech", "edited")
    assert set(ReviewDesk(store, "x").history(event_id)["analyst"]) == {"sana"}


def test_a_stale_spreadsheet_row_is_refused(store, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(ingest_run, "default_pipeline", lambda: FAKE)
    article = tmp_path / "turbat.txt"
    article.write_text(report(SHOT, url="https://a.example/1"), encoding="utf-8")
    main([str(article), "--store", store.url, "--extractor", "fake", "--quiet"])
    sheet = _edited_export(store, tmp_path / "old.csv", fatalities="4")     # exported at version 1
    event = store.load_frame().iloc[0]
    ReviewDesk(store, "ana").edit(event["event_id_cnty"], {"fatalities": 5}, version=int(event["version"]))
    capsys.readouterr()
    main([str(sheet), "--store", store.url, "--analyst", "sana"])
    out = capsys.readouterr().out
    assert "corrections refused: 1" in out and "changed by ana since" in out
    assert store.load_frame()["fatalities"].iloc[0] == 5
