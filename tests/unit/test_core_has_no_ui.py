"""store/, export/ and importers/ stay usable without the TUI: they never import Textual.

The packages import in one direction only: store <- export <- importers (the minutes
reader reads what the writer wrote); tui/ and main.py may import all of them. No
package imports one above it, so there is no cycle between packages.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORE_FILES = sorted(p for pkg in ("store", "export", "importers") for p in (ROOT / pkg).rglob("*.py"))


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_core_files_found():
    assert len(CORE_FILES) >= 4


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_core_module_does_not_import_ui(path):
    forbidden = imported_modules(path) & {"textual", "tui"}
    assert not forbidden, f"{path} imports {forbidden}"


#: Which top-level packages of ours each package may import (besides itself).
MAY_IMPORT = {"store": set(), "export": {"store"}, "importers": {"store", "export"}}
OURS = {"store", "export", "importers", "tui", "main"}


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_packages_import_only_downwards(path):
    package = path.relative_to(ROOT).parts[0]
    upward = (imported_modules(path) & OURS) - MAY_IMPORT[package] - {package}
    assert not upward, f"{path} imports {upward}, above {package}/"
