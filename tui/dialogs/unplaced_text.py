"""The unplaced text of a mötesbok import (Meeting.unplaced), read-only, for live mode:
the secretary can read (and copy) it during the meeting; moving it into an ärende is the
agenda editor's work (tui/widgets/unplaced_note.py)."""

from __future__ import annotations

from textual.app import ComposeResult
from store.domain.model import UNPLACED_TITLE

from ..widgets.text_area import AppTextArea

from .base import Dialog

HINT = "Bara att läsa här; flytta texten till ett ärende i dagordningen (ctrl+p). esc stänger."


class UnplacedTextDialog(Dialog[None]):
    FIRST_FOCUS = "#unplaced-read"

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with self.frame(classes="-full"):
            yield self.title_line(UNPLACED_TITLE)
            yield AppTextArea(self.text, id="unplaced-read", read_only=True,
                              soft_wrap=True, show_line_numbers=False)
            yield self.hint_line(HINT)
