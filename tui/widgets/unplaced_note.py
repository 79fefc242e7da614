"""The meeting's unplaced text (an import's leftovers, Meeting.unplaced) in the agenda
editor: a last line of the tree without a number, and this pane for it.

It is no agenda item, so it has no § and is never printed. The secretary moves a line
into an ärende by cutting it here (ctrl+x cuts the line, or the selection) and pasting
it into the ärende's field (ctrl+v), and removes what is left with delete in the tree.
Every edit goes straight into the meeting, as the editor's own fields do.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, Static, TextArea

from store.domain.model import UNPLACED_TITLE, Meeting

from .text_area import AppTextArea

#: The tree node's data: never an item id (those are hex, store.domain.model.new_id).
UNPLACED_NODE = "unplaced-text"

HINT = ("Ingen punkt: får inget nummer och skrivs inte ut. ctrl+x klipper ut en rad, "
        "ctrl+v klistrar in den i ett ärende; delete i listan tar bort texten.")


def unplaced_label() -> Text:
    return Text(UNPLACED_TITLE, style="italic")


def line_count(text: str) -> int:
    return sum(1 for line in text.splitlines() if line.strip())


class UnplacedNote(Vertical):
    DEFAULT_CSS = """
    UnplacedNote {
        width: 1fr;
        padding: 0 1;
    }
    UnplacedNote #unplaced-heading {
        margin-top: 1;
        text-style: bold;
    }
    UnplacedNote #unplaced-hint {
        color: $text-muted;
        height: auto;
    }
    UnplacedNote #unplaced-text {
        background: $boost;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.meeting: Meeting | None = None

    def compose(self) -> ComposeResult:
        yield Label(UNPLACED_TITLE, id="unplaced-heading")
        yield Static(HINT, id="unplaced-hint", markup=False)
        # One line of the import a line: no reflow of what is pasted back.
        yield AppTextArea(id="unplaced-text", soft_wrap=True, compact=True,
                          reflow_paste=False)

    def load(self, meeting: Meeting) -> None:
        self.meeting = meeting
        area = self.query_one("#unplaced-text", TextArea)
        if area.text != meeting.unplaced:
            area.text = meeting.unplaced

    @on(TextArea.Changed, "#unplaced-text")
    def _edited(self, event: TextArea.Changed) -> None:
        event.stop()
        meeting = self.meeting
        if meeting is not None and meeting.unplaced != event.text_area.text:
            meeting.unplaced = event.text_area.text
            self.app.mark_changed()
