"""A bare app around the import dialog, and the steps its Pilot tests share."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Input, Static

from store import MeetingStore
from tui.dialogs.import_meeting import ImportDialog


NOTHING = object()


class ImportApp(App):
    def __init__(self, store: MeetingStore, path: str = ""):
        super().__init__()
        self.store = store
        self.path = path
        self.result = NOTHING

    def on_mount(self) -> None:
        self.push_screen(ImportDialog(self.path), self._done)

    def _done(self, result) -> None:
        self.result = result


async def read_in(pilot, path_text: str) -> None:
    dialog = pilot.app.screen
    dialog.query_one("#path", Input).value = path_text
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def result_text(app) -> str:
    return str(app.screen.query_one("#result", Static).render())
