"""The order of a § 's votes (store.domain.protocol_voting): a vote that leads on (the
ärende decided today, a motförslag chosen) is followed by the vote in the main question
when a yrkande stands against the proposal; a vote that sent the ärende back ends the §,
so no vote may come after it, by any road (a new vote, a ballot, a casting vote, a
changed kind, a jäv), and votes an older file has after it are kept but not printed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.domain import protocol_record as rec
from store.domain import protocol_voting as vot
from store.domain.protocol import VOTE_COUNTER, VOTE_KINDS, VOTE_MAIN, VOTE_REFERRAL
from tests.support.examples import examples
from tests.support.protocol_sample import SERVING, empty_first_paragraph

CHANGE = "att beloppet sänks till 200 000 kronor"
LETTERS = {"j": "ja", "n": "nej", "a": "avstår"}


def _paragraph(referral: bool = True, against: int = 2):
    """Bifall, then up to two yrkanden against the proposal, and an återremiss."""
    meeting, item = empty_first_paragraph()
    rec.add_motion(meeting, item, "Mira Holm", "bifall")
    if against >= 1:
        rec.add_motion(meeting, item, "Olle Berg", "ändring", CHANGE)
    if referral:
        rec.add_motion(meeting, item, "Jon Ström", "återremiss", "för en ny kalkyl")
    if against >= 2:
        rec.add_motion(meeting, item, "Siri Dahl", "avslag")
    return meeting, item


def _cast(meeting, item, vote, ballots: str) -> None:
    for name, letter in zip(SERVING, ballots):
        if letter in LETTERS:
            vot.set_ballot(meeting, item, name, LETTERS[letter], vote)


def test_a_lost_referral_is_followed_by_the_main_vote():
    meeting, item = _paragraph()
    referral = vot.open_vote(meeting, item)
    assert vot.vote_to_follow(item, referral) == ""  # no ballot yet: decides nothing
    _cast(meeting, item, referral, "jjjjnnn")
    assert vot.vote_to_follow(item, referral) == VOTE_MAIN
    main = vot.open_vote(meeting, item)
    assert main.kind == VOTE_MAIN
    assert vot.vote_to_follow(item, referral) == ""  # it is no longer the latest vote
    assert vot.vote_to_follow(item, main) == ""  # the main question: nothing follows


def test_a_won_referral_is_followed_by_nothing():
    meeting, item = _paragraph()
    referral = vot.open_vote(meeting, item)
    _cast(meeting, item, referral, "nnnnjjj")
    assert vot.vote_to_follow(item, referral) == ""


def test_with_nothing_against_the_proposal_no_vote_follows_the_referral():
    meeting, item = _paragraph(against=0)
    referral = vot.open_vote(meeting, item)
    _cast(meeting, item, referral, "jjjjnnn")
    assert vot.vote_to_follow(item, referral) == ""


def test_a_counter_proposal_vote_is_followed_by_the_main_vote():
    meeting, item = _paragraph(referral=False)
    counter = vot.start_vote(meeting, item, VOTE_COUNTER)
    _cast(meeting, item, counter, "nnnnjjj")
    assert vot.vote_to_follow(item, counter) == VOTE_MAIN


votes = st.lists(st.tuples(st.sampled_from(VOTE_KINDS),
                           st.text("jna-", min_size=7, max_size=7),
                           st.integers(0, 2)), max_size=4)


@settings(max_examples=examples(100), deadline=None)
@given(votes, st.booleans(), st.integers(0, 2))
def test_the_vote_that_follows_is_the_one_alt_o_opens(sequence, referral, against):
    """Whatever was held: when a vote is said to lead on to the main question, the next
    vote opened is on the main question and allowed; otherwise the § either decides
    nothing yet, was settled, or has nothing against the proposal."""
    meeting, item = _paragraph(referral, against)
    for kind, ballots, turns in sequence:
        if kind not in vot.vote_kinds(item) or vot.referral_won(item) is not None:
            continue
        vote = vot.start_vote(meeting, item, kind)
        _cast(meeting, item, vote, ballots)
        for _ in range(turns if vot.is_tie(vote) else 0):
            vot.record_casting_vote(meeting, item, vote)
        follows = vot.vote_to_follow(item, vote)
        decided, _ = vot.vote_winner(item, vote)
        if follows:
            assert decided and not vot.settles(item, vote)
            assert kind in (VOTE_REFERRAL, VOTE_COUNTER) and vot.counter_motions(item)
            # The main question, unless an återremiss is still to be put first.
            assert follows == (VOTE_REFERRAL if kind == VOTE_COUNTER and not any(
                v.kind == VOTE_REFERRAL for v in item.votes) and vot.referrals(item)
                else VOTE_MAIN)
            opened = vot.open_vote(meeting, item)  # what alt+o would open
            assert opened.kind == follows and opened is item.votes[-1]
            vot.remove_vote(meeting, item, opened)  # only looked: on as generated
        else:
            assert not decided or vot.settles(item, vote) or not vot.counter_motions(item)
