"""Who lost a § 's decision and is offered first for a reservation, and the text drafted
for the names chosen (store.domain.protocol_reservation)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from store.domain import protocol_record as rec
from store.domain.protocol import DEFAULT_RESERVATION_TEXT, MOTION_KINDS, MOTION_KINDS_WITH_TEXT
from store.domain.protocol_reservation import (
    drafted_reservation_texts,
    losing_motions,
    on_losing_side,
    reservation_candidates,
    reservation_text_for,
)
from store.domain.protocol_vote import paragraph_outcome
from store.domain.protocol_voting import decide_by_vote

from tests.support.examples import examples
from tests.support.protocol_sample import SERVING, empty_first_paragraph, cast_ballots

CHANGE = "att beloppet sänks till 200 000 kronor"


def test_the_losers_of_a_vote_come_first_with_why():
    meeting, item = empty_first_paragraph()
    rec.add_motion(meeting, item, "Mira Holm", "bifall")
    rec.add_motion(meeting, item, "Olle Berg", "ändring", CHANGE)
    cast_ballots(meeting, item, "jnjjjnn")
    assert on_losing_side(meeting, item) == {
        "Olle Berg": ["eget yrkande", "röstade nej"], "Jon Ström": ["röstade nej"],
        "Kim Vall": ["röstade nej"]}
    assert reservation_candidates(meeting, item) == [
        ("Olle Berg", "eget yrkande, röstade nej"), ("Jon Ström", "röstade nej"),
        ("Kim Vall", "röstade nej"), ("Mira Holm", ""), ("Siri Dahl", ""),
        ("Pär Nyqvist", ""), ("Lina Falk", "")]


def test_the_text_follows_the_names():
    meeting, item = empty_first_paragraph()
    rec.add_motion(meeting, item, "Olle Berg", "ändring", CHANGE)
    cast_ballots(meeting, item, "jnjjjnn")
    assert reservation_text_for(meeting, item, ["Olle Berg"]) == DEFAULT_RESERVATION_TEXT
    assert reservation_text_for(meeting, item, ["Olle Berg", "Kim Vall"]) == (
        "till förmån för Olle Bergs (M) ändringsyrkande")
    assert reservation_text_for(meeting, item, []) == DEFAULT_RESERVATION_TEXT


def test_when_the_proposal_loses_its_supporters_lose():
    meeting, item = empty_first_paragraph()
    rec.add_motion(meeting, item, "Mira Holm", "bifall")
    rec.add_motion(meeting, item, "Olle Berg", "ändring", CHANGE)
    cast_ballots(meeting, item, "nnjjnnj")  # 4–3 for nej
    assert on_losing_side(meeting, item) == {
        "Mira Holm": ["eget yrkande"], "Siri Dahl": ["röstade ja"],
        "Pär Nyqvist": ["röstade ja"], "Kim Vall": ["röstade ja"]}
    assert reservation_text_for(meeting, item, ["Siri Dahl"]) == "till förmån för förslaget"


def test_without_a_vote_the_decision_tells_who_lost_and_nothing_before_it():
    meeting, item = empty_first_paragraph()
    rec.add_motion(meeting, item, "Jon Ström", "avslag")
    assert on_losing_side(meeting, item) == {}  # nothing decided yet
    rec.take_proposal_as_decision(meeting, item)
    assert on_losing_side(meeting, item) == {"Jon Ström": ["eget yrkande"]}
    item.decisions[0].text = "att godkänna förslaget med egna ord"
    assert on_losing_side(meeting, item) == {}  # the secretary's own decision: not known


motions = st.tuples(st.sampled_from(SERVING), st.sampled_from(MOTION_KINDS),
                    st.sampled_from(["att tre", "att fyra"]))


@settings(max_examples=examples(80), deadline=None)
@given(st.lists(motions, max_size=5), st.lists(st.sampled_from("jna-"), min_size=7,
                                               max_size=7))
def test_every_serving_member_is_offered_once_and_the_winners_mover_never_lost(recorded,
                                                                               ballots):
    meeting, item = empty_first_paragraph()
    for by, kind, text in recorded:
        rec.add_motion(meeting, item, by, kind, text if kind in MOTION_KINDS_WITH_TEXT else "")
    cast_ballots(meeting, item, "".join(ballots))
    candidates = reservation_candidates(meeting, item)
    assert sorted(n for n, _ in candidates) == sorted(SERVING)
    whys = [why for _, why in candidates]
    assert whys == sorted(whys, key=lambda w: w == "")  # the losing side first
    decided, winner = paragraph_outcome(item)
    lost = losing_motions(meeting, item)
    if decided:
        decide_by_vote(meeting, item)
        assert all(m is not winner for m in lost)
        won = "ja" if item.votes[-1].tally()["ja"] > item.votes[-1].tally()["nej"] else None
        for name, ballot in item.votes[-1].ballots.items():
            if won and ballot == "ja":
                assert "röstade ja" not in dict(candidates).get(name, "")
    for names in ([n for n, w in candidates if w], SERVING[:2]):
        assert reservation_text_for(meeting, item, names) in drafted_reservation_texts(
            meeting, item)
