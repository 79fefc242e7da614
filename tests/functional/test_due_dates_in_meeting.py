"""Issue 10.4 in the app: the action dialog of a meeting of 2013 resolves "fredag",
"15/6" and "om 2 veckor" from the meeting's date, while the app's clock reads 2031;
ticking the action done still stamps the day it is ticked."""

from __future__ import annotations

import pytest

from store import MeetingStore
from tests.support.live import (
    NOW,
    add_meeting,
    council_meeting,
    make_app,
    run_async,
    settle,
    type_text,
)
from tui.screens.live import LiveScreen
from tui.widgets.due_date_input import DueDateInput


# One form is enough here: this proves the dialog counts from the meeting's date (a
# weekday name would land in 2031 otherwise); every form against any meeting date is
# tests/unit/test_dates_reference.py's, in milliseconds instead of an app run each.
@pytest.mark.parametrize("typed, due, shown", [
    ("fredag", "2013-05-17", "fredag 17 maj 2013"),
])
@run_async
async def test_action_dialog_in_a_2013_meeting_counts_from_the_meeting(typed, due, shown):
    store = MeetingStore.in_memory()
    meeting = council_meeting()
    meeting.date = "2013-05-15"  # a Wednesday, written up in 2031
    mid = add_meeting(store, meeting)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        await type_text(pilot, "Boka lokal")
        await pilot.press("tab", "tab")
        await type_text(pilot, typed)
        await settle(pilot)
        assert shown in str(app.screen.query_one(DueDateInput).border_subtitle)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)
        action = app.session.meeting.items[0].actions[0]
        assert action.due == due

        # Ticked done: the done date is the day it is ticked, not the meeting's.
        app.screen.query_one("#actions").focus()
        await pilot.press("space")
        await settle(pilot)
        assert action.done and action.done_date == NOW.date().isoformat()
    saved = store.load(mid).items[0].actions[0]
    assert (saved.due, saved.done_date) == (due, NOW.date().isoformat())


@run_async
async def test_a_meeting_without_a_date_counts_from_today():
    store = MeetingStore.in_memory()
    meeting = council_meeting()
    meeting.date = ""
    mid = store.add(meeting)
    app = make_app(store, mid)  # the clock reads Wednesday 2 April 2031
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        if not isinstance(app.screen, LiveScreen):
            pytest.skip("a meeting without a date cannot be stored")
        await pilot.press("f3")
        await settle(pilot)
        await type_text(pilot, "Boka lokal")
        await pilot.press("tab", "tab")
        await type_text(pilot, "fredag")
        await settle(pilot)
        assert "fredag 4 april 2031" in str(app.screen.query_one(DueDateInput).border_subtitle)
