"""The import-linter contracts of pyproject.toml are complete and do fail: a copy of the packages
with a cycle, a Qt import in the command line, or the platform imported by the client is refused.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("reception", "forms", "sync", "composition", "cli", "desktop")
LINT = str(Path(sys.executable).with_name("lint-imports"))


def _contracts() -> list[dict]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return config["tool"]["importlinter"]["contracts"]


def test_every_module_of_the_laptops_sync_is_kept_from_the_platform():
    contract = next(c for c in _contracts() if "never imports the platform server" in c["name"])
    modules = {f"sync.{p.stem}" for p in (ROOT / "sync").glob("*.py") if p.stem != "__init__"}
    assert modules <= set(contract["source_modules"]), "add the new sync module to the contract"


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Path:
    """The packages and pyproject.toml, copied, for breaking on purpose."""
    root = tmp_path_factory.mktemp("contracts")
    for package in PACKAGES:
        shutil.copytree(ROOT / package, root / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    return root


def _lint(root: Path) -> subprocess.CompletedProcess:
    # Only the copy on the path, so grimp reads its packages (and the installed third parties).
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([LINT, "--no-cache"], cwd=root, env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    ("module", "added", "broken"),
    [
        ("desktop/operations.py", "from desktop import main_window  # noqa\n", "No import cycles inside a package"),
        ("cli/slips.py", "def _hidden():\n    import PySide6.QtCore  # noqa\n", "The composition root and the command line import no Qt"),
        ("sync/client.py", "def _hidden():\n    from sync.platform import api  # noqa\n", "never imports the platform server"),
        ("reception/cases.py", "def _hidden():\n    import composition  # noqa\n", "Layers:"),
    ],
)
def test_a_regression_breaks_its_contract(copy, module, added, broken):
    path = copy / module
    original = path.read_text(encoding="utf-8")
    path.write_text(original + "\n\n" + added, encoding="utf-8")
    try:
        result = _lint(copy)
    finally:
        path.write_text(original, encoding="utf-8")
    assert result.returncode != 0, result.stdout
    broken_lines = [line for line in result.stdout.splitlines() if "BROKEN" in line]
    assert any(broken in line for line in broken_lines), result.stdout


def test_the_copy_itself_keeps_every_contract(copy):
    result = _lint(copy)
    assert result.returncode == 0, result.stdout
