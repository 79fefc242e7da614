"""A protocol written up on another day (the tests' clock reads 2031-04-02, the meeting
was held 2031-03-11): a departure recorded during § 42 and an ersättare taking over are
tied to §§, not to clock times, and the exported protocol's Beslutande says so."""

from __future__ import annotations

from textual.widgets import Input

from store import MeetingStore
from store.domain.attendance import Interval
from tests.support.live import (
    make_app,
    run_async,
    settle,
    steady_cursor,
    type_text,
    typed_through,
    wait_until,
)
from tests.support.protocol_docx import open_docx, styled_lines
from tests.support.protocol_live import before_the_meeting, serve_for
from tui.dialogs.attendance import AttendanceDialog, MomentDialog
from tui.dialogs.export_meeting import ExportDialog
from tui.screens.live import LiveScreen


def protocol_line(app) -> str:
    return str(app.screen.query_one("#protocol-line").render())


def beslutande(lines: list[tuple[str, str]]) -> list[str]:
    """The front page's Beslutande lines: from the label to the next label."""
    texts = [text for _, text in lines]
    start = texts.index("Beslutande") + 1
    end = texts.index("Övriga närvarande")
    return texts[start:end]


@run_async
async def test_a_departure_in_a_paragraph_and_an_ersattare_reach_the_front_page(
        tmp_path, monkeypatch):
    monkeypatch.setenv("MOTESBOK_EXPORT_DIR", str(tmp_path))
    store = MeetingStore.in_memory()
    meeting = before_the_meeting(4)  # §§ 41–44, held 2031-03-11; items carry no times
    mid = store.add(meeting)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n")  # § 42
        await settle(pilot)
        await type_text(pilot, "Siri Dahl går under ärendet.")  # § 42 has begun
        await pilot.press("f8")
        await settle(pilot)
        assert isinstance(app.screen, AttendanceDialog)
        assert "Närvarande under § 42" in str(app.screen.query_one("#item-presence").render())
        await type_text(pilot, "siri")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MomentDialog)  # another day: the § is asked for
        field = app.screen.query_one("#time", Input)
        assert field.value == "efter § 42"
        await pilot.press("home")
        await type_text(pilot, "15.10 ")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)
        await serve_for(pilot, "rut", "siri")
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)
        told = [n.message for n in app.shown_notifications]
        assert "Siri Dahl gick 15:10 efter § 42." in told
        assert "Rut Sjö tjänstgör för Siri Dahl §§ 43–44." in told
        await pilot.press("ctrl+n")  # § 43: Rut serves, the body is still quorate
        await settle(pilot)
        assert "§ 43 · 7 av 7 tjänstgör" in protocol_line(app)
        await pilot.press("f10")
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("enter")
        # The protocol alone: a meeting without actions is offered no action list.
        await wait_until(pilot, lambda: len(list(tmp_path.glob("*.docx"))) == 1)
        await app.workers.wait_for_complete()
        await settle(pilot)
    saved = store.load(mid)
    siri = saved.find_participant("Siri Dahl")
    assert siri.intervals[0].end == "15:10" and siri.intervals[0].to_item == saved.items[1].id
    path = tmp_path / "Tekniska nämndens arbetsutskott 2031-03-11.docx"  # the protocol
    lines = styled_lines(open_docx(path.read_bytes()))
    assert beslutande(lines) == [
        "Mira Holm (S), ordförande",
        "Olle Berg (M), vice ordförande",
        "Siri Dahl (S) §§ 41–42",
        "Pär Nyqvist (C)",
        "Lina Falk (V)",
        "Jon Ström (L)",
        "Kim Vall (M) ersätter Edit Lund (SD) §§ 41–44",
        "Rut Sjö (S) ersätter Siri Dahl (S) §§ 43–44",
    ]
    texts = [text for _, text in lines]
    third = texts.index("§ 43 Gång- och cykelväg etapp 3")
    assert texts[third + 2:third + 4] == ["Siri Dahl (S) lämnar sammanträdet efter § 42.",
                                          "Rut Sjö (S) ersätter Siri Dahl (S) §§ 43–44."]


def test_attendance_dialog_in_a_protocol_snapshot(snap_compare):
    """The dialog names the § (not 'punkt') and each presence with its §§."""
    store = MeetingStore.in_memory()
    meeting = before_the_meeting(4)
    siri = meeting.find_participant("Siri Dahl")
    siri.intervals = [Interval(None, "15:10", to_item=meeting.items[1].id)]
    rut = meeting.find_participant("Rut Sjö")
    rut.intervals = [Interval(None, None, from_item=meeting.items[2].id)]
    mid = store.add(meeting)

    async def opened(pilot) -> None:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        await typed_through(pilot)
        await steady_cursor(pilot)

    assert snap_compare(make_app(store, mid), terminal_size=(80, 24), run_before=opened)


@run_async
async def test_on_the_day_a_departure_is_stamped_and_tied_to_the_paragraph():
    store = MeetingStore.in_memory()
    meeting = before_the_meeting(3)
    meeting.date, meeting.start = "2031-04-02", "13:00"  # the tests' clock: today, 13:05
    mid = store.add(meeting)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n")  # § 42
        await settle(pilot)
        await type_text(pilot, "Siri Dahl går under ärendet.")  # § 42 has begun
        await pilot.press("f8")
        await settle(pilot)
        await type_text(pilot, "jon")
        await pilot.press("enter")  # no question: the clock is stamped
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)
        assert "Jon Ström gick 13:05 efter § 42." in [n.message for n in app.shown_notifications]
        assert app.save_now()
    saved = store.load(mid)
    jon = saved.find_participant("Jon Ström")
    assert [(i.end, i.to_item) for i in jon.intervals] == [("13:05", saved.items[1].id)]


@run_async
async def test_jav_of_the_chair_says_who_leads_the_paragraph():
    store = MeetingStore.in_memory()
    mid = store.add(before_the_meeting(3))
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("alt+j")
        await typed_through(pilot)
        await type_text(pilot, "mira")
        await pilot.press("enter", "enter")  # no ersättare instead
        await typed_through(pilot)
        line = protocol_line(app)
        assert "§ 41 leds av vice ordföranden Olle Berg (M)" in line


@run_async
async def test_f2_edits_presence_with_paragraphs():
    store = MeetingStore.in_memory()
    meeting = before_the_meeting(4)
    siri = meeting.find_participant("Siri Dahl")
    siri.intervals = [Interval(None, "15:10", to_item=meeting.items[1].id)]
    mid = store.add(meeting)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        await type_text(pilot, "siri")
        await pilot.press("f2")
        await settle(pilot)
        field = app.screen.query_one("#presence", Input)
        assert field.value == "till 15:10 efter § 42"
        field.value = "efter § 42 och från § 44"  # as pasted ('§' is no key of Pilot's)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, AttendanceDialog)
        assert app.save_now()
    saved = store.load(mid)
    ids = [item.id for item in saved.items]
    assert [(i.from_item, i.to_item) for i in saved.find_participant("Siri Dahl").intervals] \
        == [(None, ids[1]), (ids[3], None)]
