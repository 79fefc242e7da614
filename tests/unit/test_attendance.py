"""Attendance rules (store/domain/attendance.py): intervals, corrections, per-item presence."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from export.docx_minutes import build_minutes
from export.docx_read import docx_lines
from importers.detect import meeting_from_bytes
from store.domain import attendance
from store.domain.attendance import AttendanceError, Interval
from store.domain.model import AgendaItem, Meeting, Participant
from store.persistence.serialize import MeetingFormatError, meeting_from_dict, meeting_to_dict
from store import MeetingStore, MemoryBackend
from store.persistence.series import next_meeting_in_series

from .attendance_strategies import clock, presences

from tests.support.examples import examples

times = st.integers(0, 24 * 60 - 1).map(clock)
maybe_times = st.none() | times


def _ordered_apart(intervals: list[Interval]) -> bool:
    spans = [i.span() for i in intervals]
    return (all(a < b for a, b in spans)
            and all(spans[k][1] < spans[k + 1][0] for k in range(len(spans) - 1)))


@given(st.lists(st.builds(Interval, maybe_times, maybe_times), max_size=5))
def test_normalized_intervals_never_overlap_or_touch(raw):
    try:
        out = attendance.normalized(raw)
    except AttendanceError as exc:
        assert str(exc).endswith(".") and ("måste vara före" in str(exc)
                                           or "överlappar" in str(exc))
        return
    assert _ordered_apart(out)
    assert out != [Interval(None, None)]


def test_arrival_after_departure_is_refused_in_swedish():
    p = Participant("Kim Berg")
    with pytest.raises(AttendanceError, match="Ankomsten 15:00 måste vara före avgången 14:00."):
        attendance.set_intervals(p, [Interval("15:00", "14:00")])
    assert p.intervals == []
    attendance.arrive(p, "14:00")
    with pytest.raises(AttendanceError, match="avgången måste vara senare än ankomsten"):
        attendance.leave(p, "13:30")
    assert p.intervals == [Interval("14:00", None)]


def test_wrong_leave_then_arrive_in_the_same_minute_is_whole_meeting():
    # The example: F8 on the wrong person, then F7, once gave "19:48-19:48".
    p = Participant("Kim Berg")
    attendance.leave(p, "19:48")
    attendance.arrive(p, "19:48")
    assert p.intervals == [] and p.presence_text() == ""


def test_leave_and_come_back_gives_two_intervals():
    p = Participant("Kim Berg")
    attendance.leave(p, "14:00")
    attendance.arrive(p, "14:30")
    assert p.presence_text() == "till 14:00 och från 14:30"
    assert (p.present_from, p.present_to) == (None, None)
    attendance.leave(p, "15:10")
    assert p.presence_text() == "till 14:00 och 14:30-15:10"
    assert p.present_to == "15:10"


operations = st.lists(st.tuples(st.sampled_from(["arrive", "leave", "clear"]), times),
                      max_size=8)


@given(presences(), operations)
def test_any_sequence_of_marks_keeps_the_rules(start, ops):
    p = Participant("Kim Berg", intervals=list(start))
    for op, at in ops:
        before = list(p.intervals)
        try:
            if op == "clear":
                attendance.clear(p)
            else:
                getattr(attendance, op)(p, at)
        except AttendanceError as exc:
            assert p.intervals == before  # a refusal changes nothing
            assert str(exc)[-1] in ".)"
        assert _ordered_apart(p.intervals)


@given(presences())
def test_presence_text_reads_back(intervals):
    text = attendance.presence_text(intervals)
    assert attendance.parse_presence(text) == intervals
    name, back = attendance.split_presence(f"Kim Berg (Gäst) {text}".rstrip())
    assert (name, back) == ("Kim Berg (Gäst)", intervals)


def test_typed_presence_is_understood():
    assert attendance.parse_presence("905-1030, 11-") == [
        Interval("09:05", "10:30"), Interval("11:00", None)]
    assert attendance.parse_presence(" ") == []
    with pytest.raises(AttendanceError, match="Förstår inte ”kl tre”"):
        attendance.parse_presence("kl tre")
    with pytest.raises(AttendanceError, match="överlappar"):
        attendance.parse_presence("10:00-11:00, 10:30-12:00")


def test_time_outside_the_meeting_is_warned():
    meeting = Meeting("Styrelsemöte", "2031-03-04", start="13:00", end="15:00")
    assert attendance.outside_meeting(meeting, "12:55") == "12:55 är före mötets start 13:00."
    assert attendance.outside_meeting(meeting, "15:01") == "15:01 är efter mötets slut 15:00."
    assert attendance.outside_meeting(meeting, "14:00") is None
    p = Participant("Kim Berg", intervals=[Interval("12:30", "16:00")])
    assert len(attendance.warnings_for(meeting, p)) == 2


def _present_at(p: Participant, minute: int) -> bool:
    """Reference: presence minute by minute."""
    if p.absent:
        return False
    return not p.intervals or any(a <= minute < b for a, b in (i.span() for i in p.intervals))


@settings(max_examples=examples(60))
@given(presences(), times, times, st.booleans())
def test_per_item_presence_matches_the_intervals(intervals, t1, t2, absent):
    start, end = sorted([t1, t2])
    meeting = Meeting("Möte", "2031-03-04")
    p = Participant("Kim Berg", intervals=intervals, absent=absent)
    meeting.participants.append(p)
    item = AgendaItem("Punkt", started_at=f"2031-03-04T{start}:00",
                      finished_at=f"2031-03-04T{end}:00")
    a, b = attendance.item_span(meeting, item)
    expected = any(_present_at(p, m) for m in range(a, b))
    assert (p in attendance.present_for_item(meeting, item)) == expected


def test_item_stamps_of_another_day_do_not_count():
    meeting = Meeting("Möte", "2031-03-04")
    left = Participant("Kim Berg", intervals=[Interval(None, "10:00")])
    meeting.participants.append(left)
    # Written up a week later: the live-mode stamps are that day's clock.
    item = AgendaItem("Punkt", time="11:00", started_at="2031-03-11T09:00:00",
                      finished_at="2031-03-11T09:05:00")
    assert attendance.present_for_item(meeting, item) == []  # the item's time counts


# -- JSON ------------------------------------------------------------------------------

def _base(**participant) -> dict:
    return {"format": "motesbok-meeting/1", "title": "Möte", "date": "2031-03-04",
            "items": [], "participants": [{"name": "Kim Berg", **participant}]}


def test_old_single_arrival_and_departure_import_as_one_interval():
    meeting = meeting_from_dict(_base(present_from="13:30", present_to="14:15"))
    assert meeting.participants[0].intervals == [Interval("13:30", "14:15")]
    meeting = meeting_from_dict(_base(present_to="14:15"))
    assert meeting.participants[0].intervals == [Interval(None, "14:15")]


@given(presences(), st.booleans())
def test_every_new_key_survives_export_and_import(intervals, guest):
    meeting = Meeting("Möte", "2031-03-04", participants=[
        Participant("Kim Berg", role="Gäst", intervals=intervals, guest=guest)])
    data = meeting_to_dict(meeting)
    back = meeting_from_dict(data)
    assert back.participants == meeting.participants
    assert meeting_to_dict(back) == data
    entry = data["participants"][0]
    assert entry["presence"] == [{"from": i.start, "to": i.end} for i in intervals]
    assert (entry["present_from"], entry["present_to"]) == (
        intervals[0].start if intervals else None, intervals[-1].end if intervals else None)


def test_bad_presence_is_refused_naming_the_field():
    with pytest.raises(MeetingFormatError) as info:
        meeting_from_dict(_base(presence=[{"from": "10:00", "to": "11:00"},
                                          {"from": "10:30", "to": None}]))
    assert info.value.field == "participants[0].presence"
    with pytest.raises(MeetingFormatError) as info:
        meeting_from_dict(_base(presence=[{"from": "11:00", "to": "10:00"}]))
    assert "måste vara före" in info.value.problem
    with pytest.raises(MeetingFormatError) as info:
        meeting_from_dict(_base(present_from="09:00",
                                presence=[{"from": "10:00", "to": None}]))
    assert info.value.field == "participants[0].present_from"
    with pytest.raises(MeetingFormatError) as info:
        meeting_from_dict(_base(presence=[{"from": "10:00", "till": None}]))
    assert info.value.field == "participants[0].presence[0].till"


def test_a_guest_is_not_carried_to_the_next_meeting():
    meeting = Meeting("Möte", "2031-03-04", participants=[
        Participant("Kim Berg"), Participant("Ulf Gäst", role="Konsult", guest=True)])
    store = MeetingStore(MemoryBackend())
    new = next_meeting_in_series(store, meeting, "2031-03-11")
    assert [p.name for p in new.participants] == ["Kim Berg"]


# -- DOCX --------------------------------------------------------------------------------

@pytest.mark.slow
def test_leave_and_return_in_the_minutes_and_back():
    meeting = Meeting("Möte", "2031-03-04", start="13:00", end="16:00",
                      items=[AgendaItem("Mötet öppnas")])
    kim = Participant("Kim Berg", role="Ordförande")
    attendance.leave(kim, "14:00")
    attendance.arrive(kim, "14:30")
    guest = Participant("Ulf Ström", role="Konsult", guest=True)
    attendance.arrive(guest, "15:00")
    meeting.participants += [kim, guest, Participant("Åsa Lind")]
    buffer = io.BytesIO()
    build_minutes(meeting).save(buffer)
    lines = docx_lines(buffer.getvalue())
    assert ("Kim Berg (Ordförande) till 14:00 och från 14:30, "
            "Ulf Ström (Konsult) från 15:00, Åsa Lind") in lines
    back = meeting_from_bytes(buffer.getvalue(), name="möte.docx")
    assert [(p.name, p.role, p.intervals) for p in back.participants] == [
        (p.name, p.role, p.intervals) for p in meeting.participants]


def test_finding_a_name_by_typing():
    find_people = attendance.find_people
    people = [Participant("Tove Lindahl"), Participant("Gustav Ekström"),
              Participant("Vera Holmqvist"), Participant("Kalle Åberg")]

    def names(typed):
        return [p.name for p in find_people(people, typed)]

    assert names("v") == ["Vera Holmqvist"]  # word starts first
    assert names("å") == ["Kalle Åberg"]
    assert names("kalle å") == ["Kalle Åberg"]
    assert names("stav") == ["Gustav Ekström"]  # else anywhere in the name
    assert names("") == [p.name for p in people]
    assert names("xyz") == []
