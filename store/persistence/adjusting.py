"""Justering and häv justering of a stored protocol: open it for writing, apply the
model's rule (store.domain.adjustment), save. For the command line; the app changes the
meeting it has open and saves it through its own session."""

from __future__ import annotations

from datetime import datetime

from ..domain.adjustment import adjust, lift
from ..domain.model import Meeting
from ..domain.protocol import Posting
from .store import MeetingStore


def adjust_stored(store: MeetingStore, meeting_id: str, on: str,
                  posting: Posting | None = None) -> Meeting:
    """Mark the stored protocol adjusted on `on` with its anslag; the saved meeting.

    AdjustmentError (nothing saved) when the rules refuse; StoreError when the meeting
    cannot be opened for writing (e.g. it is open in the app).
    """
    with store.open(meeting_id) as session:
        adjust(session.meeting, on, posting)
        session.save()
        return session.meeting


def lift_stored(store: MeetingStore, meeting_id: str, now: datetime, why: str) -> Meeting:
    """Häv justering of the stored protocol, recording when and why; the saved meeting."""
    with store.open(meeting_id) as session:
        lift(session.meeting, now, why)
        session.save()
        return session.meeting
