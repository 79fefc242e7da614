"""Live mode's view of an import's unplaced text: a command palette entry, offered only
when the meeting has such text, that opens it read-only (tui/dialogs/unplaced_text.py)."""

from __future__ import annotations

from functools import partial

from store.domain.model import UNPLACED_TITLE


def unplaced_commands(screen) -> list[tuple[str, str, object]]:
    """(name, help, callback) for the palette; none when there is no such text."""
    if not screen.meeting.unplaced.strip():
        return []
    return [(UNPLACED_TITLE, "Text som inte hamnade i något ärende (läses)",
             partial(screen.app.call_later, show_unplaced, screen))]


def show_unplaced(screen) -> None:
    from ..dialogs.unplaced_text import UnplacedTextDialog

    if screen.meeting.unplaced.strip():
        screen.app.push_screen(UnplacedTextDialog(screen.meeting.unplaced))
