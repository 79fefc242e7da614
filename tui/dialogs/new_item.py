"""A new agenda item added during the meeting: its title, and whether it is a sub-item."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, Label

from .base import Dialog


class NewItemDialog(Dialog[tuple[str, bool]]):
    """Title of a new agenda item added during the meeting, and where it goes."""

    FIRST_FOCUS = "#item-title"

    def __init__(self, current_title: str | None, *, as_sub_item: bool, keep=None):
        super().__init__()
        self.current_title = current_title
        self.as_sub_item = as_sub_item
        #: keep(title, sub): adds the item to the meeting; used when the app must save
        #: and quit (ctrl+q, SIGHUP, SIGTERM) while a title is typed here.
        self._keep = keep

    def sync_to_model(self) -> None:
        """Called by the app just before a final save: a typed title is never lost."""
        keep, self._keep = self._keep, None  # once only
        if keep is None:
            return
        try:
            title = self.query_one("#item-title", Input).value.strip()
            sub = self.query_one("#item-sub", Checkbox).value
        except Exception:  # noqa: BLE001 - widgets already gone
            return
        if title:
            keep(title, sub)

    def compose(self) -> ComposeResult:
        with self.frame():
            yield self.title_line("Ny punkt på dagordningen")
            yield Label("Rubrik", classes="dialog-field")
            yield Input(placeholder="t.ex. Vinterväghållning", id="item-title")
            sub = Checkbox(Text(f"Som underpunkt till {self.current_title}"), self.as_sub_item,
                           id="item-sub")
            sub.display = self.current_title is not None
            yield sub
            yield self.hint_line("enter lägger till · esc avbryter")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        title = event.value.strip()
        if not title:
            self.notify("Skriv en rubrik för punkten.", severity="warning")
            return
        self.dismiss((title, self.query_one("#item-sub", Checkbox).value))
