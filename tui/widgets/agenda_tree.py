"""Live mode's agenda: numbers, status marks and the current item; enter jumps."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from store import AgendaItem, Meeting
from store.domain.paragraphs import paragraph_numbers

from ..paragraph_count import FirstParagraph, paragraph_mark
from ..worker_messages import FirstParagraphFound
from .back_to_notes import BackToNotes
from .standing_mark import append_standing_mark, fit_label

STATUS_MARKS = {"pending": "  ", "done": "✓ ", "deferred": "↷ "}
CURRENT_MARK = "▶ "


def _status_style(status: str) -> str | None:
    return {"done": "green", "deferred": "yellow"}.get(status)


def tree_label(number: str, depth: int, item: AgendaItem, current: bool,
               paragraph: int | None = None) -> Text:
    """One line of the agenda; a protocol's ärende shows its § (`paragraph`)."""
    mark = CURRENT_MARK if current else STATUS_MARKS.get(item.status, "  ")
    label = Text(mark, style="bold" if current else _status_style(item.status),
                 no_wrap=True, overflow="ellipsis")
    label.append("  " * (depth - 1))
    shown = paragraph_mark(paragraph) if paragraph is not None else f"{number}."
    label.append(f"{shown} ", style="bold" if current else None)
    label.append(item.title, style="bold" if current else (
        "dim" if item.status in ("done", "deferred") else None))
    return append_standing_mark(label, item.standing)


def _same(shown: Text, label: Text) -> bool:
    # Text's == compares the characters and spans, not the base style (the mark's).
    return shown == label and shown.style == label.style


class AgendaTree(BackToNotes, OptionList):
    """The agenda with numbers and status marks; enter jumps to an item."""

    BINDINGS = [
        Binding("enter", "select", "Gå till punkten", id="live.tree.goto",
                tooltip="Gör punkten under markören till aktuell punkt."),
        Binding("escape", "back_to_notes", "Anteckningar", id="live.tree.notes",
                show=False, tooltip="Tillbaka till anteckningarna (det går också att "
                                    "bara skriva)."),
    ]

    class ItemChosen(Message):
        """The secretary chose an item to go to."""

        def __init__(self, item_id: str) -> None:
            super().__init__()
            self.item_id = item_id

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._ids: list[str] = []
        self._labels: list[Text] = []  # as shown, in the order of _ids
        self._first = FirstParagraph()
        self._shown: tuple[Meeting, str | None] | None = None

    def show(self, meeting: Meeting, current_id: str | None, *, rebuild: bool = False) -> None:
        """Draw the agenda; rebuilt when its items changed, else only relabelled.

        Relabelling replaces only the labels that changed (usually the old and the new
        current item): each replacement makes the list measure its options again.
        """
        self._shown = (meeting, current_id)
        if not self.size.width:
            # Not laid out yet (live mode's mount): labels are fitted to the width, so
            # they are built once, when the first resize brings it (on_resize).
            return
        self._first.count(self, meeting)  # a protocol's §§, once per series and year
        first = self._first.of(meeting)
        paragraphs = paragraph_numbers(meeting, first) if first else {}
        ids = [item.id for item in meeting.all_items()]
        width = self._label_width(len(ids))
        # Fitted here, not cut by the list: a long title ends in …, the ↻ stays.
        labels = [fit_label(tree_label(number, depth, item, item.id == current_id,
                                       paragraphs.get(item.id)), width)
                  for number, depth, item in meeting.walk()]
        if rebuild or ids != self._ids:
            self.clear_options()
            self.add_options(Option(label, id=item_id) for label, item_id in zip(labels, ids))
            self._ids = ids
        else:
            for index, (shown, label) in enumerate(zip(self._labels, labels)):
                if not _same(shown, label):
                    self.replace_option_prompt_at_index(index, label)
        self._labels = labels
        if current_id in self._ids:
            self.highlighted = self._ids.index(current_id)

    def _label_width(self, rows: int) -> int:
        """Cells for a label: the width, less the scroll bar when the rows need one
        (0 before the first layout: not fitted until the size is known)."""
        width, height = self.size
        if rows > height:
            width -= self.styles.scrollbar_size_vertical
        return width

    def on_resize(self) -> None:
        if self._shown is not None:  # fitted to the old width: fit them again
            self.show(*self._shown)

    def on_first_paragraph_found(self, message: FirstParagraphFound) -> None:
        message.stop()
        if self._first.found(message) and self._shown is not None:
            self.show(*self._shown)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.ItemChosen(event.option.id))
