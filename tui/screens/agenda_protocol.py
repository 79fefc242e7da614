"""A protocol's ärende fields in the agenda editor (tui/screens/agenda_editor.py):
avsnitt, ärendenummer, diarienummer, beslutsunderlag and beslutet skickas till.

Shown for a protocol only; every edit goes straight into the item, as the editor's own.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, TextArea

from store.domain.model import AgendaItem

from ..widgets.text_area import AppTextArea

# (widget id, item attribute, label) of the one-line fields.
LINE_FIELDS = (
    ("i-section", "section", "Avsnitt", "rubrik i dagordningen, t.ex. Beslutsärenden"),
    ("i-case-number", "case_number", "Ärende", "ärendenummer, t.ex. 181/24"),
    ("i-registration", "registration_number", "Dnr", "diarienummer, t.ex. KS-2031/00123"),
)
# (widget id, item attribute, label) of the lists, one entry a line.
LIST_FIELDS = (
    ("i-basis", "basis", "Beslutsunderlag (ett per rad)"),
    ("i-send-to", "send_to", "Beslutet skickas till (en per rad)"),
)


class ProtocolItemFields(Vertical):
    """The ärende's protocol fields for the item `load` was given: the one-line fields
    (under the title, where the ärende is told apart) or the lists (after the texts)."""

    def __init__(self, *, lists: bool, **kwargs) -> None:
        super().__init__(**kwargs)
        self.lists = lists
        self.item: AgendaItem | None = None

    def compose(self) -> ComposeResult:
        if not self.lists:
            for widget_id, _, label, hint in LINE_FIELDS:
                with Horizontal(classes="row"):
                    yield Label(label, classes="lbl")
                    yield Input(id=widget_id, compact=True, placeholder=hint)
            return
        for widget_id, _, label in LIST_FIELDS:
            yield Label(label, classes="area-label")
            yield AppTextArea(id=widget_id, soft_wrap=True, compact=True, reflow_paste=False)

    def load(self, item: AgendaItem | None) -> None:
        self.item = item
        for widget_id, attr, _, _ in LINE_FIELDS if not self.lists else ():
            self.query_one(f"#{widget_id}", Input).value = getattr(item, attr) if item else ""
        for widget_id, attr, _ in LIST_FIELDS if self.lists else ():
            self.query_one(f"#{widget_id}", TextArea).text = (
                "\n".join(getattr(item, attr)) if item else "")

    @on(Input.Changed)
    def _line_changed(self, event: Input.Changed) -> None:
        event.stop()
        attr = next((a for w, a, _, _ in LINE_FIELDS if w == event.input.id), None)
        value = event.input.value.strip()
        if self.item is not None and attr and getattr(self.item, attr) != value:
            setattr(self.item, attr, value)
            self.app.mark_changed()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.focus_next()

    @on(TextArea.Changed)
    def _list_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        attr = next((a for w, a, _ in LIST_FIELDS if w == event.text_area.id), None)
        lines = [line.strip() for line in event.text_area.text.splitlines() if line.strip()]
        if self.item is not None and attr and getattr(self.item, attr) != lines:
            setattr(self.item, attr, lines)
            self.app.mark_changed()
