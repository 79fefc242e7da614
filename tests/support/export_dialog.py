"""Steps through the app's export dialog, and the file names it offers."""

from __future__ import annotations

from store import Action, MeetingStore
from tests.support.live import add_meeting, council_meeting, make_app, settle
from tui.dialogs.export_meeting import ExportDialog


MINUTES = "Samverkansråd, Norrfjällen 2031-04-02.docx"


ACTIONS = "Åtgärdslista Samverkansråd, Norrfjällen 2031-04-02.docx"


async def open_export(pilot) -> None:
    await settle(pilot)
    await pilot.press("e")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ExportDialog)


async def accept(pilot) -> None:
    await pilot.press("enter")
    await settle(pilot)


def export_app(tmp_path, monkeypatch):
    """The app over one meeting, exporting into `tmp_path`."""
    monkeypatch.setenv("MOTESBOK_EXPORT_DIR", str(tmp_path))
    store = MeetingStore.in_memory()
    meeting = council_meeting(start="13:00")
    # An action, so that the action list is offered beside the minutes.
    meeting.items[0].actions.append(Action("Boka lokal till hösten", owner="Greta"))
    add_meeting(store, meeting)
    return make_app(store)
