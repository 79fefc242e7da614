"""One default folder for everything the app writes out: the meeting's export (F10 /
`e` on the list) and the action list's printout (ctrl+e) offer the same folder, by the
one rule in tui/export_dir.py: MOTESBOK_EXPORT_DIR, else Documents, else home."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from store import MeetingStore
from tests.support.live import add_meeting, make_app, run_async, settle, wait_until
from tui.dialogs.action_print import PrintDialog
from tui.dialogs.export_meeting import ExportDialog
from tui.export_dir import default_export_dir


async def offered_folders(tmp_path) -> tuple[Path, Path]:
    """(the export dialog's folder, the print dialog's folder) in the real app."""
    store = MeetingStore.in_memory()
    add_meeting(store)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, ExportDialog), what="export")
        exported = Path(app.screen.query_one("#minutes-path", Input).value).parent
        await pilot.press("escape", "ctrl+l")
        await settle(pilot)
        await pilot.press("ctrl+e")
        await wait_until(pilot, lambda: isinstance(app.screen, PrintDialog), what="print")
        printed = Path(app.screen.query_one("#print-path", Input).value).parent
    return exported, printed


@pytest.mark.parametrize("place", ["documents", "home", "variable"])
def test_export_and_printout_offer_the_same_folder(place, tmp_path, monkeypatch):
    home = Path.home()  # the conftest's temporary home
    monkeypatch.delenv("MOTESBOK_EXPORT_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))  # no user-dirs.dirs
    expected = home
    if place == "documents":
        expected = home / "Documents"
        expected.mkdir()
    elif place == "variable":
        expected = tmp_path / "Utskick"
        expected.mkdir()
        monkeypatch.setenv("MOTESBOK_EXPORT_DIR", str(expected))
    assert default_export_dir() == expected
    assert run_async(offered_folders)(tmp_path) == (expected, expected)
