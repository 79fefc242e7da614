"""Justering and häv justering from the app.

"Justera protokollet" (`j` on the start screen, or the command palette) asks for the
date and the anslag (screens/adjust_dialog.py), saves, and shows the protocol read-only
from then on, the same read-only mode as an ended meeting (tui/ended_meeting.py).
"Häv justering" (the palette, or F12 on the adjusted protocol) asks why — a reason is
required — records when and why in the meeting (store.domain.adjustment.lift), and
shows the same screen writable.
"""

from __future__ import annotations

from store import MeetingSession, StoreError
from store.domain.adjustment import (
    LATE_POSTING_WARNING, AdjustmentError, adjust, lift, posted_late,
)
from store.domain.protocol import Posting
from store.persistence.adjusting import adjust_stored
from store.persistence.lock import LockUnavailableError, MeetingLockedError

ADJUST_COMMAND = "Justera protokollet"
LIFT_COMMAND = "Häv justering"


def is_adjusted_view(session: MeetingSession | None) -> bool:
    """Read-only because the protocol is adjusted."""
    return session is not None and session.read_only and bool(session.meeting.adjusted)


def can_adjust(session: MeetingSession | None) -> bool:
    """The open meeting is a protocol not yet adjusted (the palette offers Justera)."""
    return session is not None and session.meeting.is_protocol and not session.meeting.adjusted


def start_adjust(app, meeting_id: str | None = None) -> None:
    """Ask for the justering of a meeting (the open one when no id is given)."""
    session = app.session
    meeting_id = meeting_id or (session.meeting.id if session else None)
    if meeting_id is None:
        return
    try:
        meeting = (session.meeting if session is not None and session.meeting.id == meeting_id
                   else app.store.load(meeting_id))
    except StoreError as exc:
        app.notify(str(exc), title="Kan inte justera", severity="error")
        return
    if not meeting.is_protocol:
        app.notify("Bara ett protokoll justeras; det här mötet är mötesanteckningar.",
                   title="Kan inte justera", severity="warning")
        return
    if meeting.adjusted:
        app.notify(f"Protokollet är redan justerat {meeting.adjusted}.",
                   title="Redan justerat", severity="warning")
        return
    today = app.clock().date()
    if not meeting.ended and meeting.date >= today.isoformat():
        app.notify("Avsluta mötet med F12 innan protokollet justeras.",
                   title="Mötet pågår", severity="warning")
        return
    from .dialogs.adjust import AdjustDialog

    def chosen(answer: tuple[str, Posting] | None) -> None:
        if answer is not None:
            apply_adjustment(app, meeting_id, *answer)

    app.push_screen(AdjustDialog(meeting, today), chosen)


def apply_adjustment(app, meeting_id: str, on: str, posting: Posting) -> bool:
    """Adjust the meeting, saved at once; the open one is then shown read-only."""
    session = app.session
    is_open = session is not None and session.meeting.id == meeting_id
    try:
        if is_open and not session.read_only:
            adjust(session.meeting, on, posting)
            app.mark_changed()
            if not app.save_now():
                return False  # the save failure is already shown; it is retried
        else:  # not open, or open read-only (ended): opened for writing a moment
            adjust_stored(app.store, meeting_id, on, posting)
    except AdjustmentError as exc:
        app.notify(str(exc), title="Kan inte justera", severity="error")
        return False
    except (MeetingLockedError, LockUnavailableError) as exc:
        app.notify(f"{exc} Protokollet är inte justerat.", title="Kan inte justera",
                   severity="error", timeout=10)
        return False
    except StoreError as exc:
        app.notify(str(exc), title="Kan inte justera", severity="error")
        return False
    message = (f"Protokollet är justerat {on} och öppnas nu skrivskyddat. Anslaget sätts "
               f"upp {posting.from_} och tas ned {posting.to}.")
    late = posted_late(on, posting)
    if late:
        message += f" Obs: {LATE_POSTING_WARNING}"
    app.notify(message, title="Justerat", severity="warning" if late else "information",
               timeout=10)
    if is_open:
        _show_read_only(app, meeting_id)
    else:
        refresh = getattr(app.screen, "refresh_meetings", None)
        if refresh is not None:
            refresh(meeting_id)
    return True


def _show_read_only(app, meeting_id: str) -> None:
    from .ended_meeting import where_the_secretary_is

    try:
        read_only = app.store.open(meeting_id, read_only=True)
    except StoreError as exc:
        app.notify(str(exc), title="Kan inte öppna protokollet", severity="error")
        return
    app._switch_to(read_only, *where_the_secretary_is(app))


def start_lift(app) -> bool:
    """Ask why the justering of the open protocol is lifted; False when it is not an
    adjusted protocol shown read-only."""
    session = app.session
    if not is_adjusted_view(session):
        return False
    from .dialogs.questions import TextPrompt

    meeting = session.meeting

    def answered(why: str | None) -> None:
        if why:
            apply_lift(app, why)

    app.push_screen(TextPrompt(
        LIFT_COMMAND,
        message=f"Protokollet justerades {meeting.adjusted}. Varför hävs justeringen? "
                "Tid och skäl antecknas i mötet.",
        placeholder="t.ex. fel diarienummer i § 42",
        empty_message="Skriv varför justeringen hävs: skälet antecknas i mötet.",
        accept_hint="häver justeringen"), answered)
    return True


def apply_lift(app, why: str) -> bool:
    """Häv justering, recorded and saved; the same screen, writable."""
    session = app.session
    if not is_adjusted_view(session):
        return False
    from .ended_meeting import open_for_writing, where_the_secretary_is

    writable = open_for_writing(app, refused="Kan inte häva justeringen",
                                stays="Protokollet förblir justerat.")
    if writable is None:
        return False
    try:
        # Lifted to be changed, not to go on: an ended meeting stays ended (its end
        # time and item clocks stand; Meeting.locked lets it be changed). F12 resumes it.
        lift(writable.meeting, app.clock(), why)
        writable.save()
    except (AdjustmentError, StoreError) as exc:
        writable.close()
        app.notify(str(exc), title="Kan inte häva justeringen", severity="error")
        return False
    app._switch_to(writable, *where_the_secretary_is(app))
    app.notify("Justeringen är hävd och antecknad med tid och skäl. Protokollet kan ändras; "
               f"justera det igen med ctrl+p: {ADJUST_COMMAND}.", title="Justeringen är hävd",
               timeout=10)
    return True
