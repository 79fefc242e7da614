"""The next meeting in a series takes the planned end time, never the time the last
meeting actually ended with F12 (seen in the walkthrough: a meeting ended 22:20 made the
next one read '18:30-22:20' before it was held)."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st

from store import AgendaItem, Meeting, MeetingStore
from store.persistence.series import next_meeting_in_series

clock = st.builds(lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 23), st.integers(0, 59))


def meeting(end: str | None) -> Meeting:
    return Meeting("Styrelsemöte", "2031-03-04", start="18:30", end=end,
                   items=[AgendaItem("Mötets öppnande")])


@given(planned=st.none() | clock, ended_at=clock)
def test_an_ended_meetings_end_time_is_not_carried(planned, ended_at):
    store = MeetingStore.in_memory()
    previous = meeting(planned)
    hour, minute = map(int, ended_at.split(":"))
    previous.end_meeting(datetime(2031, 3, 4, hour, minute))
    store.add(previous)
    following = next_meeting_in_series(store, previous, "2031-03-18")
    assert following.start == "18:30"
    assert following.end is None


@given(planned=st.none() | clock)
def test_a_planned_end_time_is_carried(planned):
    store = MeetingStore.in_memory()
    previous = meeting(planned)
    store.add(previous)
    assert next_meeting_in_series(store, previous, "2031-03-18").end == planned
