"""Steps through the app's export dialog, and the file names it offers."""

from __future__ import annotations

from tests.support.live import settle
from tui.widgets.export_dialog import ExportDialog


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
