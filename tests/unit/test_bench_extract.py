"""The extraction bench runs end to end on small sizes and prints its table, ratio and the huge-input
outcome (no timing is asserted: figures depend on the machine)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_bench_prints_table_ratio_and_refusal(tmp_path: Path):
    (tmp_path / "dev").mkdir()
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_extract.py"), "--dev", str(tmp_path / "dev"), "--n", "3",
         "--unit", "5", "--huge-mb", "11"],
        capture_output=True, text=True, timeout=300, check=True).stdout
    lines = out.splitlines()
    assert any(line.startswith("dev articles: none in") for line in lines)
    assert any(line.startswith("synthetic short articles: 3 articles") for line in lines)
    rows = [line.split() for line in lines if line.strip().split(" ")[0] in ("5", "50", "500")]
    assert [r[0] for r in rows] == ["5", "50", "500"], out
    assert any(line.startswith("ratio: cpu time per 1k lines at 500 lines / at 5 lines =") for line in lines)
    assert any("MB input (limit 10.0 MB)" in line and "refused: huge.txt: article is 11." in line
               for line in lines), out
