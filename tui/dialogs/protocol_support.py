"""Instämmer (live mode, protocol): who joins a yrkande — from the § 's list (alt+l), `i`
on the yrkande. The serving members other than the mover, those who already instämmer
chosen; space picks, enter saves the whole choice (store.domain.protocol_edit
.set_supporters), escape leaves it as it was."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Label, SelectionList

from store.domain.protocol_edit import set_supporters
from store.domain.protocol_record import serving_names
from store.domain.protocol_text import motion_sentence

from .protocol_base import ProtocolDialog


class SupportDialog(ProtocolDialog):
    """`editing` is the yrkande's position in the §."""

    FIRST_FOCUS = "#support-by"

    def compose(self) -> ComposeResult:
        motion = self.item.motions[self.editing]
        with self.frame(classes="-wide"):
            yield self.title_line(f"Instämmer — {self.paragraph} {self.item.title}")
            yield Label(motion_sentence(self.meeting, motion), classes="dialog-field",
                        markup=False)
            yield SelectionList[str](*[(self._label(n), n, n in motion.supporters)
                                       for n in serving_names(self.meeting, self.item)
                                       if n != motion.by], id="support-by")
            yield self.problem_line()
            yield self.hint_line("mellanslag väljer · enter sparar · esc avbryter")

    def _label(self, name: str) -> str:
        person = self.meeting.find_participant(name)
        return person.name_with_party() if person else name

    def on_key(self, event) -> None:
        # Enter saves (space picks), as in the reservation's list.
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.action_accept()

    def keep_typed(self) -> None:
        set_supporters(self.meeting, self.item, self.editing,
                       list(self.query_one(SelectionList).selected))

    def action_accept(self) -> None:
        names = list(self.query_one(SelectionList).selected)
        if self.record(lambda: set_supporters(self.meeting, self.item, self.editing, names)):
            self.dismiss(True)
