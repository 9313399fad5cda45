"""Every import arrow points down: data/ never imports the layers above it."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ABOVE_DATA = ("extraction", "ingest", "geo", "ui", "pages", "maps", "dashboard")
# data/ingest.py only forwards `python -m data.ingest` (issue 11's documented command) to ingest/__main__.py.
ALIAS = ROOT / "data" / "ingest.py"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_data_imports_nothing_above_it():
    offenders = {str(p.relative_to(ROOT)): sorted(_imports(p) & set(ABOVE_DATA))
                 for p in (ROOT / "data").glob("*.py") if p != ALIAS}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_alias_only_forwards():
    assert _imports(ALIAS) == {"sys", "ingest"}
    code = ALIAS.read_text(encoding="utf-8")
    assert "def " not in code and "class " not in code


def test_both_command_names_run_the_same_cli():
    for module in ("ingest", "data.ingest"):
        out = subprocess.run([sys.executable, "-m", module, "--help"], cwd=ROOT, capture_output=True, text=True,
                             timeout=60)
        assert out.returncode == 0, out.stderr
        assert "python -m ingest" in out.stdout and "--store" in out.stdout
