"""The current item's attachments (Bilagor) from live mode: add and remove in one place.

Like every live dialog it holds nothing of its own: a name added or removed is in the
model at once and the app saves it.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from store.domain.model import AgendaItem

from .base import Dialog


class AttachmentsDialog(Dialog[None]):
    BINDINGS = [
        Binding("escape", "cancel", "Stäng", id="attachments.close"),
        Binding("ctrl+d", "remove", "Ta bort", id="attachments.remove", priority=True,
                tooltip="Ta bort den markerade bilagan."),
        Binding("up", "move(-1)", show=False, priority=True),
        Binding("down", "move(1)", show=False, priority=True),
    ]

    FIRST_FOCUS = "#attachment-name"

    def __init__(self, item: AgendaItem, mark: str, on_change=None):
        super().__init__()
        self.item = item
        # How the screen names the item: '3.' (punkt 3.) or a protocol's '§ 43'.
        self.where = mark if mark.startswith("§") else f"punkt {mark}"
        self.on_change = on_change or (lambda: None)

    def compose(self) -> ComposeResult:
        with self.frame():
            yield self.title_line(f"Bilagor till {self.where} {self.item.title}")
            yield OptionList(id="attachment-list")
            yield Input(id="attachment-name", placeholder="Ny bilaga, t.ex. Budget april.pdf")
            yield self.hint_line("enter lägger till · ↑↓ väljer · ctrl+d tar bort · esc stänger")

    def on_mount(self) -> None:
        self.refresh_list()

    def refresh_list(self, highlight: int | None = None) -> None:
        listing = self.query_one("#attachment-list", OptionList)
        listing.clear_options()
        listing.add_options(Option(Text(name), id=str(index))
                            for index, name in enumerate(self.item.attachments))
        listing.display = bool(self.item.attachments)
        if self.item.attachments:
            last = len(self.item.attachments) - 1
            listing.highlighted = last if highlight is None else max(0, min(highlight, last))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = " ".join(event.value.split())
        if not name:
            self.dismiss(None)  # enter on an empty field: done
            return
        self.item.attachments.append(name)
        event.input.value = ""
        self.on_change()
        self.refresh_list()
        self.notify(f"Bilagan ”{name}” är tillagd.")

    def action_move(self, offset: int) -> None:
        listing = self.query_one("#attachment-list", OptionList)
        if self.item.attachments:
            current = listing.highlighted if listing.highlighted is not None else 0
            listing.highlighted = max(0, min(len(self.item.attachments) - 1, current + offset))

    def action_remove(self) -> None:
        listing = self.query_one("#attachment-list", OptionList)
        index = listing.highlighted
        if index is None or not 0 <= index < len(self.item.attachments):
            self.notify("Ingen bilaga att ta bort.", severity="warning")
            return
        name = self.item.attachments.pop(index)
        self.on_change()
        self.refresh_list(index)
        self.notify(f"Bilagan ”{name}” är borttagen.")
