"""The action list across meetings: filters, sorting, ticking done everywhere."""

from __future__ import annotations

from datetime import date as Date

import pytest

from export.labels import filter_text, status_text
from store import Action, AgendaItem, Meeting, MeetingLockedError
from store.persistence.action_done import set_action_done
from store.persistence.actions import ActionNotFoundError, query_actions

TODAY = Date(2031, 3, 10)


def board_meeting(day: str, title: str = "Styrgruppsmöte", series: str = "") -> Meeting:
    return Meeting(title=title, date=day, series=series, items=[AgendaItem("Mötet öppnas")])


@pytest.fixture
def filled(store):
    """Three meetings in two series, with open, done, overdue and undated actions."""
    m1 = board_meeting("2031-01-15")
    m1.items.append(
        AgendaItem(
            "Lokalfrågan",
            actions=[
                Action("Boka lokal för seminariet", due="2031-03-01", owner="Greta Vallin"),
                Action("Beställ fika", due="2031-02-01", owner="Nils Forsén", done=True,
                       done_date="2031-01-30"),
            ],
            items=[
                AgendaItem("Nyckelkort", actions=[Action("Ta fram nyckelkort", owner="Nils Forsén")]),
            ],
        )
    )
    m2 = board_meeting("2031-02-20")
    m2.items.append(
        AgendaItem("Budget", actions=[Action("Skicka budgetförslag", due="2031-04-15",
                                             owner="greta vallin")])
    )
    m3 = board_meeting("2031-02-25", title="Samverkansråd")
    m3.items.append(
        AgendaItem("Avtal", actions=[Action("Granska avtalet", due="2031-03-20")])
    )
    ids = [store.add(m) for m in (m1, m2, m3)]
    return store, ids


def texts(rows):
    return [row.text for row in rows]


def test_open_actions_sorted_by_due_date_with_undated_last(filled):
    store, _ = filled
    rows = query_actions(store, today=TODAY)
    assert texts(rows) == [
        "Boka lokal för seminariet",
        "Granska avtalet",
        "Skicka budgetförslag",
        "Ta fram nyckelkort",
    ]
    first = rows[0]
    assert first.overdue and status_text(first) == "Försenad"
    assert first.item_number == "2" and first.item_title == "Lokalfrågan"
    assert first.meeting_date == "2031-01-15" and first.series == "Styrgruppsmöte"
    assert rows[3].item_number == "2.1" and rows[3].due is None
    assert not rows[1].overdue


def test_all_includes_done_and_overdue_only_overdue(filled):
    store, _ = filled
    everything = query_actions(store, status="all", today=TODAY)
    assert len(everything) == 5
    done = [row for row in everything if row.done]
    assert texts(done) == ["Beställ fika"] and status_text(done[0]) == "Klar 2031-01-30"
    overdue = query_actions(store, status="overdue", today=TODAY)
    assert texts(overdue) == ["Boka lokal för seminariet"]


def test_owner_is_case_insensitive_part_of_name(filled):
    store, _ = filled
    rows = query_actions(store, owner="VALLIN", today=TODAY)
    assert texts(rows) == ["Boka lokal för seminariet", "Skicka budgetförslag"]
    assert query_actions(store, owner="nobody", today=TODAY) == []


def test_series_meeting_and_since_filters(filled):
    store, ids = filled
    assert texts(query_actions(store, series="samverkan", today=TODAY)) == ["Granska avtalet"]
    assert texts(query_actions(store, meeting_id=ids[1], today=TODAY)) == ["Skicka budgetförslag"]
    since = query_actions(store, since="2031-02-20", today=TODAY)
    assert texts(since) == ["Granska avtalet", "Skicka budgetförslag"]


def test_set_done_and_reopen_persist(filled):
    store, ids = filled
    row = query_actions(store, owner="Forsén", today=TODAY)[0]
    result = set_action_done(store, row.action_id, True, today=TODAY)
    assert result.meeting_ids == [ids[0]] and result.done_date == "2031-03-10"
    _, action = store.load(ids[0]).find_action(row.action_id)
    assert action.done and action.done_date == "2031-03-10"
    assert query_actions(store, owner="Forsén", today=TODAY) == []

    set_action_done(store, row.action_id, False)
    _, action = store.load(ids[0]).find_action(row.action_id)
    assert not action.done and action.done_date is None


def test_unknown_action_id_is_refused(filled):
    store, _ = filled
    with pytest.raises(ActionNotFoundError, match="ingen åtgärd"):
        set_action_done(store, "nope", True)


def test_done_through_the_open_session_and_locked_meetings(filled):
    store, ids = filled
    row = query_actions(store, meeting_id=ids[1], today=TODAY)[0]
    session = store.open(ids[1])  # the app has this meeting open
    try:
        set_action_done(store, row.action_id, True, session=session, today=TODAY)
        assert session.meeting.find_action(row.action_id)[1].done
        assert store.load(ids[1]).find_action(row.action_id)[1].done
        # Without the session the meeting is locked: refused, nothing changed.
        with pytest.raises(MeetingLockedError):
            set_action_done(store, row.action_id, False)
        assert store.load(ids[1]).find_action(row.action_id)[1].done
    finally:
        session.close()


def test_copies_are_listed_once_and_ticked_together(filled):
    store, ids = filled
    original = query_actions(store, owner="Forsén", today=TODAY)[0]
    later = board_meeting("2031-03-05")
    later.items[0].actions.append(
        Action(original.text, owner=original.owner, follows=original.action_id)
    )
    later_id = store.add(later)
    rows = query_actions(store, owner="Forsén", today=TODAY)
    assert [row.meeting_id for row in rows] == [ids[0]]  # the original, once
    copy = query_actions(store, meeting_id=later_id, today=TODAY)[0]
    assert copy.follows == original.action_id

    set_action_done(store, copy.action_id, True, today=TODAY)
    assert store.load(ids[0]).find_action(original.action_id)[1].done
    assert store.load(later_id).find_action(copy.action_id)[1].done
    assert query_actions(store, owner="Forsén", today=TODAY) == []

    set_action_done(store, original.action_id, False)
    assert not store.load(later_id).find_action(copy.action_id)[1].done


def test_bad_status_is_a_programming_error(filled):
    store, _ = filled
    with pytest.raises(ValueError):
        query_actions(store, status="later")


def test_select_rows_on_one_scan_matches_the_query(filled):
    from store.persistence.actions import ActionFilter, all_rows

    store, ids = filled
    rows = all_rows(store, today=TODAY)
    for flt in (ActionFilter(), ActionFilter("all", owner="greta"),
                ActionFilter("overdue"), ActionFilter("all", series="styr", since="2031-02-01"),
                ActionFilter("all", meeting_id=ids[2])):
        expected = flt.query(store, today=TODAY)
        assert [r.action_id for r in flt.select(rows)] == [r.action_id for r in expected]
    assert filter_text(ActionFilter("overdue", owner="Greta")) == (
        "Försenade åtgärder; ansvarig: Greta")


def test_on_live_hands_the_change_to_the_caller(filled):
    store, ids = filled
    row = query_actions(store, meeting_id=ids[1], today=TODAY)[0]
    session = store.open(ids[1])
    handed = []
    try:
        set_action_done(store, row.action_id, True, session=session, today=TODAY,
                        on_live=handed.append)
        assert len(handed) == 1
        assert not session.meeting.find_action(row.action_id)[1].done  # not yet applied
        assert handed[0]() is True
        assert session.meeting.find_action(row.action_id)[1].done
        # Saving is the caller's business (the app's autosave).
        assert not store.load(ids[1]).find_action(row.action_id)[1].done
    finally:
        session.close()


# -- the scan cache (file store) -------------------------------------------------------


def test_cache_follows_saves_deletes_and_damage(file_store, data_dir):
    from store.persistence.action_cache import CACHE_DIR

    first = file_store.add(board_meeting("2031-01-15"))
    with file_store.open(first) as session:
        session.meeting.items[0].actions.append(Action("Första", owner="Ada Sten"))
        session.save()
    assert texts(query_actions(file_store, today=TODAY)) == ["Första"]
    open_cache = data_dir / CACHE_DIR / "actions-open.json"
    assert open_cache.exists()

    # A save is not slowed by the cache: it never touches it.
    before = open_cache.stat().st_mtime_ns
    with file_store.open(first) as session:
        session.meeting.items[0].actions.append(Action("Andra", due="2031-01-01"))
        session.save()
    assert open_cache.stat().st_mtime_ns == before
    # ...and the next query sees the saved change all the same.
    assert texts(query_actions(file_store, today=TODAY)) == ["Andra", "Första"]
    assert texts(query_actions(file_store, status="all", today=TODAY)) == ["Andra", "Första"]

    second = file_store.add(board_meeting("2031-02-01"))
    with file_store.open(second) as session:
        session.meeting.items[0].actions.append(Action("Tredje", done=True))
        session.save()
    assert texts(query_actions(file_store, status="all", today=TODAY)) == [
        "Andra", "Första", "Tredje"]
    file_store.delete(second)
    assert texts(query_actions(file_store, status="all", today=TODAY)) == ["Andra", "Första"]

    open_cache.write_bytes(b"{half a file")
    assert texts(query_actions(file_store, today=TODAY)) == ["Andra", "Första"]
    import orjson

    assert orjson.loads(open_cache.read_bytes())["v"] == 2  # rebuilt (version 2: protocol state)


def test_the_open_meeting_is_read_from_memory(store):
    meeting_id = store.add(board_meeting("2031-01-15"))
    query_actions(store, today=TODAY)  # fills the cache
    session = store.open(meeting_id)
    try:
        session.meeting.items[0].actions.append(Action("Osparad", owner="Ada Sten"))
        rows = query_actions(store, today=TODAY, live=session.meeting)
        assert texts(rows) == ["Osparad"] and rows[0].meeting_id == meeting_id
        assert query_actions(store, today=TODAY) == []  # not on disk yet
    finally:
        session.close()
