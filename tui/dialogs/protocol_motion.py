"""Yrkande (live mode, protocol): who, which kind, and the text when the kind needs one.

Keys: type a few letters of the name and enter (or Tab); then one digit picks the kind
(1 bifall … 6 annat). Bifall and avslag are recorded at once; for ändring, tillägg and
annat the text field opens and enter records; for återremiss it opens for the reason,
and enter records with or without one. Escape closes without recording.
Opened on a yrkande in the § 's list (alt+l, enter), the fields hold it and saving
replaces it where it stands.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from store.domain.protocol import MOTION_KINDS, MOTION_KINDS_WITH_REASON, MOTION_KINDS_WITH_TEXT
from store.domain.protocol_edit import replace_motion
from store.domain.protocol_record import add_motion, serving_names

from .protocol_base import NameInput, ProtocolDialog


def kind_label(index: int, kind: str) -> str:
    needs = " (med text)" if kind in MOTION_KINDS_WITH_TEXT else ""
    return f"{index}  {kind}{needs}"


class KindList(OptionList):
    """The kinds of yrkande; a digit picks one (so the name field keeps its letters)."""

    BINDINGS = [
        Binding(str(n), f"pick({n - 1})", show=False, id=f"protocol.motion.kind{n}")
        for n in range(1, len(MOTION_KINDS) + 1)
    ]

    def action_pick(self, index: int) -> None:
        self.highlighted = index
        self.action_select()


class MotionDialog(ProtocolDialog):
    FIRST_FOCUS = "#motion-by"

    def compose(self) -> ComposeResult:
        with self.frame(classes="-wide"):
            yield self.title_line(self.heading("Yrkande"))
            yield Label("Vem yrkar (tjänstgörande)", classes="dialog-field")
            yield NameInput(serving_names(self.meeting, self.item), id="motion-by")
            yield Label("Vad yrkas (siffran väljer)", classes="dialog-field")
            yield KindList(*[Option(kind_label(i, k), id=k)
                             for i, k in enumerate(MOTION_KINDS, start=1)], id="motion-kind")
            yield Label("Text (ändring, tillägg, annat; vid återremiss motivering, frivillig)",
                        classes="dialog-field", id="motion-text-label")
            yield Input(id="motion-text", placeholder="att …")
            yield self.problem_line()
            yield self.hint_line("enter går vidare · 1–6 väljer slag · esc avbryter")

    def on_mount(self) -> None:
        kinds = self.query_one("#motion-kind", OptionList)
        kinds.highlighted = 0
        if self.editing is not None:  # a correction: the fields hold the yrkande
            motion = self.item.motions[self.editing]
            self.query_one("#motion-by", NameInput).value = motion.by
            kinds.highlighted = MOTION_KINDS.index(motion.kind)
            self.query_one("#motion-text", Input).value = motion.text

    def _save(self, by: str, kind: str, text: str) -> None:
        """Record the yrkande: a new one, or the corrected one in its place."""
        if self.editing is None:
            add_motion(self.meeting, self.item, by, kind, text)
        else:
            replace_motion(self.meeting, self.item, self.editing, by, kind, text)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "motion-by":
            self.query_one("#motion-by", NameInput).chosen()
            self.query_one("#motion-kind").focus()
        else:
            self._record()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        kind = event.option.id
        text = self.query_one("#motion-text", Input)
        # A new yrkande asks for its missing text (an återremiss for its reason, which
        # enter may leave empty); a correction shows the text it has.
        asks = kind in MOTION_KINDS_WITH_TEXT or kind in MOTION_KINDS_WITH_REASON
        if asks and (not text.value.strip() or self.editing is not None):
            text.focus()
            return
        self._record()

    def keep_typed(self) -> None:
        kind = MOTION_KINDS[self.query_one("#motion-kind", OptionList).highlighted or 0]
        text = self.query_one("#motion-text", Input).value
        if kind in MOTION_KINDS_WITH_TEXT and text.strip():  # a kind left on bifall is no choice
            self._save(self.query_one(NameInput).chosen(), kind, text)

    def _record(self) -> None:
        by = self.query_one("#motion-by", NameInput).chosen()
        kinds = self.query_one("#motion-kind", OptionList)
        kind = MOTION_KINDS[kinds.highlighted or 0]
        text = self.query_one("#motion-text", Input).value
        if self.record(lambda: self._save(by, kind, text)):
            self.dismiss(True)
        elif not by:
            self.query_one("#motion-by").focus()
