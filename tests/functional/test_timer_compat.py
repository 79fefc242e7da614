"""The autosave's delay survives a late timer (tui/compat `call_after`,
Textualize/textual#6370).

A clock that jumps between two readings makes every timer late. Textual's one-shot
timer then loses its callback (ZeroDivisionError at delay 0, a silent skip otherwise);
`call_after` must still call back. The second test documents the upstream bug: when it
starts failing, Textual fixed it and the workaround can go.
"""

from __future__ import annotations

import asyncio
import contextlib
import types

import pytest
import textual.timer
from textual import _time
from textual.app import App

from tests.support.live import add_meeting, make_app, run_async, settle, type_text, wait_until
from tui.compat import call_after


@pytest.fixture
def jumping_clock(monkeypatch):
    """Timers' clock jumps half a second on each of its next few readings, as a busy
    event loop would make it seem: every timer started now finds itself late."""
    jumps = {"left": 4, "offset": 0.0}

    def get_time() -> float:
        if jumps["left"]:
            jumps["left"] -= 1
            jumps["offset"] += 0.5
        return _time.get_time() + jumps["offset"]

    def start() -> None:
        monkeypatch.setattr(textual.timer, "_time", types.SimpleNamespace(get_time=get_time))

    return start


@pytest.mark.parametrize("delay", [0.0, 0.01, 0.2])
@run_async
async def test_call_after_calls_back_however_late(jumping_clock, delay):
    called = asyncio.Event()
    app = App()
    async with app.run_test():
        jumping_clock()
        call_after(app, delay, called.set)
        await asyncio.wait_for(called.wait(), 5)


@pytest.mark.parametrize("delay", [0.0, 0.2])
@run_async
async def test_textual_set_timer_still_loses_a_late_callback(jumping_clock, delay):
    called = asyncio.Event()
    fence = asyncio.Event()
    app = App()
    # At delay 0 the timer's task dies of ZeroDivisionError, raised again at the app's exit.
    with contextlib.suppress(ZeroDivisionError):
        async with app.run_test():
            jumping_clock()
            app.set_timer(delay, called.set)
            call_after(app, delay + 0.5, fence.set)  # well after the timer's own moment
            await asyncio.wait_for(fence.wait(), 5)
    assert not called.is_set(), "Textual now fires late timers: remove call_after"


@run_async
async def test_the_app_autosaves_while_every_timer_is_late(jumping_clock, file_store):
    """Before call_after, a late save timer left the autosave armed forever: nothing
    typed afterwards was saved until the app closed."""
    mid = add_meeting(file_store)
    app = make_app(file_store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for word in ("Först", " sedan"):
            jumping_clock()
            await type_text(pilot, word)
            await wait_until(pilot, lambda: file_store.load(mid).items[0].notes.endswith(word),
                             what=f"{word!r} saved while the app runs")
