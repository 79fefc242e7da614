"""What the action and decision dialogs share: layout, buttons, write-through, and the
question before a typed new entry is thrown away."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Button

from .base import Dialog
from .questions import ConfirmDialog


class EntryDialog(Dialog):
    """Base of a dialog that edits one entry of an item (an action, a decision).

    Subclasses compose `self.frame(classes="-wide")` with the problem line `#message`
    and `entry_buttons()`, and implement `action_accept` / `action_cancel`.
    """

    BINDINGS = [
        Binding("escape", "cancel", "Avbryt", id="dialog.cancel",
                tooltip="Stäng utan att spara ändringarna"),
    ]

    def entry_buttons(self):
        return self.button_row(Button("Spara", variant="primary", id="ok"),
                               Button("Avbryt", id="cancel"))

    def _mark_changed(self) -> None:
        # Edits write through to the model at once; the app saves them.
        mark = getattr(self.app, "mark_changed", None)
        if mark is not None:
            mark()

    def ask_before_discarding(self, unsaved: str, question: str) -> None:
        """A stray escape must not throw away an entry typed during the meeting."""
        self.app.push_screen(
            ConfirmDialog(unsaved, question=question, yes="Ja, kasta",
                          no="Fortsätt skriva", danger=True),
            self._discard_answered,
        )

    def _discard_answered(self, discard: bool | None) -> None:
        if discard:
            self.dismiss(None)
