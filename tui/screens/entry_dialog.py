"""What the action and decision dialogs share: layout, buttons, write-through, and the
question before a typed new entry is thrown away."""

from __future__ import annotations

from textual import on
from textual.screen import ModalScreen
from textual.widgets import Button

from ..widgets.dialogs import ConfirmDialog


class EntryDialog(ModalScreen):
    """Base of a dialog that edits one entry of an item (an action, a decision).

    Subclasses compose a `#dialog` container with `#message` and `#ok`/`#cancel`
    buttons, and implement `action_accept` / `action_cancel`.
    """

    DEFAULT_CSS = """
    EntryDialog { align: center middle; }
    EntryDialog > #dialog {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    EntryDialog #dialog-title { text-style: bold; }
    EntryDialog #message { color: $text-error; height: auto; }
    EntryDialog #buttons { height: auto; align-horizontal: right; }
    EntryDialog #buttons Button { margin-left: 1; }
    """

    def _mark_changed(self) -> None:
        # Edits write through to the model at once; the app saves them.
        mark = getattr(self.app, "mark_changed", None)
        if mark is not None:
            mark()

    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        self.action_accept()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.action_cancel()

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
