"""Pictures at 80×24 of live mode's protocol dialogs: the vote's grid mid-vote (a 4–3
with the tally and the drafted result) and the yrkande dialog with a name completed."""

from __future__ import annotations

from store import MeetingStore
from tests.support.protocol_live import fresh_protocol, motion, vote
from tests.support.live import make_app, settle, type_text, typed_through, without_notices


def test_vote_grid(snap_compare):
    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)

    async def voted(pilot) -> None:
        await settle(pilot)
        await motion(pilot, "olle", "avslag")
        await without_notices(pilot)  # the yrkande's notice would cover the grid
        await vote(pilot, "jnjjjn")  # one row left to vote

    assert snap_compare(make_app(store, mid), terminal_size=(80, 24), run_before=voted)


def test_motion_dialog(snap_compare):
    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)

    async def typed(pilot) -> None:
        await settle(pilot)
        await pilot.press("alt+y")
        await typed_through(pilot)
        await type_text(pilot, "berg")
        await pilot.press("enter", "down", "down", "down", "down")  # on to ändring
        await typed_through(pilot)

    assert snap_compare(make_app(store, mid), terminal_size=(80, 24), run_before=typed)


def test_motion_dialog_correcting(snap_compare):
    """A yrkande opened from the § 's list (alt+l, enter): 'Ändra yrkande', filled in."""
    from tests.support.protocol_sample import protocol_meeting

    store = MeetingStore.in_memory()
    mid = store.add(protocol_meeting())

    async def opened(pilot) -> None:
        await settle(pilot)
        await pilot.press("alt+l")
        await typed_through(pilot)
        await pilot.press("down", "enter")  # Olle Berg's ändringsyrkande
        await typed_through(pilot)

    assert snap_compare(make_app(store, mid), terminal_size=(80, 24), run_before=opened)


def test_vote_grid_tie_with_casting_vote(snap_compare):
    """A 3–3 with one abstaining and ordförandens utslagsröst recorded (u): the tally and
    the drafted result say so; nej stands for the ändringsyrkande."""
    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)

    async def tied(pilot) -> None:
        await settle(pilot)
        await motion(pilot, "olle", "ändring", "att beloppet halveras")
        await without_notices(pilot)
        await vote(pilot, "jjnnjna", "u")

    assert snap_compare(make_app(store, mid), terminal_size=(80, 24), run_before=tied)


def test_reservation_dialog_losing_side_first(snap_compare):
    """After a 4–3 vote against Olle Berg's ändringsyrkande: those who lost come first,
    with why, and the text follows the names chosen."""
    store = MeetingStore.in_memory()
    mid = fresh_protocol(store)

    async def opened(pilot) -> None:
        await settle(pilot)
        await motion(pilot, "olle", "ändring", "att beloppet halveras")
        await vote(pilot, "jnjjjnn", "escape")
        await without_notices(pilot)
        await pilot.press("alt+r")
        await typed_through(pilot)
        await pilot.press("space", "down", "space")
        await typed_through(pilot)

    assert snap_compare(make_app(store, mid), terminal_size=(80, 24), run_before=opened)
