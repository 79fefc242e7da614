"""Who leads the § when the ordförande has jäv and no vice ordförande can: one name,
completed from the members serving in the § (store.domain.chair_conflict records it);
an empty name takes the choice back."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Label

from store.domain.chair_conflict import choose_acting_chair
from store.domain.protocol_record import serving_names

from .protocol_base import NameInput, ProtocolDialog


class ActingChairDialog(ProtocolDialog):
    FIRST_FOCUS = "#acting-chair"

    def compose(self) -> ComposeResult:
        with self.frame(classes="-wide"):
            yield self.title_line(self.heading("Ordförande"))
            yield Label("Vem leder paragrafen (ordföranden har jäv)", classes="dialog-field")
            yield NameInput(serving_names(self.meeting, self.item), id="acting-chair",
                            value=self.item.acting_chair)
            yield self.problem_line()
            yield self.hint_line("enter sparar · tomt: ingen vald · esc avbryter")

    def keep_typed(self) -> None:
        choose_acting_chair(self.meeting, self.item,
                            self.query_one("#acting-chair", NameInput).chosen())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = self.query_one("#acting-chair", NameInput).chosen()
        if self.record(lambda: choose_acting_chair(self.meeting, self.item, name)):
            self.dismiss(True)
