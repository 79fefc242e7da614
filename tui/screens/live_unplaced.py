"""Live mode's view of an import's unplaced text: a command palette entry, offered only
when the meeting has such text, that opens it read-only (tui/dialogs/unplaced_text.py).
A part of LiveScreen kept apart (mixed into it through LiveDialogs)."""

from __future__ import annotations

from functools import partial

from store.domain.model import UNPLACED_TITLE


class LiveUnplaced:
    """Needs the screen's meeting and app."""

    def palette_commands(self) -> list[tuple[str, str, object]]:
        """(name, help, callback) the command palette adds for this screen."""
        commands = []
        if self.meeting.unplaced.strip():
            commands.append((UNPLACED_TITLE, "Text som inte hamnade i något ärende (läses)",
                             partial(self.app.call_later, self.show_unplaced)))
        return commands

    def show_unplaced(self) -> None:
        from ..dialogs.unplaced_text import UnplacedTextDialog

        if self.meeting.unplaced.strip():
            self.app.push_screen(UnplacedTextDialog(self.meeting.unplaced))
