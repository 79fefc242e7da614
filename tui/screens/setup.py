"""Meeting setup: title, series, date, times, place and the roster.

Every edit goes straight into `app.session.meeting` and calls `app.mark_changed()`.
A date or time that does not parse is shown with a Swedish message and is not written
until it is valid; the typed text stays in the field.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.widgets import Checkbox, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from store.domain.dates import (
    ClockTimeError,
    DueDateError,
    clock_time_as_typed,
    format_date_sv,
    parse_clock_time,
    parse_due_date,
)
from store.domain.model import STANDARD_ROLES, Meeting, Participant
from store.domain.roster_line import format_roster_line

from ..save_state import SaveState
from ..dialogs.questions import ConfirmDialog
from ..widgets.live_footer import LiveFooter
from .setup_protocol import (
    KindChoice,
    ProtocolFields,
    RosterLineEditor,
    change_kind,
    kind_row,
)

#: The title the app gives a meeting made with "Nytt möte" (tui/app.py).
NEW_MEETING_TITLE = "Nytt möte"
#: How an invalid time names its field; "Började" is when the meeting actually began.
TIME_LABELS = {"start": "Starttid", "end": "Sluttid", "actual_start": "Började"}

ROLE_HINT = "↑↓ byter roll: " + ", ".join(STANDARD_ROLES) + " – eller skriv fritt"


class RoleInput(Input):
    """Free text, completing the standard roles; up/down step through them."""

    BINDINGS = [
        Binding("up", "cycle(-1)", "Förra rollen", show=False),
        Binding("down", "cycle(1)", "Nästa roll", show=False),
        Binding("tab", "complete_and_next", "Fyll i", show=False),
    ]

    def accept_completion(self) -> None:
        """'Just' with 'Justerare' offered becomes Justerare (enter and tab, not only →)."""
        # From the list itself, not the suggester's worker: a Tab typed right behind the
        # letters arrives before its suggestion does.
        typed = self.value.casefold()
        offered = next((r for r in STANDARD_ROLES if r.casefold().startswith(typed)), None)
        if offered and self.value:
            self.value = offered
            self.cursor_position = len(offered)

    def action_complete_and_next(self) -> None:
        self.accept_completion()
        self.screen.focus_next()

    async def action_submit(self) -> None:
        self.accept_completion()
        await super().action_submit()

    def action_cycle(self, step: int) -> None:
        choices = ("",) + STANDARD_ROLES
        current = self.value.strip().casefold()
        folded = [c.casefold() for c in choices]
        index = folded.index(current) if current in folded else 0
        self.value = choices[(index + step) % len(choices)]
        self.cursor_position = len(self.value)


def participant_label(participant: Participant, protocol: bool = False) -> Text:
    """One roster line: 'Hedda Norell (Ordförande) · beslutande'; in a protocol the line as
    it is written: 'Hedda Norell (S), ledamot, ordförande'."""
    if protocol:
        return Text(format_roster_line(participant) or "(namn saknas)",
                    style="dim strike" if participant.absent else "")
    text = Text(participant.name or "(namn saknas)",
                style="dim strike" if participant.absent else "")
    if participant.role:
        text.append(f" ({participant.role})", style="italic")
    marks = []
    if participant.decision_maker:
        marks.append("beslutande")
    if participant.absent:
        marks.append("frånvarande")
    if marks:
        text.append(" · " + ", ".join(marks), style="dim")
    return text


class MeetingSetupScreen(Screen[None]):
    #: The title of this view in the help screen (F1).
    HELP_TITLE = "Mötesinställningar och deltagare"
    CSS_PATH = "setup.tcss"

    MOVE = Binding.Group("Flytta", compact=True)

    BINDINGS = [
        Binding("ctrl+n", "add_participant", "Ny deltagare", id="setup.add_participant",
                tooltip="Lägg till en deltagare sist i listan", priority=True),
        Binding("delete", "remove_participant", "Ta bort", id="setup.remove_participant",
                tooltip="Ta bort den markerade deltagaren (frågar först)"),
        Binding("alt+up", "move_participant(-1)", "Upp", id="setup.move_up", group=MOVE,
                tooltip="Flytta deltagaren ett steg upp", priority=True),
        Binding("alt+down", "move_participant(1)", "Ned", id="setup.move_down", group=MOVE,
                key_display="↓",
                tooltip="Flytta deltagaren ett steg ned", priority=True),
        Binding("escape", "close", "Klar", id="setup.close",
                tooltip="Tillbaka (allt är redan sparat)"),
    ]

    def __init__(self, *, today: date | None = None, name: str | None = None,
                 id: str | None = None):
        super().__init__(name=name, id=id)
        self.today = today or date.today()
        self.current_id: str | None = None
        self._series_follows_title = False

    # -- model access

    @property
    def meeting(self) -> Meeting:
        return self.app.session.meeting

    def _changed(self) -> None:
        self.app.mark_changed()

    @property
    def current(self) -> Participant | None:
        return next((p for p in self.meeting.participants if p.id == self.current_id), None)

    # -- layout

    def compose(self) -> ComposeResult:
        m = self.meeting
        with Horizontal(id="setup-title"):
            yield Static("Mötesinställningar", id="setup-heading")
            yield Static("", id="save-state", markup=False)
        # No focus stop of its own: tab after the last field wraps to the title, where
        # typing shows, instead of to an invisible stop that drops what is typed.
        with VerticalScroll(id="setup-form", can_focus=False):
            with Horizontal(classes="row"):
                yield Label("Titel", classes="lbl")
                yield Input(m.title, id="title", compact=True,
                            placeholder="t.ex. Ledningsgrupp, Norrdalens kommun")
            with Horizontal(classes="row"):
                yield Label("Serie", classes="lbl")
                yield Input(m.series, id="series", compact=True,
                            placeholder="samma som titeln om tomt")
            with Horizontal(classes="row"):
                yield Label("Datum", classes="lbl")
                yield Input(m.date, id="date", compact=True, placeholder="ÅÅÅÅ-MM-DD")
                yield Label("Start", classes="lbl-short")
                yield Input(m.start or "", id="start", compact=True, placeholder="TT:MM")
                yield Label("Slut", classes="lbl-short")
                yield Input(m.end or "", id="end", compact=True, placeholder="TT:MM")
                yield Label("Började", classes="lbl-short", id="actual-start-label")
                yield Input(m.actual_start or "", id="actual_start", compact=True,
                            placeholder="TT:MM")
            with Horizontal(classes="row"):
                yield Label("Plats", classes="lbl")
                yield Input(m.place, id="place", compact=True,
                            placeholder="t.ex. Kommunhuset, sal 3")
            yield from kind_row(m)
            yield ProtocolFields(m, self.today, id="protocol-fields")
            yield Static("", id="meeting-message")
            yield Label("Deltagare  (ctrl+n ny, del ta bort, alt+↑/↓ flytta)",
                        id="roster-heading")
            with Horizontal(id="roster"):
                yield OptionList(id="participants")
                with Vertical(id="participant-editor"):
                    yield RosterLineEditor(id="roster-line")
                    with Horizontal(classes="row minutes-only"):
                        yield Label("Namn", classes="lbl")
                        yield Input(id="p-name", compact=True, placeholder="För- och efternamn")
                    with Horizontal(classes="row minutes-only"):
                        yield Label("Roll", classes="lbl")
                        yield RoleInput(id="p-role", compact=True, placeholder="Ordförande, …",
                                    suggester=SuggestFromList(STANDARD_ROLES,
                                                              case_sensitive=False))
                    yield Static(ROLE_HINT, id="role-hint", classes="minutes-only")
                    yield Checkbox("Beslutande", id="p-dm", compact=True,
                                   classes="minutes-only")
                    yield Checkbox("Frånvarande", id="p-absent", compact=True,
                                   classes="minutes-only")
        # Every key on as many lines as it needs: one line cut them at 80 columns.
        yield LiveFooter(compact=True)

    def on_mount(self) -> None:
        # A new or just imported meeting got its title as series name ("Nytt möte"):
        # while it is alone in that series, the series follows the title as it is
        # typed, so the meeting does not end up in a series called "Nytt möte".
        m = self.meeting
        self.set_class(m.is_protocol, "-protocol")
        self._series_follows_title = m.series == m.title and (
            m.title == NEW_MEETING_TITLE  # several may wait for their names
            or all(s.id == m.id for s in self.app.store.series_meetings(m.series)))
        self._refresh_roster(self.meeting.participants[0].id
                             if self.meeting.participants else None)
        self._show_meeting_state()
        self.query_one("#title", Input).focus()
        if hasattr(self.app, "save_state"):
            # The app's quiet "Sparat hh:mm:ss", so the secretary sees edits are kept.
            self.watch(self.app, "save_state", self._show_save_state)

    def _show_save_state(self, state: SaveState) -> None:
        self.query_one("#save-state", Static).update(state.text)

    # -- meeting fields

    def _show_meeting_state(self, problem: str | None = None) -> None:
        message = self.query_one("#meeting-message", Static)
        if problem:
            message.update(Text(problem, style="bold red"))
            return
        try:
            when = format_date_sv(date.fromisoformat(self.meeting.date))
        except ValueError:
            when = self.meeting.date
        message.update(Text(f"Mötet: {when}", style="dim"))

    def _problems(self, first: str | None = None) -> str | None:
        """The invalid date/time still typed: in field `first`, else the first one."""
        fields = ["date", "start", "end", "actual_start"]
        if first in fields:
            fields.remove(first)
            fields.insert(0, first)
        for field_id in fields:
            widget = self.query_one(f"#{field_id}", Input)
            try:
                self._parse_field(field_id, widget.value, final=not widget.has_focus)
            except ValueError as exc:
                return str(exc)
        return None

    def _parse_field(self, field_id: str, value: str, *, final: bool) -> tuple[bool, str | None]:
        """(complete, model value) for the date or a time; raises ValueError (Swedish).

        While a time is being typed ('13', '13:') it is incomplete: not an error and not
        written. Once the field is left (`final`), a bare hour counts as a time.
        """
        if field_id == "date":
            if not value.strip():
                raise DueDateError("Ogiltigt datum: mötet måste ha ett datum.")
            try:
                return True, parse_due_date(value, self.today).isoformat()
            except DueDateError as exc:
                raise DueDateError(f"Ogiltigt datum: {exc}") from None
        try:
            complete, parsed = clock_time_as_typed(value)
            if not complete and final:
                complete, parsed = True, parse_clock_time(value)
            return complete, parsed
        except ClockTimeError as exc:
            label = TIME_LABELS[field_id]
            raise ClockTimeError(f"{label}: {exc}") from None

    @on(Input.Changed, "#title, #series, #place, #date, #start, #end, #actual_start")
    def _meeting_field_changed(self, event: Input.Changed) -> None:
        field_id = event.input.id
        value = event.input.value
        if field_id in ("title", "series", "place"):
            # Stored without the edges' spaces (a stray space before "Kommunhuset" would
            # stand in the minutes); the field keeps what is typed, so typing goes on.
            value = value.strip()
            if field_id == "series" and value != self.meeting.title:
                self._series_follows_title = False
            if field_id == "title" and self._series_follows_title:
                self.meeting.series = value
                self.query_one("#series", Input).value = value
            if getattr(self.meeting, field_id) != value:
                setattr(self.meeting, field_id, value)
                self._changed()
            self.query_one(ProtocolFields).recount()  # the series' § may differ
            return
        self._apply_when_field(event.input, final=not event.input.has_focus)
        self.query_one(ProtocolFields).recount()  # a new year starts at § 1

    @on(Input.Blurred, "#date, #start, #end, #actual_start")
    def _when_field_left(self, event: Input.Blurred) -> None:
        self._apply_when_field(event.input, final=True)
        widget = event.input
        if not widget.has_class("-bad"):
            # Show what was understood: "13" becomes 13:00, "8/5" 2031-05-08.
            shown = getattr(self.meeting, widget.id) or ""
            if widget.value.strip() and widget.value != shown:
                widget.value = shown

    def _apply_when_field(self, widget: Input, *, final: bool) -> None:
        field_id = widget.id
        try:
            complete, parsed = self._parse_field(field_id, widget.value, final=final)
        except ValueError:
            widget.add_class("-bad")
            self._show_meeting_state(self._problems(field_id))
            return
        widget.remove_class("-bad")
        if complete and getattr(self.meeting, field_id) != parsed:
            setattr(self.meeting, field_id, parsed)
            self._changed()
        self._show_meeting_state(self._problems())

    def on_kind_choice_chosen(self, event: KindChoice.Chosen) -> None:
        refusal = change_kind(self.meeting, event.kind)
        if refusal:
            self._show_meeting_state(refusal)
            return
        self._changed()
        self.query_one(KindChoice).show_kind(self.meeting.kind)
        self.set_class(self.meeting.is_protocol, "-protocol")
        self.query_one(ProtocolFields).reload()
        self.query_one(ProtocolFields).recount()
        self._refresh_roster(self.current_id)
        self._show_meeting_state(self._problems())

    # -- roster

    def _refresh_roster(self, select_id: str | None) -> None:
        roster = self.query_one("#participants", OptionList)
        protocol = self.meeting.is_protocol
        roster.set_options(Option(participant_label(p, protocol), id=p.id)
                           for p in self.meeting.participants)
        ids = [p.id for p in self.meeting.participants]
        if select_id in ids:
            roster.highlighted = ids.index(select_id)
        self._load_participant(select_id if select_id in ids else None)

    def _load_participant(self, participant_id: str | None) -> None:
        self.current_id = participant_id
        p = self.current
        editor = self.query_one("#participant-editor")
        editor.disabled = p is None
        self.query_one("#p-name", Input).value = p.name if p else ""
        self.query_one("#p-role", Input).value = p.role if p else ""
        self.query_one("#p-dm", Checkbox).value = p.decision_maker if p else False
        self.query_one("#p-absent", Checkbox).value = p.absent if p else False
        self.query_one(RosterLineEditor).load(p)

    def _relabel_current(self) -> None:
        p = self.current
        if p is not None:
            roster = self.query_one("#participants", OptionList)
            roster.replace_option_prompt(p.id, participant_label(p, self.meeting.is_protocol))

    def on_roster_line_editor_edited(self, event: RosterLineEditor.Edited) -> None:
        self._relabel_current()

    @on(OptionList.OptionHighlighted, "#participants")
    def _participant_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id != self.current_id:
            self._load_participant(event.option.id)

    @on(OptionList.OptionSelected, "#participants")
    def _participant_selected(self) -> None:
        self._focus_editor()

    def _focus_editor(self) -> None:
        self.query_one("#p-line" if self.meeting.is_protocol else "#p-name", Input).focus()

    @on(Input.Changed, "#p-name, #p-role")
    def _participant_text_changed(self, event: Input.Changed) -> None:
        p = self.current
        if p is None:
            return
        attr = "name" if event.input.id == "p-name" else "role"
        # The current value, not the event's: a stale event must not cross participants.
        value = event.input.value.strip() if attr == "role" else event.input.value
        if getattr(p, attr) != value:
            setattr(p, attr, value)
            self._relabel_current()
            self._changed()

    @on(Checkbox.Changed, "#p-dm, #p-absent")
    def _participant_flag_changed(self, event: Checkbox.Changed) -> None:
        p = self.current
        if p is None:
            return
        attr = "decision_maker" if event.checkbox.id == "p-dm" else "absent"
        if getattr(p, attr) != event.checkbox.value:
            setattr(p, attr, event.checkbox.value)
            self._relabel_current()
            self._changed()

    @on(Input.Submitted, "#p-name, #p-role")
    def _participant_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    # -- roster actions

    def action_add_participant(self) -> None:
        participant = Participant("")
        self.meeting.participants.append(participant)
        self._changed()
        self._refresh_roster(participant.id)
        self._focus_editor()

    def action_remove_participant(self) -> None:
        p = self.current
        if p is None:
            return

        def confirmed(ok: bool | None) -> None:
            if not ok or p not in self.meeting.participants:
                return
            index = self.meeting.participants.index(p)
            self.meeting.participants.remove(p)
            self._changed()
            rest = self.meeting.participants
            self._refresh_roster(rest[min(index, len(rest) - 1)].id if rest else None)
            self.query_one("#participants", OptionList).focus()

        self.app.push_screen(
            ConfirmDialog(f"Ta bort {p.name or 'deltagaren'} ur deltagarlistan?",
                          yes="Ja, ta bort", no="Nej", danger=True), confirmed)

    def action_move_participant(self, offset: int) -> None:
        p = self.current
        people = self.meeting.participants
        if p is None:
            return
        index = people.index(p)
        target = index + offset
        if not 0 <= target < len(people):
            return
        people[index], people[target] = people[target], people[index]
        self._changed()
        self._refresh_roster(p.id)

    def action_close(self) -> None:
        # A row added by mistake and never filled in is not a participant.
        empty = [p for p in self.meeting.participants
                 if not p.name.strip() and not p.role and not p.decision_maker and not p.absent]
        if empty:
            self.meeting.participants[:] = [p for p in self.meeting.participants
                                            if p not in empty]
            self._changed()
        self.dismiss(None)
