"""The dialog for adding or editing an action (åtgärd): text, owner, due date.

`ActionDialog(action, suggestions, today)` dismisses with the Action (a new one, or the
given one updated) or None when cancelled. Editing an existing action writes each
keystroke into it at once (and calls the app's `mark_changed`), so nothing typed is lost
if the terminal dies; escape puts the original values back. `today` is the day relative
due dates count from: live mode passes the meeting's date (`due_date_reference`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Label, Static

from store.domain.model import Action

from ..widgets.due_date_input import DueDateInput
from ..widgets.owner_input import OwnerInput
from .entry import EntryDialog


class ActionDialog(EntryDialog):
    BINDINGS = [
        Binding("ctrl+s", "accept", "Spara", id="dialog.accept",
                tooltip="Spara åtgärden och stäng", priority=True),
    ]
    FIRST_FOCUS = "#text"

    def __init__(
        self,
        action: Action | None,
        suggestions: list[str],
        today: date | None = None,
        *,
        title: str | None = None,
    ):
        super().__init__()
        self.action = action
        self.original = replace(action) if action is not None else None
        self.suggestions = list(suggestions)
        self.today = today or date.today()
        self.dialog_title = title or ("Ändra åtgärd" if action else "Ny åtgärd")

    def compose(self) -> ComposeResult:
        action = self.action
        with self.frame(classes="-wide"):
            yield self.title_line(self._title_line(), id="dialog-title")
            yield Label("Åtgärd", classes="dialog-field")
            yield Input(action.text if action else "", placeholder="Vad ska göras?",
                        id="text")
            yield Label("Ansvarig", classes="dialog-field")
            yield OwnerInput(self.suggestions, value=(action.owner or "") if action else "",
                             id="owner")
            yield Label("Klart senast", classes="dialog-field")
            yield DueDateInput((action.due or "") if action else "", today=self.today,
                               id="due")
            yield self.problem_line(id="message")
            yield self.entry_buttons()

    def _title_line(self) -> Text:
        line = Text(self.dialog_title, style="bold")
        line.append("   Enter/ctrl+s sparar · Esc avbryter · Tab fyller i namnet",
                    style="not bold dim")
        return line

    # -- reading the fields

    @property
    def text_value(self) -> str:
        return self.query_one("#text", Input).value.strip()

    @property
    def owner_value(self) -> str | None:
        return self.query_one("#owner", OwnerInput).value.strip() or None

    @property
    def due_input(self) -> DueDateInput:
        return self.query_one("#due", DueDateInput)

    def _problem(self) -> tuple[str, str] | None:
        """(message, field id) for the first thing that stops a save, or None."""
        if not self.text_value:
            return "Skriv vad som ska göras innan du sparar.", "text"
        if self.due_input.error is not None:
            return f"Ogiltigt datum: {self.due_input.error}", "due"
        return None

    # -- live edits of an existing action

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        if self._problem() is None:
            # The problem reported on a refused save is fixed: stop showing it.
            self.query_one("#message", Static).update("")
        if self.action is None:
            return
        if event.input.id == "text" and self.text_value:
            self.action.text = self.text_value
        elif event.input.id == "owner":
            self.action.owner = self.owner_value
        elif event.input.id == "due" and self.due_input.is_valid:
            self.action.due = self.due_input.iso
        else:
            return
        self._mark_changed()

    def _show_problem(self) -> bool:
        """Report what stops a save, focus that field; False when all is well."""
        problem = self._problem()
        message = self.query_one("#message", Static)
        if problem is None:
            message.update("")
            return False
        message.update(problem[0])
        self.query_one(f"#{problem[1]}").focus()
        return True

    # -- accept / cancel

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_accept()

    def action_accept(self) -> None:
        if self._show_problem():
            return
        if self.action is None:
            result = Action(self.text_value, due=self.due_input.iso, owner=self.owner_value)
        else:
            result = self.action
            result.text = self.text_value
            result.owner = self.owner_value
            result.due = self.due_input.iso
        self.dismiss(result)

    def action_cancel(self) -> None:
        # New: none given, or live mode's empty draft (it sits in the model at once).
        new = self.action is None or (self.original is not None and not self.original.text)
        if new and (self.text_value or self.owner_value):
            self.ask_before_discarding("Åtgärden du har skrivit är inte sparad.", "Kasta den?")
            return
        if self.action is not None and self.original is not None:
            changed = (self.action.text, self.action.owner, self.action.due) != (
                self.original.text, self.original.owner, self.original.due)
            self.action.text = self.original.text
            self.action.owner = self.original.owner
            self.action.due = self.original.due
            if changed:
                self._mark_changed()
        self.dismiss(None)
