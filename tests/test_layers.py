"""The pipeline's direction, as `make lint` checks it: the import-linter contract of pyproject.toml holds
on this tree, and fails when the store imports a stage."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(project: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(project / "src")}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=project, env=environment,
                          capture_output=True, text=True, check=False)


def test_the_layers_contract_holds_here() -> None:
    done = lint_imports(ROOT)
    assert done.returncode == 0, done.stdout
    assert "1 kept, 0 broken" in done.stdout


def test_a_store_importing_extract_breaks_the_contract(tmp_path: Path) -> None:
    skipped = shutil.ignore_patterns("*.egg-info", "__pycache__")
    shutil.copytree(ROOT / "src", tmp_path / "src", ignore=skipped)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    base = tmp_path / "src" / "watchfloor" / "store" / "base.py"
    base.write_text(base.read_text(encoding="utf-8") + "\nfrom watchfloor.extract import pipeline  # noqa\n",
                    encoding="utf-8")
    done = lint_imports(tmp_path)
    assert done.returncode == 1
    assert "watchfloor.store is not allowed to import watchfloor.extract" in done.stdout
    assert "watchfloor.store.base -> watchfloor.extract.pipeline" in done.stdout
