"""`motesbok live ID`: the meeting itself is the app's first screen.

The meeting is opened while the app composes, and its live screen is the first screen
Textual builds. Pushing it over an empty first screen once the app had mounted made
Textual style, lay out and resume two screens before the first frame (about 6 % of the
instructions to live mode's first frame, bench/startup_instructions.py).

When something must be asked first — a rescue copy of this meeting, another program
holding it — or the meeting cannot be opened, the app starts on an empty screen and
asks or says so once it has mounted, exactly as when a meeting is opened from the list.
"""

from __future__ import annotations

from store import MeetingLockedError, StoreError
from store.persistence.lock import LockUnavailableError

from .compat import switchable_first_screen


def rescue_copies_of(app, meeting_id: str) -> list:
    """Copies a failing run left of this meeting (none if they cannot be looked for)."""
    from store.persistence.rescue import find_rescue_copies

    try:
        return find_rescue_copies(app.store, meeting_id=meeting_id)
    except Exception:  # noqa: BLE001 - the offer must never stop the meeting opening
        return []


def live_screen_at_start(app, meeting_id: str):
    """The opened meeting's live screen, or None when the app must first ask or say
    something (`continue_at_mount` does, once the app can show a dialog)."""
    if rescue_copies_of(app, meeting_id):
        return None
    from .ended_meeting import read_only_when_locked

    try:
        session = read_only_when_locked(app.store, app.store.open(meeting_id))
    except (MeetingLockedError, LockUnavailableError, StoreError) as exc:
        app.start_failure = exc
        return None
    app.attach_session(session)
    from .screens.live import LiveScreen

    screen = LiveScreen(item_id=None)
    app.classes_before_styling(screen)
    return switchable_first_screen(screen)  # for the meeting list or another meeting


def continue_at_mount(app, meeting_id: str) -> None:
    """After mount: nothing to do if the meeting is shown; else offer its rescue copy
    first, or say why it could not be opened (offering it read-only when locked)."""
    if app.session is not None:
        return
    failure = app.start_failure
    if failure is not None:
        app.start_failure = None
        app.cannot_open(meeting_id, failure, "live", None)
        return

    def open_it() -> None:
        app.open_meeting(meeting_id, mode="live")

    # Once the app holds the meeting, its copy counts as in use and is skipped.
    copies = rescue_copies_of(app, meeting_id)
    if not copies:
        open_it()
        return
    from .dialogs.rescue_offer import offer_rescue_copies  # the dialog only when needed

    offer_rescue_copies(app, copies, on_finished=open_it)
