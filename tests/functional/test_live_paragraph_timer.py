"""Live mode's header names the item timer as the meeting speaks: a protocol by its §
('§ 42 0:00'), minutes by the word punkt and the item's number ('punkt 2 0:00')."""

from __future__ import annotations

import re

from store import MeetingStore
from tests.support.live import add_meeting, make_app, run_async, settle, wait_until
from tests.support.protocol_live import before_the_meeting


def status(app) -> str:
    return str(app.screen.query_one("#live-status").content)


@run_async
async def test_a_protocol_names_the_timer_by_its_paragraph():
    store = MeetingStore.in_memory()
    meeting = before_the_meeting(3)
    meeting.date, meeting.start = "2031-04-02", "13:00"  # the tests' clock: today
    mid = store.add(meeting)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n")  # § 42 starts
        await wait_until(pilot, lambda: re.search(r"§ 42 \d+:\d\d", status(app)),
                         what="the timer of § 42")
        assert "punkt" not in status(app)


@run_async
async def test_minutes_keep_the_word_punkt():
    store = MeetingStore.in_memory()
    app = make_app(store, add_meeting(store))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: re.search(r"punkt [\d.]+ \d+:\d\d", status(app)),
                         what="the item timer")
        assert "§" not in status(app)
        number = app.screen.meeting.number_of(app.screen.current.id)
        assert re.search(rf"punkt {re.escape(number)} \d+:\d\d", status(app)), status(app)
