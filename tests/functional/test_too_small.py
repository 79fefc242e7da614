"""Below a usable size one line says the window is too small, and no key reaches a
hidden field (issue 9.15)."""

from __future__ import annotations

from textual import events

from tests.support.live import add_meeting, make_app, run_async, settle, type_text, wait_until
from tui.screens.live import LiveScreen
from tui.size_guard import MIN_HEIGHT, MIN_WIDTH


@run_async
async def test_at_20x8_one_line_and_typed_keys_do_not_change_the_meeting(file_store):
    mid = add_meeting(file_store)
    app = make_app(file_store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_text(pilot, "Före")
        await wait_until(pilot, lambda: file_store.load(mid).items[0].notes == "Före",
                         what="the autosave")
        before = file_store.load(mid)

        await pilot.resize_terminal(20, 8)
        await settle(pilot)
        assert not isinstance(app.screen, LiveScreen)
        line = str(app.screen.query_one("#too-small").content)
        assert "litet" in line and len(line) <= 20
        # Letters, enter, a paste and the live keys (done, next, decision, add item).
        await type_text(pilot, "dolt\n")
        app.post_message(events.Paste("inklistrat\n\nmer"))
        await pilot.press("f4", "ctrl+n", "f2", "f6", "f5", "ctrl+l", "f1")
        await settle(pilot)
        await pilot.pause(0.4)  # timing: past the autosave's window, to see no save
        assert app.is_running
        assert file_store.load(mid) == before

        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)
        assert app.screen.query_one("#notes").text == "Före"
        await type_text(pilot, " efter")
        await pilot.press("f4")
        await wait_until(pilot, lambda: file_store.load(mid).items[0].status == "done",
                         what="the autosave")
    after = file_store.load(mid)
    assert after.items[0].notes == "Före efter"
    assert after.items[0].status == "done"


@run_async
async def test_starting_in_a_too_small_window_shows_the_line_until_it_grows(file_store):
    mid = add_meeting(file_store)
    app = make_app(file_store, mid)
    async with app.run_test(size=(MIN_WIDTH - 1, MIN_HEIGHT)) as pilot:
        await settle(pilot)
        assert "litet" in str(app.screen.query_one("#too-small").content)
        await type_text(pilot, "x")
        await pilot.resize_terminal(MIN_WIDTH, MIN_HEIGHT)
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)
        assert app.screen.query_one("#notes").text == ""
