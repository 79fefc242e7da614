"""Live mode once the meeting is ended: no item timer runs on, and the footer offers
what can be done with an ended meeting (reopen it, export it) instead of ending it."""

from __future__ import annotations

import re
from datetime import timedelta

from store import MeetingStore
from tests.support.live import NOW, add_meeting, make_app, run_async, settle, wait_until

CLOCK = re.compile(r"\d\d:\d\d:\d\d")


class Clock:
    """The app's clock, moved on by the test."""

    def __init__(self):
        self.now = NOW

    def __call__(self):
        return self.now

    def advance(self, seconds: int) -> None:
        self.now += timedelta(seconds=seconds)


def status(app) -> str:
    return str(app.screen.query_one("#live-status").content)


def item_timer(app) -> str | None:
    """The time on the current item, from 'punkt 2 1:00' in the status line."""
    found = re.search(r"punkt [\d.]+ (\d+:\d\d)", status(app))
    return found.group(1) if found else None


async def next_tick(pilot, clock: Clock) -> None:
    """Move the clock on and wait until the status line has shown the new time."""
    clock.advance(37)
    shown = clock.now.strftime("%H:%M:%S")
    await wait_until(pilot, lambda: shown in status(pilot.app), what=f"the clock at {shown}")


def footer_keys(app) -> dict[str, str]:
    return {key.key: key.render().plain for key in app.screen.query("FooterKey")}


async def start(store, clock):
    app = make_app(store, add_meeting(store))
    app.clock = clock
    return app


@run_async
async def test_after_the_end_no_item_timer_runs_and_f12_offers_to_reopen():
    store = MeetingStore.in_memory()
    clock = Clock()
    app = await start(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await wait_until(pilot, lambda: "f12" in footer_keys(app), what="footer keys")
        assert "Avsluta" in footer_keys(app)["f12"]
        clock.advance(120)
        await pilot.press("ctrl+n")  # item 1 left under way (not marked done)
        await settle(pilot)
        clock.advance(60)
        await pilot.press("f12", "enter")  # ended at the offered time
        await settle(pilot)
        assert app.session.meeting.ended
        await wait_until(pilot, lambda: "Återöppna" in footer_keys(app).get("f12", ""),
                         what="f12 offering to reopen")
        assert "Avsluta möte" not in " ".join(footer_keys(app).values())
        assert "Exportera" in footer_keys(app)["f10"]

        # The item under way when the meeting ended stopped then.
        stopped = item_timer(app)
        assert stopped == "1:00"
        await next_tick(pilot, clock)
        assert item_timer(app) == stopped

        # The first item, left under way earlier, stopped when the meeting ended too.
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert item_timer(app) == "3:00"
        await next_tick(pilot, clock)
        assert item_timer(app) == "3:00"

        # An item never reached before the end is not started by looking at it.
        await pilot.press("ctrl+n", "ctrl+n")
        await settle(pilot)
        third = app.screen.current
        assert third.started_at is None and item_timer(app) is None
        await next_tick(pilot, clock)
        assert item_timer(app) is None

        # F12 now reopens the meeting; then it offers the end again.
        await pilot.press("f12")
        await settle(pilot)
        assert not app.session.meeting.ended
        await wait_until(pilot, lambda: "Avsluta" in footer_keys(app).get("f12", ""),
                         what="f12 offering the end again")


@run_async
async def test_an_ended_meeting_opened_read_only_shows_no_running_timer(file_store):
    store = file_store
    clock = Clock()
    app = await start(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        clock.advance(90)
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("f12", "enter")
        await settle(pilot)
    meeting_id = store.summaries()[0].id
    assert store.load(meeting_id).ended

    clock.advance(3600)  # the next day, or an hour later: nothing has run on
    app = make_app(store, meeting_id)
    app.clock = clock
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.read_only
        await wait_until(pilot, lambda: "Återöppna" in footer_keys(app).get("f12", ""),
                         what="f12 offering to reopen")
        assert app.screen.current.title == "Mötet öppnas"
        assert item_timer(app) == "1:30"
        await next_tick(pilot, clock)
        assert item_timer(app) == "1:30"
