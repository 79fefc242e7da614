"""Live mode offers a mötesbok import's unplaced text read-only: the command palette has
'Ej placerad text från importen' only when the meeting has such text, and the dialog
shows it without letting it be changed."""

from __future__ import annotations

from textual.widgets import TextArea

from store import MeetingStore
from tests.support.live import (
    add_meeting,
    council_meeting,
    make_app,
    run_async,
    settle,
    type_text,
    typed_through,
    wait_until,
)
from tui.commands import MotesbokCommands
from tui.dialogs.unplaced_text import UnplacedTextDialog
from tui.screens.live import LiveScreen

LEFTOVERS = "Bilaga 3 saknas i utskicket.\nKartan över Sörbyn, sidan 14"
COMMAND = "Ej placerad text från importen"


async def offered(app) -> list[str]:
    return [str(hit.text) async for hit in MotesbokCommands(app.screen).discover()]


@run_async
async def test_the_palette_opens_the_unplaced_text_read_only():
    store = MeetingStore.in_memory()
    meeting = council_meeting()
    meeting.unplaced = LEFTOVERS
    app = make_app(store, add_meeting(store, meeting))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert COMMAND in await offered(app)
        await pilot.press("ctrl+p")
        await typed_through(pilot)
        await type_text(pilot, "ej placerad")
        await typed_through(pilot)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, UnplacedTextDialog),
                         what="the unplaced text's dialog")
        area = app.screen.query_one(TextArea)
        assert area.text == LEFTOVERS
        await type_text(pilot, "xyz")  # read-only: nothing is typed into it
        await typed_through(pilot)
        assert area.text == LEFTOVERS
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, LiveScreen),
                         what="back in live mode")
    assert store.load(meeting.id).unplaced == LEFTOVERS


@run_async
async def test_without_unplaced_text_the_palette_does_not_offer_it():
    store = MeetingStore.in_memory()
    app = make_app(store, add_meeting(store))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert COMMAND not in await offered(app)
