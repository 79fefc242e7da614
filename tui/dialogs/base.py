"""The one base of every modal dialog in the app, and the one dialog style sheet.

A dialog is a `Dialog[Result]`: it is centred over the screen it was opened from, escape
cancels it (dismissing with None unless the dialog says otherwise), and its look comes
from dialogs.tcss next to this file, read once when the first dialog opens. Its parts
carry the sheet's classes:

    with self.frame():                     # Vertical(classes="dialog"): the framed box
        yield self.title_line("Ny gäst")   # bold heading
        ...                                # fields; Label(classes="dialog-field") above each
        yield self.problem_line()          # why the last try was refused (red), else empty
        yield self.hint_line("enter lägger till · esc avbryter")
        yield self.button_row(Button("Spara", id="ok"), Button("Avbryt", id="cancel"))

The buttons #ok and #cancel do the dialog's `action_accept` and `action_cancel`.
`FIRST_FOCUS` names (as a selector) the field that has the focus when the dialog opens;
a text field gets its cursor at the end of what it already holds.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, TypeVar

from textual import events, on
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static, TextArea

ResultType = TypeVar("ResultType")

#: The dialog style sheet: every dialog's look, and nothing else's.
STYLE_SHEET = Path(__file__).with_name("dialogs.tcss")


class Dialog(ModalScreen[ResultType]):
    """A modal dialog: escape cancels, the shared frame, title, hint and button row."""

    # An absolute path: Textual resolves a relative one against each subclass's file.
    CSS_PATH = STYLE_SHEET

    BINDINGS = [Binding("escape", "cancel", "Avbryt", id="dialog.cancel",
                        tooltip="Stäng utan att ändra något.")]

    #: A selector for the widget focused when the dialog opens (None: Textual's choice).
    FIRST_FOCUS: ClassVar[str | None] = None

    def action_cancel(self) -> None:
        self.dismiss(None)

    # The button row's two usual buttons: #ok does the dialog's action_accept (a dialog
    # with an #ok button has one), #cancel its action_cancel.

    @on(Button.Pressed, "#ok")
    def _ok_pressed(self) -> None:
        self.action_accept()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(events.Mount)
    def _focus_first(self) -> None:
        if self.FIRST_FOCUS is None:
            return
        focus_at_end(self.query_one(self.FIRST_FOCUS))

    # -- the parts of a dialog, with the style sheet's classes

    @staticmethod
    def frame(*, id: str | None = None, classes: str = "") -> Vertical:
        """The dialog's box; `classes` may add a size: -wide, -full (see dialogs.tcss)."""
        return Vertical(id=id, classes=f"dialog {classes}".strip())

    @staticmethod
    def title_line(text, *, id: str | None = None) -> Label:
        return Label(text, id=id, classes="dialog-title", markup=False)

    @staticmethod
    def hint_line(text, *, id: str | None = None) -> Static:
        return Static(text, id=id, classes="dialog-hint", markup=False)

    @staticmethod
    def problem_line(*, id: str | None = None) -> Static:
        """Empty until a try is refused; then one Swedish sentence saying why."""
        return Static("", id=id, classes="dialog-problem", markup=False)

    @staticmethod
    def button_row(*buttons: Widget, id: str | None = None) -> Horizontal:
        return Horizontal(*buttons, id=id, classes="dialog-buttons")


def focus_at_end(widget: Widget) -> None:
    """Focus a field with its cursor after what it holds (where typing goes on)."""
    widget.focus()
    if isinstance(widget, Input):
        widget.cursor_position = len(widget.value)
    elif isinstance(widget, TextArea):
        widget.move_cursor(widget.document.end)
