"""The two small questions every part of the app asks: yes or no, and one text."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Button, Input, Static, TextArea

from ..widgets.text_area import AppTextArea
from .base import Dialog


class ConfirmDialog(Dialog[bool]):
    """A yes/no question; dismisses with True only for an explicit yes.

    `danger=True` (deleting something) puts the focus on the no-button, so a stray
    Enter never deletes.
    """

    BINDINGS = [
        Binding("j,y", "answer(True)", "Ja", show=False, id="confirm.yes",
                tooltip="Ja, gör det"),
        Binding("n", "answer(False)", "Nej", show=False, id="confirm.no",
                tooltip="Nej, avbryt"),
    ]

    def __init__(self, message: str, *, question: str = "", yes: str = "Ja",
                 no: str = "Avbryt", danger: bool = False):
        super().__init__()
        self.message = message
        self.question = question
        self.yes, self.no = yes, no
        self.danger = danger

    def compose(self) -> ComposeResult:
        with self.frame():
            yield Static(self.message, classes="dialog-message", markup=False)
            if self.question:
                yield Static(self.question, classes="dialog-question", markup=False)
            yield self.button_row(
                Button(f"{self.yes} (j)", id="yes", variant="error" if self.danger else "primary"),
                Button(f"{self.no} (n)", id="no"))

    def on_mount(self) -> None:
        self.query_one("#no" if self.danger else "#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(False)


class TextPrompt(Dialog[str]):
    """Ask for one text (a decision, an item title). Dismisses with the text or None.

    Multi-line when asked: enter then adds a line and ctrl+s accepts.
    """

    BINDINGS = [
        Binding("ctrl+s", "accept", "Spara", id="dialog.accept", priority=True,
                tooltip="Spara texten och stäng."),
    ]

    FIRST_FOCUS = "#prompt-text"

    def __init__(self, title: str, *, value: str = "", multiline: bool = False,
                 placeholder: str = "", empty_message: str = "Skriv något först.",
                 accept_hint: str = "sparar", message: str = ""):
        super().__init__()
        self.accept_hint = accept_hint
        self.title_text = title
        self.message = message  # a longer question under the title, wrapped to the width
        self.value = value
        self.multiline = multiline
        self.placeholder = placeholder
        self.empty_message = empty_message

    def compose(self) -> ComposeResult:
        with self.frame():
            yield self.title_line(self.title_text)
            if self.message:
                yield Static(self.message, classes="dialog-message", markup=False)
            if self.multiline:
                area = AppTextArea(self.value, id="prompt-text", soft_wrap=True,
                                show_line_numbers=False, tab_behavior="focus")
                area.placeholder = self.placeholder
                yield area
                yield self.hint_line(f"ctrl+s {self.accept_hint} · esc avbryter")
            else:
                yield Input(self.value, placeholder=self.placeholder, id="prompt-text")
                yield self.hint_line(f"enter {self.accept_hint} · esc avbryter")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_accept()

    def action_accept(self) -> None:
        widget = self.query_one("#prompt-text")
        text = widget.text if isinstance(widget, TextArea) else widget.value
        text = text.strip()
        if not text:
            self.notify(self.empty_message, severity="warning")
            return
        self.dismiss(text)
