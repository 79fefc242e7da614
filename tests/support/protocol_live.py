"""The sample protocol (protocol_sample.py) as it stands before the meeting: nothing yet
recorded in its §§. Shared by the live-mode protocol tests and pictures."""

from __future__ import annotations

from store import Meeting, MeetingStore

from .protocol_sample import protocol_meeting


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


async def motions(pilot, referral: bool = True) -> None:
    """In live mode (alt+y): Mira Holm bifall, Olle Berg ändring (CHANGE), Jon Ström
    återremiss (unless not `referral`: a vote is then in the main question from the
    first)."""
    from .live import type_text, typed_through

    moved = (("mira", ["1"]), ("olle", ["4"]), ("jon", ["3", "enter"]))  # återremiss: no reason
    for who, keys in moved if referral else moved[:2]:
        await pilot.press("alt+y")
        await typed_through(pilot)
        await type_text(pilot, who)
        await pilot.press("enter", *keys)
        await typed_through(pilot)
        if who == "olle":
            await type_text(pilot, CHANGE)
            await pilot.press("enter")
            await typed_through(pilot)
    pilot.app.clear_notifications()


async def vote(pilot, ballots: str, *extra: str) -> None:
    """alt+o, then the ballots (one key each down the grid) and any further keys."""
    from .live import typed_through

    await pilot.press("alt+o")
    await typed_through(pilot)
    await pilot.press(*ballots, *extra)
    await typed_through(pilot)
