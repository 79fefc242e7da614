"""The omröstningar of a § and what they decide: what ja and nej stand for in each vote
(by its kind: återremiss, motförslag, huvudfrågan), which side won (at a tie, the side
of ordförandens utslagsröst once recorded), what the votes in order decide for the §,
and the sentences of a vote — its proposition and its result line.

One reading of a vote's sides for the live dialog, the drafts and the export
(`vote_sides`); pure functions, no I/O. Recording (ballots, sides, the casting vote,
taking the decision) is store.domain.protocol_record's and protocol_voting's; the
beslutsgång that tells the votes is protocol_procedure's.
"""

from __future__ import annotations

from .model import AgendaItem, Meeting
from .protocol import (
    BALLOT_NO,
    BALLOT_YES,
    VOTE_COUNTER,
    VOTE_KIND_WORDS,
    VOTE_MAIN,
    VOTE_REFERRAL,
    Motion,
    Vote,
)
from .protocol_text import DECIDE_TODAY, contested, outcome_words, proposition_name, vote_result_draft

#: The nej side when nobody moved a yrkande against the proposal: avslag på förslaget.
#: A yrkande without a mover, never one of the § 's motions.
REJECTION = Motion("", "avslag")

#: A side of a vote: None = förslaget (in a vote on återremiss: to decide the ärende
#: today), or a yrkande (REJECTION included).
Side = Motion | None


def referrals(item: AgendaItem) -> list[Motion]:
    """The återremissyrkanden: put first, on their own."""
    return [m for m in item.motions if m.kind == "återremiss"]


def counter_motions(item: AgendaItem) -> list[Motion]:
    """The yrkanden against the proposal in the main question (ändring, avslag, annat)."""
    return [m for m in contested(item) if m.kind != "återremiss"]


def yes_choices(item: AgendaItem, vote: Vote) -> list[Side]:
    """What ja can stand for: on återremiss, deciding today; on the counter-proposal, a
    yrkande; in the main question, the proposal or a yrkande against it."""
    if vote.kind == VOTE_REFERRAL:
        return [None]
    if vote.kind == VOTE_COUNTER:
        return list(counter_motions(item))
    return [None, *counter_motions(item)]


def no_choices(item: AgendaItem, vote: Vote) -> list[Side]:
    """What nej can stand for: an återremissyrkande, another yrkande, or plain avslag."""
    if vote.kind == VOTE_REFERRAL:
        return list(referrals(item)) or [REJECTION]
    return counter_motions(item) or [REJECTION]


def _at(item: AgendaItem, index: int | None) -> Motion | None:
    if index is None or not 0 <= index < len(item.motions):
        return None
    return item.motions[index]


def _chosen(item: AgendaItem, index: int | None, choices: list[Side]) -> tuple[bool, Side]:
    """(chosen, side): the stored side when it is one of the kind's choices."""
    side = _at(item, index)
    if side is not None and any(side is c for c in choices):
        return True, side
    return False, None


def vote_sides(item: AgendaItem, vote: Vote) -> tuple[Side, Side]:
    """(ja, nej) for `vote`: as chosen, else the usual of its kind — on återremiss ja for
    deciding today and nej for the first återremissyrkande; on the counter-proposal the
    first two yrkanden; in the main question ja for the proposal and nej for the
    counter-proposal the § 's earlier vote chose, else the first yrkande against the
    proposal (avslag when there is none)."""
    yes_options, no_options = yes_choices(item, vote), no_choices(item, vote)
    chosen, yes = _chosen(item, vote.yes, yes_options)
    if not chosen:
        yes = yes_options[0] if yes_options else None
    chosen, no = _chosen(item, vote.no, no_options)
    if not chosen or no is yes:
        preferred = counter_winner(item, vote) if vote.kind == VOTE_MAIN else None
        others = [m for m in no_options if m is not yes]
        no = preferred if preferred is not None and preferred is not yes else (
            others[0] if others else REJECTION)
    return yes, no


def side_index(item: AgendaItem, side: Side) -> int | None:
    """How a side is stored in Vote.yes/no: the yrkande's position, None otherwise."""
    for index, motion in enumerate(item.motions):
        if motion is side:
            return index
    return None


def winning_side(vote: Vote | None) -> str:
    """'ja' or 'nej' when the ballots (or, at a tie, the recorded casting vote) decide;
    '' before the first ballot and at a tie not yet decided."""
    if vote is None or not vote.ballots:
        return ""
    tally = vote.tally()
    if tally[BALLOT_YES] != tally[BALLOT_NO]:
        return BALLOT_YES if tally[BALLOT_YES] > tally[BALLOT_NO] else BALLOT_NO
    return vote.casting if vote.casting in (BALLOT_YES, BALLOT_NO) else ""


def vote_winner(item: AgendaItem, vote: Vote) -> tuple[bool, Side]:
    """(decided, the side that won): (False, None) while the vote decides nothing."""
    side = winning_side(vote)
    if not side:
        return False, None
    yes, no = vote_sides(item, vote)
    return True, yes if side == BALLOT_YES else no


def losing_side(item: AgendaItem, vote: Vote) -> tuple[str, Side]:
    """(ballot, side) that lost `vote`; ('', None) while it decides nothing."""
    won = winning_side(vote)
    if not won:
        return "", None
    yes, no = vote_sides(item, vote)
    return (BALLOT_NO, no) if won == BALLOT_YES else (BALLOT_YES, yes)


def is_tie(vote: Vote | None) -> bool:
    if vote is None or not vote.ballots:
        return False
    tally = vote.tally()
    return tally[BALLOT_YES] == tally[BALLOT_NO]


def chair_ballot(meeting: Meeting, vote: Vote) -> str:
    """The ballot of the ordförande (the first chair role), '' when they cast none."""
    for name, ballot in vote.ballots.items():
        person = meeting.find_participant(name)
        if person is not None and person.chair.strip().casefold() == "ordförande":
            return ballot
    return ""


# -- the votes in order -------------------------------------------------------------------


def counter_winner(item: AgendaItem, before: Vote | None = None) -> Motion | None:
    """The counter-proposal chosen by the last decided vote on it before `before` (all of
    the § 's votes without one); None when no such vote chose one."""
    chosen = None
    for vote in item.votes:
        if vote is before:
            break
        if vote.kind == VOTE_COUNTER:
            decided, side = vote_winner(item, vote)
            if decided and side is not None and side is not REJECTION:
                chosen = side
    return chosen


def referral_won(item: AgendaItem) -> Vote | None:
    """The vote that sent the ärende back (återremiss won): the § ends with it."""
    for vote in item.votes:
        if vote.kind == VOTE_REFERRAL:
            decided, side = vote_winner(item, vote)
            if decided and side is not None:
                return vote
    return None


def counted_votes(item: AgendaItem) -> list[Vote]:
    """The § 's votes that count, in order: all of them, or up to the one that sent the
    ärende back, which ends the §."""
    sent_back = referral_won(item)
    if sent_back is None:
        return list(item.votes)
    at = next(i for i, v in enumerate(item.votes) if v is sent_back)
    return item.votes[:at + 1]


def votes_after_referral(item: AgendaItem) -> list[Vote]:
    """Votes after the one that sent the ärende back: none can be held (the model refuses
    them), but an older file may have them. They are kept in the file, and neither
    counted nor printed."""
    return item.votes[len(counted_votes(item)):]


def is_after_referral(item: AgendaItem, vote: Vote) -> bool:
    """`vote` stands after the vote that sent the ärende back (see votes_after_referral)."""
    return any(v is vote for v in votes_after_referral(item))


def settles(item: AgendaItem, vote: Vote) -> bool:
    """True when `vote`, decided, decides the § itself: återremiss won, or the main
    question. A vote won by deciding today, or on the counter-proposal, leads on."""
    decided, side = vote_winner(item, vote)
    if not decided:
        return False
    if vote.kind == VOTE_REFERRAL:
        return side is not None
    return vote.kind == VOTE_MAIN


def paragraph_outcome(item: AgendaItem) -> tuple[bool, Side]:
    """(decided, winner) as the § 's votes in order decide it: a vote that sent the
    ärende back ends it; else the last vote in the main question, once it decides."""
    sent_back = referral_won(item)
    if sent_back is not None:
        return vote_winner(item, sent_back)
    mains = [v for v in item.votes if v.kind == VOTE_MAIN]
    return vote_winner(item, mains[-1]) if mains else (False, None)


def next_vote_kind(item: AgendaItem) -> str:
    """What a new vote in the § is on: återremiss while an återremissyrkande stands and
    no vote on it was held, else the main question."""
    held = {v.kind for v in item.votes}
    if referrals(item) and VOTE_REFERRAL not in held:
        return VOTE_REFERRAL
    return VOTE_MAIN


def printed_votes(item: AgendaItem) -> list[Vote]:
    """The votes the protocol shows (any with a ballot, a question or a result), none
    after a vote that sent the ärende back."""
    return [v for v in counted_votes(item)
            if v.ballots or v.question.strip() or v.result.strip()]


def vote_number(item: AgendaItem, vote: Vote) -> int | None:
    """The vote's number as the protocol prints it (a vote not printed yet comes after
    those that are); None when it is the § 's only one."""
    shown = printed_votes(item)
    if not any(v is vote for v in shown):
        shown = [*shown, vote]
    if len(shown) == 1:
        return None
    return next(i for i, v in enumerate(shown) if v is vote) + 1


def vote_label(item: AgendaItem, vote: Vote) -> str:
    """'Omröstning' for a § 's only vote; with several 'Omröstning 2 i huvudfrågan'."""
    number = vote_number(item, vote)
    if number is None:
        return "Omröstning"
    return f"Omröstning {number} {VOTE_KIND_WORDS.get(vote.kind, '')}".rstrip()


# -- the sentences ----------------------------------------------------------------------


def _name(meeting: Meeting, vote: Vote, side: Side) -> str:
    """A side as the question names it; against återremiss the proposal is the ärende
    decided today."""
    if side is None and vote.kind == VOTE_REFERRAL:
        return DECIDE_TODAY
    return proposition_name(meeting, side)


def _outcome(meeting: Meeting, vote: Vote, side: Side) -> str:
    if side is None and vote.kind == VOTE_REFERRAL:
        return DECIDE_TODAY
    if side is not None and vote.kind == VOTE_COUNTER:
        return f"att {proposition_name(meeting, side)} ska vara motförslag i huvudfrågan"
    return outcome_words(meeting, side)


def question_draft(meeting: Meeting, item: AgendaItem, vote: Vote) -> str:
    """'Ja för förslaget, nej för Olle Bergs (M) ändringsyrkande'."""
    yes, no = vote_sides(item, vote)
    return f"Ja för {_name(meeting, vote, yes)}, nej för {_name(meeting, vote, no)}"


def result_draft(meeting: Meeting, item: AgendaItem, vote: Vote) -> str:
    """The result line drafted from the ballots and the sides ('' before the first)."""
    if not vote.ballots:
        return ""
    yes, no = vote_sides(item, vote)
    return vote_result_draft(meeting, vote, yes_means=_outcome(meeting, vote, yes),
                             no_means=_outcome(meeting, vote, no))


def side_words(meeting: Meeting, vote: Vote, side: Side) -> str:
    """How a reservation or notice names a side of `vote` ('att avgöra ärendet i dag',
    'förslaget', 'Olle Bergs (M) ändringsyrkande')."""
    return _name(meeting, vote, side)
