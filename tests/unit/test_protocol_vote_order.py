"""The order of a § 's votes (store.domain.protocol_voting): a vote that leads on (the
ärende decided today, a motförslag chosen) is followed by the vote in the main question
when a yrkande stands against the proposal; a vote that sent the ärende back ends the §,
so no vote may come after it, by any road (a new vote, a ballot, a casting vote, a
changed kind, a jäv), and votes an older file has after it are kept but not printed."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.domain import protocol_record as rec
from store.domain import protocol_voting as vot
from store.domain.protocol import (
    VOTE_COUNTER,
    VOTE_KIND_WORDS,
    VOTE_KINDS,
    VOTE_MAIN,
    VOTE_REFERRAL,
)
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


# -- a won återremiss ends the § -----------------------------------------------------------

from store import meeting_from_dict, meeting_to_dict  # noqa: E402
from store.domain.protocol import Vote  # noqa: E402
from store.domain.protocol_vote import (  # noqa: E402
    counted_votes,
    printed_votes,
    vote_label,
    votes_after_referral,
)

operations = st.lists(st.one_of(
    st.tuples(st.just("start"), st.sampled_from(VOTE_KINDS)),
    st.tuples(st.just("ballot"), st.integers(0, 3), st.integers(0, 6),
              st.sampled_from(["ja", "nej", "avstår", ""])),
    st.tuples(st.just("casting"), st.integers(0, 3)),
    st.tuples(st.just("kind"), st.integers(0, 3)),
    st.tuples(st.just("side"), st.integers(0, 3), st.sampled_from(["ja", "nej"])),
    st.tuples(st.just("decide"), st.integers(0, 3)),
    st.tuples(st.just("jäv"), st.integers(0, 6)),
    st.tuples(st.just("remove"), st.integers(0, 3)),
), max_size=30)


def _apply(meeting, item, op) -> None:
    what, *args = op
    if what == "start":
        vot.start_vote(meeting, item, args[0])
        return
    if what == "jäv":
        rec.record_conflict(meeting, item, SERVING[args[0]])
        return
    if not item.votes:
        return
    vote = item.votes[args[0] % len(item.votes)]
    if what == "ballot":
        vot.set_ballot(meeting, item, SERVING[args[1]], args[2], vote)
    elif what == "casting":
        vot.record_casting_vote(meeting, item, vote)
    elif what == "kind":
        vot.change_vote_kind(meeting, item, vote)
    elif what == "side":
        vot.next_vote_side(meeting, item, args[1], vote)
    elif what == "decide":
        vot.decide_by_vote(meeting, item, vote)
    else:
        vot.remove_vote(meeting, item, vote)


@settings(max_examples=examples(150), deadline=None)
@given(operations)
def test_no_road_leads_to_a_vote_after_a_won_referral(sequence):
    """Any sequence of what the secretary can do to a § 's votes: after each step no
    vote stands after one that sent the ärende back, and a refused step changes nothing
    at all (the meeting as saved is the same)."""
    meeting, item = _paragraph()
    refusals = set()
    for op in sequence:
        before = meeting_to_dict(meeting)
        try:
            _apply(meeting, item, op)
        except rec.ProtocolInputError as refusal:
            refusals.add(str(refusal))
            assert meeting_to_dict(meeting) == before, (op, str(refusal))
        assert votes_after_referral(item) == [], op
        assert counted_votes(item) == item.votes
    assert not refusals & {vot.AFTER_REFERRAL}  # none stands after it to be touched


def test_a_ballot_that_would_make_the_referral_win_before_a_later_vote_is_refused():
    meeting, item = _paragraph()
    referral = vot.open_vote(meeting, item)
    _cast(meeting, item, referral, "jjjnnna")  # 3–3: ordförandens utslagsröst, ja
    assert vot.record_casting_vote(meeting, item, referral) == "ja"  # decided today
    main = vot.open_vote(meeting, item)
    assert main.kind == VOTE_MAIN
    _cast(meeting, item, main, "nnjjnnj")
    before = meeting_to_dict(meeting)
    with pytest.raises(rec.ProtocolInputError) as refused:
        vot.set_ballot(meeting, item, SERVING[6], "nej", referral)  # 3–4: sent back
    assert str(refused.value) == rec.LATER_VOTE
    with pytest.raises(rec.ProtocolInputError, match="senare omröstningen"):
        rec.record_conflict(meeting, item, SERVING[0])  # a ja voter's jäv: 2–3
    with pytest.raises(rec.ProtocolInputError, match="senare omröstningen"):
        vot.record_casting_vote(meeting, item, referral)  # the casting vote to nej
    assert meeting_to_dict(meeting) == before
    vot.remove_vote(meeting, item, main)  # the later vote taken back first: then it may
    vot.set_ballot(meeting, item, SERVING[6], "nej", referral)
    assert vot.referral_won(item) is referral
    with pytest.raises(rec.ProtocolInputError, match="återremitterat"):
        vot.start_vote(meeting, item, VOTE_MAIN)
    assert vot.open_vote(meeting, item) is referral


older_files = st.lists(st.tuples(st.sampled_from(VOTE_KINDS),
                                 st.text("jna-", min_size=7, max_size=7)),
                       min_size=1, max_size=5)


def _lines(meeting, item) -> list[str]:
    from export.protocol_layout import paragraph_blocks

    lines = []
    for block in paragraph_blocks(meeting, item, 41):
        lines.append("".join(run.text for run in block.runs))
        lines += ["".join(r.text for r in cell) for row in block.rows for cell in row]
    return [line for line in lines if line.strip()]


@settings(max_examples=examples(120), deadline=None)
@given(older_files)
def test_an_older_file_s_votes_after_a_won_referral_are_kept_and_not_printed(held):
    """A file written before the rule may hold any votes in any order. Read, it keeps
    them all (written back unchanged); the protocol prints the votes up to the one that
    sent the ärende back, numbered among themselves, and nothing of those after it; the
    vote alt+o opens and the ballots recorded without a vote named go to the återremiss,
    and the later ones take no change."""
    meeting, item = _paragraph()
    for kind, letters in held:
        item.votes.append(Vote(kind=kind, ballots={
            name: LETTERS[letter] for name, letter in zip(SERVING, letters)
            if letter in LETTERS}))
    data = meeting_to_dict(meeting)
    again = meeting_from_dict(data)
    assert meeting_to_dict(again) == data  # kept in the file
    item = again.items[0]
    sent_back = vot.referral_won(item)
    at = next((i for i, v in enumerate(item.votes) if v is sent_back), len(item.votes) - 1)
    assert counted_votes(item) == item.votes[:at + 1]
    ended = votes_after_referral(item)
    assert ended == item.votes[at + 1:]
    lines = _lines(again, item)
    shown = printed_votes(item)
    assert all(any(v is s for s in counted_votes(item)) for v in shown)
    labels = [vote_label(item, v) for v in shown]
    assert [line for line in lines if re.fullmatch(r"Omröstning( \d+ (om|i) \w+)?", line)
            ] == labels
    if len(shown) > 1:
        assert labels == [f"Omröstning {n} {VOTE_KIND_WORDS[v.kind]}"
                          for n, v in enumerate(shown, 1)]
    for vote in ended:
        for change in (lambda: vot.set_ballot(again, item, SERVING[0], "ja", vote),
                       lambda: vot.change_vote_kind(again, item, vote),
                       lambda: vot.decide_by_vote(again, item, vote)):
            with pytest.raises(rec.ProtocolInputError) as refused:
                change()
            assert str(refused.value) == vot.AFTER_REFERRAL
    if sent_back is not None:
        assert vot.open_vote(again, item) is sent_back
        vot.decide_by_vote(again, item, sent_back)
        assert [d.text for d in item.decisions] == [
            "att återremittera ärendet med motiveringen för en ny kalkyl"]
        assert "(omröstning" not in item.procedure or len(shown) > 1
    assert meeting_to_dict(again)["items"][0]["votes" if len(item.votes) > 1 else "vote"]


def test_a_won_referral_corrected_to_lost_takes_back_the_referral_beslut():
    meeting, item = _paragraph()
    referral = vot.open_vote(meeting, item)
    _cast(meeting, item, referral, "nnnnjjj")
    vot.decide_by_vote(meeting, item, referral)
    assert [d.text for d in item.decisions] == [
        "att återremittera ärendet med motiveringen för en ny kalkyl"]
    vot.set_ballot(meeting, item, SERVING[0], "ja", referral)  # 4–3: decided today
    vot.decide_by_vote(meeting, item, referral)
    assert item.decisions == [] and item.procedure == ""  # the main question decides
    # Decisions the secretary wrote herself stay when it happens again.
    vot.set_ballot(meeting, item, SERVING[0], "nej", referral)
    vot.decide_by_vote(meeting, item, referral)
    item.decisions[0].text = "att återremittera ärendet till förvaltningen"
    rec.set_procedure(meeting, item, "Egen beslutsgång.")
    vot.set_ballot(meeting, item, SERVING[0], "ja", referral)
    vot.decide_by_vote(meeting, item, referral)
    assert [d.text for d in item.decisions] == ["att återremittera ärendet till förvaltningen"]
    assert item.procedure == "Egen beslutsgång."
