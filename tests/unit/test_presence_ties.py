"""Presence and substitutes tied to §§ (store/domain/presence_ties.py): serving per § from
the § ties first, the clock only where there is no tie, in a meeting of another day whose
items carry no times."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.domain.attendance import AttendanceError, Interval
from store.domain.model import AgendaItem, Meeting, Participant
from store.domain.paragraphs import paragraph_label, paragraph_range_text
from store.domain.presence_ties import (
    arrive_in,
    leave_in,
    parse_moment,
    paragraphs_present,
    parse_tied_presence,
    presence_text,
    substitute_at,
)
from store.domain.protocol import DEPUTY, MEMBER, PROTOCOL
from store.domain.protocol_record import set_substitute
from store.domain.serving import serving
from store.persistence.serialize import meeting_from_dict, meeting_to_dict

from tests.support.examples import examples

MEMBERS = ["Vera Holm", "Tor Lind", "Siv Ragnar", "Ebbe Nord"]
DEPUTIES = ["Gun Åkesson", "Pål Vik"]
SECTIONS = 6


def council(n: int = SECTIONS, *, first: int = 41) -> Meeting:
    """A protocol dated long ago, items without times (no clock says anything)."""
    return Meeting(
        title="Tekniska utskottet", date="2030-02-11", kind=PROTOCOL, first_paragraph=first,
        participants=[*(Participant(n_, party="S", group=MEMBER) for n_ in MEMBERS),
                      *(Participant(n_, party="M", group=DEPUTY) for n_ in DEPUTIES)],
        items=[AgendaItem(f"Ärende {i + 1}") for i in range(n)],
    )


def person(meeting: Meeting, name: str) -> Participant:
    return next(p for p in meeting.participants if p.name == name)


# -- the class: any sequence of § -tied events against a reference ---------------------


@st.composite
def events(draw):
    """Per person alternating departures and arrivals at nondecreasing §§ (a departure
    after § k, an arrival from § k), each maybe with a clock time that says nothing about
    the §§; substitutions at any §; all merged in § order, as recorded live."""
    out = []
    for name in MEMBERS + DEPUTIES:
        count = draw(st.integers(0, 4))
        spots = sorted(draw(st.lists(st.integers(0, SECTIONS - 1), min_size=count,
                                     max_size=count)))
        clocks = sorted(draw(st.lists(st.integers(1, 23 * 60), min_size=count,
                                      max_size=count, unique=True)))
        for index, (spot, minute) in enumerate(zip(spots, clocks)):
            clock = f"{minute // 60:02d}:{minute % 60:02d}" if draw(st.booleans()) else None
            out.append((spot, index, (spot, "leave" if index % 2 == 0 else "arrive", name,
                                      clock)))
    for name in DEPUTIES:
        for _ in range(draw(st.integers(0, 3))):
            spot = draw(st.integers(0, SECTIONS - 1))
            out.append((spot, 0, (spot, "sub", name, draw(st.sampled_from(["", *MEMBERS])))))
    rank = draw(st.permutations(range(len(out))))
    # In § order; one person's events keep their own order within a §.
    ordered = sorted(range(len(out)), key=lambda i: (out[i][0], out[i][1], rank[i]))
    return [out[i][2] for i in ordered]


def reference(recorded) -> list[set[str]]:
    """Who serves in each §, by plain counting over the events."""
    present = {name: [True] * SECTIONS for name in MEMBERS + DEPUTIES}
    serves_for = {name: [""] * SECTIONS for name in DEPUTIES}
    for spot, kind, name, what in recorded:
        if kind == "leave":
            present[name][spot + 1:] = [False] * (SECTIONS - spot - 1)
        elif kind == "arrive":
            present[name][spot:] = [True] * (SECTIONS - spot)
        else:
            if what:
                for other in DEPUTIES:
                    if other != name and serves_for[other][spot] == what:
                        serves_for[other][spot:] = [""] * (SECTIONS - spot)
            serves_for[name][spot:] = [what] * (SECTIONS - spot)
    out = []
    for k in range(SECTIONS):
        here = {m for m in MEMBERS if present[m][k]}
        here |= {d for d in DEPUTIES if present[d][k] and serves_for[d][k]
                 and serves_for[d][k] not in here}
        out.append(here)
    return out


@settings(max_examples=examples(150), deadline=None)
@given(events())
def test_serving_per_paragraph_follows_the_ties(recorded):
    meeting = council()
    for spot, kind, name, what in recorded:
        item = meeting.items[spot]
        if kind == "leave":
            leave_in(meeting, person(meeting, name), what, item.id)
        elif kind == "arrive":
            arrive_in(meeting, person(meeting, name), what, item.id)
        else:
            set_substitute(meeting, name, what, item)
    expected = reference(recorded)
    got = [set(serving(meeting, item).names()) for item in meeting.items]
    assert got == expected
    # The file keeps it: written and read back, the same §§.
    again = meeting_from_dict(meeting_to_dict(meeting))
    assert [set(serving(again, item).names()) for item in again.items] == expected


# -- examples ---------------------------------------------------------------------------


def test_a_departure_after_a_paragraph_and_an_ersattare_from_the_next():
    meeting = council()
    vera = person(meeting, "Vera Holm")
    leave_in(meeting, vera, "15:10", meeting.items[1].id)  # during § 42
    set_substitute(meeting, "Gun Åkesson", "Vera Holm", meeting.items[1])
    names = [serving(meeting, item).names() for item in meeting.items]
    assert ["Vera Holm" in n for n in names] == [True, True, False, False, False, False]
    assert ["Gun Åkesson" in n for n in names] == [False, False, True, True, True, True]
    assert presence_text(meeting, vera, 41) == "till 15:10 efter § 42"


def test_a_tie_wins_over_a_clock_that_says_otherwise():
    meeting = council()
    meeting.date = "2031-05-05"
    for index, item in enumerate(meeting.items):  # stamped on the day, an hour each
        item.started_at = f"2031-05-05T{13 + index:02d}:00:00"
        item.finished_at = f"2031-05-05T{13 + index:02d}:59:00"
    tor = person(meeting, "Tor Lind")
    leave_in(meeting, tor, "13:30", meeting.items[3].id)  # the clock says § 41, the tie § 44
    assert ["Tor Lind" in serving(meeting, item).names() for item in meeting.items] == \
        [True, True, True, True, False, False]
    tor.intervals = [Interval(None, "13:30")]  # without the tie the clock decides
    assert ["Tor Lind" in serving(meeting, item).names() for item in meeting.items] == \
        [True, False, False, False, False, False]


def test_a_change_back_ends_the_substitution():
    meeting = council()
    leave_in(meeting, person(meeting, "Siv Ragnar"), None, meeting.items[0].id)
    set_substitute(meeting, "Pål Vik", "Siv Ragnar", meeting.items[1])
    set_substitute(meeting, "Pål Vik", "", meeting.items[4])
    deputy = person(meeting, "Pål Vik")
    assert [substitute_at(meeting, deputy, item.id) for item in meeting.items] == \
        ["", "Siv Ragnar", "Siv Ragnar", "Siv Ragnar", "", ""]
    numbers = [41 + k for k, item in enumerate(meeting.items)
               if "Pål Vik" in serving(meeting, item).replacing]
    assert paragraph_range_text(numbers) == "§§ 42–44"


def test_a_change_in_the_first_paragraph_is_the_whole_meetings():
    meeting = council()
    set_substitute(meeting, "Gun Åkesson", "Ebbe Nord", meeting.items[0])
    deputy = person(meeting, "Gun Åkesson")
    assert deputy.substitute_for == "Ebbe Nord" and deputy.substitute_changes == []


@pytest.mark.parametrize("typed, arriving, expected", [
    ("efter § 43", False, (None, 2)),
    ("15.10 efter § 43", False, ("15:10", 2)),
    ("från § 45", True, (None, 4)),
    ("§ 44", True, (None, 3)),
    ("14:05", True, ("14:05", None)),
])
def test_a_typed_moment(typed, arriving, expected):
    meeting = council()
    at, tie = parse_moment(meeting, typed, 41, arriving)
    assert (at, tie) == (expected[0], None if expected[1] is None
                         else meeting.items[expected[1]].id)


@pytest.mark.parametrize("typed", ["", "efter § 99", "§ 3"])
def test_a_moment_that_cannot_be_is_refused_in_swedish(typed):
    with pytest.raises(AttendanceError) as caught:
        parse_moment(council(), typed, 41, False)
    assert caught.value.args[0].endswith(".")


def test_ties_outside_a_protocol_are_refused():
    meeting = council()
    meeting.kind = "minnesanteckningar"
    with pytest.raises(AttendanceError, match="protokoll"):
        parse_moment(meeting, "efter § 42", None, False)


@pytest.mark.parametrize("typed", [
    "till 15:10 efter § 42",
    "efter § 42 och från § 45",
    "till 14:00 efter § 42 och från 14:30 före § 44",
    "13:05-14:00 §§ 42–43",
    "§ 44",
])
def test_typed_presence_reads_back_as_written(typed):
    meeting = council()
    vera = person(meeting, "Vera Holm")
    vera.intervals = parse_tied_presence(meeting, typed, 41)
    assert presence_text(meeting, vera, 41) == typed


def test_paragraphs_in_the_wrong_order_are_refused():
    meeting = council()
    with pytest.raises(AttendanceError):
        parse_tied_presence(meeting, "efter § 44 och från § 42", 41)


def test_ties_follow_a_moved_item_and_a_deleted_one_is_ignored():
    meeting = council()
    ebbe = person(meeting, "Ebbe Nord")
    leave_in(meeting, ebbe, None, meeting.items[2].id)
    meeting.items.insert(0, meeting.items.pop(2))  # the § moves first
    assert ["Ebbe Nord" in serving(meeting, i).names() for i in meeting.items] == \
        [True, False, False, False, False, False]
    del meeting.items[0]
    assert all("Ebbe Nord" in serving(meeting, i).names() for i in meeting.items)


def test_the_json_keeps_ties_and_changes_and_leaves_old_files_alone():
    meeting = council()
    leave_in(meeting, person(meeting, "Vera Holm"), "15:10", meeting.items[1].id)
    set_substitute(meeting, "Gun Åkesson", "Vera Holm", meeting.items[2])
    data = meeting_to_dict(meeting)
    vera, gun = data["participants"][0], data["participants"][4]
    assert vera["presence"] == [{"from": None, "to": "15:10",
                                 "to_item": meeting.items[1].id}]
    assert gun["substitute_changes"] == [{"from_item": meeting.items[2].id,
                                          "for": "Vera Holm"}]
    assert "substitute_changes" not in data["participants"][5]
    again = meeting_from_dict(data)
    assert meeting_to_dict(again) == data
    strict = meeting_from_dict(data, strict=True)
    assert meeting_to_dict(strict) == data


def test_the_paragraph_label_is_one_rule():
    assert paragraph_label(7) == "§ 7" == paragraph_range_text([7])


def test_the_attendance_dialog_names_paragraphs_only_in_a_protocol():
    from tui.dialogs.attendance_words import AttendanceWords

    meeting = council()
    meeting.items[1].items.append(AgendaItem("Delfråga"))
    words = AttendanceWords(meeting, 41)
    assert words.item_name(meeting.items[1]) == "§ 42"
    assert words.item_name(meeting.items[1].items[0]) == "§ 42"  # a sub-item is its §
    assert AttendanceWords(meeting, None).item_name(meeting.items[1]) == "§ …"
    assert words.offered_moment(meeting.items[1].items[0].id, arriving=False) == "efter § 42"
    meeting.kind = "minnesanteckningar"
    minutes = AttendanceWords(meeting, 41)
    assert minutes.item_name(meeting.items[1].items[0]) == "punkt 2.1"
    assert minutes.offered_moment(meeting.items[1].id, arriving=False) == ""


def test_a_guest_arriving_in_a_paragraph_is_there_from_it():
    from store.domain.attendance import add_guest

    meeting = council()
    guest = add_guest(meeting, "Nils Fors", "konsult", "14:00", meeting.items[2].id)
    assert presence_text(meeting, guest, 41) == "från 14:00 före § 43"
    assert paragraphs_present(meeting, guest, 41) == [43, 44, 45, 46]


def test_the_dialog_says_an_arrival_and_a_departure_with_their_paragraph():
    from tui.dialogs.attendance_words import AttendanceWords

    meeting = council()
    words = AttendanceWords(meeting, 41)
    third = meeting.items[2].id
    assert words.moment("14:00", third, arriving=True) == "14:00 före § 43"
    assert words.moment(None, third, arriving=True) == "från § 43"
    assert words.moment("15:10", third, arriving=False) == "15:10 efter § 43"
    assert words.moment("15:10", None, arriving=False) == "15:10"
