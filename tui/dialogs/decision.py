"""The dialog for adding or editing a decision (beslut).

A decision is usually one sentence typed while the room moves on, so Enter saves it;
ctrl+j (or shift+enter where the terminal tells them apart) starts a new line, and a
pasted multi-line text keeps its lines.

`DecisionDialog(decision)` dismisses with the Decision (new, or the given one updated)
or None. As in the action dialog, editing an existing decision writes through to it at
once and escape restores the original text.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static, TextArea

from store.domain.model import Decision

from ..widgets.text_area import AppTextArea
from .entry import EntryDialog


class DecisionDialog(EntryDialog):
    BINDINGS = [
        Binding("enter,ctrl+s", "accept", "Spara", id="dialog.accept",
                tooltip="Spara beslutet och stäng", priority=True),
        Binding("ctrl+j,shift+enter", "newline", "Ny rad", id="dialog.newline",
                tooltip="Ny rad i beslutet", priority=True),
    ]
    FIRST_FOCUS = "#text"

    def __init__(self, decision: Decision | None, *, title: str | None = None):
        super().__init__()
        self.decision = decision
        self.original_text = decision.text if decision is not None else None
        self.dialog_title = title or ("Ändra beslut" if decision else "Nytt beslut")

    def compose(self) -> ComposeResult:
        with self.frame(classes="-wide"):
            yield self.title_line(self.dialog_title, id="dialog-title")
            yield self.hint_line("Enter sparar, ctrl+j ger ny rad, escape avbryter.", id="hint")
            yield AppTextArea(self.decision.text if self.decision else "", id="text",
                           soft_wrap=True, show_line_numbers=False)
            yield self.problem_line(id="message")
            yield self.entry_buttons()

    @property
    def text_value(self) -> str:
        return self.query_one(TextArea).text.strip()

    @on(TextArea.Changed)
    def _changed(self) -> None:
        if self.text_value:
            self.query_one("#message", Static).update("")
            if self.decision is not None and self.decision.text != self.text_value:
                self.decision.text = self.text_value
                self._mark_changed()

    def action_newline(self) -> None:
        self.query_one(TextArea).insert("\n")

    def action_accept(self) -> None:
        if not self.text_value:
            self.query_one("#message", Static).update("Skriv beslutet innan du sparar.")
            self.query_one(TextArea).focus()
            return
        if self.decision is None:
            self.dismiss(Decision(self.text_value))
            return
        self.decision.text = self.text_value
        self.dismiss(self.decision)

    def action_cancel(self) -> None:
        # New: none given, or live mode's empty draft (it sits in the model at once).
        if not self.original_text and self.text_value:
            self.ask_before_discarding("Beslutet du har skrivit är inte sparat.", "Kasta det?")
            return
        if self.decision is not None and self.decision.text != self.original_text:
            self.decision.text = self.original_text
            self._mark_changed()
        self.dismiss(None)
