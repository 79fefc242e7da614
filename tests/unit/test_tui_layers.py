"""Screens, widgets and dialogs never import the app (tui/app.py imports them).

They reach the app through ``self.app`` as described by tui/host.py. Imports are read
with ast, including those inside functions, absolute and relative alike.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LOWER = sorted(p for sub in ("screens", "widgets", "dialogs")
               for p in (ROOT / "tui" / sub).rglob("*.py"))


def absolute_imports(path: Path, source: str | None = None) -> set[str]:
    """Every module the file imports, relative imports resolved to full names."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    if source is None:
        source = path.read_text(encoding="utf-8")
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def test_lower_modules_found():
    assert len(LOWER) >= 10


@pytest.mark.parametrize("path", LOWER, ids=lambda p: str(p.relative_to(ROOT)))
def test_does_not_import_the_app(path):
    imports = absolute_imports(path)
    assert "tui.app" not in imports, f"{path.relative_to(ROOT)} imports tui.app"


@pytest.mark.parametrize("source", [
    "from ..app import notify", "from .. import app", "import tui.app",
    "def f():\n    from tui.app import open_meeting",
])
def test_the_check_sees_every_spelling(source):
    assert "tui.app" in absolute_imports(ROOT / "tui" / "screens" / "x.py", source)


TUI_FILES = sorted((ROOT / "tui").rglob("*.py"))


def test_workers_report_by_message():
    """Thread workers post messages (tui/worker_messages.py); none calls into the UI
    with call_from_thread, except the action toggle's documented wait and the
    printout's word when its list was closed meanwhile."""
    calls = {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8").count("call_from_thread(")
             for p in TUI_FILES}
    assert {path: n for path, n in calls.items() if n} == {"tui/action_done.py": 1,
                                                              "tui/screens/action_list.py": 1}
    lambdas = [str(p.relative_to(ROOT)) for p in TUI_FILES
               if "run_worker(lambda" in p.read_text(encoding="utf-8")]
    assert lambdas == []


def test_the_app_keeps_the_contract_screens_rely_on():
    """Everything tui/host.py promises the screens, the app has."""
    from store import MeetingStore
    from tui.app import MotesbokApp
    from tui.host import MeetingHost

    app = MotesbokApp(MeetingStore.in_memory())
    promised = {name for name in vars(MeetingHost) if not name.startswith("_")}
    promised |= set(MeetingHost.__annotations__)
    assert promised >= {"store", "session", "clock", "mark_changed", "open_meeting"}
    missing = sorted(name for name in promised if not hasattr(app, name))
    assert missing == []
