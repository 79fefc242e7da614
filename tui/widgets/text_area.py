"""The one multi-line text editor of the app: every TextArea is an AppTextArea.

Built with compat's UndoSafeHistory, so undo and redo never crash (Textualize/textual#6686),
and SteadyCursor.
A multi-line paste is reflowed (store.domain.reflow: a PDF paragraph stays one paragraph); ctrl+r
right after puts the paste back exactly as it was copied.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.widgets import TextArea
from textual.widgets.text_area import Location

from store.domain.reflow import reflow

from ..compat import SteadyCursor, UndoSafeHistory

RAW_PASTE_KEY = "ctrl+r"


@dataclass
class _Reflowed:
    """The last paste as reflowed: where it went, its text, and the text as pasted."""

    start: Location
    end: Location
    text: str
    raw: str


class AppTextArea(SteadyCursor, UndoSafeHistory, TextArea):
    """A TextArea for meeting text (notes, decisions, agenda fields).

    `reflow_paste=False` for fields where each line means something of its own
    (attachments, one per line).
    """

    BINDINGS = [
        Binding(RAW_PASTE_KEY, "raw_paste", "Rå inklistring", id="text.raw_paste",
                show=False, tooltip="Ångra omformningen av det som just klistrades in: "
                                    "texten blir som den kopierades, med alla radbrytningar."),
    ]

    def __init__(self, *args, reflow_paste: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.reflow_paste = reflow_paste
        self._last_reflow: _Reflowed | None = None

    async def _on_paste(self, event: events.Paste) -> None:
        if self.read_only or not self.reflow_paste:
            return  # TextArea's own handler pastes as it is
        event.prevent_default()  # instead of TextArea's handler
        text = reflow(event.text)
        start = min(self.selection)
        result = self._replace_via_keyboard(text, *self.selection)
        if result is None:
            return
        self.move_cursor(result.end_location)
        self.focus()
        self._last_reflow = (
            _Reflowed(start, result.end_location, text, event.text)
            if text != event.text else None
        )

    def action_raw_paste(self) -> None:
        """Replace the last reflowed paste by the text as it was copied."""
        last = self._last_reflow
        if last is None or self.read_only or (
            self.get_text_range(last.start, last.end) != last.text
        ):
            self.notify("Det finns ingen omformad inklistring att ångra här.",
                        severity="information")
            return
        self._last_reflow = None
        raw = last.raw.replace("\r\n", "\n").replace("\r", "\n")
        self.history.checkpoint()  # ctrl+z brings the reflowed text back
        result = self.replace(raw, last.start, last.end)
        self.move_cursor(result.end_location)
