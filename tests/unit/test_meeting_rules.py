"""The rules of a meeting while it is held (store/domain/meeting_rules.py), without a screen."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store import Action, AgendaItem, Decision, Meeting
from store.domain import meeting_rules as rules

NOW = datetime(2026, 3, 4, 18, 5, 30, 123456)


def meeting() -> Meeting:
    return Meeting(title="Styrelsemöte", date="2026-03-04", items=[
        AgendaItem("Mötet öppnas"),
        AgendaItem("Ekonomi", items=[AgendaItem("Budget")]),
        AgendaItem("Övriga frågor"),
    ])


def test_toggle_done_marks_done_then_reopens():
    item = AgendaItem("Ekonomi")
    assert rules.toggle_done(item, NOW) is True
    assert (item.status, item.finished_at) == ("done", "2026-03-04T18:05:30")
    assert rules.toggle_done(item, NOW) is False
    assert (item.status, item.finished_at) == ("pending", None)


def test_defer_writes_the_line_once():
    item = AgendaItem("Ekonomi")
    rules.defer(item, NOW, "Ekonomi skjuts upp.")
    rules.defer(item, NOW, "Ekonomi skjuts upp.")
    assert item.status == "deferred"
    assert item.finished_at == "2026-03-04T18:05:30"
    assert [d.text for d in item.decisions] == ["Ekonomi skjuts upp."]


def test_start_item_only_the_first_time():
    item = AgendaItem("Ekonomi")
    assert rules.start_item(item, NOW) is True
    assert rules.start_item(item, datetime(2026, 3, 4, 19, 0)) is False
    assert item.started_at == "2026-03-04T18:05:30"


def test_end_stops_the_item_under_way():
    m = meeting()
    current = m.items[1]
    current.started_at = "2026-03-04T18:00:00"
    rules.end(m, NOW, "18:05", current)
    assert m.ended and m.end == "18:05"
    assert current.finished_at == "2026-03-04T18:05:30"


@pytest.mark.parametrize("status,started", [("done", "2026-03-04T18:00:00"),
                                            ("pending", None)])
def test_end_leaves_items_not_under_way(status, started):
    m = meeting()
    current = m.items[1]
    current.status, current.started_at = status, started
    rules.end(m, NOW, "18:05", current)
    assert current.finished_at is None
    rules.end(m, NOW, "18:06", None)
    assert m.end == "18:06"


blank = st.text(alphabet=" \t\n", max_size=3)
word = st.text(alphabet="abc å", min_size=1, max_size=5).filter(str.strip)


@given(decisions=st.lists(st.one_of(blank, word), max_size=5),
       actions=st.lists(st.tuples(st.one_of(blank, word), st.sampled_from([None, "Eva"]),
                                  st.sampled_from([None, "2026-04-01"])), max_size=5))
def test_drop_empty_drafts_keeps_exactly_the_filled_ones(decisions, actions):
    m = meeting()
    item = m.items[1].items[0]
    item.decisions = [Decision(text) for text in decisions]
    item.actions = [Action(text, owner=owner, due=due) for text, owner, due in actions]
    kept_d = [t for t in decisions if t.strip()]
    kept_a = [(t, o, d) for t, o, d in actions if t.strip() or o or d]
    dropped = rules.drop_empty_drafts(m)
    assert dropped == (len(kept_d) != len(decisions) or len(kept_a) != len(actions))
    assert [d.text for d in item.decisions] == kept_d
    assert [(a.text, a.owner, a.due) for a in item.actions] == kept_a


@pytest.mark.parametrize("title,expected", [
    ("Övriga frågor", True), ("ÖVRIGA FRÅGOR", True), ("övriga frågor och info", True),
    ("Ekonomi", False), ("Frågor, övriga", False),
])
def test_other_matters_rule(title, expected):
    assert rules.collects_other_matters(AgendaItem(title)) is expected


def test_no_current_item_collects_nothing():
    assert rules.collects_other_matters(None) is False


def test_add_item_during_meeting_places_it():
    m = meeting()
    other = m.items[2]
    sub = rules.add_item_during_meeting(m, "Lokalen", other, as_sub_item=True)
    assert other.items == [sub]
    after = rules.add_item_during_meeting(m, "Nytt", m.items[0], as_sub_item=False)
    assert m.items[1] is after
    last = rules.add_item_during_meeting(Meeting(title="T", date="2026-03-04"), "Första",
                                         None, as_sub_item=True)
    assert last.title == "Första"


@given(st.integers(0, 5000), st.integers(0, 5000), st.integers(0, 5000))
def test_an_item_left_under_way_stops_when_the_meeting_ends(before_end, after_end, later):
    from datetime import timedelta

    start = datetime(2031, 5, 6, 9, 0)
    item = AgendaItem("Lokalfrågan")
    meeting = Meeting(title="Styrelsemöte", date="2031-05-06", items=[item])
    assert rules.item_seconds(meeting, item, start) is None  # never reached
    rules.start_item(item, start)
    end = start + timedelta(seconds=before_end)
    assert rules.item_seconds(meeting, item, end) == before_end  # runs while under way
    meeting.end_meeting(end)
    for now in (end, end + timedelta(seconds=after_end + later)):
        assert rules.item_seconds(meeting, item, now) == before_end
    meeting.reopen()
    now = end + timedelta(seconds=after_end)
    assert rules.item_seconds(meeting, item, now) == before_end + after_end


def test_a_finished_item_keeps_its_time_in_an_ended_meeting():
    item = AgendaItem("Budget", started_at="2031-05-06T09:00:00",
                      finished_at="2031-05-06T09:04:30")
    meeting = Meeting(title="Styrelsemöte", date="2031-05-06", items=[item])
    meeting.end_meeting(datetime(2031, 5, 6, 10, 0))
    assert rules.item_seconds(meeting, item, datetime(2031, 5, 7, 8, 0)) == 270
