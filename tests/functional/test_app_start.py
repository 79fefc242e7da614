"""The start screen and the app shell: list, create, set up, build an agenda, go live."""

from __future__ import annotations

from textual.widgets import OptionList

from store import MeetingStore
from tests.support.live import (
    NOW,
    add_meeting,
    council_meeting,
    make_app,
    run_async,
    settle,
    type_text,
    wait_until,
)
from tui.screens.live import LiveScreen
from tui.screens.start import StartScreen
from tui.screens.action_list import ActionListScreen
from tui.screens.agenda_editor import AgendaEditorScreen
from tui.dialogs.import_meeting import ImportDialog
from tui.screens.setup import MeetingSetupScreen


def listed(app) -> list[str]:
    meetings = app.screen.query_one("#meetings", OptionList)
    return [
        ("  " if option.id else "") + str(option.prompt)
        for option in (meetings.get_option_at_index(i) for i in range(meetings.option_count))
    ]


@run_async
async def test_meetings_newest_first_grouped_by_series():
    store = MeetingStore.in_memory()
    for date, title in [("2031-01-10", "Samverkansråd"), ("2031-03-01", "Nämndmöte"),
                        ("2031-02-14", "Samverkansråd"), ("2030-12-01", "Nämndmöte")]:
        meeting = council_meeting()
        meeting.title, meeting.series, meeting.date = title, "", date
        store.add(meeting)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        rows = listed(app)
        assert [r.split()[0] for r in rows] == [
            "Nämndmöte", "2031-03-01", "2030-12-01",
            "Samverkansråd", "2031-02-14", "2031-01-10",
        ]
        # The cursor starts on the newest meeting, not on a series heading.
        assert app.screen.selected_id() == store.summaries()[0].id


@run_async
async def test_empty_store_says_what_to_do():
    app = make_app(MeetingStore.in_memory())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Inga möten ännu" in str(app.screen.query_one("#start-empty").render())
        await pilot.press("enter")  # nothing to open: no crash, still here
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)


@run_async
async def test_create_meeting_roster_agenda_with_sub_item_then_go_live():
    store = MeetingStore.in_memory()
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, MeetingSetupScreen)
        title = app.screen.query_one("#title")
        title.focus()
        await pilot.press("end", "ctrl+u")
        await type_text(pilot, "Råd")
        await pilot.press("ctrl+n")  # a participant
        await settle(pilot)
        await type_text(pilot, "Tove Lind")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        await pilot.press("d")  # the agenda
        await settle(pilot)
        assert isinstance(app.screen, AgendaEditorScreen)
        await pilot.press("ctrl+n")
        await settle(pilot)
        await type_text(pilot, "Ett")
        await pilot.press("ctrl+n")
        await settle(pilot)
        await type_text(pilot, "Två")
        await pilot.press("alt+right")  # -> 1.1
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)
        assert app.screen.current.title == "Ett"
        await type_text(pilot, "Noterat")
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert app.session.meeting.number_of(app.screen.item_id) == "1.1"
        meeting_id = app.session.meeting.id
    saved = store.load(meeting_id)
    assert saved.title == "Råd"
    assert [p.name for p in saved.participants] == ["Tove Lind"]
    assert [(n, i.title) for n, _, i in saved.walk()] == [("1", "Ett"), ("1.1", "Två")]
    assert saved.items[0].notes == "Noterat"
    assert saved.start == NOW.strftime("%H:%M")


@run_async
async def test_live_start_then_back_to_the_meeting_list_and_in_again():
    store = MeetingStore.in_memory()
    older = council_meeting()
    older.date = "2031-01-01"
    older_id = add_meeting(store, older)
    mid = add_meeting(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)
        await type_text(pilot, "A")
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        assert app.screen.selected_id() == mid
        await pilot.press("down", "enter")  # the older meeting
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)
        assert app.session.meeting.id == older_id
    assert store.load(mid).items[0].notes == "A"
    store.open(mid).close()  # the first meeting's lock was released on switching


@run_async
async def test_next_meeting_in_series_from_the_list():
    store = MeetingStore.in_memory()
    meeting = council_meeting()
    meeting.items[2].status = "deferred"
    add_meeting(store, meeting)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("end", "ctrl+u")
        await type_text(pilot, "om 2 veckor")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, AgendaEditorScreen)
        new = app.session.meeting
        assert new.date == "2031-04-16"
        assert "Gemensam växel" in [i.title for i in new.items]  # the deferred item
    assert len(store.summaries()) == 2


@run_async
async def test_export_from_the_meeting_list(tmp_path, monkeypatch):
    from export.docx_read import docx_lines

    monkeypatch.setenv("MOTESBOK_EXPORT_DIR", str(tmp_path))
    store = MeetingStore.in_memory()
    meeting = council_meeting(start="13:00")
    meeting.items[0].notes = "Alla var där."
    add_meeting(store, meeting)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await app.workers.wait_for_complete()
        await settle(pilot)
    out = tmp_path / "Samverkansråd, Norrfjällen 2031-04-02.docx"
    assert "Alla var där." in docx_lines(out)


@run_async
async def test_import_and_action_list_open_from_the_list():
    store = MeetingStore.in_memory()
    add_meeting(store)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, ImportDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, ActionListScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)


@run_async
async def test_unknown_live_id_lands_on_the_meeting_list_with_a_message():
    store = MeetingStore.in_memory()
    add_meeting(store)
    app = make_app(store, "finns-inte")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        assert any("finns-inte" in n.message for n in app.shown_notifications)


@run_async
async def test_declining_a_locked_meeting_keeps_the_open_one(file_store):
    store = file_store
    first = add_meeting(store)
    other = council_meeting()
    other.date = "2031-01-01"
    second = add_meeting(store, other)
    holder = store.open(second)
    try:
        app = make_app(store, first)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await type_text(pilot, "Kvar")
            app.open_meeting(second)
            await settle(pilot)
            await pilot.press("escape")  # do not open read-only
            await settle(pilot)
            assert isinstance(app.screen, LiveScreen)
            assert app.session.meeting.id == first
            await type_text(pilot, "!")
            await wait_until(pilot, lambda: store.load(first).items[0].notes == "Kvar!",
                             what="the autosave")
        assert store.load(first).items[0].notes == "Kvar!"
    finally:
        holder.close()


def test_app_modules_do_not_import_python_docx():
    """python-docx (and lxml) load only when exporting, the importers only when importing,
    so start-up stays fast."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = (
        "import sys, main, tui.app, tui.screens.live, tui.screens.start, tui.commands, "
        "tui.screens.preview, tui.dialogs.help, tui.dialogs.questions, "
        "tui.dialogs.export_meeting; print(sorted(m for m in ('docx', 'lxml', 'importers') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "[]"


@run_async
async def test_an_import_opens_in_the_agenda_editor(tmp_path):
    from textual.widgets import Input

    agenda = tmp_path / "dagordning.txt"
    agenda.write_text(
        "Arbetsgrupp Fjällvatten\n2031-05-06 09:00\nPlats: Byagården\n\n"
        "1. Mötet öppnas\n2. Provtagning\n2.1. Resultat\n3. Övriga frågor\n",
        encoding="utf-8",
    )
    store = MeetingStore.in_memory()
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        app.screen.query_one(Input).value = str(agenda)
        await pilot.press("enter")  # read and show what was read
        for _ in range(40):
            await settle(pilot)
            if "punkter" in str(app.screen.query_one("#result").render()):
                break
        await pilot.press("enter")  # a second enter confirms
        for _ in range(40):
            await settle(pilot)
            if isinstance(app.screen, AgendaEditorScreen):
                break
        assert isinstance(app.screen, AgendaEditorScreen)
        assert app.session.meeting.title == "Arbetsgrupp Fjällvatten"
        assert [n for n, _, _ in app.session.meeting.walk()] == ["1", "2", "2.1", "3"]


@run_async
async def test_ctrl_l_opens_the_action_list_from_live_mode():
    store = MeetingStore.in_memory()
    mid = add_meeting(store)
    app = make_app(store, mid)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)
        await pilot.press("ctrl+l")  # from inside the notes editor
        await settle(pilot)
        assert isinstance(app.screen, ActionListScreen)
        await pilot.press("ctrl+l")  # not a second copy
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)
