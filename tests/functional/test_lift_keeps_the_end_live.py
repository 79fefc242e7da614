"""Häv justering in live mode opens the protocol for changes and nothing more: the end
time, the end stamp and the item clocks stand (saved meeting, the timer on screen, the
DOCX's Plats och tid) until F12 resumes the meeting."""

from __future__ import annotations

from datetime import datetime

from store import MeetingStore
from store.domain import adjustment
from store.domain import meeting_rules as rules
from store.persistence.adjusting import lift_stored
from tests.support.live import NOW, make_app, run_async, settle, type_text
from tests.support.protocol_live import before_the_meeting
from tui.dialogs.questions import TextPrompt
from tui.screens.live import LiveScreen


def ended_and_adjusted_today():
    """Held today 12:30–12:55; § 42 was left under way at the end (no finished_at)."""
    meeting = before_the_meeting(2)
    meeting.date, meeting.start, meeting.end = NOW.date().isoformat(), "12:30", None
    first, second = meeting.items
    rules.start_item(first, datetime(2031, 4, 2, 12, 30))
    rules.toggle_done(first, datetime(2031, 4, 2, 12, 45))
    rules.start_item(second, datetime(2031, 4, 2, 12, 45))
    rules.end(meeting, datetime(2031, 4, 2, 12, 55), "12:55", None)
    adjustment.adjust(meeting, meeting.date)
    return meeting


def status(app) -> str:
    return str(app.screen.query_one("#live-status").render())


@run_async
async def test_lifting_the_justering_keeps_the_end_and_the_clocks_until_resumed(tmp_path):
    from export.docx_protocol import write_protocol
    from export.docx_read import docx_lines

    store = MeetingStore.in_memory()
    mid = store.add(ended_and_adjusted_today())
    second_id = store.load(mid).items[1].id
    app = make_app(store, mid)  # 13:05, ten minutes after the end
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen) and app.read_only
        await pilot.press("f12")
        await settle(pilot)
        assert isinstance(app.screen, TextPrompt)
        await type_text(pilot, "Fel diarienummer i § 42")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen) and not app.read_only
        app.screen.go_to(second_id)
        await settle(pilot)
        # § 42 ran 12:45–12:55: ten minutes, and it does not run on after the lift.
        assert "§ 42 10:00" in status(app)
        await type_text(pilot, "Rättat")
        assert app.save_now()
        saved = store.load(mid)
        assert (saved.end, saved.ended_at) == ("12:55", "2031-04-02T12:55:00")
        assert saved.adjusted is None and saved.adjustment_lifts and not saved.locked
        assert saved.items[1].finished_at is None and "Rättat" in saved.items[1].notes
        lines = docx_lines(write_protocol(saved, 41, tmp_path / "protokoll.docx"))
        assert any(line.endswith("kl. 12:30–12:55") for line in lines), lines[:8]

        # F12 on the ended meeting now resumes it: only then does the clock run again.
        await pilot.press("f12")
        await settle(pilot)
        assert app.save_now()
        assert store.load(mid).ended_at is None
        assert "§ 42 20:00" in status(app)

    # Lifted from the command line (motesbok unadjust) and opened again later: writable,
    # and still ended.
    store2 = MeetingStore.in_memory()
    mid2 = store2.add(ended_and_adjusted_today())
    lift_stored(store2, mid2, NOW, "Rättelse")
    app = make_app(store2, mid2)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.read_only and app.session.meeting.ended
        assert app.save_now()
    assert store2.load(mid2).ended_at == "2031-04-02T12:55:00"
