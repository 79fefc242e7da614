"""Ticking an action done (or reopening it) everywhere it appears.

The original and every follow-up copy are changed together, whichever id is given.

An adjusted protocol is never changed: what the justerare signed stays as it was. Its
actions (uppdrag) are followed up in the next meeting, and their status lives there, in
the follow-up copies; the action list shows the original with that status
(store.domain.action_rows.one_per_action). An action with no copy outside adjusted
protocols cannot be ticked yet: the message says to do it in the next meeting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date
from typing import Callable

from ..domain.model import Action, Meeting
from .actions import ActionNotFoundError, _all_rows
from .session import MeetingSession
from .store import MeetingStore
from .storage import StoreError


class ActionInAdjustedProtocolError(StoreError):
    """The action is held only by adjusted protocols: there is nowhere to record it."""

    def __init__(self, row):
        self.action_id = row.action_id
        super().__init__(
            f"Åtgärden står i ett justerat protokoll ({row.meeting_title} "
            f"{row.meeting_date}), som inte ändras: den bockas av i uppföljningen i nästa "
            "möte i serien. Skapa nästa möte och bocka av den där, eller häv justeringen.")


@dataclass
class DoneResult:
    """What `set_action_done` changed: the action's text and the meetings saved."""

    action_id: str
    text: str
    done: bool
    done_date: str | None
    meeting_ids: list[str]
    changed: bool = True  # False: it already was done (or open) everywhere


def set_action_done(
    store: MeetingStore,
    action_id: str,
    done: bool,
    *,
    session: MeetingSession | None = None,
    today: Date | None = None,
    on_live: Callable[[Callable[[], bool]], object] | None = None,
) -> DoneResult:
    """Tick an action done (with today's date) or reopen it, everywhere it appears.

    The original and every follow-up copy are changed together, whichever id is given.
    `session` is a meeting this process has open (the app's): that meeting is changed in
    `session.meeting` and saved through the session, since opening it again would hit
    its lock. All other meetings are locked first and only then changed, so a meeting
    open in another program (MeetingLockedError) leaves everything as it was.

    `on_live`, when given, receives the change to the session's meeting as a function
    instead of it being applied and saved here: the app runs it on its event loop (the
    model belongs to the UI thread) and lets its autosave write it.
    """
    live = session.meeting if session is not None and not session.read_only else None
    rows = _all_rows(store, live)
    target = next((row for row in rows if row.action_id == action_id), None)
    if target is None:
        if store.unreadable:
            # It may well be in a meeting that could not be read: not the user's typo.
            raise StoreError(
                f"Åtgärden {action_id!r} finns inte i de möten som gick att läsa; "
                f"{len(store.unreadable)} möten kunde inte läsas och den kan finnas där."
            )
        raise ActionNotFoundError(action_id)
    root = target.root_id
    by_meeting: dict[str, set[str]] = {}
    chain = [row for row in rows if row.action_id == root or row.follows == root]
    # Adjusted protocols stay as signed; the follow-ups hold the status.
    chain = [row for row in chain if not row.in_adjusted_protocol]
    if not chain:
        raise ActionInAdjustedProtocolError(target)
    for row in chain:
        by_meeting.setdefault(row.meeting_id, set()).add(row.action_id)
    if all(row.done == done for row in chain):
        # Nothing to do; a done action keeps the date it was first ticked.
        return DoneResult(action_id, target.text, done, chain[0].done_date,
                          sorted(by_meeting), changed=False)

    day = today or Date.today()
    done_date = day.isoformat() if done else None
    opened: list[MeetingSession] = []
    try:
        for mid in sorted(by_meeting):
            if live is None or mid != live.id:
                opened.append(store.open(mid))
        for meeting_session in opened:
            if _apply_in(meeting_session.meeting, by_meeting[meeting_session.meeting.id],
                         done, day):
                meeting_session.save()
    finally:
        for meeting_session in opened:
            meeting_session.close()
    if live is not None and live.id in by_meeting:
        ids = by_meeting[live.id]

        def change_live() -> bool:
            return _apply_in(live, ids, done, day)

        if on_live is not None:
            on_live(change_live)
        elif change_live():
            session.save()  # type: ignore[union-attr]
    return DoneResult(action_id, target.text, done, done_date, sorted(by_meeting))


def _apply_in(meeting: Meeting, ids: set[str], done: bool, day: Date) -> bool:
    changed = False
    for _, _, action in meeting.actions():
        if action.id in ids:
            changed |= _apply(action, done, day)
    return changed


def _apply(action: Action, done: bool, day: Date) -> bool:
    if done:
        if action.done:
            return False  # keep the date it was first ticked done
        action.mark_done(day)
        return True
    if not action.done and action.done_date is None:
        return False
    action.reopen()
    return True
