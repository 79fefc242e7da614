"""Häv justering opens a protocol for changes without resuming its meeting: the end time,
the end stamp and every item clock stand until the secretary reopens the meeting.

The rule (store.domain.model.Meeting.locked): an adjusted protocol is locked; an ended
meeting is locked unless a häv justering was recorded since it ended. Checked over any
sequence of ending, reopening, adjusting and lifting against a reading of the steps.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from store import meeting_from_dict, meeting_to_dict
from store.domain import adjustment
from store.domain import meeting_rules as rules
from tests.support.protocol_sample import protocol_meeting

DAY = datetime(2031, 3, 11, 13, 15)
STEPS = st.lists(st.sampled_from(["end", "reopen", "adjust", "lift", "wait"]), max_size=12)


def _fresh():
    meeting = protocol_meeting(2)
    meeting.adjusted = None
    return meeting


@given(STEPS)
def test_locked_follows_the_last_end_and_the_lifts_after_it(steps):
    meeting = _fresh()
    now = DAY
    ended = adjusted = lifted_since_end = False
    for step in steps:
        now += timedelta(minutes=7)
        if step == "end" and not ended:
            rules.end(meeting, now, now.strftime("%H:%M"), None)
            ended, lifted_since_end = True, False
        elif step == "reopen" and ended and not adjusted:
            meeting.reopen()
            ended = False
        elif step == "adjust" and not adjusted:
            adjustment.adjust(meeting, meeting.date)
            adjusted = True
        elif step == "lift" and adjusted:
            adjustment.lift(meeting, now, "Rättelse")
            adjusted, lifted_since_end = False, ended
        assert meeting.ended == ended
        assert meeting.locked == (adjusted or (ended and not lifted_since_end))
        # The store keeps the rule: it is read from what is saved.
        assert meeting_from_dict(meeting_to_dict(meeting)).locked == meeting.locked


@given(st.integers(1, 600), st.integers(1, 10_000))
def test_a_lift_stops_no_clock_and_keeps_the_end(minutes_run, minutes_later):
    meeting = _fresh()
    item = meeting.items[0]
    started = DAY
    rules.start_item(item, started)
    ended_at = started + timedelta(minutes=minutes_run)
    rules.end(meeting, ended_at, ended_at.strftime("%H:%M"), None)  # item left under way
    adjustment.adjust(meeting, meeting.date)
    before = (meeting.end, meeting.ended_at, rules.item_seconds(meeting, item, ended_at))
    later = ended_at + timedelta(minutes=minutes_later)
    adjustment.lift(meeting, later, "Fel diarienummer")
    assert not meeting.locked  # open for changes
    assert (meeting.end, meeting.ended_at,
            rules.item_seconds(meeting, item, later + timedelta(hours=1))) == before
    assert rules.has_started(meeting) and meeting.ended
    # Resuming is the secretary's own step, and only then does the item run again.
    meeting.reopen()
    assert rules.item_seconds(meeting, item, later) > before[2]
