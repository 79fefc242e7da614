"""An adjusted protocol in the store: its state in the meeting list and the action list,
the anslag's refusals and defaults, and ticking its actions done (the status lives in
the follow-up in the next meeting; the adjusted protocol itself never changes)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store import Action, Meeting, meeting_to_dict
from store.domain import adjustment
from store.domain.protocol import Posting
from store.persistence.action_done import ActionInAdjustedProtocolError, set_action_done
from store.persistence.actions import query_actions
from store.persistence.adjusting import adjust_stored, lift_stored
from store.persistence.series import next_meeting_in_series
from tests.support.protocol_sample import protocol_meeting

DAYS = st.dates(min_value=date(2024, 1, 1), max_value=date(2040, 12, 31))


# -- the anslag's rules -------------------------------------------------------------------


@given(DAYS, st.one_of(st.none(), st.integers(0, 12)), st.one_of(st.none(), st.integers(0, 40)))
def test_the_anslag_defaults_are_never_refused_and_a_short_one_always_is(adjusted, after, up):
    posted = None if after is None else (adjusted + timedelta(days=after)).isoformat()
    down = None if up is None or posted is None else (
        date.fromisoformat(posted) + timedelta(days=up)).isoformat()
    posting = adjustment.posting_for(adjusted.isoformat(), posted, down)
    refusal = adjustment.posting_refusal(adjusted.isoformat(), posting)
    assert (refusal is not None) == (up is not None and posted is not None and up < 21)
    if posted is None:
        assert posting.from_ == adjustment.next_working_day(adjusted).isoformat()
    if down is None:
        assert date.fromisoformat(posting.to) - date.fromisoformat(posting.from_) == timedelta(21)


@given(DAYS, st.integers(1, 30))
def test_posting_before_the_justering_is_refused(adjusted, before):
    posted = adjusted - timedelta(days=before)
    posting = adjustment.posting_for(adjusted.isoformat(), posted.isoformat())
    assert adjustment.posting_refusal(adjusted.isoformat(), posting) is not None
    meeting = protocol_meeting(1)
    meeting.date = (adjusted - timedelta(days=40)).isoformat()
    with pytest.raises(adjustment.AdjustmentError):
        adjustment.adjust(meeting, adjusted.isoformat(), posting)
    assert meeting.adjusted is None and not meeting.locked  # nothing half-done


def test_a_late_posting_is_a_warning_not_a_refusal():
    meeting = protocol_meeting(1)
    posting = adjustment.posting_for("2031-03-14", "2031-03-25")
    adjustment.adjust(meeting, "2031-03-14", posting)
    assert adjustment.posted_late("2031-03-14", meeting.posting)
    assert meeting.posting.to == "2031-04-15" and meeting.locked


# -- the state as the lists show it ---------------------------------------------------------


@given(st.booleans(), st.one_of(st.none(), DAYS), st.integers(0, 5), DAYS)
def test_the_state_of_a_stored_meeting_is_the_models(protocol, adjusted, after, today):
    meeting = protocol_meeting(1) if protocol else Meeting("Ledningsgrupp", "2031-03-11")
    if adjusted is not None:
        meeting.adjusted = adjusted.isoformat()
        meeting.posting = Posting((adjusted + timedelta(days=after)).isoformat())
    facts = adjustment.stored_state_facts(meeting_to_dict(meeting))
    assert adjustment.state_from_facts(facts, today.isoformat()) == \
        adjustment.protocol_state(meeting, today)


def test_summaries_and_action_rows_carry_the_state(store):
    minutes_id = store.add(Meeting("Ledningsgrupp", "2031-03-10"))
    protocol = protocol_meeting(2)
    protocol.items[0].actions.append(Action("Beställ skyltar", owner="Bo Tall"))
    protocol_id = store.add(protocol)
    states = {s.id: s.state(date(2031, 3, 20)) for s in store.summaries()}
    assert states == {minutes_id: "", protocol_id: "utkast"}

    adjust_stored(store, protocol_id, "2031-03-14")  # posted 2031-03-17
    states = {s.id: s.state(date(2031, 3, 15)) for s in store.summaries()}
    assert states[protocol_id] == "justerat"
    [row] = query_actions(store, today=date(2031, 3, 20))
    assert row.protocol_state == "anslaget"


# -- ticking an action of an adjusted protocol ----------------------------------------------


def _adjusted_with_action(store):
    protocol = protocol_meeting(2)
    action = Action("Utred belysningen", owner="Bo Tall", due="2031-05-01")
    protocol.items[0].actions.append(action)
    protocol_id = store.add(protocol)
    adjust_stored(store, protocol_id, "2031-03-14")
    return protocol_id, action.id


def test_an_action_without_a_follow_up_cannot_be_ticked_and_nothing_changes(store):
    protocol_id, action_id = _adjusted_with_action(store)
    before = store.backend.read_raw(protocol_id)
    with pytest.raises(ActionInAdjustedProtocolError) as caught:
        set_action_done(store, action_id, True, today=date(2031, 4, 1))
    assert "nästa möte" in str(caught.value)
    assert store.backend.read_raw(protocol_id) == before


@pytest.mark.slow
@pytest.mark.parametrize("ticked", ["original", "copy"])
def test_ticking_done_goes_to_the_follow_up_and_the_list_shows_it(store, ticked):
    protocol_id, action_id = _adjusted_with_action(store)
    adjusted_dict = meeting_to_dict(store.load(protocol_id))
    following = next_meeting_in_series(store, store.load(protocol_id), "2031-04-08")
    following_id = store.add(following)
    copy_id = next(a.id for _, _, a in store.load(following_id).actions())

    result = set_action_done(store, action_id if ticked == "original" else copy_id, True,
                             today=date(2031, 4, 2))
    assert result.meeting_ids == [following_id]
    assert meeting_to_dict(store.load(protocol_id)) == adjusted_dict  # as signed
    assert store.load(following_id).find_action(copy_id)[1].done_date == "2031-04-02"

    today = date(2031, 4, 3)
    assert [r.action_id for r in query_actions(store, today=today)] == []
    [row] = query_actions(store, status="all", today=today)
    assert (row.action_id, row.done, row.done_date) == (action_id, True, "2031-04-02")
    # Reopened: open again in the list, still the original row.
    set_action_done(store, action_id, False, today=today)
    [row] = query_actions(store, today=today)
    assert (row.action_id, row.done) == (action_id, False)


def test_a_lift_lets_the_protocol_itself_be_ticked_again(store):
    protocol_id, action_id = _adjusted_with_action(store)
    lift_stored(store, protocol_id, datetime(2031, 3, 20, 9, 30), "Fel dnr i § 41")
    result = set_action_done(store, action_id, True, today=date(2031, 3, 21))
    assert result.meeting_ids == [protocol_id]
    meeting = store.load(protocol_id)
    assert meeting.adjustment_lifts[0].why == "Fel dnr i § 41" and not meeting.adjusted
