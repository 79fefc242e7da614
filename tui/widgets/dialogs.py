"""Small modal dialogs used by the app shell and live mode (keyboard first)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Static, TextArea

from .text_area import AppTextArea


class _Dialog(ModalScreen):
    DEFAULT_CSS = """
    _Dialog, ConfirmDialog, TextPrompt, NewItemDialog {
        align: center middle;
    }
    """
    BINDINGS = [Binding("escape", "cancel", "Avbryt", id="dialog.cancel",
                        tooltip="Stäng utan att ändra något.")]

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDialog(_Dialog):
    """A yes/no question; dismisses with True only for an explicit yes.

    `danger=True` (deleting something) puts the focus on the no-button, so a stray
    Enter never deletes.
    """

    BINDINGS = [
        Binding("escape", "cancel", "Avbryt", id="dialog.cancel"),
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
        with Vertical(classes="dialog"):
            yield Static(self.message, classes="dialog-message", markup=False)
            if self.question:
                yield Static(self.question, classes="dialog-question", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.yes} (j)", id="yes",
                             variant="error" if self.danger else "primary")
                yield Button(f"{self.no} (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#no" if self.danger else "#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(False)


class TextPrompt(_Dialog):
    """Ask for one text (a decision, an item title). Dismisses with the text or None.

    Multi-line when asked: enter then adds a line and ctrl+s accepts.
    """

    BINDINGS = [
        Binding("escape", "cancel", "Avbryt", id="dialog.cancel"),
        Binding("ctrl+s", "accept", "Spara", id="dialog.accept", priority=True,
                tooltip="Spara texten och stäng."),
    ]

    def __init__(self, title: str, *, value: str = "", multiline: bool = False,
                 placeholder: str = "", empty_message: str = "Skriv något först.",
                 accept_hint: str = "sparar"):
        super().__init__()
        self.accept_hint = accept_hint
        self.title_text = title
        self.value = value
        self.multiline = multiline
        self.placeholder = placeholder
        self.empty_message = empty_message

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            if self.multiline:
                area = AppTextArea(self.value, id="prompt-text", soft_wrap=True,
                                show_line_numbers=False, tab_behavior="focus")
                area.placeholder = self.placeholder
                yield area
                yield Static(f"ctrl+s {self.accept_hint} · esc avbryter", classes="dialog-hint")
            else:
                yield Input(self.value, placeholder=self.placeholder, id="prompt-text")
                yield Static(f"enter {self.accept_hint} · esc avbryter", classes="dialog-hint")

    def on_mount(self) -> None:
        widget = self.query_one("#prompt-text")
        widget.focus()
        if isinstance(widget, TextArea):
            widget.move_cursor(widget.document.end)

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


class NewItemDialog(_Dialog):
    """Title of a new agenda item added during the meeting, and where it goes."""

    BINDINGS = [Binding("escape", "cancel", "Avbryt", id="dialog.cancel")]

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
        with Vertical(classes="dialog"):
            yield Label("Ny punkt på dagordningen", classes="dialog-title")
            yield Label("Rubrik", classes="dialog-field")
            yield Input(placeholder="t.ex. Vinterväghållning", id="item-title")
            sub = Checkbox(Text(f"Som underpunkt till {self.current_title}"), self.as_sub_item,
                           id="item-sub")
            sub.display = self.current_title is not None
            yield sub
            yield Static("enter lägger till · esc avbryter", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#item-title", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        title = event.value.strip()
        if not title:
            self.notify("Skriv en rubrik för punkten.", severity="warning")
            return
        self.dismiss((title, self.query_one("#item-sub", Checkbox).value))
