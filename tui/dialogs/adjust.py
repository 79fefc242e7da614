"""The justering dialog: the date the protocol was adjusted and its anslag.

The date offered is the planned justering date once it has come, else today
(store.domain.adjustment.offered_adjustment_date).

Posted defaults to the next working day after the justering, taken down to three weeks
after posting (both follow the date above until the secretary types their own), and the
förvaringsplats to where the protocol said. A late posting is warned about as the dates
are typed, and the secretary may still go on; a posting before the justering or taken
down too soon is refused (store.domain.adjustment). Dates may be typed as elsewhere in
the app (2031-03-14, 14/3, fredag). Dismisses with (date, Posting) or None.
"""

from __future__ import annotations

from datetime import date as Date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, Input, Label, Static

from store.domain.adjustment import (
    LATE_POSTING_WARNING, default_posting, offered_adjustment_date, posted_late, posting_for,
    posting_refusal,
)
from store.domain.dates import DueDateError, parse_due_date
from store.domain.model import Meeting
from store.domain.protocol import Posting

from .base import Dialog

#: (field id, label) in the order shown.
FIELDS = (
    ("adjusted", "Justerat den"),
    ("posted", "Anslaget sätts upp"),
    ("down", "Anslaget tas ned"),
    ("archive", "Förvaringsplats"),
)


class AdjustDialog(Dialog[tuple[str, Posting]]):
    BINDINGS = [
        Binding("ctrl+s", "accept", "Justera", id="adjust.accept", priority=True,
                tooltip="Justera protokollet med anslaget"),
        Binding("escape", "cancel", "Avbryt", id="dialog.cancel",
                tooltip="Stäng utan att justera"),
    ]

    def __init__(self, meeting: Meeting, today: Date):
        super().__init__()
        self.meeting = meeting
        self.today = today
        on = offered_adjustment_date(meeting, today)
        posting = default_posting(on, meeting.posting.archive)
        #: The fields the secretary has typed in: those no longer follow the date above.
        self._typed: set[str] = set()
        self._values = {"adjusted": on, "posted": posting.from_, "down": posting.to,
                        "archive": posting.archive}

    def compose(self) -> ComposeResult:
        meeting = self.meeting
        with self.frame(id="adjust-dialog"):
            yield self.title_line(f"Justera protokollet: {meeting.title} {meeting.date}")
            yield Static("Det justerade protokollet öppnas skrivskyddat; ändringar kräver "
                         "Häv justering.", classes="dialog-message", markup=False)
            for field_id, label in FIELDS:
                with Horizontal(classes="adjust-row"):
                    yield Label(label, classes="dialog-field", markup=False)
                    yield Input(self._values[field_id], id=f"adjust-{field_id}", compact=True,
                                placeholder="ÅÅÅÅ-MM-DD" if field_id != "archive" else
                                "t.ex. nämndens kansli")
            yield self.problem_line(id="adjust-problem")
            yield self.hint_line("tab nästa fält · enter eller ctrl+s justerar · esc avbryter")
            yield self.button_row(Button("Justera", id="ok", variant="primary"),
                                  Button("Avbryt", id="cancel"))

    FIRST_FOCUS = "#adjust-adjusted"

    def on_mount(self) -> None:
        self._check()

    # -- reading the fields ---------------------------------------------------------

    def _text(self, field_id: str) -> str:
        return self.query_one(f"#adjust-{field_id}", Input).value.strip()

    def _date(self, field_id: str, label: str) -> str:
        """The ISO date of a field; DueDateError (with the field named) when not a date."""
        text = self._text(field_id)
        try:
            return parse_due_date(text, self.today).isoformat()
        except DueDateError as exc:
            raise DueDateError(f"{label}: {exc}") from None

    def _read(self) -> tuple[str, Posting]:
        labels = dict(FIELDS)
        on = self._date("adjusted", labels["adjusted"])
        posted = self._date("posted", labels["posted"])
        down = self._date("down", labels["down"])
        return on, posting_for(on, posted, down, self._text("archive"))

    # -- following the date above and checking as it is typed ------------------------

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        field_id = (event.input.id or "").removeprefix("adjust-")
        if event.value.strip() != self._values.get(field_id):
            self._typed.add(field_id)
        if field_id in ("adjusted", "posted"):
            self._follow(field_id)
        self._check()

    def _follow(self, changed: str) -> None:
        """Posted and taken down follow the date above them until typed in."""
        try:
            on = self._date("adjusted", "")
            posted = (default_posting(on).from_ if "posted" not in self._typed
                      else self._date("posted", ""))
        except DueDateError:
            return
        defaults = posting_for(on, posted)
        for field_id, value in (("posted", defaults.from_), ("down", defaults.to)):
            if field_id == changed or field_id in self._typed:
                continue
            widget = self.query_one(f"#adjust-{field_id}", Input)
            if widget.value != value:
                self._values[field_id] = value
                with widget.prevent(Input.Changed):
                    widget.value = value

    def _check(self) -> tuple[str, Posting] | None:
        """Show what is wrong (red) or worth a warning (yellow); the values when they
        may be saved."""
        problem = self.query_one("#adjust-problem", Static)
        problem.set_class(False, "-warning")
        try:
            on, posting = self._read()
        except DueDateError as exc:
            return self._show(problem, str(exc))
        if on < self.meeting.date:
            return self._show(problem, "Protokollet kan inte justeras före sammanträdet.")
        refusal = posting_refusal(on, posting)
        if refusal is not None:
            return self._show(problem, refusal)
        if posted_late(on, posting):
            self._show(problem, f"Obs: {LATE_POSTING_WARNING} Du kan justera ändå.",
                       "-warning")
        else:
            problem.update("")
        return on, posting

    @staticmethod
    def _show(problem: Static, text: str, kind: str = "") -> None:
        """A refusal (red), or with kind "-warning" a warning (yellow)."""
        problem.update(text)
        if kind:
            problem.set_class(True, kind)
        return None

    # -- answering --------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_accept()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ok":
            self.action_accept()
        else:
            self.action_cancel()

    def action_accept(self) -> None:
        values = self._check()
        if values is not None:
            self.dismiss(values)
