"""The demo meetings: `demo` a working group's minutes, `demo --protokoll` a nämnd's protocol
planned for today; each created once and found again, never mixed with a real meeting."""

from __future__ import annotations

from datetime import date

from cli.meetings import ensure_demo_meeting
from store import Meeting, MeetingStore, meeting_from_dict, meeting_to_dict
from store.demo_protocol import demo_protocol
from store.domain.paragraphs import first_paragraph, paragraph_numbers
from store.domain.serving import serving


def test_the_protocol_demo_is_a_quorate_protocol_of_today_not_yet_held():
    meeting = demo_protocol()
    assert meeting.is_protocol and meeting.date == date.today().isoformat()
    assert not meeting.ended and meeting.adjusted is None
    assert all(item.case_number and item.proposal.startswith("att ") for item in meeting.items)
    first_number = first_paragraph(meeting)
    assert first_number == 61
    assert list(paragraph_numbers(meeting, first_number).values())[:2] == [61, 62]
    # The absent member's ersättare serves, so the body is full.
    first = serving(meeting, meeting.items[0])
    assert first.count == first.seats == 7 and first.quorate
    assert meeting_from_dict(meeting_to_dict(meeting)) == meeting


def test_each_demo_is_created_once_and_apart(data_dir):
    store = MeetingStore.at(data_dir)
    minutes = ensure_demo_meeting(store)
    protocol = ensure_demo_meeting(store, protocol=True)
    assert minutes != protocol
    assert ensure_demo_meeting(store, protocol=True) == protocol
    assert ensure_demo_meeting(store) == minutes
    with store.open(protocol) as session:
        assert session.meeting.is_protocol
    with store.open(minutes) as session:
        assert not session.meeting.is_protocol


def test_a_real_meeting_of_the_same_body_is_not_taken_for_the_demo(data_dir):
    store = MeetingStore.at(data_dir)
    real = store.add(Meeting(demo_protocol().body, "2031-05-06", kind="protokoll"))
    assert ensure_demo_meeting(store, protocol=True) != real
