"""The short protocol dialogs of live mode: reservation, protokollsanteckning, jäv,
tjänstgörande ersättare and beslutsgång. Each records through store.domain.protocol_record
and the app's save path (ProtocolDialog.record); escape closes without recording.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Label, OptionList, SelectionList, TextArea
from textual.widgets.option_list import Option

from store.domain.protocol import DEFAULT_RESERVATION_TEXT, DEPUTY, MEMBER
from store.domain.protocol_edit import replace_protocol_note, replace_reservation
from store.domain.protocol_reservation import (
    drafted_reservation_texts,
    reservation_candidates,
    reservation_text_for,
)
from store.domain.protocol_record import (
    add_protocol_note,
    add_reservation,
    decide,
    decisions_lost_by,
    free_deputies,
    record_conflict,
    remove_conflict,
    serving_names,
    set_procedure,
    set_substitute,
)
from store.domain.presence_ties import substitute_at
from store.domain.protocol_text import motion_name

from ..widgets.text_area import AppTextArea
from .base import focus_at_end
from .protocol_base import NameInput, ProtocolDialog
from .questions import ConfirmDialog

NO_SUBSTITUTE = "ingen"


class ReservationDialog(ProtocolDialog):
    """Pick the names (space), keep or change the text, enter records."""

    FIRST_FOCUS = "#reservation-by"
    BINDINGS = [Binding("ctrl+s", "accept", "Spara", id="protocol.reservation.save",
                        priority=True)]

    def compose(self) -> ComposeResult:
        with self.frame(classes="-wide"):
            yield self.title_line(self.heading("Reservation"))
            yield Label("Vem reserverar sig (mellanslag väljer; de som förlorade först)",
                        classes="dialog-field")
            old = self.item.reservations[self.editing] if self.editing is not None else None
            chosen = set(old.by) if old else set()
            yield SelectionList[str](*[(self._person_label(n, why), n, n in chosen) for n, why
                                       in reservation_candidates(self.meeting, self.item)],
                                     id="reservation-by")
            yield Label("Text", classes="dialog-field")
            yield Input(old.text if old else DEFAULT_RESERVATION_TEXT, id="reservation-text")
            yield self.problem_line()
            yield self.hint_line("mellanslag väljer · enter sparar · esc avbryter")

    def _person_label(self, name: str, why: str = "") -> str:
        person = self.meeting.find_participant(name)
        label = person.name_with_party() if person else name
        return f"{label} – {why}" if why else label

    def on_selection_list_selection_toggled(self, _event) -> None:
        self.show_problem("")
        # A text still as drafted follows the names chosen (eget yrkande, or whose).
        field = self.query_one("#reservation-text", Input)
        if " ".join(field.value.split()) in drafted_reservation_texts(self.meeting, self.item):
            field.value = reservation_text_for(self.meeting, self.item,
                                               list(self.query_one(SelectionList).selected))

    def on_key(self, event) -> None:
        # Enter in the list records (space picks), as it does in the text field.
        if event.key == "enter" and isinstance(self.focused, SelectionList):
            event.stop()
            event.prevent_default()
            self.action_accept()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_accept()

    def keep_typed(self) -> None:
        self._save(list(self.query_one(SelectionList).selected),
                   self.query_one("#reservation-text", Input).value)

    def _save(self, names: list[str], text: str) -> None:
        if self.editing is None:
            add_reservation(self.meeting, self.item, names, text)
        else:
            replace_reservation(self.meeting, self.item, self.editing, names, text)

    def action_accept(self) -> None:
        names = list(self.query_one(SelectionList).selected)
        text = self.query_one("#reservation-text", Input).value
        if self.record(lambda: self._save(names, text)):
            self.dismiss(True)


class ProtocolNoteDialog(ProtocolDialog):
    """Who (anyone in the roster) and the note's text; enter records."""

    FIRST_FOCUS = "#note-by"

    def compose(self) -> ComposeResult:
        with self.frame(classes="-wide"):
            yield self.title_line(self.heading("Protokollsanteckning"))
            yield Label("Vem", classes="dialog-field")
            old = self.item.protocol_notes[self.editing] if self.editing is not None else None
            yield NameInput([p.name for p in self.meeting.participants], id="note-by",
                            value=old.by if old else "")
            yield Label("Anteckning", classes="dialog-field")
            yield Input(old.text if old else "", id="note-text")
            yield self.problem_line()
            yield self.hint_line("enter går vidare och sparar · esc avbryter")

    def keep_typed(self) -> None:
        self._save(self.query_one("#note-by", NameInput).chosen(),
                   self.query_one("#note-text", Input).value)

    def _save(self, by: str, text: str) -> None:
        if self.editing is None:
            add_protocol_note(self.meeting, self.item, by, text)
        else:
            replace_protocol_note(self.meeting, self.item, self.editing, by, text)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "note-by":
            self.query_one("#note-by", NameInput).chosen()
            self.query_one("#note-text").focus()
            return
        by = self.query_one("#note-by", NameInput).chosen()
        text = self.query_one("#note-text", Input).value
        if self.record(lambda: self._save(by, text)):
            self.dismiss(True)


class ConflictDialog(ProtocolDialog):
    """Jäv: who; then whether an ersättare serves instead (a list, 'ingen' first).
    A name that has jäv already is offered to be taken back."""

    FIRST_FOCUS = "#conflict-by"

    def compose(self) -> ComposeResult:
        names = serving_names(self.meeting, self.item) + list(self.item.conflicts)
        with self.frame(classes="-wide"):
            yield self.title_line(self.heading("Jäv"))
            yield Label("Vem anmäler jäv", classes="dialog-field")
            yield NameInput(names, id="conflict-by")
            yield Label("Tjänstgör en ersättare i stället?", classes="dialog-field")
            options = [Option("Ingen ersättare", id=NO_SUBSTITUTE)]
            options += [Option(self._person_label(n), id=n) for n in free_deputies(self.meeting,
                                                                               self.item)]
            yield OptionList(*options, id="conflict-substitute")
            yield self.problem_line()
            yield self.hint_line("enter går vidare och sparar · esc avbryter")

    def _person_label(self, name: str) -> str:
        person = self.meeting.find_participant(name)
        return person.name_with_party() if person else name

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = self.query_one(NameInput).chosen()
        if any(c.casefold() == name.casefold() for c in self.item.conflicts):
            self.app.push_screen(
                ConfirmDialog(f"{name} har redan anmält jäv i paragrafen.",
                              question="Ta bort jävet?", yes="Ta bort"),
                lambda yes: self._take_back(name) if yes else None)
            return
        if len(self.query_one(OptionList).options) == 1:  # no ersättare to ask about
            self._record(name, "")
            return
        self.query_one(OptionList).focus()

    def _take_back(self, name: str) -> None:
        if self.record(lambda: remove_conflict(self.meeting, self.item, name)):
            self.dismiss(True)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = event.option.id
        self._record(self.query_one(NameInput).chosen(),
                     "" if chosen == NO_SUBSTITUTE else chosen)

    def _record(self, name: str, substitute: str) -> None:
        if self.record(lambda: record_conflict(self.meeting, self.item, name, substitute)):
            self.dismiss(True)
        else:
            self.query_one(NameInput).focus()


class SubstituteDialog(ProtocolDialog):
    """Tjänstgörande ersättare from this § on: the ersättare, and the ledamot they serve
    for (empty: no longer serves)."""

    FIRST_FOCUS = "#substitute-by"

    def compose(self) -> ComposeResult:
        deputies = [p.name for p in self.meeting.participants if p.group == DEPUTY]
        members = [p.name for p in self.meeting.participants if p.group == MEMBER]
        with self.frame(classes="-wide"):
            yield self.title_line(self.heading("Tjänstgörande ersättare"))
            yield Label(f"Ersättare (tjänstgör från {self.paragraph} och framåt)",
                        classes="dialog-field")
            yield NameInput(deputies, id="substitute-by")
            yield Label("Tjänstgör för (tomt: tjänstgör inte längre)", classes="dialog-field")
            yield NameInput(members, id="substitute-for")
            yield self.problem_line()
            yield self.hint_line("enter går vidare och sparar · esc avbryter")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "substitute-by":
            deputy = self.query_one("#substitute-by", NameInput).chosen()
            person = self.meeting.find_participant(deputy)
            field = self.query_one("#substitute-for", NameInput)
            if person is not None and not field.value:
                field.value = substitute_at(self.meeting, person, self.item.id)
            field.focus()
            return
        deputy = self.query_one("#substitute-by", NameInput).chosen()
        member = self.query_one("#substitute-for", NameInput).chosen()
        ended: list[str] = []

        def change() -> None:
            ended.extend(set_substitute(self.meeting, deputy, member, self.item))

        if self.record(change):
            self.ended = ended
            self.deputy = deputy
            self.dismiss(True)


class OutcomeList(OptionList):
    """The outcomes of the beslutsgång; the digit shown on a row picks it."""

    BINDINGS = [Binding(str(n), f"pick({n})", show=False, id=f"protocol.procedure.pick{n}")
                for n in range(10)]

    def action_pick(self, index: int) -> None:
        if index < self.option_count:
            self.highlighted = index
            self.action_select()


class ProcedureDialog(ProtocolDialog):
    """Beslutsgång: pick the outcome (0 the proposal, 1… a yrkande) to draft it and write
    the decision; the text stays editable and goes into the model as it is typed."""

    FIRST_FOCUS = "#procedure-outcome"
    BINDINGS = [Binding("ctrl+s", "cancel", "Klar", id="protocol.procedure.done",
                        priority=True)]

    def compose(self) -> ComposeResult:
        with self.frame(classes="-wide"):
            yield self.title_line(self.heading("Beslutsgång"))
            yield Label("Beslut enligt (siffran eller enter skriver beslutet och beslutsgången)",
                        classes="dialog-field")
            # The id is the yrkande's position + 1 (0 = the proposal); the digit shown is
            # the row's, and picks it (OutcomeList).
            outcomes = [("0", "förslaget (bifall)")]
            outcomes += [(str(i), motion_name(self.meeting, m))
                         for i, m in enumerate(self.item.motions, start=1)
                         if m.kind != "bifall"]
            yield OutcomeList(*[Option(f"{row}  {text}" if row < 10 else f"   {text}",
                                       id=outcome_id)
                                for row, (outcome_id, text) in enumerate(outcomes)],
                              id="procedure-outcome")
            yield Label("Beslutsgång", classes="dialog-field")
            yield AppTextArea(self.item.procedure, id="procedure-text", soft_wrap=True,
                              show_line_numbers=False, tab_behavior="focus")
            yield self.problem_line()
            yield self.hint_line("tab till texten · esc klar (allt är sparat)")

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = int(event.option.id)
        winner = self.item.motions[index - 1] if index else None
        lost = decisions_lost_by(self.meeting, self.item, winner)
        if lost:
            self.app.push_screen(
                ConfirmDialog(f"Besluten som står nu ersätts: {'; '.join(lost)}",
                              question="Skriva om beslutet?", yes="Skriv om"),
                lambda yes: self._decide(winner) if yes else None)
            return
        self._decide(winner)

    def _decide(self, winner) -> None:
        if self.record(lambda: decide(self.meeting, self.item, winner)):
            area = self.query_one("#procedure-text", TextArea)
            area.load_text(self.item.procedure)
            focus_at_end(area)  # where an addition to the draft is typed

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        text = event.text_area.text.strip()
        if text != self.item.procedure:
            set_procedure(self.meeting, self.item, text)
            self._on_change()

    def action_cancel(self) -> None:
        self.dismiss(True)
