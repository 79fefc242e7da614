"""An omröstning decides (store.domain.protocol_vote, protocol_voting): what ja and nej
stand for, who won (a tie: the recorded casting vote), the winning side's att-satser as
the decision and a beslutsgång that tells the vote; the sides survive yrkanden removed
and corrected; the JSON keeps them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store import meeting_from_dict, meeting_to_dict
from store.domain import protocol_record as rec
from store.domain import protocol_voting as vot
from store.domain.protocol import BALLOTS, MOTION_KINDS, MOTION_KINDS_WITH_TEXT
from store.domain.protocol_edit import replace_motion
from store.domain.protocol_text import contested
from store.domain.protocol_vote import (
    REJECTION,
    question_draft,
    settles,
    vote_sides,
    vote_winner,
)
from store.domain.protocol_voting import (
    decide_by_vote,
    next_vote_side,
    record_casting_vote,
    vote_decision,
)
from store.persistence.serialize import MeetingFormatError
from tests.support.protocol_sample import cast_ballots, empty_first_paragraph, SERVING
from tests.support.examples import examples

PROPOSAL = ["att godkänna förslaget", "att uppdra åt förvaltningen att genomföra det"]
CHANGE = "att beloppet sänks till 200 000 kronor"


def _with_change():
    meeting, item = empty_first_paragraph()
    rec.add_motion(meeting, item, "Mira Holm", "bifall")
    rec.add_motion(meeting, item, "Olle Berg", "ändring", CHANGE)
    return meeting, item


def test_four_three_for_ja_takes_the_proposal_and_tells_the_vote():
    meeting, item = _with_change()
    cast_ballots(meeting, item, "jnjjjnn")
    decide_by_vote(meeting, item)
    assert [d.text for d in item.decisions] == PROPOSAL
    assert item.procedure == (
        "Ordföranden ställer proposition på förslaget mot Olle Bergs (M) ändringsyrkande och "
        "finner att utskottet beslutar enligt förslaget. Omröstning begärs och verkställs.")


def test_four_three_for_nej_takes_the_changing_motion():
    meeting, item = _with_change()
    cast_ballots(meeting, item, "nnjjnnj")
    decide_by_vote(meeting, item)
    assert [d.text for d in item.decisions] == [CHANGE]
    assert item.votes[-1].result == ("Med 4 nej-röster mot 3 ja-röster beslutar utskottet "
                                "enligt Olle Bergs (M) ändringsyrkande.")
    assert item.procedure.endswith("Omröstning begärs och verkställs.")
    assert item.votes[-1].result not in item.procedure  # the result line stands under Omröstning
    assert "finner att utskottet beslutar enligt Olle Bergs (M) ändringsyrkande." in (
        item.procedure)


def test_nej_without_a_motion_against_is_avslag():
    meeting, item = empty_first_paragraph()
    cast_ballots(meeting, item, "nnnnjjj")
    assert item.votes[-1].question == "Ja för förslaget, nej för avslag"
    decide_by_vote(meeting, item)
    assert [d.text for d in item.decisions] == ["att avslå förslaget"]
    assert item.votes[-1].result.endswith("beslutar utskottet att avslå förslaget.")


def test_a_tie_decides_nothing_until_the_casting_vote_is_recorded():
    meeting, item = _with_change()
    cast_ballots(meeting, item, "jjnnjna")  # 3–3; Mira Holm, the ordförande, voted ja
    with pytest.raises(rec.ProtocolInputError, match="utslagsröst"):
        decide_by_vote(meeting, item)
    assert item.decisions == [] and "lika röstetal" in item.votes[-1].result
    assert record_casting_vote(meeting, item) == "ja"  # the chair's own side first
    assert item.votes[-1].result == ("Med 3 ja-röster mot 3 nej-röster och ordförandens "
                                "utslagsröst för ja beslutar utskottet enligt förslaget. "
                                "1 avstår.")
    assert record_casting_vote(meeting, item) == "nej"  # the secretary may turn it
    decide_by_vote(meeting, item)
    assert [d.text for d in item.decisions] == [CHANGE]
    assert "utslagsröst för nej" in item.votes[-1].result and "utslagsröst" not in item.procedure


def test_casting_vote_is_refused_without_a_tie():
    meeting, item = _with_change()
    cast_ballots(meeting, item, "jjj")
    with pytest.raises(rec.ProtocolInputError, match="lika röstetal"):
        record_casting_vote(meeting, item)


def test_a_vote_without_ballots_decides_nothing():
    meeting, item = _with_change()
    vot.start_vote(meeting, item)
    with pytest.raises(rec.ProtocolInputError, match="inga röster"):
        decide_by_vote(meeting, item)


def test_hand_written_decisions_are_named_before_a_vote_replaces_them():
    meeting, item = _with_change()
    rec.take_proposal_as_decision(meeting, item)  # the app's: replaced without asking
    cast_ballots(meeting, item, "nnjjnnj")
    assert vote_decision(meeting, item)[1] == []
    item.decisions[0].text = "att godkänna förslaget med en egen ändring"
    assert vote_decision(meeting, item)[1] == ["att godkänna förslaget med en egen ändring",
                                               PROPOSAL[1]]


def test_an_edited_procedure_can_be_kept():
    meeting, item = _with_change()
    rec.set_procedure(meeting, item, "Egen beslutsgång.")
    cast_ballots(meeting, item, "jnjjjnn")
    decide_by_vote(meeting, item, redraft_procedure=False)
    assert item.procedure == "Egen beslutsgång."
    assert [d.text for d in item.decisions] == PROPOSAL


def test_the_sides_are_chosen_among_the_motions_of_the_vote_s_kind():
    meeting, item = empty_first_paragraph()
    rec.add_motion(meeting, item, "Olle Berg", "ändring", CHANGE)
    rec.add_motion(meeting, item, "Jon Ström", "avslag")
    vot.start_vote(meeting, item)
    assert item.votes[-1].question == "Ja för förslaget, nej för Olle Bergs (M) ändringsyrkande"
    assert next_vote_side(meeting, item, "nej") is item.motions[1]
    assert item.votes[-1].question == "Ja för förslaget, nej för Jon Ströms (L) avslagsyrkande"
    next_vote_side(meeting, item, "ja")  # ja for the ändring
    assert item.votes[-1].question == (
        "Ja för Olle Bergs (M) ändringsyrkande, nej för Jon Ströms (L) avslagsyrkande")
    cast_ballots(meeting, item, "jjjjnnn")
    decide_by_vote(meeting, item)
    assert [d.text for d in item.decisions] == [CHANGE]


def test_the_sides_follow_a_removed_motion():
    meeting, item = empty_first_paragraph()
    rec.add_motion(meeting, item, "Olle Berg", "ändring", CHANGE)
    rec.add_motion(meeting, item, "Jon Ström", "avslag")
    vot.start_vote(meeting, item)
    next_vote_side(meeting, item, "nej")  # nej for Jon Ström's avslag
    rec.remove_motion(meeting, item, 0)
    assert vote_sides(item, item.votes[-1]) == (None, item.motions[0])
    assert item.votes[-1].question == "Ja för förslaget, nej för Jon Ströms (L) avslagsyrkande"


motions = st.tuples(st.sampled_from(SERVING), st.sampled_from(MOTION_KINDS),
                    st.sampled_from(["att tre", "att fyra"]))


@settings(max_examples=examples(80), deadline=None)
@given(st.lists(motions, max_size=5), st.lists(st.sampled_from("jna-"), min_size=7,
                                               max_size=7), st.data())
def test_the_vote_decides_for_the_side_with_more_votes(recorded, ballots, data):
    meeting, item = empty_first_paragraph()
    for by, kind, text in recorded:
        rec.add_motion(meeting, item, by, kind, text if kind in MOTION_KINDS_WITH_TEXT else "")
    vote = vot.start_vote(meeting, item)
    for _ in range(data.draw(st.integers(0, 3))):
        next_vote_side(meeting, item, data.draw(st.sampled_from(["ja", "nej"])))
    cast_ballots(meeting, item, "".join(ballots))
    yes, no = vote_sides(item, vote)
    assert yes is not no
    assert yes is None or any(yes is m for m in contested(item))
    assert no is REJECTION or any(no is m for m in contested(item))
    assert vote.question == question_draft(meeting, item, vote)
    tally = vote.tally()
    decided, winner = vote_winner(item, vote)
    assert decided == (bool(vote.ballots) and tally["ja"] != tally["nej"])
    if decided:
        assert winner is (yes if tally["ja"] > tally["nej"] else no)
        decide_by_vote(meeting, item)
        assert f"Med {max(tally['ja'], tally['nej'])} " in vote.result
        if not settles(item, vote):  # återremiss lost: the main question comes next
            assert vote.kind == "återremiss" and winner is None and item.decisions == []
        else:
            assert [d.text for d in item.decisions] == rec.outcome_clauses(item, winner)
            assert "Omröstning begärs och verkställs." in item.procedure
            assert vote.result not in item.procedure


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(motions, min_size=2, max_size=5), st.data())
def test_the_sides_point_at_the_same_motions_after_removals_and_corrections(recorded, data):
    meeting, item = empty_first_paragraph()
    for by, kind, text in recorded:
        rec.add_motion(meeting, item, by, kind, text if kind in MOTION_KINDS_WITH_TEXT else "")
    vot.start_vote(meeting, item)
    for _ in range(data.draw(st.integers(0, 3))):
        next_vote_side(meeting, item, data.draw(st.sampled_from(["ja", "nej"])))
    chosen = (item.motions[item.votes[-1].yes] if item.votes[-1].yes is not None else None,
              item.motions[item.votes[-1].no] if item.votes[-1].no is not None else None)
    index = data.draw(st.integers(0, len(item.motions) - 1))
    if data.draw(st.booleans()):
        motion = item.motions[index]
        replace_motion(meeting, item, index, motion.by, motion.kind, motion.text)
    else:
        gone = item.motions[index]
        rec.remove_motion(meeting, item, index)
        chosen = tuple(None if c is gone else c for c in chosen)
    after = (item.motions[item.votes[-1].yes] if item.votes[-1].yes is not None else None,
             item.motions[item.votes[-1].no] if item.votes[-1].no is not None else None)
    assert after[0] is chosen[0] and after[1] is chosen[1]


def test_sides_and_casting_vote_round_trip_and_bad_ones_are_refused():
    meeting, item = _with_change()
    rec.add_motion(meeting, item, "Jon Ström", "avslag")
    next_vote_side(meeting, item, "nej")
    cast_ballots(meeting, item, "jjnnjna")
    record_casting_vote(meeting, item)
    data = meeting_to_dict(meeting)
    assert data["items"][0]["vote"]["no"] == 2
    assert data["items"][0]["vote"]["casting_vote"] == "ja"
    again = meeting_from_dict(data)
    assert (again.items[0].votes[-1].no, again.items[0].votes[-1].casting) == (2, "ja")
    assert meeting_to_dict(again) == data
    for key, value in (("no", 3), ("yes", -1), ("no", "1"), ("casting_vote", "kanske")):
        bad = meeting_to_dict(meeting)
        bad["items"][0]["vote"][key] = value
        with pytest.raises(MeetingFormatError, match=key):
            meeting_from_dict(bad)
        assert meeting_from_dict(bad, strict=False).items[0].votes[-1] is not None


def test_a_plain_vote_writes_no_side_keys():
    meeting, item = _with_change()
    cast_ballots(meeting, item, "jnjjjnn")
    assert set(meeting_to_dict(meeting)["items"][0]["vote"]) == {"question", "ballots",
                                                                 "result", "kind"}
    assert BALLOTS  # the three ballots stay the format's


@pytest.mark.parametrize("ballots, decisions, finding", [
    ("jjjjnnn", [], "ärendet ska avgöras i dag"),
    ("nnnnjjj", ["att återremittera ärendet med motiveringen för en ny kalkyl"],
     "ärendet ska återremitteras"),
])
def test_a_referral_is_put_first_and_its_vote_told_there(ballots, decisions, finding):
    meeting, item = empty_first_paragraph()
    rec.add_motion(meeting, item, "Olle Berg", "ändring", CHANGE)
    rec.add_motion(meeting, item, "Jon Ström", "återremiss", "för en ny kalkyl")
    vote = vot.start_vote(meeting, item)
    assert vote.kind == "återremiss"  # an återremissyrkande is put first
    cast_ballots(meeting, item, ballots)
    decide_by_vote(meeting, item)
    # Sent back, the § is decided; decided today, the main question is still to come.
    assert [d.text for d in item.decisions] == decisions
    rec.set_procedure(meeting, item, "")
    procedure = rec.procedure_text(meeting, item, item.motions[1] if decisions else None)
    first = ("Ordföranden frågar om ärendet ska avgöras i dag eller återremitteras enligt "
             f"Jon Ströms (L) återremissyrkande och finner att {finding}. Omröstning begärs "
             "och verkställs.")
    assert procedure.startswith(first)
    sent_back = finding.endswith("återremitteras")
    assert ("Ordföranden ställer proposition på förslaget mot Olle Bergs (M) "
            "ändringsyrkande" in procedure) != sent_back
    if not sent_back:
        assert vote.result.endswith("beslutar utskottet att avgöra ärendet i dag.")
