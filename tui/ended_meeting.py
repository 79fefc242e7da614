"""A locked meeting opens read-only: one ended with F12 until the secretary reopens it,
an adjusted protocol until a recorded "häv justering" (tui/adjusting.py).

Ended here, the meeting stays writable on screen (the secretary may tidy up at once);
opened again (from the meeting list, a new start), it is opened read-only, with the
same read-only mode as a meeting another program holds. "Återöppna mötet" (F12 in live
mode, or the command palette) takes the lock, clears the end stamp, saves, and shows
the same screen writable. An adjusted protocol takes the same path (`Meeting.locked`);
only the words and the way out differ: F12 there asks for the häv justering.
"""

from __future__ import annotations

from store import MeetingSession, MeetingStore, StoreError
from store.persistence.lock import LockUnavailableError, MeetingLockedError

from .save_state import SaveState, Saving

REOPEN_COMMAND = "Återöppna mötet"
ENDED_STATUS = SaveState(Saving.ENDED).text
ADJUSTED_STATUS = SaveState(Saving.ADJUSTED).text


def locked_and_writable(session: MeetingSession | None) -> bool:
    return session is not None and not session.read_only and session.meeting.locked


def read_only_when_locked(store: MeetingStore, session: MeetingSession) -> MeetingSession:
    """`session` itself, or, for a locked meeting (ended, adjusted), the same meeting
    opened read-only (the writable session is closed first: it is not held for writing)."""
    if not locked_and_writable(session):
        return session
    meeting_id = session.meeting.id
    session.close()
    return store.open(meeting_id, read_only=True)


def is_locked_view(session: MeetingSession | None) -> bool:
    """Read-only because the meeting is locked (not because another program holds it)."""
    return session is not None and session.read_only and session.meeting.locked


def is_ended_view(session: MeetingSession | None) -> bool:
    """Read-only because the meeting was ended (and is not an adjusted protocol, whose
    justering is what keeps it read-only)."""
    return is_locked_view(session) and not session.meeting.adjusted


def read_only_status(session: MeetingSession) -> SaveState:
    """The status line's state for how the open meeting can be changed."""
    if is_locked_view(session):
        return SaveState(Saving.ADJUSTED if session.meeting.adjusted else Saving.ENDED)
    return SaveState(Saving.READ_ONLY if session.read_only else Saving.IDLE)


def read_only_message(session: MeetingSession | None) -> tuple[str, str]:
    """(title, message) when something is typed into a meeting that cannot change."""
    if is_locked_view(session) and session.meeting.adjusted:
        from .adjusting import LIFT_COMMAND

        return ("Protokollet är justerat",
                f"Protokollet justerades {session.meeting.adjusted} och är skrivskyddat: det "
                "du skriver ändrar ingenting. För att ändra i det: F12 (eller ctrl+p: "
                f"{LIFT_COMMAND}); skälet antecknas i protokollet.")
    if is_ended_view(session):
        return ("Mötet är avslutat",
                "Mötet är avslutat och öppnat skrivskyddat: det du skriver ändrar "
                f"ingenting. Tryck F12 (eller ctrl+p: {REOPEN_COMMAND}) för att ändra i det.")
    return ("Skrivskyddat",
            "Mötet är öppnat skrivskyddat (det är öppet för redigering i ett annat "
            "program): ändringar sparas inte här.")


def offer_reopen(screen) -> bool:
    """F12 on a locked meeting shown read-only: ask whether to reopen it (an adjusted
    protocol: why the justering is lifted). True when the meeting is such a meeting
    (the question is asked), False to end it as usual."""
    app = screen.app
    from .adjusting import start_lift

    if start_lift(app):
        return True
    if not is_ended_view(app.session):
        return False
    from .dialogs.questions import ConfirmDialog

    meeting = app.session.meeting
    when = f" {meeting.end}" if meeting.end else ""

    def answer(yes: bool | None) -> None:
        if yes:
            reopen_meeting(app)

    app.push_screen(
        ConfirmDialog(f"Mötet avslutades{when} och är skrivskyddat. Återöppna det för att "
                      "kunna ändra?", yes=REOPEN_COMMAND, no="Lämna det avslutat"),
        answer,
    )
    return True


def open_for_writing(app, *, refused: str, stays: str) -> MeetingSession | None:
    """The open (read-only) meeting opened anew for writing, or None with one message
    saying why not (titled `refused`; `stays` says what remains as it was)."""
    try:
        return app.store.open(app.session.meeting.id)
    except (MeetingLockedError, LockUnavailableError) as exc:
        app.notify(f"{exc} {stays}", title=refused, severity="error", timeout=10)
    except StoreError as exc:
        app.notify(str(exc), title=refused, severity="error")
    return None


def reopen_meeting(app) -> bool:
    """Open the ended meeting for writing again, saved at once; the same screen again.

    False (with a message saying why) when it cannot be reopened, e.g. another program
    has it open: it then stays read-only.
    """
    session = app.session
    if not is_ended_view(session):
        return False
    writable = open_for_writing(app, refused="Kan inte återöppna mötet",
                                stays="Mötet förblir skrivskyddat.")
    if writable is None:
        return False
    writable.meeting.reopen()
    try:
        writable.save()
    except StoreError as exc:
        writable.close()
        app.notify(str(exc), title="Kan inte återöppna mötet", severity="error")
        return False
    app._switch_to(writable, *where_the_secretary_is(app))
    app.notify("Mötet är öppet för ändringar igen. F12 avslutar det på nytt.",
               title="Mötet är återöppnat")
    return True


def where_the_secretary_is(app) -> tuple[str, str | None]:
    """The mode (and item) to show a meeting opened anew in: where the secretary is."""
    from .screens.live import LiveScreen

    for screen in reversed(app.screen_stack):
        if isinstance(screen, LiveScreen):
            return "live", screen.item_id
        name = type(screen).__name__
        if name == "AgendaEditorScreen":
            return "agenda", None
        if name == "MeetingSetupScreen":
            return "setup", None
    return "live", None
