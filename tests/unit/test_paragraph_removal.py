"""Removing a § that presence ties point to: every remaining § keeps exactly the
participants and ersättare it had, and the secretary is told in one sentence."""

from __future__ import annotations

import copy

from hypothesis import HealthCheck, assume, given, settings, strategies as st

from store.domain.attendance import AttendanceError, Interval, set_intervals
from store.domain.model import AgendaItem, Meeting, Participant
from store.domain.paragraph_removal import (
    ARRIVES,
    LEAVES,
    moved_ties_sentence,
    remove_item_keeping_ties,
)
from store.domain.presence_ties import positions, present_in, substitute_at
from store.domain.protocol import SubstituteChange
from tests.support.examples import examples

NAMES = ["Vera Holm", "Bo Ek", "Cay Ulf", "Dan Berg"]


@st.composite
def tied_meetings(draw):
    """A protocol of 1-8 §§; each participant there for §-tied stretches (open at the
    ends or not), one ersättare changing whom they serve for at some §§; and a § to
    remove."""
    count = draw(st.integers(1, 8))
    items = [AgendaItem(f"Ärende {n + 1}", items=[AgendaItem("Underpunkt")]
                        if draw(st.booleans()) else []) for n in range(count)]
    meeting = Meeting("Tekniska nämnden", "2031-03-11", kind="protokoll", items=items)
    ids = [item.id for item in items]
    for name in NAMES:
        person = Participant(name, party="S", group="ledamot", decision_maker=True)
        cuts = sorted(draw(st.lists(st.integers(0, count - 1), max_size=4)))
        stretches = [cuts[i:i + 2] for i in range(0, len(cuts), 2)]
        intervals = []
        for k, stretch in enumerate(stretches):
            start = ids[stretch[0]]
            end = ids[stretch[1]] if len(stretch) > 1 else None
            if k == 0 and draw(st.booleans()):
                start = None  # there from the meeting's start
            intervals.append(Interval(from_item=start, to_item=end))
        try:
            set_intervals(person, intervals, positions(meeting))
        except AttendanceError:
            assume(False)
        meeting.participants.append(person)
    deputy = Participant("Kim Vall", party="M", group="ersättare", substitute_for="Bo Ek")
    changes = sorted(set(draw(st.lists(st.integers(1, max(1, count - 1)), max_size=3))))
    deputy.substitute_changes = [
        SubstituteChange(ids[k], draw(st.sampled_from(["Vera Holm", "Cay Ulf", ""])))
        for k in changes if k < count]
    meeting.participants.append(deputy)
    return meeting, draw(st.sampled_from(ids))


def who_where(meeting: Meeting) -> dict[str, tuple]:
    """{item id: (who is present, whom the ersättare serves for)} for every §."""
    deputy = meeting.participants[-1]
    return {item.id: (tuple(p.name for p in meeting.participants if present_in(meeting, p, item)),
                      substitute_at(meeting, deputy, item.id))
            for item in meeting.items}


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(tied_meetings())
def test_every_remaining_paragraph_keeps_its_people(case):
    meeting, removed = case
    before = who_where(copy.deepcopy(meeting))
    remove_item_keeping_ties(meeting, removed)
    after = who_where(meeting)
    assert after == {tie: seen for tie, seen in before.items() if tie != removed}
    # No tie is left naming the removed ärende (it would fall back to the clock).
    for person in meeting.participants:
        assert all(removed not in (i.from_item, i.to_item) for i in person.intervals)
        assert all(c.from_item != removed for c in person.substitute_changes)


@settings(max_examples=examples(100), deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(tied_meetings())
def test_the_sentence_names_each_moved_tie_once(case):
    meeting, removed = case
    title = meeting.find_item(removed).title
    _, moves = remove_item_keeping_ties(meeting, removed)
    sentence = moved_ties_sentence(meeting, title, moves, 41)
    if not moves:
        assert sentence == ""
        return
    assert sentence.startswith("Närvaron som var knuten till ”") and sentence.endswith(".")
    assert sentence.count(".") == 1  # one sentence
    for move in moves:
        assert move.name in sentence


def three_paragraphs() -> tuple[Meeting, list[str]]:
    meeting = Meeting("Tekniska nämnden", "2031-03-11", kind="protokoll",
                      items=[AgendaItem("Budget"), AgendaItem("Skolskjuts"), AgendaItem("Hamnen")])
    return meeting, [item.id for item in meeting.items]


def test_left_after_moves_back_and_joined_from_moves_on():
    meeting, (a, b, c) = three_paragraphs()
    leaves = Participant("Vera Holm", party="S", intervals=[Interval(to_item=b)])
    joins = Participant("Bo Ek", party="M", intervals=[Interval(from_item=b)])
    meeting.participants = [leaves, joins]
    _, moves = remove_item_keeping_ties(meeting, b)
    assert leaves.intervals == [Interval(to_item=a)] and joins.intervals == [Interval(from_item=c)]
    assert [m.kind for m in moves] == [LEAVES, ARRIVES]
    assert moved_ties_sentence(meeting, "Skolskjuts", moves, 41) == (
        "Närvaron som var knuten till ”Skolskjuts” är flyttad till grannparagrafen: "
        "Vera Holm (S) går efter § 41 och Bo Ek (M) kommer från § 42.")


def test_a_presence_only_in_the_removed_paragraph_becomes_absence():
    meeting, (a, b, c) = three_paragraphs()
    person = Participant("Cay Ulf", party="C", intervals=[Interval(from_item=b, to_item=b)])
    meeting.participants = [person]
    _, moves = remove_item_keeping_ties(meeting, b)
    assert person.absent and not any(present_in(meeting, person, i) for i in meeting.items)
    assert "Cay Ulf (C) räknas som frånvarande" in moved_ties_sentence(meeting, "x", moves, 1)


def test_a_sub_item_or_an_untied_meeting_moves_nothing():
    meeting, (a, b, c) = three_paragraphs()
    sub = meeting.items[0].items
    sub.append(AgendaItem("Underpunkt"))
    meeting.participants = [Participant("Dan Berg", intervals=[Interval("13:00", "14:00")])]
    assert remove_item_keeping_ties(meeting, sub[0].id)[1] == []
    assert remove_item_keeping_ties(meeting, b)[1] == []
    assert meeting.participants[0].intervals == [Interval("13:00", "14:00")]
