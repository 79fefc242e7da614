"""Issue 10.12: `f` selects the new meeting; a meeting ended with F12 opens read-only
until the secretary reopens it (F12 or the command palette), which is saved."""

from __future__ import annotations

from textual.widgets import TextArea

from store import MeetingStore
from tests.support.live import NOW, add_meeting, make_app, run_async, settle, type_text
from tui.ended_meeting import ENDED_STATUS, REOPEN_COMMAND
from tui.screens.live import LiveScreen
from tui.screens.start import StartScreen
from tui.dialogs.questions import ConfirmDialog, TextPrompt
from tui.screens.agenda_editor import AgendaEditorScreen


@run_async
async def test_f_on_the_start_screen_selects_the_new_meeting():
    store = MeetingStore.in_memory()
    old_id = add_meeting(store)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        start = app.screen
        assert isinstance(start, StartScreen) and start.selected_id() == old_id
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, TextPrompt)
        await pilot.press("enter")  # the suggested date, a week after the old one
        await settle(pilot)
        new = next(s for s in store.summaries() if s.id != old_id)
        assert new.date == "2031-04-09"
        assert isinstance(app.screen, AgendaEditorScreen)
        await pilot.press("escape")  # back to the list
        await settle(pilot)
        assert app.screen is start
        assert start.selected_id() == new.id


async def end_with_f12(pilot) -> None:
    await pilot.press("f12")
    await settle(pilot)
    assert not isinstance(pilot.app.screen, LiveScreen)  # the end time is offered
    await pilot.press("enter")  # ended with it
    await settle(pilot)
    assert isinstance(pilot.app.screen, LiveScreen)


@run_async
async def test_an_ended_meeting_opens_read_only_until_reopened(file_store):
    store = file_store
    mid = add_meeting(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_text(pilot, "Före slutet")
        await end_with_f12(pilot)
        meeting = app.session.meeting
        assert meeting.ended and meeting.end == "13:05"
        assert meeting.ended_at == NOW.isoformat()
        # Still on screen where it was ended: the secretary may tidy up at once.
        assert not app.read_only
        await type_text(pilot, "!")
        await settle(pilot)
        assert meeting.items[0].notes == "Före slutet!"

        # Back to the list and open it again: read-only now.
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        assert app.screen.selected_id() == mid
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)
        assert app.read_only and app.save_state.text == ENDED_STATUS
        notes = app.screen.query_one("#notes", TextArea)
        await type_text(pilot, "xyz")
        await settle(pilot)
        assert notes.text == "Före slutet!"
        assert app.session.meeting.items[0].notes == "Före slutet!"
        assert any("avslutat" in n.message and "F12" in n.message
                   for n in app.shown_notifications)
        await pilot.press("f4")  # refused as well
        await settle(pilot)
        assert app.session.meeting.items[0].status == "pending"

        # F12 now offers to reopen it.
        await pilot.press("f12")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert REOPEN_COMMAND in str(app.screen.query_one("#yes").label)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)
        assert not app.read_only and not app.session.meeting.ended
        assert app.screen.current.title == "Mötet öppnas"
        assert store.load(mid).ended_at is None  # saved at once
        await type_text(pilot, " Igen")
        await settle(pilot)
        assert app.session.meeting.items[0].notes == "Före slutet! Igen"
    saved = store.load(mid)
    assert saved.items[0].notes == "Före slutet! Igen" and not saved.ended


@run_async
async def test_a_new_start_opens_an_ended_meeting_read_only_and_the_palette_reopens_it(
        file_store):
    store = file_store
    mid = add_meeting(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await end_with_f12(pilot)
    assert store.load(mid).ended

    app = make_app(store, mid)  # the next start, straight into the meeting
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen) and app.read_only
        await pilot.press("ctrl+g")  # no change to a read-only meeting
        await settle(pilot)
        assert not app.session.meeting.items[0].standing

        await pilot.press("ctrl+p")
        await settle(pilot)
        await type_text(pilot, "Återöppna")
        await settle(pilot)  # the palette searches in a worker
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)
        assert not app.read_only
        assert not store.load(mid).ended
