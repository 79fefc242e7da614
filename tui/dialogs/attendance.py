"""Attendance from live mode: one dialog (F7) for arrivals, departures, corrections, guests.

The dialog holds no state of its own: every mark goes into the model at once through
store.domain.attendance (which keeps the rules) and the app saves it. Typing filters the list,
so a name is found by its first letters.

Keys: enter marks the chosen person in the mode the dialog was opened in (F7 arrives,
F8 leaves) and closes; inside the dialog f7/f8 mark arrival/departure and stay open,
f2 edits the times as text, f3 clears them, f4 toggles absent, f6 adds a guest.
A meeting held on another day than today asks for each time, prefilled, instead of
stamping the clock. In a protocol every arrival and departure is also tied to a §: the one
on screen while nothing is recorded in it, else the next (store.domain.presence_change;
the ties: store.domain.presence_ties), the dialog names items as §§, and on another day it
asks for the § ('efter § 43', prefilled) with an optional time (tui/dialogs/attendance_words).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from store.domain import attendance, presence_ties
from store.domain.attendance import AttendanceError
from store.domain.dates import ClockTimeError, parse_clock_time
from store.domain.model import Meeting, Participant
from store.domain.presence_change import change_tie

from .attendance_words import ABSENT, WHOLE_MEETING, AttendanceWords
from .base import Dialog

ARRIVE = "arrive"
LEAVE = "leave"


def is_past(meeting: Meeting, today_iso: str) -> bool:
    """A meeting written up afterwards: its times are asked for, never stamped."""
    return bool(meeting.date) and meeting.date != today_iso


def other_day_hint(meeting: Meeting, today_iso: str) -> str:
    """Why the time is asked for: a meeting of another day, past or (a rehearsal, a
    date set ahead) still to come."""
    tense = "hålls" if meeting.date > today_iso else "hölls"
    return f"Mötet {tense} en annan dag: skriv tiden. enter sparar · esc avbryter"


class TimeDialog(Dialog[str]):
    """Ask for one clock time, offered prefilled; dismisses with 'HH:MM' or None.

    `check(time)` may refuse a time with a Swedish sentence (returned), keeping the
    dialog open; `warn(time)` only informs once the time is accepted.
    """

    FIRST_FOCUS = "#time"

    def __init__(self, title: str, value: str, *, hint: str = "enter sparar · esc avbryter",
                 check=None):
        super().__init__()
        self.title_text = title
        self.value = value
        self.hint = hint
        self.check = check

    def compose(self) -> ComposeResult:
        with self.frame():
            yield self.title_line(self.title_text)
            yield Input(self.value, placeholder="TT:MM", id="time")
            yield self.problem_line(id="time-problem")
            yield self.hint_line(self.hint)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        problem = self.query_one("#time-problem", Static)
        try:
            value = parse_clock_time(event.value)
        except ClockTimeError as exc:
            problem.update(str(exc))
            return
        refusal = self.check(value) if self.check else None
        if refusal:
            problem.update(refusal)
            return
        self.dismiss(value)


class MomentDialog(TimeDialog):
    """A protocol's arrival or departure on another day: a § and/or a time
    ('15:10 efter § 43'); dismisses with (time or None, item id or None)."""

    def __init__(self, title: str, value: str, *, words: AttendanceWords, arriving: bool,
                 hint: str):
        super().__init__(title, value, hint=hint)
        self.words = words
        self.arriving = arriving

    def compose(self) -> ComposeResult:
        with self.frame():
            yield self.title_line(self.title_text)
            yield Input(self.value, placeholder="TT:MM och/eller § (t.ex. efter § 4)",
                        id="time")
            yield self.problem_line(id="time-problem")
            yield self.hint_line(self.hint)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            self.dismiss(self.words.read_moment(event.value, self.arriving))
        except AttendanceError as exc:
            self.query_one("#time-problem", Static).update(str(exc))


class PresenceEditDialog(Dialog[list]):
    """Edit a participant's times as text ('13:05-14:30 och från 15:00'; empty = whole)."""

    FIRST_FOCUS = "#presence"

    def __init__(self, participant: Participant, words: AttendanceWords):
        super().__init__()
        self.participant = participant
        self.words = words

    def compose(self) -> ComposeResult:
        shown = self.words.presence(self.participant)
        with self.frame():
            yield self.title_line(f"Närvaro för {self.participant.name}")
            yield Input("" if shown in (WHOLE_MEETING, ABSENT) else shown, id="presence",
                        placeholder="tomt = hela mötet")
            yield self.problem_line(id="presence-problem")
            yield self.hint_line(f"{self.words.presence_example()} · tomt = hela mötet\n"
                                 "enter sparar · esc avbryter")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            intervals = self.words.read_presence(event.value)
        except AttendanceError as exc:
            self.query_one("#presence-problem", Static).update(str(exc))
            return
        self.dismiss(intervals)


class GuestDialog(Dialog[tuple]):
    """A guest in one dialog: name, role and (optionally) when they came."""

    FIRST_FOCUS = "#guest-name"

    def __init__(self, arrival: str):
        super().__init__()
        self.arrival = arrival

    def compose(self) -> ComposeResult:
        with self.frame():
            yield self.title_line("Ny gäst")
            yield Label("Namn", classes="dialog-field")
            yield Input(id="guest-name", placeholder="t.ex. Ulf Ström")
            yield Label("Roll", classes="dialog-field")
            yield Input(id="guest-role", placeholder="t.ex. Konsult (kan lämnas tom)")
            yield Label("Kom (tomt = hela mötet)", classes="dialog-field")
            yield Input(self.arrival, id="guest-time", placeholder="TT:MM")
            yield self.problem_line(id="guest-problem")
            yield self.hint_line("tab nästa fält · enter lägger till · esc avbryter")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        problem = self.query_one("#guest-problem", Static)
        name = " ".join(self.query_one("#guest-name", Input).value.split())
        role = self.query_one("#guest-role", Input).value.strip()
        typed = self.query_one("#guest-time", Input).value.strip()
        if not name:
            problem.update("Skriv gästens namn.")
            self.query_one("#guest-name", Input).focus()
            return
        try:
            arrival = parse_clock_time(typed) if typed else None
        except ClockTimeError as exc:
            problem.update(str(exc))
            self.query_one("#guest-time", Input).focus()
            return
        self.dismiss((name, role, arrival))


class AttendanceDialog(Dialog[str]):
    """The roster with everyone's times; type to find a name."""

    BINDINGS = [
        Binding("escape", "cancel", "Stäng", id="attendance.close"),
        Binding("enter", "default", "Markera", id="attendance.default", priority=True,
                show=False),
        Binding("f7", "mark('arrive')", "Kommer", id="attendance.arrive", priority=True,
                tooltip="Den valda deltagaren kommer (eller kommer tillbaka)."),
        Binding("f8", "mark('leave')", "Går", id="attendance.leave", priority=True,
                tooltip="Den valda deltagaren går (kan komma tillbaka senare)."),
        Binding("f2", "edit", "Ändra tider", id="attendance.edit", priority=True,
                tooltip="Skriv om den valda deltagarens tider, t.ex. 13:05-14:30, 15:00-."),
        Binding("f3", "clear", "Rensa", id="attendance.clear", priority=True,
                tooltip="Ta bort den valda deltagarens tider: närvarande hela mötet."),
        Binding("f4", "toggle_absent", "Frånvarande", id="attendance.absent", priority=True,
                tooltip="Markera den valda deltagaren som frånvarande (igen: närvarande)."),
        Binding("f6", "add_guest", "Gäst", id="attendance.guest", priority=True,
                tooltip="Lägg till en gäst: namn, roll och när hen kom."),
        Binding("up", "move(-1)", show=False, priority=True),
        Binding("down", "move(1)", show=False, priority=True),
        Binding("pageup", "move(-10)", show=False, priority=True),
        Binding("pagedown", "move(10)", show=False, priority=True),
    ]

    FIRST_FOCUS = "#find"

    def __init__(self, meeting: Meeting, *, mode: str, now, past: bool,
                 item_id: str | None = None, on_change=None, first: int | None = None):
        super().__init__()
        self.meeting = meeting
        #: How items and presence are named: §§ in a protocol (`first` is its first §).
        self.words = AttendanceWords(meeting, first)
        self.mode = mode
        self.now = now  # callable -> datetime: the app's clock
        self.past = past
        self.item_id = item_id
        self.on_change = on_change or (lambda: None)
        self._shown: list[str] = []

    # -- layout

    def compose(self) -> ComposeResult:
        verb = "kommer" if self.mode == ARRIVE else "går"
        with self.frame(id="attendance"):
            yield self.title_line(f"Närvaro — vem {verb}?")
            yield Input(id="find", placeholder="Skriv för att hitta ett namn…")
            yield OptionList(id="people")
            yield self.hint_line("", id="item-presence")
            yield self.hint_line(
                f"enter: {verb} och stäng · f7 kommer · f8 går · f2 ändra tider · f3 rensa"
                " · f4 frånvarande · f6 gäst · esc stänger")

    def on_mount(self) -> None:
        self.refresh_people()

    def refresh_people(self, keep: str | None = None) -> None:
        people = self.query_one("#people", OptionList)
        keep = keep or self.selected_id
        typed = self.query_one("#find", Input).value
        shown = attendance.find_people(self.meeting.participants, typed)
        self._shown = [p.id for p in shown]
        people.clear_options()
        for p in shown:
            label = Text(p.name)
            if p.role:
                label.append(f" ({p.role})", style="italic")
            if p.guest:
                label.append(" gäst", style="dim")
            label.append(f" — {self.words.presence(p)}", style="dim")
            people.add_option(Option(label, id=p.id))
        if shown:
            people.highlighted = self._shown.index(keep) if keep in self._shown else 0
        self._show_item_presence()

    def _show_item_presence(self) -> None:
        text = ""
        if self.item_id is not None:
            try:
                item = self.meeting.find_item(self.item_id)
            except KeyError:
                item = None
            if item is not None:
                present = attendance.present_for_item(self.meeting, item)
                text = (f"Närvarande under {self.words.item_name(item)}: {len(present)} av "
                        f"{len(self.meeting.participants)}")
        self.query_one("#item-presence", Static).update(text)

    @property
    def selected_id(self) -> str | None:
        people = self.query_one("#people", OptionList)
        if people.highlighted is None or not self._shown:
            return None
        return self._shown[people.highlighted]

    @property
    def selected(self) -> Participant | None:
        pid = self.selected_id
        return next((p for p in self.meeting.participants if p.id == pid), None)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "find":
            event.stop()
            self.refresh_people()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # a click: the same as enter
        self.action_default()

    def action_move(self, offset: int) -> None:
        people = self.query_one("#people", OptionList)
        if not self._shown:
            return
        current = people.highlighted or 0
        people.highlighted = max(0, min(len(self._shown) - 1, current + offset))

    # -- marking

    def _changed(self, keep: str | None = None) -> None:
        self.on_change()
        self.refresh_people(keep)

    def _offered_time(self) -> str:
        if not self.past:
            return self.now().strftime("%H:%M")
        item = None
        if self.item_id is not None:
            try:
                item = self.meeting.find_item(self.item_id)
            except KeyError:
                item = None
        return (item.time if item and item.time else None) or self.meeting.start or ""

    def _with_time(self, question: str, apply, arriving: bool, tie: str | None) -> None:
        """Stamp now (tied to the § `tie` in a protocol), or for a past meeting ask
        for the time — in a protocol the § (prefilled) and maybe a time — first."""
        if not self.past:
            apply(self.now().strftime("%H:%M"), tie)
            return
        hint = other_day_hint(self.meeting, self.now().date().isoformat())
        if self.words.tied and self.words.offered_moment(tie, arriving):
            def said(moment) -> None:
                if moment:
                    apply(*moment)

            self.app.push_screen(MomentDialog(question, self.words.offered_moment(tie, arriving),
                                              words=self.words, arriving=arriving, hint=hint),
                                 said)
            return

        def done(value: str | None) -> None:
            if value:
                apply(value, tie)

        self.app.push_screen(TimeDialog(question, self._offered_time(), hint=hint), done)

    def _apply(self, mode: str, *, close: bool) -> None:
        person = self.selected
        if person is None:
            self.notify("Ingen deltagare heter så. Lägg till en gäst med F6.",
                        severity="warning")
            return
        verb = "kom" if mode == ARRIVE else "gick"
        question = f"När {verb} {person.name}?"
        try:  # the § on screen, or the one after it (store.domain.presence_change)
            tie = change_tie(self.meeting, self.item_id, mode == ARRIVE, person.name,
                             self.words.first)
        except AttendanceError as exc:
            if not self.past:
                self.notify(str(exc), severity="error", title="Närvaron ändrades inte")
                return
            tie = self.item_id  # asked for anyway: the § is typed, prefilled with this one

        def apply(at: str | None, tie: str | None) -> None:
            mark = presence_ties.arrive_in if mode == ARRIVE else presence_ties.leave_in
            try:
                mark(self.meeting, person, at, tie)
            except AttendanceError as exc:
                self.notify(str(exc), severity="error", title="Närvaron ändrades inte")
                return
            self._changed(person.id)
            tie = presence_ties.paragraph_id(self.meeting, tie)
            said = self.words.moment(at, tie, mode == ARRIVE)
            self._report(f"{person.name} {verb} {said}.", [at] if at else [])
            if close:
                self.dismiss(person.id)

        self._with_time(question, apply, mode == ARRIVE, tie)

    def _report(self, message: str, times: list[str]) -> None:
        warnings = [w for w in (attendance.outside_meeting(self.meeting, t) for t in times) if w]
        if warnings:
            self.notify(f"{message} Obs: {' '.join(warnings)}", severity="warning")
        else:
            self.notify(message)

    def action_default(self) -> None:
        self._apply(self.mode, close=True)

    def action_mark(self, mode: str) -> None:
        self._apply(mode, close=False)

    def action_edit(self) -> None:
        person = self.selected
        if person is None:
            return
        if self.words.tied and self.words.first is None and any(i.tied for i in
                                                                 person.intervals):
            # Without § numbers the text would lose the §§ on saving.
            self.notify("Paragrafnumren är inte räknade än; försök igen om en stund.",
                        severity="warning")
            return

        def done(intervals) -> None:
            if intervals is None:
                return
            try:
                attendance.set_intervals(person, intervals, presence_ties.positions(self.meeting))
            except AttendanceError as exc:  # parse_presence already checked; defensive
                self.notify(str(exc), severity="error")
                return
            self._changed(person.id)
            self._report(f"{person.name}: {self.words.presence(person)}.",
                         [t for i in person.intervals for t in (i.start, i.end) if t])

        self.app.push_screen(PresenceEditDialog(person, self.words), done)

    def action_clear(self) -> None:
        person = self.selected
        if person is None:
            return
        attendance.clear(person)
        self._changed(person.id)
        self.notify(f"{person.name}: närvarande hela mötet.")

    def action_toggle_absent(self) -> None:
        person = self.selected
        if person is None:
            return
        if person.absent:
            attendance.clear(person)
        else:
            person.absent = True
            person.intervals = []
        self._changed(person.id)
        self.notify(f"{person.name}: {self.words.presence(person)}.")

    def action_add_guest(self) -> None:
        arrival = "" if self.past else self.now().strftime("%H:%M")

        def done(result) -> None:
            if not result:
                return
            name, role, at = result
            try:
                tie = change_tie(self.meeting, self.item_id, True, name)
            except AttendanceError:
                tie = None  # after the last §: the clock alone says when
            guest = attendance.add_guest(self.meeting, name, role, at, tie)
            self.query_one("#find", Input).value = ""
            self._changed(guest.id)
            self._report(f"Gästen {name} är tillagd.", [at] if at else [])

        self.app.push_screen(GuestDialog(arrival), done)


def offered_end(meeting: Meeting, now, past: bool) -> str:
    """F12's end time: now, or for a past meeting its end, last item time or start."""
    if not past:
        return now.strftime("%H:%M")
    times = [item.time for item in meeting.all_items() if item.time]
    return meeting.end or (max(times) if times else None) or meeting.start or ""


def end_refusal(meeting: Meeting, end: str) -> str | None:
    """One Swedish sentence when the end cannot be (before the start)."""
    start = meeting.shown_start
    if start and attendance.minutes(end) < attendance.minutes(start):
        return f"Sluttiden {end} är före mötets start {start}."
    return None
