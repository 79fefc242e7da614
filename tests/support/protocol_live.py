"""The sample protocol (protocol_sample.py) as it stands before the meeting: nothing yet
recorded in its §§. Shared by the live-mode protocol tests and pictures."""

from __future__ import annotations

from store import Meeting, MeetingStore

from .protocol_sample import protocol_meeting


def before_the_meeting(paragraphs: int = 3) -> Meeting:
    """No yrkanden, votes, decisions, jäv… in any §; the roster as in the sample."""
    meeting = protocol_meeting(paragraphs)
    for item in meeting.items:
        item.motions, item.votes, item.reservations, item.protocol_notes = [], [], [], []
        item.decisions, item.procedure, item.conflicts, item.substitutions = [], "", [], []
        item.adjusted_immediately = False
    return meeting


def fresh_protocol(store: MeetingStore) -> str:
    """Store the sample before the meeting; its id."""
    return store.add(before_the_meeting())
