"""The beslutsgång drafted from a § 's yrkanden and votes, in the order the chair puts
the questions: återremiss first (if the ärende is sent back, nothing more is put), then
the counter-proposal among several yrkanden when a vote was held on it, then the main
question and any tillägg. Each vote held is told where it was asked for; its
proposition and result line stand once, under Omröstning (PROTOCOL.md), not here.

Pure: the sentences are protocol_text's words, the votes' reading protocol_vote's.
"""

from __future__ import annotations

from .model import AgendaItem, Meeting
from .protocol import VOTE_COUNTER, VOTE_MAIN, VOTE_REFERRAL, Vote
from .protocol_text import body_short, motion_name, outcome_words, proposition_name
from .protocol_vote import (
    Side,
    counted_votes,
    counter_motions,
    counter_winner,
    referrals,
    vote_number,
    vote_sides,
    vote_winner,
)

#: A vote told in the beslutsgång.
VOTE_HELD = "Omröstning begärs och verkställs"


def held(vote: Vote) -> bool:
    return bool(vote.ballots or vote.result.strip())


def vote_told(item: AgendaItem, vote: Vote) -> str:
    """'Omröstning begärs och verkställs.' ('… (omröstning 2).' when the § has more)."""
    number = vote_number(item, vote)
    return f"{VOTE_HELD}." if number is None else f"{VOTE_HELD} (omröstning {number})."


def _told(item: AgendaItem, kind: str) -> list[str]:
    return [vote_told(item, v) for v in counted_votes(item) if v.kind == kind and held(v)]


def _counter_sentences(meeting: Meeting, item: AgendaItem) -> list[str]:
    """Each vote held on the counter-proposal: the two yrkanden and the one chosen."""
    sentences: list[str] = []
    for vote in counted_votes(item):
        if vote.kind != VOTE_COUNTER or not held(vote):
            continue
        yes, no = vote_sides(item, vote)
        decided, chosen = vote_winner(item, vote)
        chosen = chosen if decided else yes
        sentences.append(
            f"Ordföranden ställer {proposition_name(meeting, yes)} mot "
            f"{proposition_name(meeting, no)} om vilket som ska vara motförslag i "
            f"huvudfrågan och finner att {proposition_name(meeting, chosen)} ska vara det.")
        sentences.append(vote_told(item, vote))
    return sentences


def procedure_text(meeting: Meeting, item: AgendaItem, winner: Side = None) -> str:
    """Beslutsgång for the outcome `winner` (None = the proposal, a yrkande, or
    REJECTION: avslag nobody moved)."""
    who = body_short(meeting)
    sentences: list[str] = []
    sent_back = referrals(item)
    if sent_back:
        names = " och ".join(motion_name(meeting, m) for m in sent_back)
        referred = winner is not None and winner.kind == "återremiss"
        finding = "ärendet ska återremitteras" if referred else "ärendet ska avgöras i dag"
        sentences.append(f"Ordföranden frågar om ärendet ska avgöras i dag eller "
                         f"återremitteras enligt {names} och finner att {finding}.")
        sentences += _told(item, VOTE_REFERRAL)
        if referred:  # nothing more is put: the ärende goes back
            return " ".join(sentences)
    sentences += _counter_sentences(meeting, item)
    chosen = counter_winner(item)
    against = [chosen] if chosen is not None else counter_motions(item)
    outcome = outcome_words(meeting, winner)
    if not against:
        sentences.append(
            f"Ordföranden frågar om {who} bifaller förslaget och finner att så sker."
            if winner is None or winner.by else
            f"Ordföranden frågar om {who} bifaller förslaget och finner att {who} "
            f"beslutar {outcome}.")
    else:
        others = " och ".join(motion_name(meeting, m) for m in against)
        sentences.append(f"Ordföranden ställer proposition på förslaget mot {others} "
                         f"och finner att {who} beslutar {outcome}.")
    sentences += _told(item, VOTE_MAIN)
    # A proposal that falls (avslag) takes no additions.
    falls = winner is not None and winner.kind == "avslag"
    additions = [] if falls else [m for m in item.motions if m.kind == "tillägg"]
    for motion in additions:
        sentences.append(f"Ordföranden ställer därefter proposition på "
                         f"{motion_name(meeting, motion)} och finner att {who} bifaller det.")
    return " ".join(sentences)

