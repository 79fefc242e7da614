"""What screens, widgets and dialogs may ask of the app: a small interface.

They reach the app as ``self.app`` and never import ``tui.app`` (that made a circle of
imports: the app imports every screen). Everything they use is listed here; a new need
is added here first, so the contract stays visible. ``tests/unit/test_tui_layers.py``
checks that no screen, widget or dialog imports the app.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Callable, Protocol

if TYPE_CHECKING:
    from store import Meeting, MeetingSession, MeetingStore


class MeetingHost(Protocol):
    """The app as the screens see it."""

    #: The store every meeting comes from.
    store: MeetingStore
    #: The open meeting's session, or None; screens change ``session.meeting`` and then
    #: call ``mark_changed``.
    session: MeetingSession | None
    #: The clock every screen reads (tests pin it).
    clock: Callable[[], datetime]

    @property
    def meeting(self) -> Meeting | None: ...

    @property
    def read_only(self) -> bool: ...

    def mark_changed(self, *, notes_of: str | None = None) -> None:
        """The model changed: save it soon (notes_of: only that item's notes)."""

    def save_now(self) -> bool:
        """Save at once; True when everything is saved."""

    def warn_read_only(self) -> None:
        """Say (once) that the meeting cannot be changed."""

    def open_meeting(self, meeting_id: str, mode: str = "live",
                     item_id: str | None = None) -> None:
        """Open a meeting in live mode, its setup or its agenda."""

    def show_start(self) -> None:
        """Back to the list of meetings."""

    def export_meeting(self, meeting_id: str | None = None) -> None:
        """Ask where, then write the meeting's documents."""

    def on_notice(self, message) -> None:
        """Show a worker's worker_messages.Notice (only the UI thread notifies)."""
