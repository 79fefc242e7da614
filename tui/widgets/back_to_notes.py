"""For the lists beside live mode's notes: escape returns to the notes, and a letter
typed in a list goes into the notes instead of being dropped (the secretary looked
away). The list only asks, with a message; the screen owns the notes."""

from __future__ import annotations

from textual import events
from textual.message import Message


class NotesWanted(Message):
    """Back to the notes; ``character`` (if any) is to be typed there."""

    def __init__(self, character: str | None = None) -> None:
        super().__init__()
        self.character = character


class BackToNotes:
    """Mixin for a focusable list beside the notes."""

    def action_back_to_notes(self) -> None:
        self.post_message(NotesWanted())

    def on_key(self, event: events.Key) -> None:
        if not event.is_printable or event.character is None:
            return
        if any(self.check_action(b.action, ()) for b in
               self._bindings.key_to_bindings.get(event.key, ())):
            return  # a key of the list itself (space ticks an action done)
        if any(event.key in node._bindings.key_to_bindings for node in (self.screen, self.app)):
            return
        event.stop()
        event.prevent_default()
        self.post_message(NotesWanted(event.character))
