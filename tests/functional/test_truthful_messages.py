"""Messages that tell the truth (issue 11.4): a broken install is named as one, no
ImportError passes for "not built yet", and the help promises the delay the autosave uses."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from store import Action, AgendaItem, Meeting
from tui.autosave import SAVE_DELAY
from tui.dialogs.help import HelpScreen
from tui.dialogs.export_meeting import export_files
from tui.words import autosave_promise

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = [ROOT / "main.py", *[p for package in ("store", "export", "cli", "tui")
                                  for p in sorted((ROOT / package).rglob("*.py"))]]


def seconds_in(text: str) -> float:
    match = re.search(r"(\d+(?:,\d+)?) sekund(?:er)?\b", text)
    assert match, text
    return float(match.group(1).replace(",", "."))


def test_the_help_promises_the_delay_the_autosave_uses():
    text = " ".join(HelpScreen().plain_text(width=200).split())
    assert autosave_promise() in text
    assert seconds_in(autosave_promise()) == SAVE_DELAY


@given(st.integers(min_value=1, max_value=60_000).map(lambda ms: ms / 1000))
def test_any_delay_reads_back_from_the_promise(delay):
    assert seconds_in(autosave_promise(delay)) == delay


class _App:
    """What export_files needs of the app: it posts its notices to the app."""

    def __init__(self):
        from store import MeetingStore

        self.told: list[tuple[str, dict]] = []
        self.store = MeetingStore.in_memory()

    def post_message(self, message) -> bool:
        from tui.worker_messages import Notice

        assert isinstance(message, Notice)
        self.told.append((message.text, {"severity": message.severity}))
        return True


def test_a_missing_python_docx_is_named_not_passed_off_as_unbuilt(monkeypatch, tmp_path):
    for name in list(sys.modules):
        if name == "docx" or name.startswith(("docx.", "export.")):
            # The import below binds fresh modules as attributes of their packages too:
            # those are put back with sys.modules, or a later test patching
            # `export.minutes_layout` would patch a module nobody calls.
            parent, _, child = name.rpartition(".")
            if parent in sys.modules:
                monkeypatch.setattr(sys.modules[parent], child, sys.modules[name],
                                    raising=False)
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "docx", None)  # import docx now fails
    app = _App()
    target, actions = tmp_path / "Styrelsemöte.docx", tmp_path / "Åtgärder.docx"
    meeting = Meeting(title="Styrelsemöte", date="2031-04-02",
                      items=[AgendaItem("Budget", actions=[Action("Räkna om", owner="Eva")])])
    export_files(app, meeting, target, actions)
    # The minutes need no python-docx (export/house_package.py); the action list does.
    assert [message for message, _ in app.told] == [
        "python-docx saknas — installera om Mötesbok.", f"Mötesanteckningarna: {target}"]
    assert app.told[0][1]["severity"] == "error"
    assert target.exists() and not actions.exists()


def _catches_import_error(handler: ast.ExceptHandler) -> bool:
    names = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(isinstance(n, ast.Name) and n.id in ("ImportError", "ModuleNotFoundError")
               for n in names)


def test_no_import_error_is_reported_as_a_feature_not_built_yet():
    offenders = []
    for path in PRODUCTION:
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ExceptHandler) and _catches_import_error(node):
                body = ast.get_source_segment(source, node) or ""
                if re.search(r"finns inte ännu|[Ii]nte tillgängligt", body):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []
