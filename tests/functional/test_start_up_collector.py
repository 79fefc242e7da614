"""Start-up runs with the garbage collector off (cli.console_main); the app turns it
back on once the first frame is drawn, or a long meeting would never free a cycle."""

from __future__ import annotations

import gc

from store import MeetingStore
from tests.support.live import add_meeting, make_app, run_async, wait_until
from tui.screens.live import LiveScreen
from tui.screens.start import StartScreen


def _with_collector_off(test):
    def wrapper(*args, **kwargs):
        gc.disable()
        try:
            return test(*args, **kwargs)
        finally:
            gc.unfreeze()  # this test process must not keep its objects frozen
            gc.enable()

    wrapper.__name__ = test.__name__
    return wrapper


@_with_collector_off
@run_async
async def test_live_mode_turns_the_collector_back_on_after_the_first_frame():
    store = MeetingStore.in_memory()
    app = make_app(store, add_meeting(store))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, LiveScreen), what="live mode")
        await wait_until(pilot, gc.isenabled, what="the collector on again")
        assert gc.get_freeze_count() > 0  # start-up's objects are left out of collections


@_with_collector_off
@run_async
async def test_the_meeting_list_turns_the_collector_back_on_after_the_first_frame():
    app = make_app(MeetingStore.in_memory())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen), what="the list")
        await wait_until(pilot, gc.isenabled, what="the collector on again")


@run_async
async def test_an_app_started_with_the_collector_on_leaves_it_alone():
    frozen = gc.get_freeze_count()
    app = make_app(MeetingStore.in_memory())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen), what="the list")
        assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
