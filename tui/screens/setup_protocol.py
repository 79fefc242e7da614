"""The protocol part of meeting setup (tui/screens/setup.py): the meeting's kind, the
body, the justerare, justeringens plats och tid, the first §, and the roster written one
participant a line (store/domain/roster_line.py).

Like the rest of setup, every valid edit goes straight into the model; a value that does
not parse stays in its field, red, with one Swedish sentence, and is not written.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.suggester import Suggester
from textual.widgets import Input, Label, Static

from store.domain import meeting_rules
from store.domain.dates import (
    ClockTimeError,
    DueDateError,
    clock_time_as_typed,
    parse_clock_time,
    parse_due_date,
)
from store.domain.model import Meeting, Participant
from store.domain.substitute_roster import later_changes_text
from store.domain.protocol import KIND_LABELS, MEETING_KINDS, MEMBER
from store.domain.roster_line import (
    SYNTAX_HINT,
    RosterLineError,
    complete_name_list,
    complete_roster_line,
    format_roster_line,
    parse_roster_line,
)

from ..paragraph_count import FirstParagraph, paragraph_mark
from ..worker_messages import FirstParagraphFound

KIND_HINT = "mellanslag byter"
MAX_PARAGRAPH = 99999


def members(meeting: Meeting) -> list[str]:
    """The roster's ledamöter, whom an ersättare can serve for."""
    return [p.name for p in meeting.participants if p.group == MEMBER and p.name.strip()]


def roster_names(meeting: Meeting) -> list[str]:
    return [p.name for p in meeting.participants if p.name.strip()]


class _Completing(Suggester):
    """Offers what `complete(value)` offers (the same function tab accepts)."""

    def __init__(self, complete) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.complete = complete

    async def get_suggestion(self, value: str) -> str | None:
        return self.complete(value)


class CompletingInput(Input):
    """An input whose offered completion tab takes (tab again moves on)."""

    BINDINGS = [Binding("tab", "complete_or_next", "Fyll i", show=False)]

    def __init__(self, *args, complete, **kwargs) -> None:
        super().__init__(*args, suggester=_Completing(complete), **kwargs)
        self.complete = complete

    def action_complete_or_next(self) -> None:
        offered = self.complete(self.value) if self.cursor_at_end else None
        if offered:
            self.value = offered
            self.cursor_position = len(offered)
        else:
            self.screen.focus_next()


class KindChoice(Static, can_focus=True):
    """Mötesanteckningar or Protokoll; space, enter or an arrow switches."""

    BINDINGS = [
        Binding("space,enter,left,right", "switch", "Byt typ", show=False),
    ]

    class Chosen(Message):
        def __init__(self, kind: str) -> None:
            super().__init__()
            self.kind = kind

    def show_kind(self, kind: str) -> None:
        text = Text()
        for each in MEETING_KINDS:
            chosen = each == kind
            text.append(("● " if chosen else "○ ") + KIND_LABELS[each],
                        style="bold" if chosen else "dim")
            text.append("  ")
        text.append(KIND_HINT, style="dim italic")
        self.update(text)
        self.kind = kind

    def action_switch(self) -> None:
        index = MEETING_KINDS.index(self.kind) if self.kind in MEETING_KINDS else 0
        self.post_message(self.Chosen(MEETING_KINDS[(index + 1) % len(MEETING_KINDS)]))


def kind_row(meeting: Meeting) -> ComposeResult:
    with Horizontal(classes="row"):
        yield Label("Typ", classes="lbl")
        choice = KindChoice(id="kind")
        choice.show_kind(meeting.kind)
        yield choice


class ProtocolFields(Vertical):
    """Organ, justerare, justeringens plats, datum och tid, första §."""

    def __init__(self, meeting: Meeting, today: date, **kwargs) -> None:
        super().__init__(**kwargs)
        self.initial = meeting
        self.today = today
        self.first = FirstParagraph()

    @property
    def meeting(self) -> Meeting:
        return self.screen.meeting

    def compose(self) -> ComposeResult:
        m = self.initial
        with Horizontal(classes="row"):
            yield Label("Organ", classes="lbl")
            yield Input(m.body, id="body", compact=True,
                        placeholder="t.ex. Kulturnämndens arbetsutskott")
        with Horizontal(classes="row"):
            yield Label("Justerare", classes="lbl")
            yield CompletingInput(", ".join(m.adjusters), id="adjusters", compact=True,
                                  placeholder="namn ur deltagarlistan, med komma emellan",
                                  complete=lambda v: complete_name_list(
                                      v, roster_names(self.meeting)))
        with Horizontal(classes="row"):
            yield Label("Justering", classes="lbl")
            yield Input(m.adjustment.place, id="adj-place", compact=True, placeholder="plats")
            yield Label("Datum", classes="lbl-short")
            yield Input(m.adjustment.date or "", id="adj-date", compact=True,
                        placeholder="ÅÅÅÅ-MM-DD")
            yield Label("Tid", classes="lbl-short")
            yield Input(m.adjustment.time or "", id="adj-time", compact=True,
                        placeholder="TT:MM")
        with Horizontal(classes="row"):
            yield Label("Första §", classes="lbl")
            yield Input(str(m.first_paragraph or ""), id="first-paragraph", compact=True,
                        placeholder="fortsätter serien")
        yield Static("", id="protocol-message")

    def on_mount(self) -> None:
        self.query_one("#protocol-message").display = False
        self.recount()

    # -- the first § of the series, read in a worker

    def recount(self) -> None:
        """Find the § the series continues from, when the meeting is a protocol."""
        self.first.count(self, self.meeting)

    def on_first_paragraph_found(self, message: FirstParagraphFound) -> None:
        message.stop()
        if self.first.found(message):
            self.query_one("#first-paragraph", Input).placeholder = (
                f"fortsätter serien: {paragraph_mark(message.number)}")

    # -- edits

    def _say(self, problem: str | None) -> None:
        message = self.query_one("#protocol-message", Static)
        message.display = bool(problem)
        message.update(Text(problem or "", style="bold red"))

    def _parse(self, field_id: str, value: str, final: bool):
        """(complete, model value) of a field; raises ValueError with a Swedish sentence."""
        m, typed = self.meeting, value.strip()
        if field_id == "adjusters":
            names = [n.strip() for n in value.split(",") if n.strip()]
            out = []
            for name in names:
                found = m.find_participant(name)
                if found is None:
                    raise ValueError(f"Justeraren {name} finns inte i deltagarlistan.")
                out.append(found.name)
            return True, out
        if field_id == "adj-date":
            if not typed:
                return True, None
            try:
                return True, parse_due_date(typed, self.today).isoformat()
            except DueDateError as exc:
                raise ValueError(f"Justeringens datum: {exc}") from None
        if field_id == "adj-time":
            try:
                complete, parsed = clock_time_as_typed(typed)
                if not complete and final:
                    complete, parsed = True, parse_clock_time(typed)
                return complete, parsed
            except ClockTimeError as exc:
                raise ValueError(f"Justeringens tid: {exc}") from None
        if field_id == "first-paragraph":
            if not typed:
                return True, None
            if not typed.isdigit() or not 1 <= int(typed) <= MAX_PARAGRAPH:
                raise ValueError("Första § ska vara ett heltal från 1, t.ex. 41; "
                                 "tomt fortsätter serien.")
            return True, int(typed)
        return True, typed  # body, adj-place

    def _store(self, field_id: str, value) -> bool:
        m = self.meeting
        targets = {"body": (m, "body"), "adjusters": (m, "adjusters"),
                   "adj-place": (m.adjustment, "place"), "adj-date": (m.adjustment, "date"),
                   "adj-time": (m.adjustment, "time"),
                   "first-paragraph": (m, "first_paragraph")}
        owner, attr = targets[field_id]
        if getattr(owner, attr) == value:
            return False
        setattr(owner, attr, value)
        return True

    def _apply(self, widget: Input, *, final: bool) -> None:
        try:
            complete, value = self._parse(widget.id, widget.value, final)
        except ValueError as exc:
            widget.add_class("-bad")
            self._say(str(exc))
            return
        widget.remove_class("-bad")
        self._say(self._first_problem())
        if complete and self._store(widget.id, value):
            self.app.mark_changed()

    def _first_problem(self) -> str | None:
        for widget in self.query(Input):
            if widget.has_class("-bad"):
                try:
                    self._parse(widget.id, widget.value, not widget.has_focus)
                except ValueError as exc:
                    return str(exc)
        return None

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self._apply(event.input, final=not event.input.has_focus)

    @on(Input.Blurred)
    def _left(self, event: Input.Blurred) -> None:
        widget = event.input
        self._apply(widget, final=True)
        if widget.id in ("adj-date", "adj-time") and not widget.has_class("-bad"):
            shown = getattr(self.meeting.adjustment, widget.id[4:]) or ""
            if widget.value.strip() and widget.value != shown:
                widget.value = shown  # what was understood: "13" is 13:00

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.focus_next()

    def reload(self) -> None:
        """Show the model's values again (the kind changed and filled some in)."""
        m = self.meeting
        self.query_one("#adjusters", Input).value = ", ".join(m.adjusters)


class RosterLineEditor(Vertical):
    """A protocol participant as one line: 'Ann Ek (S), ledamot, ordförande, distans'."""

    class Edited(Message):
        """The current participant changed through the line."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.participant: Participant | None = None

    @property
    def meeting(self) -> Meeting:
        return self.screen.meeting

    def compose(self) -> ComposeResult:
        # Not all selected on focus: one key typed would replace the whole entry.
        yield CompletingInput(id="p-line", compact=True, select_on_focus=False,
                              placeholder="Ann Ek (S), ledamot, ordförande",
                              complete=lambda v: complete_roster_line(
                                  v, members(self.meeting)))
        yield Static(SYNTAX_HINT, id="line-hint", markup=False)

    @on(Input.Submitted, "#p-line")
    def _done(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.query_one("#participants").focus()  # ctrl+n from there adds the next

    def load(self, participant: Participant | None) -> None:
        self.participant = participant
        line = self.query_one("#p-line", Input)
        line.value = format_roster_line(participant) if participant else ""
        line.remove_class("-bad")
        self._hint(None)

    def _hint(self, problem: str | None) -> None:
        hint = self.query_one("#line-hint", Static)
        # An ersättare changed in live mode: the line is the start; say what comes later.
        later = later_changes_text(self.meeting, self.participant) if self.participant else ""
        hint.update(Text(problem, style="bold red") if problem else Text(later or SYNTAX_HINT,
                                                                         style="dim"))

    def _check(self, line) -> str | None:
        serves_for = line.substitute_for
        if serves_for and serves_for.casefold() not in {
                n.casefold() for n in members(self.meeting)}:
            return f"{serves_for} är inte ledamot i deltagarlistan."
        return None

    @on(Input.Changed, "#p-line")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        p = self.participant
        if p is None or p not in self.meeting.participants or not self.meeting.is_protocol:
            return
        if event.input.value == format_roster_line(p):
            event.input.remove_class("-bad")
            self._hint(None)
            return  # as loaded: nothing typed, nothing to write
        try:
            line = parse_roster_line(event.input.value)
            problem = self._check(line)
        except RosterLineError as exc:
            problem = str(exc)
        event.input.set_class(bool(problem), "-bad")
        self._hint(problem)
        if problem:
            return
        before = format_roster_line(p), p.decision_maker
        line.apply_to(p)
        self._hint(None)
        if (format_roster_line(p), p.decision_maker) != before:
            self.app.mark_changed()
            self.post_message(self.Edited())


def change_kind(meeting: Meeting, kind: str) -> str | None:
    """Switch the kind; the Swedish refusal when the meeting has started."""
    try:
        meeting_rules.set_kind(meeting, kind)
    except ValueError as exc:
        return str(exc)
    return None
