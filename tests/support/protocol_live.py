"""The sample protocol (protocol_sample.py) as it stands before the meeting: nothing yet
recorded in its §§. Shared by the live-mode protocol tests and pictures."""

from __future__ import annotations

from store import Meeting, MeetingStore
from store.domain.protocol import Motion, Vote

from .protocol_sample import SERVING, protocol_meeting


def before_the_meeting(paragraphs: int = 3) -> Meeting:
    """No yrkanden, votes, decisions, jäv… in any §; the roster as in the sample."""
    meeting = protocol_meeting(paragraphs)
    for item in meeting.items:
        item.motions, item.votes, item.reservations, item.protocol_notes = [], [], [], []
        item.decisions, item.procedure, item.conflicts, item.substitutions = [], "", [], []
        item.adjusted_immediately = False
    return meeting


def fresh_protocol(store: MeetingStore) -> str:
    """Store the sample before the meeting; its id."""
    return store.add(before_the_meeting())


#: Olle Berg's ändringsyrkande as `motions` records it.
CHANGE = "att beloppet sänks till 200 000 kronor"


async def saved(app, store: MeetingStore, mid: str) -> Meeting:
    """The meeting as the app saved it just now."""
    assert app.save_now()
    return store.load(mid)


async def motion(pilot, who: str, kind: str, text: str = "") -> None:
    """In live mode (alt+y): a yrkande by `who` (a few letters, completed by enter) of
    `kind` (its digit in the dialog), and for a kind that asks for a text or a reason,
    `text` and enter (a reason may be left empty)."""
    from store.domain.protocol import (MOTION_KINDS, MOTION_KINDS_WITH_REASON,
                                       MOTION_KINDS_WITH_TEXT)

    from .live import type_text, typed_through

    await pilot.press("alt+y")
    await typed_through(pilot)
    await type_text(pilot, who)
    await pilot.press("enter", str(MOTION_KINDS.index(kind) + 1))
    await typed_through(pilot)
    if kind in MOTION_KINDS_WITH_TEXT or kind in MOTION_KINDS_WITH_REASON:
        if text:
            await type_text(pilot, text)
        await pilot.press("enter")
        await typed_through(pilot)


async def motions(pilot, referral: bool = True) -> None:
    """In live mode (alt+y): Mira Holm bifall, Olle Berg ändring (CHANGE), Jon Ström
    återremiss without a reason (unless not `referral`: a vote is then in the main
    question from the first)."""
    await motion(pilot, "mira", "bifall")
    await motion(pilot, "olle", "ändring", CHANGE)
    if referral:
        await motion(pilot, "jon", "återremiss")
    pilot.app.clear_notifications()


async def serve_for(pilot, deputy: str, member: str) -> None:
    """In live mode (alt+e): the ersättare `deputy` serves for `member` from this § on
    (each a few letters, completed by enter)."""
    from .live import type_text, typed_through

    await pilot.press("alt+e")
    await typed_through(pilot)
    await type_text(pilot, deputy)
    await pilot.press("enter")
    await type_text(pilot, member)
    await pilot.press("enter")
    await typed_through(pilot)


async def vote(pilot, ballots: str, *extra: str) -> None:
    """alt+o, then the ballots (one key each down the grid) and any further keys."""
    from .live import typed_through

    await pilot.press("alt+o")
    await typed_through(pilot)
    await pilot.press(*ballots, *extra)
    await typed_through(pilot)


#: An older file's § 41 (older_file_with_a_vote_after_a_won_referral).
_LETTERS = {"j": "ja", "n": "nej", "a": "avstår"}
MAIN_RESULT = "Med 4 ja-röster mot 3 nej-röster beslutar utskottet enligt förslaget."
REFERRAL_QUESTION = ("Ja för att avgöra ärendet i dag, nej för Jon Ströms (L) "
                     "återremissyrkande")
MAIN_QUESTION = "Ja för förslaget, nej för Olle Bergs (M) ändringsyrkande"


def older_file_with_a_vote_after_a_won_referral(store: MeetingStore) -> str:
    """§ 41 as a file written before the rule: the återremiss won 4–3, and a vote in the
    main question was recorded after it all the same."""
    meeting = before_the_meeting()
    item = meeting.items[0]
    item.motions = [Motion("Mira Holm", "bifall"), Motion("Olle Berg", "ändring", CHANGE),
                    Motion("Jon Ström", "återremiss")]
    for kind, question, letters, result in (
            ("återremiss", REFERRAL_QUESTION, "nnnnjjj", ""),
            ("huvudfråga", MAIN_QUESTION, "jjjjnnn", MAIN_RESULT)):
        item.votes.append(Vote(kind=kind, question=question, result=result, ballots={
            name: _LETTERS[letter] for name, letter in zip(SERVING, letters)}))
    item.decisions = []
    return store.add(meeting)
