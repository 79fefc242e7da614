"""What the secretary records in a § during a protocol meeting (store.domain.protocol_record):
yrkanden, the decision and its beslutsgång, the vote, reservations, notes, jäv, ersättare."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.domain import protocol_record as rec
from store.domain import protocol_voting as vot
from store.domain.protocol import DEFAULT_RESERVATION_TEXT, MOTION_KINDS, MOTION_KINDS_WITH_TEXT
from store.domain.protocol_procedure import procedure_text as procedure_draft
from store.domain.serving import serving
from tests.support.protocol_sample import empty_first_paragraph, SERVING


# -- yrkanden -----------------------------------------------------------------------------


def test_a_serving_member_moves_each_kind():
    meeting, item = empty_first_paragraph()
    for kind in MOTION_KINDS:
        rec.add_motion(meeting, item, "olle berg", kind, "att tre" if kind in
                       MOTION_KINDS_WITH_TEXT else "")
    assert [m.kind for m in item.motions] == list(MOTION_KINDS)
    assert all(m.by == "Olle Berg" for m in item.motions)  # the roster's spelling


@pytest.mark.parametrize("kind", sorted(MOTION_KINDS_WITH_TEXT))
def test_a_motion_that_needs_text_is_refused_without(kind):
    meeting, item = empty_first_paragraph()
    with pytest.raises(rec.ProtocolInputError, match="behöver en text"):
        rec.add_motion(meeting, item, "Olle Berg", kind, "   ")
    assert item.motions == []


@pytest.mark.parametrize("who", ["Rut Sjö", "Edit Lund", "Agnes Wik", "Ingen Alls", ""])
def test_only_serving_members_move(who):
    meeting, item = empty_first_paragraph()
    with pytest.raises(rec.ProtocolInputError):
        rec.add_motion(meeting, item, who, "bifall")
    assert item.motions == []


def test_an_unknown_kind_is_refused():
    meeting, item = empty_first_paragraph()
    with pytest.raises(rec.ProtocolInputError, match="inget slags yrkande"):
        rec.add_motion(meeting, item, "Olle Berg", "bordläggning")


def test_a_motion_on_a_sub_item_belongs_to_its_paragraph():
    from store import AgendaItem

    meeting, item = empty_first_paragraph()
    sub = AgendaItem("Delfråga")
    item.items.append(sub)
    rec.add_motion(meeting, sub, "Siri Dahl", "bifall")
    assert sub.motions == [] and item.motions[0].by == "Siri Dahl"


# -- the decision and the beslutsgång ------------------------------------------------------


def test_taking_the_proposal_makes_its_att_clauses_the_decisions_and_drafts_the_procedure():
    meeting, item = empty_first_paragraph()
    rec.add_motion(meeting, item, "Mira Holm", "bifall")
    decisions = rec.take_proposal_as_decision(meeting, item)
    assert [d.text for d in decisions] == ["att godkänna förslaget",
                                           "att uppdra åt förvaltningen att genomföra det"]
    assert item.procedure == procedure_draft(meeting, item, None)
    assert "finner att så sker" in item.procedure


def test_taking_it_again_keeps_the_decision_ids_and_edited_decisions_are_reported():
    meeting, item = empty_first_paragraph()
    first = rec.take_proposal_as_decision(meeting, item)
    ids = [d.id for d in first]
    assert [d.id for d in rec.take_proposal_as_decision(meeting, item)] == ids
    item.decisions[0].text = "att godkänna förslaget med ändringen"
    assert rec.decisions_lost_by(meeting, item) == ["att godkänna förslaget med ändringen"]


def test_no_proposal_is_refused_with_a_sentence():
    meeting, item = empty_first_paragraph()
    item.proposal = ""
    with pytest.raises(rec.ProtocolInputError, match="inget förslag"):
        rec.take_proposal_as_decision(meeting, item)
    assert item.decisions == []


def test_tillagg_joins_the_proposal_and_a_winning_motion_writes_its_own_clauses():
    meeting, item = empty_first_paragraph()
    rec.add_motion(meeting, item, "Jon Ström", "tillägg", "att uppföljning sker i höst")
    avslag = rec.add_motion(meeting, item, "Olle Berg", "avslag")
    rec.decide(meeting, item, None)
    assert item.decisions[-1].text == "att uppföljning sker i höst"
    assert "tilläggsyrkande" in item.procedure
    rec.decide(meeting, item, avslag)
    assert [d.text for d in item.decisions] == ["att avslå förslaget"]
    assert "beslutar enligt Olle Bergs (M) avslagsyrkande." in item.procedure


def test_a_drafted_procedure_follows_new_motions_and_an_edited_one_stays():
    meeting, item = empty_first_paragraph()
    rec.take_proposal_as_decision(meeting, item)
    rec.add_motion(meeting, item, "Olle Berg", "ändring", "att beloppet halveras")
    assert "Olle Bergs (M) ändringsyrkande" in item.procedure
    rec.set_procedure(meeting, item, "Ordföranden ställer proposition enligt egen ordning.")
    rec.add_motion(meeting, item, "Lina Falk", "avslag")
    assert item.procedure == "Ordföranden ställer proposition enligt egen ordning."


# -- omröstning ------------------------------------------------------------------------------


def test_a_four_three_vote_is_tallied_and_its_result_drafted():
    meeting, item = empty_first_paragraph()
    rec.add_motion(meeting, item, "Olle Berg", "ändring", "att beloppet halveras")
    for name in SERVING[:4]:
        vot.set_ballot(meeting, item, name, "ja")
    for name in SERVING[4:]:
        vot.set_ballot(meeting, item, name, "nej")
    assert item.votes[-1].tally() == {"ja": 4, "nej": 3, "avstår": 0}
    assert item.votes[-1].question == "Ja för förslaget, nej för Olle Bergs (M) ändringsyrkande"
    assert item.votes[-1].result.startswith("Med 4 ja-röster mot 3 nej-röster beslutar utskottet "
                                       "enligt förslaget")
    assert not vot.is_tie(item.votes[-1])


def test_a_tie_is_shown_as_such():
    meeting, item = empty_first_paragraph()
    for name, ballot in zip(SERVING, ["ja", "ja", "ja", "nej", "nej", "nej", "avstår"]):
        vot.set_ballot(meeting, item, name, ballot)
    assert vot.is_tie(item.votes[-1])
    assert "lika röstetal" in item.votes[-1].result and "1 avstår" in item.votes[-1].result


def test_a_vote_without_ballot_or_result_was_never_held_and_goes():
    meeting, item = empty_first_paragraph()
    vot.start_vote(meeting, item)  # the dialog opened, nothing cast
    assert vot.drop_unheld_vote(meeting, item, item.votes[-1]) and not item.votes
    vot.set_ballot(meeting, item, "Mira Holm", "ja")
    vot.set_ballot(meeting, item, "Mira Holm", "")  # every ballot taken back
    assert vot.drop_unheld_vote(meeting, item, item.votes[-1]) and not item.votes


@pytest.mark.parametrize("ballot, result", [("ja", ""), ("", "Utskottet beslutar med acklamation.")])
def test_a_vote_with_a_ballot_or_a_written_result_stays(ballot, result):
    meeting, item = empty_first_paragraph()
    vote = vot.start_vote(meeting, item)
    if ballot:
        vot.set_ballot(meeting, item, "Mira Holm", ballot)
    vote.result = result or vote.result
    assert not vot.drop_unheld_vote(meeting, item, vote) and item.votes[-1] is vote


def test_an_edited_result_stays_and_a_ballot_can_be_taken_back():
    meeting, item = empty_first_paragraph()
    vot.set_ballot(meeting, item, "Mira Holm", "ja")
    item.votes[-1].result = "Utskottet beslutar med ordförandens utslagsröst enligt förslaget."
    vot.set_ballot(meeting, item, "Olle Berg", "nej")
    assert item.votes[-1].result.startswith("Utskottet beslutar med ordförandens")
    vot.set_ballot(meeting, item, "Olle Berg", "")
    assert item.votes[-1].ballots == {"Mira Holm": "ja"}


@pytest.mark.parametrize("who,ballot", [("Rut Sjö", "ja"), ("Mira Holm", "kanske")])
def test_only_serving_members_vote_and_only_ja_nej_avstar(who, ballot):
    meeting, item = empty_first_paragraph()
    with pytest.raises(rec.ProtocolInputError):
        vot.set_ballot(meeting, item, who, ballot)
    assert not item.votes or item.votes[-1].ballots == {}


@given(st.lists(st.tuples(st.sampled_from(SERVING), st.sampled_from(["ja", "nej", "avstår", ""])),
                max_size=30))
def test_the_tally_always_counts_each_serving_member_at_most_once(presses):
    meeting, item = empty_first_paragraph()
    for name, ballot in presses:
        vot.set_ballot(meeting, item, name, ballot)
    if bool(item.votes):
        assert sum(item.votes[-1].tally().values()) == len(item.votes[-1].ballots) <= len(SERVING)
        assert set(item.votes[-1].ballots) <= set(SERVING)
        assert ("lika röstetal" in item.votes[-1].result) == vot.is_tie(item.votes[-1])


# -- reservations and notes ---------------------------------------------------------------------


def test_a_reservation_takes_serving_names_once_and_the_default_text():
    meeting, item = empty_first_paragraph()
    reservation = rec.add_reservation(meeting, item, ["olle berg", "Kim Vall", "Olle Berg", ""])
    assert reservation.by == ["Olle Berg", "Kim Vall"]
    assert reservation.text == DEFAULT_RESERVATION_TEXT
    with pytest.raises(rec.ProtocolInputError, match="Välj vem"):
        rec.add_reservation(meeting, item, [" "])
    with pytest.raises(rec.ProtocolInputError, match="tjänstgör inte"):
        rec.add_reservation(meeting, item, ["Rut Sjö"])
    assert len(item.reservations) == 1


def test_a_protocol_note_needs_a_person_of_the_roster_and_a_text():
    meeting, item = empty_first_paragraph()
    rec.add_protocol_note(meeting, item, "jon ström", " Vi vill se en uppföljning. ")
    assert item.protocol_notes[0].by == "Jon Ström"
    assert item.protocol_notes[0].text == "Vi vill se en uppföljning."
    with pytest.raises(rec.ProtocolInputError):
        rec.add_protocol_note(meeting, item, "Jon Ström", "")
    with pytest.raises(rec.ProtocolInputError, match="finns inte"):
        rec.add_protocol_note(meeting, item, "Ingen Alls", "Text")


# -- jäv and ersättare ---------------------------------------------------------------------------


def test_conflict_with_a_substitute_keeps_the_seat_filled():
    meeting, item = empty_first_paragraph()
    assert rec.free_deputies(meeting, item) == ["Rut Sjö"]
    vot.set_ballot(meeting, item, "Pär Nyqvist", "ja")
    substitution = rec.record_conflict(meeting, item, "Pär Nyqvist", "Rut Sjö")
    assert item.conflicts == ["Pär Nyqvist"]
    assert (substitution.by, substitution.for_) == ("Rut Sjö", "Pär Nyqvist")
    state = serving(meeting, item)
    assert "Pär Nyqvist" not in state.names() and state.replacing["Rut Sjö"] == "Pär Nyqvist"
    assert state.count == 7 and "Pär Nyqvist" not in item.votes[-1].ballots
    rec.remove_conflict(meeting, item, "Pär Nyqvist")
    assert item.conflicts == [] and item.substitutions == []


def test_conflict_of_a_serving_deputy_frees_the_absent_members_seat():
    meeting, item = empty_first_paragraph()
    rec.record_conflict(meeting, item, "Kim Vall", "Rut Sjö")
    state = serving(meeting, item)
    assert state.replacing == {"Rut Sjö": "Edit Lund"}


def test_conflict_without_substitute_lowers_the_count_and_a_wrong_substitute_is_refused():
    meeting, item = empty_first_paragraph()
    with pytest.raises(rec.ProtocolInputError, match="ingen närvarande ersättare"):
        rec.record_conflict(meeting, item, "Siri Dahl", "Bo Tall")
    assert item.conflicts == []
    rec.record_conflict(meeting, item, "Siri Dahl")
    assert serving(meeting, item).count == 6


def test_a_substitute_change_moves_the_seat_and_says_who_stopped():
    meeting, _ = empty_first_paragraph()
    assert rec.set_substitute(meeting, "Rut Sjö", "Edit Lund") == ["Kim Vall"]
    assert meeting.find_participant("Rut Sjö").substitute_for == "Edit Lund"
    assert meeting.find_participant("Kim Vall").substitute_for == ""
    assert rec.set_substitute(meeting, "Rut Sjö", "") == []
    with pytest.raises(rec.ProtocolInputError, match="inte ersättare"):
        rec.set_substitute(meeting, "Olle Berg", "Edit Lund")
    with pytest.raises(rec.ProtocolInputError, match="inte ledamot"):
        rec.set_substitute(meeting, "Kim Vall", "Bo Tall")


def test_adjusted_immediately_toggles():
    meeting, item = empty_first_paragraph()
    assert rec.toggle_adjusted_immediately(meeting, item) is True
    assert item.adjusted_immediately
    assert rec.toggle_adjusted_immediately(meeting, item) is False


def test_recorded_parts_can_be_taken_back_one_by_one():
    meeting, item = empty_first_paragraph()
    rec.take_proposal_as_decision(meeting, item)
    rec.add_motion(meeting, item, "Olle Berg", "avslag")
    rec.add_motion(meeting, item, "Lina Falk", "bifall")
    rec.add_reservation(meeting, item, ["Olle Berg"])
    rec.add_protocol_note(meeting, item, "Jon Ström", "En anteckning.")
    rec.remove_motion(meeting, item, 0)
    assert [m.by for m in item.motions] == ["Lina Falk"]
    assert "avslagsyrkande" not in item.procedure  # the draft follows
    rec.remove_reservation(meeting, item, 0)
    rec.remove_protocol_note(meeting, item, 0)
    assert item.reservations == [] and item.protocol_notes == []
    with pytest.raises(rec.ProtocolInputError):
        rec.remove_reservation(meeting, item, 0)
