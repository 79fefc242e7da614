"""The protocol's rules in the model: § numbers, who serves, beslutförhet, justering and
anslag, and the drafted sentences."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store import AgendaItem, Meeting, MeetingStore, Participant
from store.domain import adjustment, paragraphs, protocol_procedure, protocol_text
from store.domain.protocol import Motion, Posting, Reservation, Substitution, Vote
from store.domain.serving import quorum_warning, serving
from store.persistence.paragraphs import first_paragraph_in_store
from tests.support.protocol_sample import law_deadline, protocol_meeting


def _protocol(date_iso: str, n: int, series: str = "AU", first: int | None = None) -> Meeting:
    meeting = Meeting(series, date_iso, kind="protokoll", first_paragraph=first)
    meeting.items = [AgendaItem(f"Ärende {i}") for i in range(n)]
    return meeting


# -- § numbers ------------------------------------------------------------------------


def test_numbers_are_consecutive_from_the_first_and_follow_moves():
    meeting = _protocol("2031-03-01", 4, first=41)
    first = paragraphs.first_paragraph(meeting)
    ids = [item.id for item in meeting.items]
    assert list(paragraphs.paragraph_numbers(meeting, first).values()) == [41, 42, 43, 44]
    meeting.move_item(ids[0], 1)
    assert paragraphs.paragraph_numbers(meeting, first)[ids[0]] == 42


def test_sub_items_belong_to_their_paragraph():
    meeting = _protocol("2031-03-01", 2, first=5)
    child = AgendaItem("Del")
    meeting.items[1].items.append(child)
    assert paragraphs.paragraph_of(meeting, child, 5) == 6
    assert len(paragraphs.paragraph_numbers(meeting, 5)) == 2


@given(st.lists(st.tuples(st.integers(1, 12), st.integers(0, 9)), min_size=1, max_size=6),
       st.integers(0, 11))
def test_a_series_continues_within_its_year_and_restarts_in_a_new_one(earlier, month):
    meetings = [_protocol(f"2031-{m:02d}-01", n) for m, n in sorted(earlier)]
    meetings.append(_protocol("2030-12-30", 50))  # last year: never counts
    later = _protocol(f"2031-{month + 1:02d}-15", 3)
    expected = 1 + sum(n for m, n in earlier if m <= month + 1)
    assert paragraphs.first_paragraph(later, meetings) == expected
    assert paragraphs.first_paragraph(_protocol("2032-01-10", 1), meetings) == 1


def test_a_set_first_paragraph_restarts_the_chain():
    first = _protocol("2031-02-01", 5, first=100)
    assert paragraphs.first_paragraph(_protocol("2031-03-01", 1), [first]) == 105
    minutes = Meeting("AU", "2031-02-15")
    minutes.items = [AgendaItem("x")]
    assert paragraphs.first_paragraph(_protocol("2031-03-01", 1), [first, minutes]) == 105


def test_the_store_continues_the_series(tmp_path):
    store = MeetingStore.at(tmp_path)
    store.add(_protocol("2031-01-10", 7, first=1))
    store.add(_protocol("2031-02-10", 4))
    store.add(_protocol("2031-02-10", 4, series="Annan nämnd"))
    later = _protocol("2031-03-10", 2)
    assert first_paragraph_in_store(store, later) == 12


@pytest.mark.parametrize("numbers, text", [
    ([41], "§ 41"), ([41, 42, 43], "§§ 41–43"), ([45, 41, 42], "§§ 41–42, 45"), ([], ""),
])
def test_paragraph_ranges_read_as_a_protocol_writes_them(numbers, text):
    assert paragraphs.paragraph_range_text(numbers) == text


# -- who serves ---------------------------------------------------------------------------


def test_an_ersattare_serves_for_the_absent_member():
    meeting = protocol_meeting()
    state = serving(meeting, meeting.items[0])
    assert "Kim Vall" in state.names() and "Edit Lund" not in state.names()
    assert state.replacing == {"Kim Vall": "Edit Lund"}
    assert state.count == 7 and state.seats == 7 and state.quorate


def test_jav_takes_the_member_out_and_the_substitute_in():
    meeting = protocol_meeting()
    state = serving(meeting, meeting.items[1])
    assert "Pär Nyqvist" not in state.names()
    assert state.replacing["Rut Sjö"] == "Pär Nyqvist"
    assert serving(meeting, meeting.items[2]).replacing == {"Kim Vall": "Edit Lund"}


def test_an_ersattare_does_not_serve_while_the_member_is_there():
    meeting = protocol_meeting()
    meeting.find_participant("Edit Lund").absent = False
    assert "Kim Vall" not in serving(meeting, meeting.items[0]).names()


def test_a_member_who_left_before_the_paragraph_does_not_serve():
    meeting = protocol_meeting()
    from store.domain.attendance import leave

    leave(meeting.find_participant("Siri Dahl"), "14:00")
    meeting.items[2].started_at = "2031-03-11T14:30:00"
    assert "Siri Dahl" not in serving(meeting, meeting.items[2]).names()
    assert "Siri Dahl" in serving(meeting, meeting.items[0]).names()


@given(st.integers(1, 15), st.data())
def test_quorum_is_more_than_half_of_the_seats(seats, data):
    present = data.draw(st.integers(0, seats))
    meeting = Meeting("N", "2031-01-01", kind="protokoll")
    meeting.participants = [
        Participant(f"L{i}", group="ledamot", absent=i >= present) for i in range(seats)
    ]
    meeting.items = [AgendaItem("x")]
    state = serving(meeting, meeting.items[0])
    assert state.quorate == (present * 2 > seats)
    assert bool(quorum_warning(state)) == (not state.quorate)


def test_a_substitution_needs_a_deputy_and_a_member():
    meeting = protocol_meeting()
    meeting.items[2].substitutions = [Substitution("Bo Tall", "Siri Dahl")]
    assert "Bo Tall" not in serving(meeting, meeting.items[2]).names()


# -- justering and anslag -----------------------------------------------------------------


@pytest.mark.parametrize("adjusted, posted", [
    ("2031-03-14", "2031-03-17"),  # Friday -> Monday
    ("2031-04-10", "2031-04-15"),  # Thursday before Good Friday 2031 -> after Easter Monday
    ("2031-12-23", "2031-12-29"),  # Christmas
    ("2031-06-19", "2031-06-23"),  # midsommarafton 2031-06-20
])
def test_posting_defaults_to_the_next_working_day(adjusted, posted):
    posting = adjustment.default_posting(adjusted)
    assert posting.from_ == posted
    assert date.fromisoformat(posting.to) - date.fromisoformat(posting.from_) == timedelta(days=21)


@given(st.dates(min_value=date(2024, 1, 1), max_value=date(2040, 12, 31)), st.integers(0, 10))
def test_late_posting_is_warned_about(adjusted, later):
    posted = adjusted + timedelta(days=later)
    posting = Posting(posted.isoformat(), (posted + timedelta(days=21)).isoformat())
    problems = adjustment.posting_problems(adjusted.isoformat(), posting)
    assert bool(problems) == (posted > law_deadline(adjusted))


@given(st.dates(min_value=date(2024, 1, 1), max_value=date(2040, 12, 31)))
def test_the_default_posting_is_never_late(adjusted):
    """A Friday justering posted on Monday is in time: the deadline moves past the weekend."""
    posting = adjustment.default_posting(adjusted.isoformat())
    assert not adjustment.posted_late(adjusted.isoformat(), posting)


@pytest.mark.parametrize("adjusted, last_day", [
    ("2031-03-12", "2031-03-14"),  # Wednesday -> Friday
    ("2031-03-13", "2031-03-17"),  # Thursday -> Saturday -> Monday
    ("2031-03-14", "2031-03-17"),  # Friday -> Sunday -> Monday
    ("2031-12-22", "2031-12-29"),  # Monday -> Christmas Eve -> after the holidays
])
def test_the_posting_deadline(adjusted, last_day):
    assert adjustment.posting_deadline(adjusted).isoformat() == last_day


def test_adjusting_locks_and_a_lift_is_recorded():
    meeting = protocol_meeting()
    adjustment.adjust(meeting, "2031-03-14")
    assert meeting.locked and meeting.posting.from_ == "2031-03-17"
    assert adjustment.protocol_state(meeting, date(2031, 3, 15)) == "justerat"
    assert adjustment.protocol_state(meeting, date(2031, 3, 17)) == "anslaget"
    with pytest.raises(adjustment.AdjustmentError):
        adjustment.lift(meeting, datetime(2031, 3, 20, 9), "  ")
    adjustment.lift(meeting, datetime(2031, 3, 20, 9), "Fel datum i § 42")
    assert not meeting.locked and meeting.adjustment_lifts[0].adjusted == "2031-03-14"
    assert adjustment.protocol_state(meeting, date(2031, 3, 20)) == "utkast"
    with pytest.raises(adjustment.AdjustmentError):
        adjustment.adjust(Meeting("x", "2031-01-01"), "2031-01-02")


# -- sentences -----------------------------------------------------------------------------


def test_sentences_name_people_with_their_party():
    meeting = protocol_meeting()
    item = meeting.items[0]
    assert protocol_text.motion_sentence(meeting, item.motions[0]) == (
        "Mira Holm (S) yrkar bifall till förslaget.")
    assert protocol_text.reservation_sentence(meeting, Reservation(["Olle Berg", "Kim Vall"])) == (
        "Olle Berg (M) och Kim Vall (M) reserverar sig till förmån för eget yrkande.")
    assert protocol_text.conflict_sentence(meeting, "Pär Nyqvist") == (
        "Pär Nyqvist (C) anmäler jäv och deltar inte i handläggningen.")
    assert protocol_procedure.procedure_text(meeting, item) == (
        "Ordföranden ställer proposition på förslaget mot Olle Bergs (M) ändringsyrkande "
        "och finner att utskottet beslutar enligt förslaget. Omröstning begärs och "
        "verkställs.")
    assert protocol_text.decision_lead(meeting, item) == "Tekniska nämndens arbetsutskott beslutar"


def test_vote_results_and_ties():
    meeting = protocol_meeting()
    vote = meeting.items[0].votes[-1]
    assert protocol_text.vote_result_draft(meeting, vote) == (
        "Med 4 ja-röster mot 3 nej-röster beslutar utskottet enligt förslaget.")
    tie = Vote("q", {"A": "ja", "B": "nej", "C": "avstår"})
    assert "lika röstetal" in protocol_text.vote_result_draft(meeting, tie)
    assert "1 avstår" in protocol_text.vote_result_draft(meeting, tie)


def test_att_clauses_join_wrapped_lines():
    text = "att godkänna avtalet\nmed bilagor\nAtt uppdra åt kansliet\n\natt notera"
    assert protocol_text.att_clauses(text) == [
        "att godkänna avtalet med bilagor", "Att uppdra åt kansliet", "att notera"]


@pytest.mark.parametrize("body, short", [
    ("Kommunstyrelsens näringslivs- och arbetsutskott", "utskottet"),
    ("Byggnadsnämnden", "nämnden"), ("Kommunstyrelsen", "styrelsen"),
    ("Kommunfullmäktige", "fullmäktige"),
])
def test_the_body_is_named_by_its_head_noun(body, short):
    assert protocol_text.body_short(Meeting("x", "2031-01-01", body=body)) == short


def test_every_motion_kind_has_a_sentence():
    meeting = protocol_meeting()
    from store.domain.protocol import MOTION_KINDS

    for kind in MOTION_KINDS:
        sentence = protocol_text.motion_sentence(meeting, Motion("Mira Holm", kind, "att x"))
        assert sentence.startswith("Mira Holm (S) yrkar") and sentence.endswith(".")


def test_the_next_meeting_of_a_protocol_series_keeps_its_roster_and_kind():
    from store.domain.series import next_meeting

    previous = protocol_meeting()
    following = next_meeting(previous, "2031-04-08", [])
    assert following.is_protocol and following.body == previous.body
    assert following.first_paragraph is None  # continues the series
    holm = following.find_participant("Mira Holm")
    assert (holm.party, holm.group, holm.chair) == ("S", "ledamot", "ordförande")
    assert not following.find_participant("Lina Falk").remote
    assert not following.find_participant("Kim Vall").substitute_for
    assert following.posting.archive == previous.posting.archive


@pytest.mark.parametrize("winner_kind, has_addition", [
    (None, True), ("ändring", True), ("avslag", False), ("återremiss", False)])
def test_an_addition_is_put_only_when_the_proposal_stands(winner_kind, has_addition):
    meeting = protocol_meeting()
    item = meeting.items[0]
    item.motions = [Motion("Olle Berg", winner_kind or "avslag", "att x"),
                    Motion("Jon Ström", "tillägg", "att y")]
    winner = item.motions[0] if winner_kind else None
    draft = protocol_procedure.procedure_text(meeting, item, winner)
    assert ("tilläggsyrkande" in draft) == has_addition


@pytest.mark.parametrize("kind, group", [("protokoll", "övrig"), ("minnesanteckningar", "")])
def test_a_guest_added_during_the_meeting(kind, group):
    from store.domain.attendance import add_guest

    meeting = Meeting("N", "2031-01-01", start="13:00", kind=kind)
    guest = add_guest(meeting, "Vera Gäst", "Konsult", "14:10")
    assert meeting.participants == [guest]
    assert (guest.guest, guest.group, guest.role, guest.present_from) == (
        True, group, "Konsult", "14:10")
