"""Ending and reopening a meeting (issue 10.12): the model and its saved form."""

from __future__ import annotations

from datetime import datetime

import pytest

from store import Meeting, MeetingFormatError, meeting_from_dict, meeting_to_dict


def test_end_then_reopen():
    meeting = Meeting("Råd", "2031-04-02", start="13:00")
    assert not meeting.ended
    meeting.end_meeting(datetime(2031, 4, 2, 15, 7, 30, 1234))
    assert meeting.ended and meeting.end == "15:07"
    assert meeting.ended_at == "2031-04-02T15:07:30"
    meeting.end_meeting(datetime(2031, 4, 2, 15, 9), "15:00")  # an end time offered
    assert meeting.end == "15:00"
    meeting.reopen()
    assert not meeting.ended and meeting.end == "15:00"


def test_the_end_stamp_is_saved_and_read_back(store):
    meeting = Meeting("Råd", "2031-04-02")
    meeting.end_meeting(datetime(2031, 4, 2, 15, 7))
    mid = store.add(meeting)
    assert store.load(mid).ended_at == "2031-04-02T15:07:00"
    data = meeting_to_dict(meeting)
    assert meeting_from_dict(data).ended_at == "2031-04-02T15:07:00"
    data["ended_at"] = None
    assert not meeting_from_dict(data).ended
    del data["ended_at"]  # files written before the key existed
    assert not meeting_from_dict(data).ended


def test_a_bad_end_stamp_is_refused_on_import():
    data = meeting_to_dict(Meeting("Råd", "2031-04-02"))
    data["ended_at"] = "i går"
    with pytest.raises(MeetingFormatError) as err:
        meeting_from_dict(data)
    assert err.value.field == "ended_at"
