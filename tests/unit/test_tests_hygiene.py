"""The tests themselves: public behaviour, waits on events, helpers in tests/support,
example counts that the quick loop can cap.

Scans the source of every test module (issue 11, point 9) so the next private
attribute, class-name comparison, sleep or test-to-test import fails here, with
the file and line, instead of slipping in unnoticed.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]

#: Private attributes a test may still touch, each with its reason. Keep this short:
#: the way out is a public hook in the app (as `shown_notifications`) or a real process.
PRIVATE_ALLOWED = {
    ("functional/test_app_saving.py", "_fatal_error"):
        "Textual's crash hook, overridden to hide locals; a pty test would need a crash",
    ("functional/test_app_saving.py", "_exit_renderables"):
        "what Textual prints on exit after a crash; read with the hook above",
    ("functional/test_process_robustness.py", "_write_emergency_copy"):
        "the emergency copy with nowhere to write; pty tests cover the writable case",
}

#: Names whose private attributes are the app's or a widget's internals.
UI_OBJECTS = re.compile(r"(^|\.)(app|screen|pilot|dialog|owner|notes|question|focused|"
                        r"widget|again|third)$")

SLEEPS = {("time", "sleep"), ("asyncio", "sleep"), ("pilot", "pause")}
TIMING_MARK = "# timing:"  # a deliberate delay (typing pace, slow disk, poll interval)


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    if isinstance(node, ast.Call):
        return _dotted(node.func) + "()"
    return "?"


def _is_class_of(node: ast.AST) -> bool:
    """`x.__class__` or `type(x)`: the class of an object, whose name a test should not
    compare (isinstance says the same and survives a rename)."""
    if isinstance(node, ast.Attribute):
        return node.attr == "__class__"
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id == "type" and len(node.args) == 1)


def problems(source: str, path: str = "<test>") -> list[str]:
    """Every rule this module enforces, broken in `source` (a test module's text)."""
    tree = ast.parse(source)
    lines = source.splitlines()
    found = []

    def say(node: ast.AST, what: str) -> None:
        found.append(f"{path}:{node.lineno}: {what}: {lines[node.lineno - 1].strip()}")

    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            if node.attr in ("__name__", "__qualname__") and _is_class_of(node.value):
                say(node, "class-name comparison (use isinstance)")
            elif node.attr.startswith("_") and not node.attr.startswith("__") \
                    and UI_OBJECTS.search(_dotted(node.value)) \
                    and (path, node.attr) not in PRIVATE_ALLOWED:
                say(node, f"private state {node.attr!r} (test public behaviour)")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = _dotted(node.func.value).rsplit(".", 1)[-1]
            if (owner, node.func.attr) in SLEEPS and (node.args or node.keywords) \
                    and TIMING_MARK not in lines[node.lineno - 1]:
                say(node, "a sleep as synchronisation (wait for the event)")
        elif isinstance(node, ast.Call) and _dotted(node.func) == "settle" and any(
                isinstance(a, ast.Constant) and isinstance(a.value, (int, float))
                for a in [*node.args, *(k.value for k in node.keywords)]):
            say(node, "settle with a delay (wait for the event)")
        elif isinstance(node, ast.keyword) and node.arg == "max_examples" \
                and isinstance(node.value, ast.Constant):
            say(node, "a bare example count (write examples(N): make test-fast caps it)")
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            modules = [a.name for a in node.names] if isinstance(node, ast.Import) \
                else [node.module or ""]
            for module in modules:
                if re.search(r"(^|\.)test_\w+$", module) or (
                        isinstance(node, ast.ImportFrom) and node.level
                        and any(a.name.startswith("test_") for a in node.names)):
                    say(node, "imports a test module (shared code goes in tests/support)")
    return found


def _test_sources() -> list[Path]:
    return sorted(p for p in TESTS.rglob("*.py") if "__snapshots__" not in p.parts)


@pytest.mark.slow
def test_test_sources_follow_the_rules():
    everything = []
    for path in _test_sources():
        rel = path.relative_to(TESTS).as_posix()
        if rel == "unit/test_tests_hygiene.py":
            continue  # the rules' own examples
        everything += problems(path.read_text(encoding="utf-8"), rel)
    assert everything == []


def test_helpers_live_in_support_not_in_test_modules():
    helpers = [p.name for p in (TESTS / "functional").glob("*support*.py")]
    assert helpers == []
    assert (TESTS / "support" / "__init__.py").exists()


@pytest.mark.parametrize("bad", [
    "assert any('x' in n.message for n in app._notifications)",
    "assert owner._suggestion == 'x'",
    "if app.screen._owner_history: pass",
    "assert pilot.app.screen._something_new",
    "assert app.screen.__class__.__name__ == 'StartScreen'",
    "assert dialog.__class__.__name__ != 'ActionDialog'",
    "assert type(app.screen).__name__ == 'LiveScreen'",
    "assert type(pilot.app.screen).__qualname__ in ('A', 'B')",
    "import time\ntime.sleep(1.0)  # the autosave has run",
    "async def f(pilot):\n    await pilot.pause(0.1)",
    "async def f(pilot):\n    await asyncio.sleep(0.5)",
    "async def f(pilot):\n    await settle(pilot, 0.4)",
    "from tests.functional.test_live_support import settle",
    "from tests.unit.test_serialize import EXAMPLE",
    "import tests.functional.test_processes",
    "from . import test_standing",
    "@settings(max_examples=200)\ndef test_x(): pass",
])
def test_each_old_variant_is_caught(bad):
    assert problems(bad)


@pytest.mark.parametrize("good", [
    "assert any('x' in n.message for n in app.shown_notifications)",
    "assert isinstance(app.screen, StartScreen)",
    "async def f(pilot):\n    await pilot.pause()",
    "time.sleep(0.01)  # timing: a fast typist",
    "@settings(max_examples=examples(200))\ndef test_x(): pass",
    "from tests.support.live import settle",
    "self._lock = threading.Lock()",
    "HOLDER = 'time.sleep(120)'",  # inside a child's script: not this process waiting
])
def test_public_behaviour_passes(good):
    assert problems(good) == []
