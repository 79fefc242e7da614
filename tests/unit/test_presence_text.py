"""The sentences a § of the protocol carries about who came, who left and which ersättare
stepped in (store.domain.presence_text, through export.protocol_front.serving_changes),
checked against an independent reading of generated meetings: per § and member, there
or not and jäv or not; an ersättare serving for one member on the day's roster, another
serving only after a jäv."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from export.protocol_front import serving_changes, sitting
from store import AgendaItem, Meeting, Participant
from store.domain.attendance import Interval
from store.domain.paragraphs import paragraph_range_text
from store.domain.protocol import Substitution

FIRST = 61
MEMBERS = [("Leila Sund", "S"), ("Gustav Ros", "C"), ("Tord Almén", "M")]
ROSTER_DEPUTY = ("Vera Holmgren", "S")  # for Leila Sund, the day's roster
JAV_DEPUTY = ("Anton Lid", "M")  # for Gustav Ros, only where he has jäv


@st.composite
def plans(draw):
    size = draw(st.integers(2, 6))
    plan = {}
    for name, _ in MEMBERS:
        present = draw(st.lists(st.booleans(), min_size=size, max_size=size))
        jav = [p and draw(st.booleans()) for p in present]
        plan[name] = (present, jav)
    roster_deputy = draw(st.booleans())
    jav_seat = draw(st.lists(st.booleans(), min_size=size, max_size=size))
    return size, plan, roster_deputy, jav_seat


def _runs(present: list[bool]) -> list[tuple[int, int]]:
    runs, start = [], None
    for k, there in enumerate([*present, False]):
        if there and start is None:
            start = k
        elif not there and start is not None:
            runs.append((start, k - 1))
            start = None
    return runs


def build(size, plan, roster_deputy, jav_seat) -> Meeting:
    items = [AgendaItem(f"Ärende {k + 1}") for k in range(size)]
    people = []
    for name, party in MEMBERS:
        person = Participant(name, party=party, group="ledamot")
        present, jav = plan[name]
        if not any(present):
            person.absent = True
        elif not all(present):
            person.intervals = [
                Interval(from_item=items[a].id if a > 0 else None,
                         to_item=items[b].id if b < size - 1 else None)
                for a, b in _runs(present)]
        people.append(person)
        for k, has in enumerate(jav):
            if has:
                items[k].conflicts.append(name)
    vera = Participant(ROSTER_DEPUTY[0], party=ROSTER_DEPUTY[1], group="ersättare")
    if roster_deputy:
        vera.substitute_for = MEMBERS[0][0]
    anton = Participant(JAV_DEPUTY[0], party=JAV_DEPUTY[1], group="ersättare")
    for k, seat in enumerate(jav_seat):
        if seat and plan[MEMBERS[1][0]][1][k]:
            items[k].substitutions.append(Substitution(JAV_DEPUTY[0], MEMBERS[1][0]))
    return Meeting("Nämnd", "2031-03-11", kind="protokoll",
                   participants=[*people, vera, anton], items=items)


def expected(size, plan, roster_deputy, jav_seat, k) -> list[str]:
    """What happened in § k, read off the plan alone."""
    parties = dict([*MEMBERS, ROSTER_DEPUTY, JAV_DEPUTY])
    who = lambda name: f"{name} ({parties[name]})"  # noqa: E731
    lines = []
    for name, _ in MEMBERS:
        present, _ = plan[name]
        if k == 0 or not any(present) or present[k] == present[k - 1]:
            continue
        if present[k - 1]:
            lines.append(f"{who(name)} lämnar sammanträdet efter § {FIRST + k - 1}.")
        elif any(present[:k - 1]):
            lines.append(f"{who(name)} återkommer till sammanträdet från § {FIRST + k}.")
        else:
            lines.append(f"{who(name)} ansluter till sammanträdet från § {FIRST + k}.")
    pairs = [(JAV_DEPUTY[0], MEMBERS[1][0],
              [bool(jav_seat[j] and plan[MEMBERS[1][0]][1][j]) for j in range(size)])]
    if roster_deputy:
        present, jav = plan[MEMBERS[0][0]]
        pairs.append((ROSTER_DEPUTY[0], MEMBERS[0][0],
                      [not present[j] or jav[j] for j in range(size)]))
    for deputy, member, serves in pairs:
        # The jäv ersättare's every § is a recorded substitution: the Jäv part says it.
        told = [s and deputy != JAV_DEPUTY[0] for s in serves]
        if not told[k] or all(serves):
            continue  # not serving; the Jäv part's; or the whole meeting (front page)
        if k > 0 and told[k - 1]:
            continue  # said where the stretch began
        numbers = [FIRST + j for j in range(size) if serves[j]]
        lines.append(f"{who(deputy)} ersätter {who(member)} {paragraph_range_text(numbers)}.")
    return lines


@given(plans())
def test_each_paragraph_says_who_came_left_and_stepped_in_as_it_happened(plan):
    meeting = build(*plan)
    seated = sitting(meeting, FIRST)
    for k in range(plan[0]):
        assert serving_changes(meeting, seated, FIRST + k) == expected(*plan, k), k


def test_jav_then_leaving_says_she_left_after_the_jav_paragraph():
    """The secretary's case: jäv in § 63, gone after it; § 64 said 'deltar §§ 61–62'."""
    present = [True, True, True, False, False]
    plan = {MEMBERS[0][0]: (present, [False, False, True, False, False]),
            MEMBERS[1][0]: ([True] * 5, [False] * 5), MEMBERS[2][0]: ([True] * 5, [False] * 5)}
    meeting = build(5, plan, True, [False] * 5)
    seated = sitting(meeting, FIRST)
    # Vera steps in for her in § 63 (the day's roster; no recorded substitution, so the
    # Jäv part does not name her) and serves on after she left.
    assert serving_changes(meeting, seated, 63) == [
        "Vera Holmgren (S) ersätter Leila Sund (S) §§ 63–65."]
    assert serving_changes(meeting, seated, 64) == [
        "Leila Sund (S) lämnar sammanträdet efter § 63."]
    assert serving_changes(meeting, seated, 65) == []
