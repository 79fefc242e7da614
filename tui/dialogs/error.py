"""The dialog shown when an unexpected error was contained (tui/crash_guard.py decides)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Button, Static

from .base import Dialog


class ErrorDialog(Dialog[None]):
    """Tells that an error happened, that all is saved, and that the meeting goes on."""

    BINDINGS = [Binding("escape,enter", "close", "Fortsätt", id="error.close")]
    FIRST_FOCUS = "#error-close"

    def __init__(self, details: str, *, saved: bool):
        super().__init__()
        self.details = details
        self.saved = saved

    def compose(self) -> ComposeResult:
        saved = ("Allt du har skrivit är sparat." if self.saved
                 else "Mötet kunde inte sparas just nu; texten finns kvar och sparas igen.")
        with self.frame(classes="-full -alarm"):
            yield self.title_line("Ett oväntat fel inträffade", id="error-title")
            yield Static(f"{saved} Du kan fortsätta mötet. Skicka gärna texten nedan "
                         "till den som sköter Mötesbok.", id="error-message", markup=False)
            with VerticalScroll():
                yield Static(self.details, id="error-traceback", markup=False)
            yield Button("Fortsätt (enter)", id="error-close", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
