"""F7/F8 with a name and Enter typed in one burst (a fast typist, a remote link): the
name lands in the attendance dialog's search, Enter stamps that person, and what follows
goes back into the notes (issue 10.3 for the attendance dialog, seen in the walkthrough)."""

from __future__ import annotations

import pytest
from textual import events

from export.minutes_layout import block_lines, minutes_blocks
from store import MeetingStore
from tests.support.live import add_meeting, council_meeting, make_app, run_async, settle, \
    wait_until


def key(ch: str) -> events.Key:
    named = {"\r": ("enter", "\r"), " ": ("space", " ")}
    name, char = named.get(ch, (ch, ch))
    return events.Key(name, char)


@pytest.mark.parametrize("fkey, typed, expected", [
    ("f8", "vera", "Vera Holmqvist till 13:05"),
    ("f7", "tove", "Tove Lindahl (Ordförande) från 13:05"),
    ("f8", "ek", "Gustav Ekström (Sekreterare) till 13:05"),
])
@run_async
async def test_attendance_key_name_and_enter_in_one_burst(fkey, typed, expected):
    store = MeetingStore.in_memory()
    meeting_id = add_meeting(store, council_meeting(start="13:00"))
    app = make_app(store, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        # As the driver delivers a burst: every event queued before any is handled.
        for event in [events.Key(fkey, None), *map(key, typed + "\r" + "ok")]:
            app.post_message(event)
        await wait_until(pilot, lambda: not app.keys_pending and app.meeting.items[0].notes,
                         what="the burst routed")
        await settle(pilot)
        lines = block_lines(minutes_blocks(app.meeting))
        assert expected in lines[lines.index("Deltagare") + 1]
        assert app.meeting.items[0].notes == "ok"
