"""The command line: one JSON list on stdout, errors on stderr, non-zero exit on a bad file."""
from __future__ import annotations

import json
from pathlib import Path

from data.schema import COLUMN_NAMES
from extraction.__main__ import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"


def test_bad_file_and_good_file(tmp_path: Path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code = main([str(empty), str(FIXTURES / "ied_turbat.txt")])
    out, err = capsys.readouterr()
    assert code != 0
    assert "empty.txt" in err and "empty" in err
    events = json.loads(out)
    assert [(e["event_date"], e["location"], e["fatalities"]) for e in events] == [("2024-03-09", "Hoshab", 2)]
    assert set(COLUMN_NAMES) <= set(events[0])


def test_all_good_exits_zero(capsys):
    assert main([str(FIXTURES / "ied_turbat.txt")]) == 0
    assert isinstance(json.loads(capsys.readouterr().out), list)


def test_plain_text_without_date_warns(tmp_path: Path, capsys):
    path = tmp_path / "plain.txt"
    path.write_text("Gunmen killed two labourers in Turbat on Friday.", encoding="utf-8")
    assert main([str(path)]) == 0
    out, err = capsys.readouterr()
    assert "--published" in err and json.loads(out) == []
    assert main([str(path), "--published", "2024-03-10"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["event_date"] == "2024-03-08"


def test_unknown_extractor(capsys):
    assert main([str(FIXTURES / "ied_turbat.txt"), "--extractor", "magic"]) == 2
    assert "rules" in capsys.readouterr().err


def test_files_after_options(capsys):
    path = str(FIXTURES / "ied_turbat.txt")
    assert main([path, "--extractor", "rules", path]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2
