"""Pilot tests of attendance and attachments from live mode (issue 10.7 and 10.8)."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList, Static

from export.minutes_layout import block_lines, minutes_blocks
from store import MeetingStore
from store.domain.attendance import Interval
from tests.support.live import (
    add_meeting,
    council_meeting,
    make_app,
    run_async,
    settle,
    steady_cursor,
    type_text,
    typed_through,
)
from tui.dialogs.attendance import AttendanceDialog, TimeDialog
from tui.screens.live import LiveScreen
from tui.screens.agenda_editor import AgendaEditorScreen


def deltagare(meeting) -> str:
    lines = block_lines(minutes_blocks(meeting))
    return lines[lines.index("Deltagare") + 1]


def past_meeting():
    """Written up a week after it was held (the tests' clock reads 2031-04-02)."""
    meeting = council_meeting(start="13:00")
    meeting.date = "2031-03-26"
    meeting.end = "15:00"
    meeting.items[2].time = "14:10"
    return meeting


async def clear_input(pilot) -> None:
    await pilot.press("end", *["backspace"] * 8)


async def open_attendance(pilot, key: str, typed: str) -> AttendanceDialog:
    await pilot.press(key)
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, AttendanceDialog)
    await type_text(pilot, typed)
    await settle(pilot)
    return dialog


@run_async
async def test_wrong_departure_is_corrected_and_cleared():
    store = MeetingStore.in_memory()
    mid = add_meeting(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_attendance(pilot, "f8", "tove")
        await pilot.press("enter")  # Tove leaves 13:05 -- the wrong person
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)
        tove = app.session.meeting.find_participant("Tove Lindahl")
        assert tove.presence_text() == "till 13:05"

        dialog = await open_attendance(pilot, "f7", "tov")
        assert dialog.selected is tove
        await pilot.press("f3")  # clear: there the whole meeting
        await settle(pilot)
        assert tove.intervals == [] and not tove.absent

        await clear_input(pilot)
        await type_text(pilot, "vera")
        await pilot.press("f2")  # edit Vera's times as text
        await settle(pilot)
        await type_text(pilot, "1300-1304")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        app.save_now()
    saved = store.load(mid)
    assert saved.find_participant("Tove Lindahl").intervals == []
    assert saved.find_participant("Vera Holmqvist").intervals == [Interval("13:00", "13:04")]
    assert "Tove Lindahl (Ordförande), " in deltagare(saved)
    assert "Vera Holmqvist 13:00-13:04" in deltagare(saved)


@run_async
async def test_past_meeting_asks_for_times_and_leave_and_return_show_in_minutes():
    store = MeetingStore.in_memory()
    mid = add_meeting(store, past_meeting())
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_attendance(pilot, "f8", "vera")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TimeDialog)  # no stamp of today's clock
        field = app.screen.query_one("#time", Input)
        assert field.value == "13:00"  # offered: the meeting's start (item 1 has no time)
        await clear_input(pilot)
        await type_text(pilot, "14:00")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)

        await open_attendance(pilot, "f7", "vera")
        await pilot.press("enter")
        await settle(pilot)
        await clear_input(pilot)
        await type_text(pilot, "1430")
        await pilot.press("enter")
        await settle(pilot)
        app.save_now()
    saved = store.load(mid)
    assert saved.start == "13:00"  # a write-up never stamps today's clock as the start
    assert "Vera Holmqvist till 14:00 och från 14:30" in deltagare(saved)


@pytest.mark.parametrize("date, said", [("2031-03-26", "Mötet hölls en annan dag"),
                                        ("2031-04-09", "Mötet hålls en annan dag")])
@run_async
async def test_the_time_question_says_why_in_the_right_tense(date, said):
    meeting = past_meeting()
    meeting.date = date  # a week before or after the tests' clock (2031-04-02)
    store = MeetingStore.in_memory()
    app = make_app(store, add_meeting(store, meeting))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_attendance(pilot, "f8", "vera")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TimeDialog)
        shown = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert said in shown


@run_async
async def test_time_outside_the_meeting_warns():
    store = MeetingStore.in_memory()
    mid = add_meeting(store, past_meeting())
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_attendance(pilot, "f7", "hampus")
        await pilot.press("enter")
        await settle(pilot)
        await clear_input(pilot)
        await type_text(pilot, "12:30")
        await pilot.press("enter")
        await settle(pilot)
        messages = [n.message for n in app.shown_notifications]
        assert any("12:30 är före mötets start 13:00." in m for m in messages), messages
        assert app.session.meeting.find_participant("Hampus Dahlberg").intervals == [
            Interval("12:30", None)]


@run_async
async def test_guest_added_from_live_mode_is_saved_and_in_the_minutes():
    store = MeetingStore.in_memory()
    mid = add_meeting(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_attendance(pilot, "f7", "")
        await pilot.press("f6")
        await settle(pilot)
        await type_text(pilot, "Ulf Ström")
        await pilot.press("tab")
        await type_text(pilot, "Konsult")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        app.save_now()
    saved = store.load(mid)
    guest = saved.find_participant("Ulf Ström")
    assert (guest.role, guest.guest, guest.intervals) == ("Konsult", True, [Interval("13:05")])
    assert "Ulf Ström (Konsult) från 13:05" in deltagare(saved)


@run_async
async def test_typing_finds_a_name():
    store = MeetingStore.in_memory()
    mid = add_meeting(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        dialog = await open_attendance(pilot, "f7", "ek")  # a word start: Gustav Ekström
        people = dialog.query_one("#people", OptionList)
        assert people.option_count == 1
        assert dialog.selected.name == "Gustav Ekström"
        await clear_input(pilot)
        await type_text(pilot, "v h")
        assert dialog.selected.name == "Vera Holmqvist"


@run_async
async def test_f12_offers_the_end_time_and_it_can_be_changed():
    store = MeetingStore.in_memory()
    mid = add_meeting(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f12")
        await settle(pilot)
        assert app.screen.query_one("#time", Input).value == "13:05"
        await clear_input(pilot)
        await type_text(pilot, "0900")  # before the start: refused, dialog stays
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TimeDialog)
        app.session.meeting.participants[2].intervals = [Interval("13:00", "14:00")]
        await clear_input(pilot)
        await type_text(pilot, "13:45")
        await pilot.press("enter")
        await settle(pilot)
        messages = [n.message for n in app.shown_notifications]
        assert any("tider utanför mötet för Vera Holmqvist" in m for m in messages), messages
        app.save_now()
    assert store.load(mid).end == "13:45"


@run_async
async def test_f12_of_a_past_meeting_offers_its_end():
    store = MeetingStore.in_memory()
    meeting = past_meeting()
    meeting.end = None
    mid = add_meeting(store, meeting)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f12")
        await settle(pilot)
        assert app.screen.query_one("#time", Input).value == "14:10"  # the last item time
        await pilot.press("escape")  # offered, not forced
        await settle(pilot)
    assert store.load(mid).end is None


@run_async
async def test_attachments_from_live_mode():
    store = MeetingStore.in_memory()
    mid = add_meeting(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n")  # item 2
        await settle(pilot)
        await pilot.press("ctrl+f")
        await settle(pilot)
        await type_text(pilot, "Budget april.pdf")
        await pilot.press("enter")
        await type_text(pilot, "Karta.pdf")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("up", "ctrl+d")  # remove the budget again
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)
        app.save_now()
    saved = store.load(mid)
    assert saved.items[1].attachments == ["Karta.pdf"]
    lines = block_lines(minutes_blocks(saved))
    assert lines[lines.index("Bilagor") + 1] == "Karta.pdf"


@run_async
async def test_agenda_editor_opens_at_the_current_item():
    store = MeetingStore.in_memory()
    mid = add_meeting(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")  # 3. Gemensam växel
        await settle(pilot)
        current = app.screen.item_id
        app.open_meeting(mid, "agenda")  # as the command palette does
        await settle(pilot)
        assert isinstance(app.screen, AgendaEditorScreen)
        assert app.screen.current_id == current
        assert app.screen.query_one("#i-title", Input).value == "Gemensam växel"


def test_attendance_dialog_snapshot(snap_compare):
    from tests.support.samples import sample_store

    store, meeting_id = sample_store()

    async def opened(pilot) -> None:
        await pilot.pause()
        vera = pilot.app.session.meeting.participants[2]
        vera.intervals = [Interval(None, "13:30"), Interval("14:00", None)]
        await pilot.press("f7")
        await pilot.pause()
        await pilot.press("v")
        await typed_through(pilot)
        await steady_cursor(pilot)

    assert snap_compare(make_app(store, meeting_id), terminal_size=(80, 24), run_before=opened)


def test_attachments_dialog_snapshot(snap_compare):
    from tests.support.samples import sample_store

    store, meeting_id = sample_store()

    async def opened(pilot) -> None:
        await pilot.pause()
        # Already in the model: no save or message in the picture to race with.
        pilot.app.session.meeting.items[1].attachments = ["Budget april.pdf", "Karta.pdf"]
        await pilot.press("ctrl+f")
        await pilot.pause()
        for ch in "Avtal.pdf":
            await pilot.press(ch)
        await typed_through(pilot)
        await steady_cursor(pilot)

    assert snap_compare(make_app(store, meeting_id), terminal_size=(80, 24), run_before=opened)
