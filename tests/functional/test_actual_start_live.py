"""The actual start in live mode: recorded when the first § is reached, corrected in the
settings (Började), kept through ending, reopening and opening again; the saved meeting
keeps the planned start beside it and the protocol's Plats och tid shows the actual one."""

from __future__ import annotations

from datetime import datetime

from textual.widgets import Input

from store import MeetingStore
from tests.support.live import NOW, make_app, run_async, settle, type_text
from tests.support.protocol_live import before_the_meeting
from tui.screens.live import LiveScreen
from tui.screens.setup import MeetingSetupScreen


def planned_today():
    meeting = before_the_meeting(2)
    meeting.date, meeting.start, meeting.end = NOW.date().isoformat(), "13:00", "15:00"
    return meeting


def at(hour: int, minute: int) -> datetime:
    return NOW.replace(hour=hour, minute=minute)


@run_async
async def test_the_actual_start_is_recorded_corrected_and_kept(tmp_path):
    from export.docx_protocol import write_protocol
    from export.docx_read import docx_lines

    store = MeetingStore.in_memory()
    mid = store.add(planned_today())
    app = make_app(store, mid)  # 13:05: § 41 is reached, the meeting has begun
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)
        assert app.save_now()
        assert (store.load(mid).start, store.load(mid).actual_start) == ("13:00", "13:05")

        # Corrected where the meeting's times are edited: the settings' Började.
        app.open_meeting(mid, mode="setup")
        await settle(pilot)
        assert isinstance(app.screen, MeetingSetupScreen)
        field = app.screen.query_one("#actual_start", Input)
        assert field.value == "13:05"
        field.focus()
        field.value = ""
        await type_text(pilot, "1302")
        await pilot.press("tab")  # left: shown as understood
        await settle(pilot)
        assert field.value == "13:02"
        app.open_meeting(mid, mode="live")
        await settle(pilot)
        app.clock = lambda: at(13, 40)
        await pilot.press("ctrl+n")  # § 42: the start stays
        await settle(pilot)
        app.clock = lambda: at(14, 40)
        await pilot.press("f12", "enter")  # ended 14:40
        await settle(pilot)
        app.clock = lambda: at(14, 45)
        await pilot.press("f12")  # reopened here
        await settle(pilot)
        await pilot.press("f12", "enter")  # and ended again, 14:45
        await settle(pilot)
        assert app.save_now()
    saved = store.load(mid)
    assert (saved.start, saved.actual_start, saved.end) == ("13:00", "13:02", "14:45")

    # Opened again later and reopened: the recorded start stands.
    app = make_app(store, mid, now=at(16, 10))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.read_only
        await pilot.press("f12")
        await settle(pilot)
        await pilot.press("enter")  # Återöppna mötet
        await settle(pilot)
        assert not app.read_only
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert app.save_now()
    saved = store.load(mid)
    assert (saved.start, saved.actual_start, saved.end) == ("13:00", "13:02", "14:45")
    lines = docx_lines(write_protocol(saved, 41, tmp_path / "protokoll.docx"))
    assert "Plats och tid" in lines
    assert any(line.endswith(", 2031-04-02 kl. 13:02–14:45") for line in lines), lines[:6]
    assert not any("13:00" in line for line in lines)
