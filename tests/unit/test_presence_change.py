"""An arrival or departure made while a § is on screen holds from that § while nothing is
recorded in it, and after it once something is (store.domain.presence_change): checked
over generated protocols — which § is on screen, what is recorded in it (each kind of
record, in the § or a sub-item), who comes or goes — by the §§ the person is then counted
present in, and by the words the attendance dialog shows and reads back (f2)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.domain.attendance import AttendanceError
from store.domain.model import AgendaItem, Decision, Action
from store.domain.presence_change import change_tie, has_record
from store.domain.presence_ties import (
    arrive_in, leave_in, paragraphs_present, parse_tied_presence, presence_text,
)
from store.domain.protocol import Motion, ProtocolNote, Reservation, Substitution, Vote
from tests.support.protocol_live import before_the_meeting

FIRST = 41


def _note(item):
    item.notes = "Diskussion om beloppet."


RECORDS = {
    "notes": _note,
    "decision": lambda item: item.decisions.append(Decision("att bevilja bidraget")),
    "action": lambda item: item.actions.append(Action("Skicka beslutet")),
    "motion": lambda item: item.motions.append(Motion("Mira Holm", "bifall")),
    "vote": lambda item: item.votes.append(Vote("Ja för bifall, nej för avslag", {})),
    "reservation": lambda item: item.reservations.append(Reservation(["Olle Berg"])),
    "protocol note": lambda item: item.protocol_notes.append(ProtocolNote("Jon Ström", "X")),
    "jäv": lambda item: item.conflicts.append("Pär Nyqvist"),
    "substitution": lambda item: item.substitutions.append(Substitution("Rut Sjö", "Pär")),
    "procedure": lambda item: setattr(item, "procedure", "Ordföranden ställer proposition."),
    "adjusted at once": lambda item: setattr(item, "adjusted_immediately", True),
    "acting chair": lambda item: setattr(item, "acting_chair", "Mira Holm"),
    "done": lambda item: setattr(item, "status", "done"),
    "deferred": lambda item: setattr(item, "status", "deferred"),
}
#: The agenda's own texts, there before the meeting: no record.
AGENDA_TEXT = {
    "proposal": lambda item: setattr(item, "proposal", "att bevilja"),
    "background": lambda item: setattr(item, "background", "Ansökan har kommit in."),
    "basis": lambda item: item.basis.append("Tjänsteskrivelse"),
    "attachment": lambda item: item.attachments.append("Bilaga 1.pdf"),
    "blank notes": lambda item: setattr(item, "notes", "  \n"),
}


@st.composite
def states(draw):
    size = draw(st.integers(1, 5))
    meeting = before_the_meeting(size)
    on_screen = draw(st.integers(0, size - 1))
    records = draw(st.lists(st.sampled_from(sorted(RECORDS)), max_size=3))
    texts = draw(st.lists(st.sampled_from(sorted(AGENDA_TEXT)), max_size=3))
    in_sub_item = draw(st.booleans())
    target = meeting.items[on_screen]
    # The agenda's texts first: they were there before anything was recorded ("blank
    # notes" written after a recorded note would wipe it, and the state would lie).
    for kind in texts:
        AGENDA_TEXT[kind](target)
    if in_sub_item:
        target.items.append(AgendaItem("Delfråga"))
        target = target.items[0]
    for kind in records:
        RECORDS[kind](target)
    # Other §§ hold records too: only the one on screen counts.
    for k, item in enumerate(meeting.items):
        if k != on_screen and draw(st.booleans()):
            _note(item)
    screen_id = target.id if draw(st.booleans()) else meeting.items[on_screen].id
    return meeting, on_screen, bool(records), screen_id


@given(states(), st.booleans())
def test_a_change_holds_from_the_paragraph_until_something_is_recorded(state, arriving):
    meeting, on_screen, recorded, screen_id = state
    assert has_record(meeting.items[on_screen]) == recorded
    size = len(meeting.items)
    boundary = on_screen + 1 if recorded else on_screen  # before the § at this place
    person = meeting.find_participant("Mira Holm")
    if arriving:
        person.absent = True  # sent word she was late
    reaches_none = boundary >= size if arriving else boundary == 0
    if reaches_none:
        with pytest.raises(AttendanceError, match="Mira Holm .* deltar inte i någon paragraf"):
            change_tie(meeting, screen_id, arriving, person.name, FIRST)
        return
    tie = change_tie(meeting, screen_id, arriving, person.name, FIRST)
    (arrive_in if arriving else leave_in)(meeting, person, None, tie)
    there = [FIRST + k for k in range(size) if (k >= boundary if arriving else k < boundary)]
    assert paragraphs_present(meeting, person, FIRST) == there
    # The words the dialog shows, read back as f2 reads them, give the same §§.
    text = presence_text(meeting, person, FIRST)
    expected = (f"från § {FIRST + boundary}" if arriving else f"efter § {FIRST + boundary - 1}")
    assert text == expected
    person.intervals = parse_tied_presence(meeting, text, FIRST)
    assert paragraphs_present(meeting, person, FIRST) == there


def test_outside_a_protocol_nothing_is_tied():
    meeting = before_the_meeting(2)
    meeting.kind = "minnesanteckningar"
    assert change_tie(meeting, meeting.items[1].id, False, "Mira Holm") is None
    meeting.kind = "protokoll"
    assert change_tie(meeting, None, False, "Mira Holm") is None


def test_an_arrival_with_its_time_reads_back_through_f2():
    meeting = before_the_meeting(3)
    _note(meeting.items[1])  # § 42 under way: she takes part from § 43
    person = meeting.find_participant("Mira Holm")
    person.absent = True
    arrive_in(meeting, person, "14:10", change_tie(meeting, meeting.items[1].id, True,
                                                   person.name, FIRST))
    text = presence_text(meeting, person, FIRST)
    assert text == "från 14:10 före § 43"
    person.intervals = parse_tied_presence(meeting, text, FIRST)
    assert paragraphs_present(meeting, person, FIRST) == [43]


@given(st.integers(0, 2), st.integers(1, 3))
def test_a_departure_and_a_return_in_the_same_minute_survive_the_file(left, gap):
    """The store read such intervals back as one whole-meeting presence: joining needs
    the §§' order, which the reader did not have."""
    from store import meeting_from_dict, meeting_to_dict

    meeting = before_the_meeting(6)
    person = meeting.find_participant("Siri Dahl")
    leave_in(meeting, person, "13:05", meeting.items[left].id)
    arrive_in(meeting, person, "13:05", meeting.items[left + gap].id)
    expected = paragraphs_present(meeting, person, FIRST)
    assert len(expected) == 6 - gap + 1
    for strict in (True, False):
        again = meeting_from_dict(meeting_to_dict(meeting), strict=strict)
        assert paragraphs_present(again, again.find_participant("Siri Dahl"), FIRST) == expected
