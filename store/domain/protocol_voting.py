"""Recording a § 's omröstningar (live mode's vote dialog): which vote is held next and
on what (återremiss, motförslag, huvudfrågan), the ballots, what ja and nej stand for,
the side of ordförandens utslagsröst at a tie, and the decision a vote makes — a vote
that sends the ärende back, or the vote in the main question, writes the winning side's
att-satser as the § 's beslut and the beslutsgång tells the votes; a vote won by
deciding today, or on the counter-proposal, leads on to the next question.

The reading of the votes is store.domain.protocol_vote's; the checks and drafts that
follow a change are protocol_record's. Refusals are ProtocolInputError sentences.
"""

from __future__ import annotations

from .model import AgendaItem, Decision, Meeting
from .protocol import (
    BALLOT_NO,
    BALLOT_YES,
    BALLOTS,
    VOTE_COUNTER,
    VOTE_KINDS,
    VOTE_MAIN,
    VOTE_REFERRAL,
    Vote,
)
from .protocol_record import (
    ProtocolInputError,
    serving_person,
    decide,
    decisions_lost_by,
    keeping_drafts,
    outcome_clauses,
    paragraph_item,
    procedure_is_draft,
)
from .protocol_text import outcome_words
from .protocol_vote import (
    REJECTION,
    Side,
    chair_ballot,
    counter_motions,
    is_after_referral,
    is_tie,
    next_vote_kind,
    no_choices,
    question_draft,
    referral_won,
    referrals,
    settles,
    side_index,
    side_words,
    vote_sides,
    vote_winner,
    yes_choices,
)

SENT_BACK = "Ärendet är återremitterat: ingen mer omröstning i paragrafen."
#: A change to a vote an older file has after a won återremiss.
AFTER_REFERRAL = ("Omröstningen står efter att ärendet återremitterades och skrivs inte "
                  "ut: den kan bara tas bort (alt+l, delete).")


def _not_after_referral(item: AgendaItem, vote: Vote) -> Vote:
    """`vote`, refused when it stands after the vote that sent the ärende back."""
    if is_after_referral(item, vote):
        raise ProtocolInputError(AFTER_REFERRAL)
    return vote


# -- which vote --------------------------------------------------------------------------


def start_vote(meeting: Meeting, item: AgendaItem, kind: str = "") -> Vote:
    """A new vote in the §, after those held, with a drafted question; on återremiss
    while an återremissyrkande has had no vote, else in the main question. Refused once a
    vote has sent the ärende back."""
    item = paragraph_item(meeting, item)
    if referral_won(item) is not None:
        raise ProtocolInputError(SENT_BACK)
    vote = Vote(kind=kind or next_vote_kind(item))
    _check_kind(item, vote.kind)
    vote.question = question_draft(meeting, item, vote)
    # Drafts follow: the votes before it are numbered from now on.
    keeping_drafts(meeting, item, lambda: item.votes.append(vote))
    return vote


def open_vote(meeting: Meeting, item: AgendaItem) -> Vote:
    """The vote the omröstning key opens: the last one while it decides nothing yet, or
    when it settled the § (återremiss won, or the main question: to correct it); after a
    vote that leads on (deciding today, the counter-proposal), or with none, a new one."""
    item = paragraph_item(meeting, item)
    sent_back = referral_won(item)
    if sent_back is not None:  # the § ends with it: to correct it
        return sent_back
    if item.votes:
        last = item.votes[-1]
        decided, _ = vote_winner(item, last)
        if not decided or settles(item, last) or referral_won(item) is not None:
            return last
    return start_vote(meeting, item)


def vote_to_follow(item: AgendaItem, vote: Vote) -> str:
    """The kind of vote put straight after `vote` closes: the main question when `vote`
    led on (the ärende decided today, or a counter-proposal chosen), is the § 's latest
    vote and a yrkande stands against the proposal; '' when nothing more is put to a vote
    (undecided, it settled the §, or the proposal stands alone)."""
    if not item.votes or item.votes[-1] is not vote or referral_won(item) is not None:
        return ""
    decided, _ = vote_winner(item, vote)
    if not decided or settles(item, vote) or not counter_motions(item):
        return ""
    return next_vote_kind(item)


def current_vote(meeting: Meeting, item: AgendaItem) -> Vote:
    """The § 's latest vote that counts (the one that sent the ärende back ends the §),
    begun when there is none."""
    item = paragraph_item(meeting, item)
    sent_back = referral_won(item)
    if sent_back is not None:
        return sent_back
    return item.votes[-1] if item.votes else start_vote(meeting, item)


def _check_kind(item: AgendaItem, kind: str) -> None:
    if kind not in VOTE_KINDS:
        raise ProtocolInputError(f"”{kind}” är inget slags omröstning.")
    if kind == VOTE_REFERRAL and not referrals(item):
        raise ProtocolInputError("Det finns inget återremissyrkande att rösta om.")
    if kind == VOTE_COUNTER and len(counter_motions(item)) < 2:
        raise ProtocolInputError(
            "Omröstning om motförslag behöver minst två yrkanden mot förslaget.")


def vote_kinds(item: AgendaItem) -> list[str]:
    """The kinds a vote in this § can be on (återremiss, motförslag, huvudfrågan)."""
    usable = []
    for kind in VOTE_KINDS:
        try:
            _check_kind(item, kind)
        except ProtocolInputError:
            continue
        usable.append(kind)
    return usable


def change_vote_kind(meeting: Meeting, item: AgendaItem, vote: Vote) -> str:
    """The vote is on the next kind the § allows (its sides back to the usual; the
    question and result follow while they are the app's drafts). Returns the kind."""
    item = paragraph_item(meeting, item)
    _not_after_referral(item, vote)
    kinds = vote_kinds(item)
    at = kinds.index(vote.kind) if vote.kind in kinds else -1
    kind = kinds[(at + 1) % len(kinds)]

    def change() -> None:
        vote.kind, vote.yes, vote.no = kind, None, None

    keeping_drafts(meeting, item, change)
    return kind


def remove_vote(meeting: Meeting, item: AgendaItem, vote: Vote) -> None:
    """Take a vote back; the later votes' drafts follow (a counter-proposal it chose)."""
    item = paragraph_item(meeting, item)
    keeping_drafts(meeting, item, lambda: item.votes.remove(vote))


def drop_unheld_vote(meeting: Meeting, item: AgendaItem, vote: Vote) -> bool:
    """A vote opened and left without a ballot or a result was never held: it goes, so the
    protocol prints no empty Omröstning. True when it went."""
    item = paragraph_item(meeting, item)
    if vote.ballots or vote.result.strip() or not any(v is vote for v in item.votes):
        return False
    keeping_drafts(meeting, item, lambda: item.votes.remove(vote))
    return True


# -- ballots, sides, the casting vote ----------------------------------------------------


def set_ballot(meeting: Meeting, item: AgendaItem, name: str, ballot: str,
               vote: Vote | None = None) -> Vote:
    """A serving member votes ja/nej/avstår ('' takes the ballot back) in `vote` (the
    § 's latest vote, begun if there is none, when not given)."""
    item = paragraph_item(meeting, item)
    if ballot and ballot not in BALLOTS:
        raise ProtocolInputError(f"”{ballot}” är ingen röst: ja, nej eller avstår.")
    person = serving_person(meeting, item, name, "rösta")
    vote = _not_after_referral(item, vote if vote is not None else current_vote(meeting, item))

    def change() -> None:
        if ballot:
            vote.ballots[person.name] = ballot
        else:
            vote.ballots.pop(person.name, None)

    # Later votes follow too: a counter-proposal chosen here is their nej side.
    keeping_drafts(meeting, item, change)
    return vote


def _next(choices: list[Side], current: Side, skip: Side) -> Side:
    """The choice after `current` (round), passing over the other side's."""
    usable = [c for c in choices if c is not skip] or choices
    at = next((i for i, c in enumerate(usable) if c is current), -1)
    return usable[(at + 1) % len(usable)]


def next_vote_side(meeting: Meeting, item: AgendaItem, ballot: str,
                   vote: Vote | None = None) -> Side:
    """Let ja (ballot 'ja') or nej stand for the next proposition offered for it; the
    question and result follow while they are the app's drafts. Returns the new side."""
    item = paragraph_item(meeting, item)
    vote = _not_after_referral(item, vote if vote is not None else current_vote(meeting, item))
    yes, no = vote_sides(item, vote)
    if ballot == BALLOT_YES:
        chosen = _next(yes_choices(item, vote) or [yes], yes, no)
    elif ballot == BALLOT_NO:
        chosen = _next(no_choices(item, vote), no, yes)
    else:
        raise ProtocolInputError(f"”{ballot}” är ingen sida: ja eller nej.")

    def change() -> None:
        if ballot == BALLOT_YES:
            vote.yes = side_index(item, chosen)
        else:
            vote.no = side_index(item, chosen)

    keeping_drafts(meeting, item, change)
    return chosen


def side_choices_differ(item: AgendaItem, vote: Vote) -> bool:
    """True when more than one proposition could stand against ja, so ja and nej could
    stand for others (the dialog offers the keys only then)."""
    return len(no_choices(item, vote)) > 1


def record_casting_vote(meeting: Meeting, item: AgendaItem, vote: Vote | None = None) -> str:
    """At a tie: ordförandens utslagsröst goes to the next side — first the side the
    ordförande voted for (ja if none), then the other. Returns the side."""
    item = paragraph_item(meeting, item)
    vote = _not_after_referral(item, vote if vote is not None else current_vote(meeting, item))
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


# -- the decision ------------------------------------------------------------------------

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


def vote_decision(meeting: Meeting, item: AgendaItem,
                  vote: Vote | None = None) -> tuple[Side, list[str]]:
    """(the side `vote` decided for, the decisions that taking it would replace); refused
    while the vote decides nothing (no ballot, or a tie without a casting vote). A vote
    that leads on (deciding today, the counter-proposal) replaces none: see settles."""
    item = paragraph_item(meeting, item)
    vote = _not_after_referral(item, vote if vote is not None else current_vote(meeting, item))
    decided, winner = vote_winner(item, vote)
    if not decided:
        if is_tie(vote):
            raise ProtocolInputError(
                "Lika röstetal: anteckna ordförandens utslagsröst (u i omröstningen).")
        raise ProtocolInputError("Omröstningen har inga röster ännu.")
    if not settles(item, vote) or decisions_are_drafted(item):
        return winner, []
    return winner, decisions_lost_by(meeting, item, winner)


def decide_by_vote(meeting: Meeting, item: AgendaItem, vote: Vote | None = None,
                   redraft_procedure: bool = True) -> list[Decision]:
    """A vote that settles the § : its winning side becomes the decision (its
    att-satser, ids kept where the text stays) and the beslutsgång is drafted telling the
    votes unless `redraft_procedure` is False (the secretary's own text stays). A vote
    that leads on changes no decision; the beslutsgång, while a draft, tells it."""
    item = paragraph_item(meeting, item)
    vote = vote if vote is not None else current_vote(meeting, item)
    winner, _ = vote_decision(meeting, item, vote)
    if not settles(item, vote):
        if vote.kind == VOTE_REFERRAL:
            _no_longer_sent_back(meeting, item)
        return item.decisions
    procedure = item.procedure
    decisions = decide(meeting, item, winner)
    if not redraft_procedure:
        item.procedure = procedure
    return decisions


def _no_longer_sent_back(meeting: Meeting, item: AgendaItem) -> None:
    """An återremiss vote corrected to lost: the återremiss beslut the app wrote goes,
    and its beslutsgång while still the draft; the main question decides the § now.
    Decisions or a beslutsgång the secretary wrote stay."""
    outcome = decided_outcome(item)
    if outcome is NOT_DECIDED or outcome is None or outcome.kind != "återremiss":
        return
    if procedure_is_draft(meeting, item):
        item.procedure = ""
    item.decisions = []


def decided_for(meeting: Meeting, item: AgendaItem, vote: Vote | None = None) -> str:
    """What `vote` decided: 'enligt förslaget' / 'enligt Olle Bergs (M)
    ändringsyrkande' / 'att avslå förslaget' / 'att avgöra ärendet i dag' / 'att Olle Bergs
    (M) ändringsyrkande ska vara motförslag i huvudfrågan' ('' while it decides nothing)."""
    item = paragraph_item(meeting, item)
    vote = vote if vote is not None else current_vote(meeting, item)
    decided, winner = vote_winner(item, vote)
    if not decided:
        return ""
    if vote.kind == VOTE_MAIN or (vote.kind == VOTE_REFERRAL and winner is not None):
        return outcome_words(meeting, winner)
    if vote.kind == VOTE_COUNTER:
        return f"att {side_words(meeting, vote, winner)} ska vara motförslag i huvudfrågan"
    return side_words(meeting, vote, winner)

