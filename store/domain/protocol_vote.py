"""The omröstning and the decision it makes: what ja and nej stand for, which side won
(at a tie, the side of ordförandens utslagsröst once recorded), and the sentences that
tell it — the proposition, the result line and the vote's part of the beslutsgång.

One reading of the vote's sides for the live dialog, the drafts and the export
(`vote_sides`); pure functions, no I/O. Recording (choosing a side, the casting vote,
taking the decision) is store.domain.protocol_voting's.
"""

from __future__ import annotations

from .model import AgendaItem, Meeting
from .protocol import BALLOT_NO, BALLOT_YES, Motion, Vote
from .protocol_text import (
    DECIDE_TODAY,
    contested,
    outcome_words,
    procedure_draft,
    proposition_name,
    vote_result_draft,
)

#: The nej side when nobody moved a yrkande against the proposal: avslag på förslaget.
#: A yrkande without a mover, never one of the § 's motions.
REJECTION = Motion("", "avslag")

#: A side of the vote: None = förslaget, or a yrkande (REJECTION included).
Side = Motion | None


def _at(item: AgendaItem, index: int | None) -> Motion | None:
    if index is None or not 0 <= index < len(item.motions):
        return None
    return item.motions[index]


def yes_choices(item: AgendaItem) -> list[Side]:
    """What ja can stand for: the proposal, or a yrkande against it."""
    return [None, *contested(item)]


def no_choices(item: AgendaItem) -> list[Side]:
    """What nej can stand for: a yrkande against the proposal, or plain avslag."""
    return contested(item) or [REJECTION]


def vote_sides(item: AgendaItem) -> tuple[Side, Side]:
    """(ja, nej) for the § 's vote: as chosen, else ja for the proposal and nej for the
    first yrkande against it (avslag when there is none)."""
    vote = item.vote
    yes = _at(item, vote.yes if vote else None)
    no = _at(item, vote.no if vote else None)
    if no is None or no is yes:
        others = [m for m in contested(item) if m is not yes]
        no = others[0] if others else REJECTION
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


def vote_winner(item: AgendaItem) -> tuple[bool, Side]:
    """(decided, the side that won): (False, None) while the vote decides nothing."""
    side = winning_side(item.vote)
    if not side:
        return False, None
    yes, no = vote_sides(item)
    return True, yes if side == BALLOT_YES else no


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


# -- the sentences ----------------------------------------------------------------------


def on_referral(item: AgendaItem) -> bool:
    """True when the vote is on an återremissyrkande (decided today, or sent back)."""
    return any(side is not None and side.kind == "återremiss" for side in vote_sides(item))


def _name(meeting: Meeting, item: AgendaItem, side: Side) -> str:
    """A side as the question names it; against återremiss the proposal is the ärende
    decided today."""
    if side is None and on_referral(item):
        return DECIDE_TODAY
    return proposition_name(meeting, side)


def _outcome(meeting: Meeting, item: AgendaItem, side: Side) -> str:
    if side is None and on_referral(item):
        return DECIDE_TODAY
    return outcome_words(meeting, side)


def question_draft(meeting: Meeting, item: AgendaItem) -> str:
    """'Ja för förslaget, nej för Olle Bergs (M) ändringsyrkande'."""
    yes, no = vote_sides(item)
    return f"Ja för {_name(meeting, item, yes)}, nej för {_name(meeting, item, no)}"


def result_draft(meeting: Meeting, item: AgendaItem) -> str:
    """The result line drafted from the ballots and the sides ('' before the first)."""
    vote = item.vote
    if vote is None or not vote.ballots:
        return ""
    yes, no = vote_sides(item)
    return vote_result_draft(meeting, vote, yes_means=_outcome(meeting, item, yes),
                             no_means=_outcome(meeting, item, no))


def vote_part(meeting: Meeting, item: AgendaItem) -> str:
    """The vote told in the beslutsgång: that it was asked for and held, where the chair
    put the question. Its proposition, the ballots and the result line stand once, under
    Omröstning (PROTOCOL.md), not again here."""
    vote = item.vote
    if vote is None or not (vote.ballots or vote.result.strip()):
        return ""
    return "Omröstning begärs och verkställs."


def procedure_text(meeting: Meeting, item: AgendaItem, winner: Side) -> str:
    """The beslutsgång drafted for `winner`; when the § 's vote decided for that very
    side, it tells the vote too."""
    decided, side = vote_winner(item)
    told = vote_part(meeting, item) if decided and side is winner else ""
    return procedure_draft(meeting, item, winner, told, vote_on_referral=on_referral(item))
