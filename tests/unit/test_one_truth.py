"""One truth per rule: the overdue rule, ticking done, 'Ej angivet' and the action cells
are each defined once and mean the same wherever they are used."""

from __future__ import annotations

from datetime import date as Date

from hypothesis import given as for_all
from hypothesis import strategies as st

from export.labels import NOT_GIVEN, cells, given
from store import Action, AgendaItem, Meeting, MeetingStore, meeting_to_dict
from store.domain.action_rows import rows_of_dict, rows_of_meeting
from store.persistence.action_done import set_action_done

dates = st.dates(min_value=Date(2030, 1, 1), max_value=Date(2032, 12, 31))


@for_all(due=st.none() | dates.map(Date.isoformat), done=st.booleans(), today=dates)
def test_overdue_is_one_rule_for_models_stored_rows_and_live_rows(due, done, today):
    action = Action("Skicka", due=due, done=done)
    meeting = Meeting(title="Möte", date="2030-01-01", items=[AgendaItem("A", actions=[action])])
    meeting.id = "m"
    stored, = rows_of_dict("m", meeting_to_dict(meeting), today.isoformat())
    live, = rows_of_meeting(meeting, today.isoformat())
    assert stored.overdue == live.overdue == action.is_overdue(today)


def test_ticking_done_everywhere_is_marking_the_action_done():
    store = MeetingStore.in_memory()
    action = Action("Boka lokal")
    store.add(Meeting(title="Möte", date="2031-01-01", items=[AgendaItem("A", actions=[action])]))
    day = Date(2031, 2, 3)
    result = set_action_done(store, action.id, True, today=day)
    expected = Action("x")
    expected.mark_done(day)
    assert result.done_date == expected.done_date
    assert store.load(store.summaries()[0].id).find_action(action.id)[1].done_date == "2031-02-03"


@for_all(st.sampled_from(["", "  ", NOT_GIVEN, NOT_GIVEN.upper(), NOT_GIVEN.casefold()]))
def test_not_given_reads_back_as_nothing(text):
    assert given(text) is None


@for_all(st.text(min_size=1).filter(lambda t: t.strip().casefold() not in ("", "ej angivet")))
def test_anything_else_reads_back_as_itself(text):
    assert given(text) == text


def test_a_row_missing_owner_and_due_shows_not_given_in_its_cells():
    store = MeetingStore.in_memory()
    store.add(Meeting(title="Möte", date="2031-01-01",
                      items=[AgendaItem("A", actions=[Action("Ring")])]))
    from store.persistence.actions import query_actions

    row, = query_actions(store)
    assert cells(row)[1:3] == (NOT_GIVEN, NOT_GIVEN)
