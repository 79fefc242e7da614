"""The meeting's actual start (store.domain.meeting_rules.record_start): recorded once,
when live mode first reaches an item on the meeting's day, never overwritten by ending,
reopening or opening again; kept in the JSON only when known; shown by the minutes'
time line and the protocol's Plats och tid instead of the planned start."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from export.minutes_layout import time_line
from export.protocol_front import front_blocks
from store import meeting_from_dict, meeting_to_dict
from store.domain import meeting_rules as rules
from store.persistence.serialize import MeetingFormatError
from tests.support.protocol_live import before_the_meeting

DAY = datetime(2031, 3, 11, 12, 0)  # the sample protocol's day

#: A step of live mode: reach item i after some minutes (on the day or another day),
#: end the meeting, or reopen it.
STEP = st.one_of(
    st.tuples(st.just("reach"), st.integers(0, 2), st.integers(0, 90), st.booleans()),
    st.tuples(st.just("end"), st.integers(0, 90)),
    st.tuples(st.just("reopen"), st.integers(0, 90)),
)


@given(st.lists(STEP, max_size=12), st.sampled_from([None, "13:15"]))
def test_the_first_item_reached_on_the_day_is_the_start_and_stays(steps, planned):
    meeting = before_the_meeting(3)
    meeting.start = planned
    now, expected = DAY, None
    for step in steps:
        now += timedelta(minutes=step[-1] if step[0] != "reach" else step[2])
        if step[0] == "reach":
            _, index, _, on_the_day = step
            moment = now if on_the_day else now + timedelta(days=3)
            rules.begin_item(meeting, meeting.items[index], moment)
            if expected is None and on_the_day and not meeting.ended:
                expected = moment.strftime("%H:%M")
        elif step[0] == "end" and not meeting.ended:
            rules.end(meeting, now, now.strftime("%H:%M"), None)
        elif step[0] == "reopen":
            meeting.reopen()
        assert meeting.actual_start == expected
        assert meeting.start == planned  # the planned start is never touched
        assert meeting.shown_start == (expected or planned)


def test_an_older_file_in_progress_takes_its_earliest_item_start():
    meeting = before_the_meeting(3)
    meeting.items[1].started_at = "2031-03-11T13:22:00"
    meeting.items[0].started_at = "2031-03-11T13:17:40"
    rules.begin_item(meeting, meeting.items[2], datetime(2031, 3, 11, 14, 0))
    assert meeting.actual_start == "13:17"


def test_a_corrected_start_is_kept_by_live_mode():
    meeting = before_the_meeting(3)
    meeting.actual_start = "13:02"  # corrected in the settings
    rules.begin_item(meeting, meeting.items[0], datetime(2031, 3, 11, 13, 9))
    assert meeting.actual_start == "13:02"


def test_the_json_has_it_only_when_known_and_older_files_read():
    meeting = before_the_meeting(1)
    data = meeting_to_dict(meeting)
    assert "actual_start" not in data
    assert meeting_from_dict(data).actual_start is None
    meeting.actual_start = "13:04"
    data = meeting_to_dict(meeting)
    assert data["actual_start"] == "13:04"
    assert meeting_from_dict(data).actual_start == "13:04"
    data["actual_start"] = "25:00"
    with pytest.raises(MeetingFormatError, match="actual_start"):
        meeting_from_dict(data)


def _place_and_time(meeting) -> str:
    table = next(block for block in front_blocks(meeting, 41) if block.rows)
    return "".join(run.text for run in table.rows[0][1])


@given(st.sampled_from([None, "13:15"]), st.sampled_from([None, "13:04"]),
       st.sampled_from([None, "15:40"]))
def test_the_documents_show_the_actual_start_when_known(planned, actual, end):
    meeting = before_the_meeting(1)
    meeting.start, meeting.actual_start, meeting.end = planned, actual, end
    shown = actual or planned
    expected = f" {shown}" + (f" - {end}" if end else "") if shown else (
        f" till {end}" if end else "")
    assert time_line(meeting) == meeting.date + expected
    place = _place_and_time(meeting)
    if shown:
        assert place.endswith(f"kl. {shown}" + (f"–{end}" if end else ""))


def test_a_time_is_before_the_start_by_the_actual_start_once_known():
    from store.domain.attendance import outside_meeting

    meeting = before_the_meeting(1)
    meeting.start = "13:15"
    assert outside_meeting(meeting, "13:05") == "13:05 är före mötets start 13:15."
    meeting.actual_start = "13:02"
    assert outside_meeting(meeting, "13:05") is None
    assert outside_meeting(meeting, "13:01") == "13:01 är före mötets start 13:02."
