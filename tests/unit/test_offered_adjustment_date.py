"""The justering date offered when the secretary records a justering (the app's dialog
and `adjust` without --date): the planned date once it has come, else today; never
before the meeting (store.domain.adjustment.offered_adjustment_date)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

import main
from store import MeetingStore
from store.domain.adjustment import default_posting, offered_adjustment_date
from store.domain.protocol import Adjustment
from tests.support.protocol_sample import protocol_meeting

MEETING_DAY = date(2031, 3, 11)
days = st.integers(-30, 60).map(lambda n: MEETING_DAY + timedelta(days=n))


def meeting_with(planned: date | None):
    meeting = protocol_meeting(2)
    assert meeting.date == MEETING_DAY.isoformat()
    meeting.adjustment = Adjustment(place="Stadshuset",
                                    date=planned.isoformat() if planned else None,
                                    time="10:00")
    return meeting


@given(planned=st.none() | days, today=days)
def test_the_offered_date(planned, today):
    offered = offered_adjustment_date(meeting_with(planned), today)
    held, now = MEETING_DAY.isoformat(), today.isoformat()
    assert offered >= held  # never before the meeting
    if planned is not None and MEETING_DAY <= planned <= today:
        assert offered == planned.isoformat()  # held as planned, recorded now or later
    else:
        # No plan, a plan still ahead (it came early) or a mistyped one: today.
        assert offered == max(now, held)


def test_a_justering_recorded_days_after_the_planned_one():
    meeting = meeting_with(date(2031, 3, 14))
    assert offered_adjustment_date(meeting, date(2031, 4, 2)) == "2031-03-14"
    assert offered_adjustment_date(meeting, date(2031, 3, 14)) == "2031-03-14"
    assert offered_adjustment_date(meeting, date(2031, 3, 12)) == "2031-03-12"
    assert offered_adjustment_date(meeting_with(None), date(2031, 3, 20)) == "2031-03-20"


def test_the_command_line_uses_the_planned_date(file_store: MeetingStore, capsys):
    """`adjust` without --date runs on the real clock: a meeting ten days ago whose
    justering was planned two days after it."""
    held = date.today() - timedelta(days=10)
    meeting = protocol_meeting(2)
    meeting.date = held.isoformat()
    planned = (held + timedelta(days=2)).isoformat()
    meeting.adjustment = Adjustment(place="Stadshuset", date=planned, time="10:00")
    meeting_id = file_store.add(meeting)
    assert main.main(["adjust", meeting_id]) == 0, capsys.readouterr().err
    saved = file_store.load(meeting_id)
    assert saved.adjusted == planned
    assert saved.posting == default_posting(planned, saved.posting.archive)
