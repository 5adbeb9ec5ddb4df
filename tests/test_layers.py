"""The pipeline's direction, as `make lint` checks it: the import-linter contracts of pyproject.toml hold
on this tree, and break when the store imports a stage or the CLI imports SQL."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(project: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(project / "src")}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=project, env=environment,
                          capture_output=True, text=True, check=False)


def test_the_layers_contract_holds_here() -> None:
    done = lint_imports(ROOT)
    assert done.returncode == 0, done.stdout
    assert "2 kept, 0 broken" in done.stdout


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        ("store/base.py", "from watchfloor.extract import pipeline",
         "watchfloor.store is not allowed to import watchfloor.extract"),
        ("cli/output.py", "import sqlalchemy", "watchfloor.cli.output -> sqlalchemy"),
        ("cli/documents.py", "from watchfloor.store.sql import open_store", "watchfloor.cli.documents -> "
         "watchfloor.store.sql"),
    ],
)
def test_a_wrong_import_breaks_a_contract(tmp_path: Path, module: str, line: str, broken: str) -> None:
    skipped = shutil.ignore_patterns("*.egg-info", "__pycache__")
    shutil.copytree(ROOT / "src", tmp_path / "src", ignore=skipped)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    source = tmp_path / "src" / "watchfloor" / module
    source.write_text(source.read_text(encoding="utf-8") + f"\n{line}  # noqa\n", encoding="utf-8")
    done = lint_imports(tmp_path)
    assert done.returncode == 1
    assert broken in done.stdout, done.stdout
