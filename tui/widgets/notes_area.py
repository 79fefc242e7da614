"""Live mode's notes editor, which writes every edit straight into the model.

This is the one way the notes reach the model: each edit (typing, paste, delete,
undo, redo — all pass through ``edit``/``undo``/``redo``) is copied into the bound item
in the same call and reported to ``on_written``, so the model, and what the next save
writes, never lags behind the screen — not even for a key whose Changed message is
still queued when ctrl+q or a signal arrives.
"""

from __future__ import annotations

from typing import Callable

from textual import events

from store import AgendaItem

from .text_area import AppTextArea


def _binding_keys(binding) -> set[str]:
    return {k.strip() for k in getattr(binding, "key", "").split(",")}


class NotesArea(AppTextArea, inherit_bindings=False):
    """The notes editor, without TextArea's f6/f7 (select line/all).

    Live mode owns the function keys; dropping these two keeps the footer in the
    screen's own order instead of listing f6/f7 first.
    """

    BINDINGS = [
        binding
        for cls in reversed(AppTextArea.__mro__)
        for binding in cls.__dict__.get("BINDINGS", [])
        if not (_binding_keys(binding) & {"f6", "f7"})
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._item: AgendaItem | None = None
        self._on_written: Callable[[str], None] | None = None

    def bind(self, item: AgendaItem | None,
             on_written: Callable[[str], None] | None = None) -> None:
        """Write edits into ``item`` from now on (None: write nowhere) and call
        ``on_written(item.id)`` after each change of its notes."""
        self._item = item
        self._on_written = on_written

    def write_through(self) -> None:
        """Copy the text into the bound item if it differs."""
        item = self._item
        if item is None:
            return
        text = self.text
        if item.notes != text:
            item.notes = text
            if self._on_written is not None:
                self._on_written(item.id)

    def edit(self, edit):
        result = super().edit(edit)
        self.write_through()
        return result

    def undo(self) -> None:
        super().undo()
        self.write_through()

    def redo(self) -> None:
        super().redo()
        self.write_through()

    def on_key(self, event: events.Key) -> None:
        # Typing into a meeting opened read-only would otherwise do nothing at all.
        if event.is_printable and self.read_only and self.app.read_only:
            self.app.warn_read_only()
