"""Every dialog is a `tui.dialogs.base.Dialog`, lives in tui/dialogs/ and takes its look
from the one dialog style sheet (tui/dialogs/dialogs.tcss), never from CSS of its own.

Read with ast over all of tui/ (so a module nobody imports yet is checked too), and once
more at run time over the imported classes (so an alias or an indirect base such as a
Textual modal subclassed elsewhere cannot slip by).
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TUI = ROOT / "tui"
DIALOGS = TUI / "dialogs"
BASE = DIALOGS / "base.py"
#: Textual's modal screens: only the one base may subclass them.
TEXTUAL_MODALS = {"ModalScreen", "SystemModalScreen"}


def base_names(node: ast.ClassDef) -> set[str]:
    """The bases' last names: `ModalScreen`, `screen.ModalScreen`, `Dialog[str]`."""
    names = set()
    for base in node.bases:
        if isinstance(base, ast.Subscript):
            base = base.value
        if isinstance(base, ast.Attribute):
            names.add(base.attr)
        elif isinstance(base, ast.Name):
            names.add(base.id)
    return names


def tui_classes(files=None) -> dict[str, tuple[Path, set[str]]]:
    """Class name -> (file, base names) for every class defined in tui/."""
    classes = {}
    for path in files or sorted(TUI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                classes[node.name] = (path, base_names(node))
    return classes


def modal_classes(classes) -> dict[str, Path]:
    """The classes that are modal screens, directly or through other tui classes."""
    modal: dict[str, Path] = {}
    changed = True
    while changed:
        changed = False
        for name, (path, bases) in classes.items():
            if name not in modal and bases & (TEXTUAL_MODALS | set(modal)):
                modal[name] = path
                changed = True
    return modal


def ancestors(name: str, classes) -> set[str]:
    seen, todo = set(), [name]
    while todo:
        for base in classes.get(todo.pop(), (None, set()))[1]:
            if base not in seen:
                seen.add(base)
                todo.append(base)
    return seen


def layout_problems(classes) -> list[str]:
    problems = []
    for name, path in sorted(modal_classes(classes).items()):
        where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        if path.parent != DIALOGS:
            problems.append(f"{name} ({where}) is a dialog outside tui/dialogs/")
        if name == "Dialog" and path == BASE:
            continue
        if "Dialog" not in ancestors(name, classes):
            problems.append(f"{name} ({where}) is a modal screen not built on Dialog")
        if classes[name][1] & TEXTUAL_MODALS:
            problems.append(f"{name} ({where}) subclasses Textual's modal screen directly")
    return problems


@pytest.mark.slow
def test_every_modal_screen_is_a_dialog_in_the_dialogs_folder():
    classes = tui_classes()  # parsing every tui file is this test's whole cost: once
    assert layout_problems(classes) == []
    assert "Dialog" in modal_classes(classes)


def test_the_check_catches_a_modal_screen_elsewhere(tmp_path):
    """The check itself: the old layout (a ModalScreen in screens/, a base of its own
    with subclasses) is refused."""
    stray = tmp_path / "old_help.py"
    stray.write_text("from textual.screen import ModalScreen\n"
                     "class _Modal(ModalScreen): pass\n"
                     "class TimeDialog(_Modal): pass\n", encoding="utf-8")
    problems = layout_problems(tui_classes([BASE, stray]))
    assert any("TimeDialog" in p and "not built on Dialog" in p for p in problems)
    assert any("_Modal" in p and "outside tui/dialogs/" in p for p in problems)
    assert any("_Modal" in p and "directly" in p for p in problems)


@pytest.mark.slow
def test_imported_modal_screens_are_dialogs_too():
    from textual.screen import ModalScreen

    from tui.dialogs.base import Dialog

    for info in pkgutil.walk_packages([str(TUI)], "tui."):
        importlib.import_module(info.name)
    found, todo = [], [ModalScreen]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("tui."):
                found.append(sub)
    assert len(found) >= 15  # every dialog of the app, the base included
    for cls in found:
        assert issubclass(cls, Dialog), f"{cls.__qualname__} is not a Dialog"
        assert cls.__module__.startswith("tui.dialogs."), f"{cls.__qualname__} outside"


def class_attributes(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ClassDef):
            for stmt in node.body:
                targets = stmt.targets if isinstance(stmt, ast.Assign) else (
                    [stmt.target] if isinstance(stmt, ast.AnnAssign) else [])
                names.update(t.id for t in targets if isinstance(t, ast.Name))
    return names


def test_no_dialog_brings_its_own_css():
    for path in sorted(DIALOGS.glob("*.py")):
        attributes = class_attributes(path)
        assert not attributes & {"DEFAULT_CSS", "CSS"}, f"{path.name} has CSS of its own"
        if path != BASE:
            assert "CSS_PATH" not in attributes, f"{path.name} has a style sheet of its own"
    assert [p.name for p in DIALOGS.glob("*.tcss")] == ["dialogs.tcss"]


def test_dialog_rules_are_in_the_dialog_style_sheet_only():
    """The app's own sheet no longer styles dialogs (the two systems are one)."""
    for sheet in TUI.rglob("*.tcss"):
        if sheet.parent != DIALOGS:
            assert ".dialog" not in sheet.read_text(encoding="utf-8"), sheet.name


def test_the_dialogs_package_and_its_style_sheet_are_installed():
    setup = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"]
    assert "tui.dialogs" in setup["packages"]
    assert "dialogs/*.tcss" in setup["package-data"]["tui"]
