"""Recording what a vote decides (live mode's omröstning): what ja and nej stand for,
the side of ordförandens utslagsröst at a tie, and the decision the vote makes — the
winning side's att-satser become the § 's beslut and the beslutsgång tells the vote.

The reading of the vote is store.domain.protocol_vote's; the checks and drafts that
follow a change are protocol_record's. Refusals are ProtocolInputError sentences.
"""

from __future__ import annotations

from .model import AgendaItem, Decision, Meeting
from .protocol import BALLOT_NO, BALLOT_YES
from .protocol_record import (
    ProtocolInputError,
    decide,
    decisions_lost_by,
    keeping_drafts,
    outcome_clauses,
    paragraph_item,
    start_vote,
)
from .protocol_text import outcome_words
from .protocol_vote import (
    REJECTION,
    Side,
    chair_ballot,
    is_tie,
    no_choices,
    side_index,
    vote_sides,
    vote_winner,
    yes_choices,
)


def _next(choices: list[Side], current: Side, skip: Side) -> Side:
    """The choice after `current` (round), passing over the other side's."""
    usable = [c for c in choices if c is not skip] or choices
    at = next((i for i, c in enumerate(usable) if c is current), -1)
    return usable[(at + 1) % len(usable)]


def next_vote_side(meeting: Meeting, item: AgendaItem, ballot: str) -> Side:
    """Let ja (ballot 'ja') or nej stand for the next proposition offered for it; the
    question and result follow while they are the app's drafts. Returns the new side."""
    item = paragraph_item(meeting, item)
    vote = start_vote(meeting, item)
    yes, no = vote_sides(item)
    if ballot == BALLOT_YES:
        chosen = _next(yes_choices(item), yes, no)
    elif ballot == BALLOT_NO:
        chosen = _next(no_choices(item), no, yes)
    else:
        raise ProtocolInputError(f"”{ballot}” är ingen sida: ja eller nej.")

    def change() -> None:
        if ballot == BALLOT_YES:
            vote.yes = side_index(item, chosen)
        else:
            vote.no = side_index(item, chosen)

    keeping_drafts(meeting, item, change)
    return chosen


def side_choices_differ(item: AgendaItem) -> bool:
    """True when more than one yrkande stands against the proposal, so ja and nej could
    stand for other propositions (the dialog offers the keys only then)."""
    return len(no_choices(item)) > 1


def record_casting_vote(meeting: Meeting, item: AgendaItem) -> str:
    """At a tie: ordförandens utslagsröst goes to the next side — first the side the
    ordförande voted for (ja if none), then the other. Returns the side."""
    item = paragraph_item(meeting, item)
    vote = item.vote
    if not is_tie(vote):
        raise ProtocolInputError("Utslagsröst antecknas bara vid lika röstetal.")
    if vote.casting in (BALLOT_YES, BALLOT_NO):
        side = BALLOT_NO if vote.casting == BALLOT_YES else BALLOT_YES
    else:
        side = chair_ballot(meeting, vote)
        side = side if side in (BALLOT_YES, BALLOT_NO) else BALLOT_YES

    def change() -> None:
        vote.casting = side

    keeping_drafts(meeting, item, change)
    return side


#: decided_outcome's answer when the decisions are no proposition's att-satser.
NOT_DECIDED = object()


def decided_outcome(item: AgendaItem):
    """The proposition (None = the proposal, a yrkande, or REJECTION) whose att-satser
    the decisions are exactly; NOT_DECIDED when none (no decisions, or the secretary's
    own)."""
    texts = [d.text for d in item.decisions if d.text.strip()]
    if texts:
        for winner in [None, *item.motions, REJECTION]:
            if texts == outcome_clauses(item, winner):
                return winner
    return NOT_DECIDED


def decisions_are_drafted(item: AgendaItem) -> bool:
    """True when there are no decisions yet or they are exactly some proposition's
    att-satser (the app's): a vote may then replace them without asking."""
    return not any(d.text.strip() for d in item.decisions) or (
        decided_outcome(item) is not NOT_DECIDED)


def vote_decision(meeting: Meeting, item: AgendaItem) -> tuple[Side, list[str]]:
    """(the side the vote decided for, the decisions that taking it would replace);
    refused while the vote decides nothing (no ballot, or a tie without a casting vote)."""
    item = paragraph_item(meeting, item)
    decided, winner = vote_winner(item)
    if not decided:
        if is_tie(item.vote):
            raise ProtocolInputError(
                "Lika röstetal: anteckna ordförandens utslagsröst (u i omröstningen).")
        raise ProtocolInputError("Omröstningen har inga röster ännu.")
    lost = [] if decisions_are_drafted(item) else decisions_lost_by(meeting, item, winner)
    return winner, lost


def decide_by_vote(meeting: Meeting, item: AgendaItem,
                   redraft_procedure: bool = True) -> list[Decision]:
    """The vote's winning side becomes the decision (its att-satser, ids kept where the
    text stays); the beslutsgång is drafted with the vote unless `redraft_procedure` is
    False (the secretary's own text stays)."""
    item = paragraph_item(meeting, item)
    winner, _ = vote_decision(meeting, item)
    procedure = item.procedure
    decisions = decide(meeting, item, winner)
    if not redraft_procedure:
        item.procedure = procedure
    return decisions


def decided_for(meeting: Meeting, item: AgendaItem) -> str:
    """'enligt förslaget' / 'enligt Olle Bergs (M) ändringsyrkande' / 'att avslå
    förslaget': what the vote decided ('' while it decides nothing)."""
    decided, winner = vote_winner(paragraph_item(meeting, item))
    return outcome_words(meeting, winner) if decided else ""
