"""Snapshots (80x24) of several votes in one § (live mode): bifall, an ändring, an
återremiss and an avslag; the återremiss is lost (decided today), the vote on the
motförslag chooses the avslag, and the main question is put against it. Pictures of the
third vote's dialog mid-vote, of the § 's list (alt+l) with the three votes in order,
and of the list of an older file with a vote after a won återremiss (not printed)."""

from __future__ import annotations

from store import MeetingStore
from tests.support.live import (make_app, settle, steady_cursor, type_text, typed_through,
                                without_notices)
from tests.support.protocol_live import (
    fresh_protocol,
    motions,
    older_file_with_a_vote_after_a_won_referral,
)

SIZE = (80, 24)


async def _three_votes(pilot, main_ballots: str) -> None:
    """The yrkanden, then the återremiss lost 4–3, the motförslag (alt+k twice turns the
    vote that opens to it) won by the avslag 4–3, and the main question's ballots."""
    await settle(pilot)
    await motions(pilot)
    await pilot.press("alt+y")
    await typed_through(pilot)
    await type_text(pilot, "siri")
    await pilot.press("enter", "2")  # avslag
    await typed_through(pilot)
    await pilot.press("alt+o")
    await typed_through(pilot)
    await pilot.press(*"jjjjnnn", "escape")  # decided today: the next vote opens
    await typed_through(pilot)
    await pilot.press("alt+k", "alt+k")  # huvudfrågan → återremiss → motförslag
    await typed_through(pilot)
    await pilot.press(*"nnnnjjj", "escape")  # the avslag is the motförslag
    await typed_through(pilot)
    await pilot.press(*main_ballots)  # the main question, opened at once
    await typed_through(pilot)
    await without_notices(pilot)  # the outcomes' notices would cover the grid
    await steady_cursor(pilot)


def test_third_vote_in_the_main_question(snap_compare):
    """Title 'Omröstning 3 i huvudfrågan', ja for the proposal against the avslag the
    second vote chose, five ballots cast."""
    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)

    async def voting(pilot) -> None:
        await _three_votes(pilot, "jjnjn")

    assert snap_compare(make_app(store, mid), terminal_size=SIZE, run_before=voting)


def test_paragraph_list_with_three_votes(snap_compare):
    """alt+l after the three votes: the yrkanden, then 'Omröstning 1 om återremiss',
    'Omröstning 2 om motförslag', 'Omröstning 3 i huvudfrågan', each with its result."""
    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)

    async def listed(pilot) -> None:
        await _three_votes(pilot, "jjjjnnn")
        await pilot.press("escape")  # the main question decides: the proposal
        await typed_through(pilot)
        await without_notices(pilot)
        await pilot.press("alt+l")
        await typed_through(pilot)
        await pilot.press("end")  # the votes, at the list's foot
        await typed_through(pilot)

    assert snap_compare(make_app(store, mid), terminal_size=SIZE, run_before=listed)


def test_paragraph_list_with_a_vote_after_a_won_referral(snap_compare):
    """An older file: the återremiss won, and a main vote was recorded after it; the list
    names it as not printed."""
    store = MeetingStore.in_memory()
    mid = older_file_with_a_vote_after_a_won_referral(store)

    async def listed(pilot) -> None:
        await settle(pilot)
        await pilot.press("alt+l")
        await typed_through(pilot)
        await pilot.press("end")
        await typed_through(pilot)

    assert snap_compare(make_app(store, mid), terminal_size=SIZE, run_before=listed)
