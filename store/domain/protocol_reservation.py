"""Who is likely to reserve themselves in a § and in whose favour: the serving members on
the losing side of the decision — whose own yrkande fell, who voted for the side that
lost — offered first by the reservation dialog, and the reservation's text drafted from
that ("till förmån för eget yrkande", or the losing yrkande by name).

The outcome is the votes' when they decided the §, else the proposition the decisions
are the att-satser of; while neither says (no decision, or one written by hand) nobody is
known to have lost a yrkande. Each decided vote has its losing side too: who voted for
it lost that vote (an återremiss, a counter-proposal or the main question). Pure
functions on the model.
"""

from __future__ import annotations

from .model import AgendaItem, Meeting
from .protocol import DEFAULT_RESERVATION_TEXT, Motion
from .protocol_record import paragraph_item, serving_names
from .protocol_text import DECIDE_TODAY, motion_name
from .protocol_vote import (
    REJECTION,
    Side,
    counted_votes,
    losing_side,
    paragraph_outcome,
    side_words,
    vote_number,
)
from .protocol_voting import NOT_DECIDED, decided_outcome

#: Why a member is offered first (shown beside the name).
OWN_MOTION_LOST = "eget yrkande"
VOTED = "röstade {}"
#: With several votes in the §: which one ('röstade nej i omröstning 1').
VOTED_IN = "röstade {} i omröstning {}"


def _outcome(item: AgendaItem):
    decided, winner = paragraph_outcome(item)
    return winner if decided else decided_outcome(item)


def _lost(motion: Motion, winner: Side) -> bool:
    """Did this yrkande lose when `winner` won? A bifall stands with the proposal; a
    tillägg falls with it (avslag, återremiss) or with a winner that is none."""
    if motion is winner:
        return False
    if motion.kind == "bifall":
        return winner is not None
    if motion.kind == "tillägg":
        return winner is not None and (winner is REJECTION or winner.kind in
                                       ("avslag", "återremiss"))
    return True


def _behind(motion: Motion) -> list[str]:
    """The mover and those who instämmer: the yrkande is theirs."""
    return [motion.by, *motion.supporters]


def losing_motions(meeting: Meeting, item: AgendaItem) -> list[Motion]:
    """The § 's yrkanden that lost ([] while the outcome is not known)."""
    item = paragraph_item(meeting, item)
    winner = _outcome(item)
    if winner is NOT_DECIDED:
        return []
    return [m for m in item.motions if _lost(m, winner)]


def on_losing_side(meeting: Meeting, item: AgendaItem) -> dict[str, list[str]]:
    """{serving name: why} for the members who lost, in roster order: 'eget yrkande'
    when their own yrkande (or one they instämde i) fell, 'röstade nej' (or ja) when they voted for the side
    that lost."""
    item = paragraph_item(meeting, item)
    why: dict[str, list[str]] = {}
    for motion in losing_motions(meeting, item):
        for name in _behind(motion):
            why.setdefault(name, [])
            if OWN_MOTION_LOST not in why[name]:
                why[name].append(OWN_MOTION_LOST)
    for vote in counted_votes(item):
        lost_ballot, _ = losing_side(item, vote)
        number = vote_number(item, vote)
        for name, ballot in vote.ballots.items():
            if lost_ballot and ballot == lost_ballot:
                why.setdefault(name, []).append(
                    VOTED.format(ballot) if number is None else VOTED_IN.format(ballot, number))
    names = serving_names(meeting, item)
    return {name: why[name] for name in names if name in why}


def reservation_candidates(meeting: Meeting, item: AgendaItem) -> list[tuple[str, str]]:
    """(name, why) for every serving member: those on the losing side first (why says
    so), then the others in roster order (why '')."""
    losing = on_losing_side(meeting, item)
    rest = [n for n in serving_names(meeting, item) if n not in losing]
    return [(n, ", ".join(w)) for n, w in losing.items()] + [(n, "") for n in rest]


def reservation_text_for(meeting: Meeting, item: AgendaItem, names: list[str]) -> str:
    """The reservation's text drafted for these names: 'till förmån för eget yrkande'
    when each moved a yrkande that lost; else in favour of the side they voted for when
    that side was one yrkande ('till förmån för Olle Bergs (M) ändringsyrkande'), the
    proposal, or deciding the ärende today — the latest vote they all lost; else the
    usual text."""
    item = paragraph_item(meeting, item)
    movers = {n for m in losing_motions(meeting, item) for n in _behind(m)}
    if not names or all(n in movers for n in names):
        return DEFAULT_RESERVATION_TEXT
    for vote in reversed(counted_votes(item)):
        lost_ballot, lost = losing_side(item, vote)
        if not lost_ballot or not all(vote.ballots.get(n) == lost_ballot for n in names):
            continue
        if lost is not REJECTION:
            return f"till förmån för {side_words(meeting, vote, lost)}"
        break
    return DEFAULT_RESERVATION_TEXT


def drafted_reservation_texts(meeting: Meeting, item: AgendaItem) -> set[str]:
    """Every text reservation_text_for can give in this § (a field still holding one of
    them is the app's draft and may follow the names)."""
    item = paragraph_item(meeting, item)
    texts = {DEFAULT_RESERVATION_TEXT, "till förmån för förslaget",
             f"till förmån för {DECIDE_TODAY}"}
    texts |= {f"till förmån för {motion_name(meeting, m)}" for m in item.motions}
    return texts
