"""store/, export/ and importers/ stay usable without the TUI: they never import Textual.

The packages import in one direction only: store <- export <- importers (the minutes
reader reads what the writer wrote) <- cli; tui/ may import the first three. No package
imports one above it, so there is no cycle between packages. cli/ imports tui/ only
inside a function (the app starts for `live` and `demo`, never for another command),
and main.py imports only cli/.
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
OURS = {"store", "export", "importers", "cli", "tui", "main"}


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_packages_import_only_downwards(path):
    package = path.relative_to(ROOT).parts[0]
    upward = (imported_modules(path) & OURS) - MAY_IMPORT[package] - {package}
    assert not upward, f"{path} imports {upward}, above {package}/"


CLI_FILES = sorted((ROOT / "cli").rglob("*.py"))


def top_level_imports(path: Path) -> set[str]:
    """What a module imports when it is loaded (not inside a function)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_cli_files_found():
    assert len(CLI_FILES) >= 4


@pytest.mark.parametrize("path", CLI_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_cli_imports_the_core_and_the_app_only_when_it_starts(path):
    assert not (imported_modules(path) & {"main", "textual"}), path
    assert not (top_level_imports(path) & {"tui", "textual"}), f"{path} loads the app on import"


def test_main_is_only_the_entry_point():
    assert imported_modules(ROOT / "main.py") & OURS == {"cli"}
