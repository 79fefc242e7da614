"""Yrkande (live mode, protocol): who, which kind, and the text when the kind needs one.

Keys: type a few letters of the name and enter (or Tab); then one digit picks the kind
(1 bifall … 6 annat), or the arrows and enter. No kind is highlighted until the secretary
picks one, so an enter (after a Tab, or twice) never records a kind nobody chose: it says
so instead. Bifall and avslag are recorded at once; for ändring, tillägg and
annat the text field opens and enter records; for återremiss it opens for the reason,
and enter records with or without one. Escape closes without recording.
Opened on a yrkande in the § 's list (alt+l, enter), the fields hold it and saving
replaces it where it stands.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from store.domain.protocol import MOTION_KINDS, MOTION_KINDS_WITH_REASON, MOTION_KINDS_WITH_TEXT
from store.domain.protocol_edit import replace_motion
from store.domain.protocol_record import add_motion, serving_names

from .protocol_base import NameInput, ProtocolDialog


def kind_label(index: int, kind: str) -> str:
    needs = " (med text)" if kind in MOTION_KINDS_WITH_TEXT else ""
    return f"{index}  {kind}{needs}"


#: Enter on the kinds, or in the text, before a kind is chosen.
NO_KIND = "Välj vad som yrkas: en siffra 1–6, eller pilarna och enter."


class KindList(OptionList):
    """The kinds of yrkande; a digit picks one (so the name field keeps its letters).
    Nothing is highlighted until a kind is chosen: enter then picks nothing."""

    class NothingChosen(Message):
        """Enter with no kind highlighted."""

    BINDINGS = [
        Binding(str(n), f"pick({n - 1})", show=False, id=f"protocol.motion.kind{n}")
        for n in range(1, len(MOTION_KINDS) + 1)
    ]

    def action_pick(self, index: int) -> None:
        self.highlighted = index
        self.action_select()

    def action_select(self) -> None:
        if self.highlighted is None:
            self.post_message(self.NothingChosen())
            return
        super().action_select()


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
        kinds.highlighted = None  # OptionList highlights its first row: no kind is chosen yet
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

    def on_kind_list_nothing_chosen(self, event: KindList.NothingChosen) -> None:
        event.stop()
        self.show_problem(NO_KIND)

    def _kind(self) -> str | None:
        """The kind the secretary chose (None: none yet)."""
        chosen = self.query_one("#motion-kind", OptionList).highlighted
        return None if chosen is None else MOTION_KINDS[chosen]

    def keep_typed(self) -> None:
        kind = self._kind()
        text = self.query_one("#motion-text", Input).value
        if kind in MOTION_KINDS_WITH_TEXT and text.strip():
            self._save(self.query_one(NameInput).chosen(), kind, text)

    def _record(self) -> None:
        kind = self._kind()
        if kind is None:  # enter in the text before a kind: nothing was chosen to record
            self.show_problem(NO_KIND)
            self.query_one("#motion-kind").focus()
            return
        by = self.query_one("#motion-by", NameInput).chosen()
        text = self.query_one("#motion-text", Input).value
        if self.record(lambda: self._save(by, kind, text)):
            self.dismiss(True)
        elif not by:
            self.query_one("#motion-by").focus()
