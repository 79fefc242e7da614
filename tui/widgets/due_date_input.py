"""An Input for a due date that shows, as you type, which date it means.

The resolved date ("fredag 4 april 2031") or "Ogiltigt datum: …" (in red) is shown in
the input's bottom border; the typed text is never changed. Empty means no due date.
`today` is the day relative dates ("fredag", "15/6") count from: the meeting's date.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.validation import ValidationResult, Validator
from textual.widgets import Input

from store.domain.dates import DueDateError, format_date_sv, parse_due_date


class DueDateValidator(Validator):
    """Lets Input mark itself -invalid (red border) while the text is not a date."""

    def __init__(self, owner: DueDateInput):
        super().__init__()
        self.owner = owner

    def validate(self, value: str) -> ValidationResult:
        self.owner._resolve(value)
        if self.owner.error is None:
            return self.success()
        return self.failure(self.owner.error)


class DueDateInput(Input):
    DEFAULT_CSS = """
    DueDateInput {
        border-subtitle-align: left;
        border-subtitle-color: $text-success;
    }
    DueDateInput.-invalid, DueDateInput.-invalid:focus {
        border-subtitle-color: $text-error;
    }
    """

    def __init__(self, value: str | None = None, *, today: date | None = None, **kwargs):
        kwargs.setdefault("placeholder", "Klart senast (t.ex. 8/4, fredag, om 2 veckor)")
        self.today = today or date.today()
        self.due: date | None = None
        self.error: str | None = None
        kwargs.setdefault("validators", [DueDateValidator(self)])
        super().__init__(value=value, **kwargs)
        self._resolve(value or "")

    @property
    def is_valid(self) -> bool:
        return self.error is None

    def _resolve(self, text: str) -> None:
        self.due, self.error = None, None
        if text.strip():
            try:
                self.due = parse_due_date(text, self.today)
            except DueDateError as exc:
                self.error = str(exc)
        self._show()

    def _show(self) -> None:
        if self.error is not None:
            first_sentence = self.error.split(". ")[0].rstrip(".")
            # Text, not a str: what was typed is shown as typed, never read as markup.
            self.border_subtitle = Text(f"Ogiltigt datum: {first_sentence}")
        elif self.due is not None:
            self.border_subtitle = f"→ {format_date_sv(self.due)}"
        else:
            self.border_subtitle = "Inget slutdatum"

    def watch_value(self, value: str) -> None:
        # Textual calls this right after Input's own watcher, which only *posts*
        # Changed: every Changed handler runs later and reads the fresh date, also
        # with validation switched off (the validator resolves it otherwise).
        self._resolve(value)

    @property
    def iso(self) -> str | None:
        """The due date as stored in the model, or None (empty or invalid)."""
        return self.due.isoformat() if self.due else None
