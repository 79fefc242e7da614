"""'Skriv ut' in the action list asks where (Documents by default) and says where it went
(issue 10.11); the app's export of the action list has the comment column too."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from textual.widgets import Checkbox, Input

from export.action_list import COLUMNS, COMMENT_COLUMN
from tests.support.action_list import ListApp, settle
from tests.support.action_list import store as store  # noqa: F401 - the fixture
from tests.support.live import run_async, typed_through
from tui.screens.action_list import ActionListScreen
from tui.dialogs.action_print import PRINTED_TITLE, PrintDialog
from tui.dialogs.questions import ConfirmDialog

NAME = "Åtgärdslista 2031-04-02.docx"  # ListApp's clock reads 2031-04-02


@pytest.fixture
def documents(monkeypatch) -> Path:
    """The user's Documents folder (platformdirs' answer), inside the test's home."""
    monkeypatch.delenv("MOTESBOK_EXPORT_DIR", raising=False)
    home = Path.home()  # the conftest's temporary home
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))  # no user-dirs.dirs
    folder = home / "Documents"
    folder.mkdir()
    from platformdirs import user_documents_dir

    assert Path(user_documents_dir()) == folder
    return folder


async def open_dialog(app, pilot) -> PrintDialog:
    await settle(app, pilot)
    await pilot.press("ctrl+e")
    await pilot.pause()
    assert isinstance(app.screen, PrintDialog)
    return app.screen


def path_field(app) -> Input:
    return app.screen.query_one("#print-path", Input)


async def replace_path(pilot, app, text: str) -> None:
    """The user writes another path into the field (focus stays there)."""
    field = path_field(app)
    field.value = text
    field.focus()
    await pilot.pause()


def notes(app) -> list:
    return [n for n in app.shown_notifications if n.title == PRINTED_TITLE]


def read_table(path: Path):
    return docx.Document(str(path)).tables[0]


@run_async
async def test_print_asks_with_documents_prefilled_and_says_where_it_went(store, documents):
    app = ListApp(store)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_dialog(app, pilot)
        assert path_field(app).value == str(documents / NAME)
        assert list(documents.iterdir()) == []  # nothing written before the answer
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ActionListScreen)
        [note] = notes(app)
        assert str(documents / NAME) in note.message and "3 åtgärder" in note.message
        assert app.screen.last_printed == documents / NAME
    table = read_table(documents / NAME)
    assert [c.text for c in table.rows[0].cells] == [*COLUMNS, COMMENT_COLUMN]
    assert [r.cells[0].text for r in table.rows[1:]] == [
        "Beställ provtagning", "Ta fram karta", "Informera allmänheten"]
    assert all(r.cells[-1].text == "" for r in table.rows[1:])


@run_async
async def test_escape_writes_nothing(store, documents):
    app = ListApp(store)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_dialog(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, ActionListScreen)
        assert notes(app) == []
    assert list(documents.iterdir()) == []


@run_async
async def test_an_existing_file_is_replaced_only_after_yes(store, documents):
    target = documents / "Uppföljning.docx"
    target.write_bytes(b"den gamla listan")
    app = ListApp(store)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_dialog(app, pilot)
        await replace_path(pilot, app, str(documents / "Uppföljning"))  # .docx is added
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")  # focus is on "Nej": a stray Enter never replaces
        await settle(app, pilot)
        assert isinstance(app.screen, PrintDialog)  # still asking where
        assert target.read_bytes() == b"den gamla listan"
        await pilot.press("enter", "j")
        await settle(app, pilot)
        assert isinstance(app.screen, ActionListScreen)
        [note] = notes(app)
        assert str(target) in note.message
    assert [c.text for c in read_table(target).rows[0].cells][-1] == COMMENT_COLUMN


@run_async
async def test_the_offered_name_is_never_an_earlier_printout(store, documents):
    (documents / NAME).write_bytes(b"i morse")
    app = ListApp(store)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_dialog(app, pilot)
        assert path_field(app).value == str(documents / "Åtgärdslista 2031-04-02 (2).docx")


@run_async
async def test_the_comment_column_can_be_left_out(store, documents):
    app = ListApp(store)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_dialog(app, pilot)
        checkbox = app.screen.query_one("#print-comment", Checkbox)
        assert checkbox.value  # on by default
        checkbox.focus()
        await pilot.press("space", "ctrl+s")
        await settle(app, pilot)
        assert notes(app)
    assert [c.text for c in read_table(documents / NAME).rows[0].cells] == list(COLUMNS)


@run_async
async def test_a_folder_that_is_missing_is_said_and_nothing_is_written(store, documents):
    app = ListApp(store)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_dialog(app, pilot)
        await replace_path(pilot, app, str(documents / "saknas" / "lista.docx"))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PrintDialog)
        assert any("finns inte" in n.message for n in app.shown_notifications)
    assert list(documents.iterdir()) == []


@run_async
async def test_a_path_with_brackets_is_named_as_it_is(store, tmp_path, monkeypatch):
    folder = tmp_path / "[bold]Protokoll[red]"
    folder.mkdir()
    monkeypatch.setenv("MOTESBOK_EXPORT_DIR", str(folder))
    app = ListApp(store)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_dialog(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        [note] = notes(app)
        assert str(folder / NAME) in note.message
    assert (folder / NAME).exists()


@run_async
async def test_the_apps_export_of_the_action_list_has_the_comment_column(tmp_path, monkeypatch):
    from store import Action, MeetingStore
    from tests.support.export_dialog import ACTIONS, accept, open_export
    from tests.support.live import add_meeting, council_meeting, make_app

    monkeypatch.setenv("MOTESBOK_EXPORT_DIR", str(tmp_path))
    store = MeetingStore.in_memory()
    meeting = council_meeting(start="13:00")
    meeting.items[1].actions.append(Action("Kontakta operatören", owner="Vera Holmqvist"))
    add_meeting(store, meeting)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_export(pilot)
        await accept(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
    table = read_table(tmp_path / ACTIONS)
    assert [c.text for c in table.rows[0].cells] == [*COLUMNS, COMMENT_COLUMN]
    assert [[c.text for c in r.cells][::5] for r in table.rows[1:]] == [
        ["Kontakta operatören", ""]]


def test_print_dialog_snapshot(snap_compare, monkeypatch):
    """The print dialog over the action list at 80x24 (a fixed folder: a stable picture)."""
    from tests.support.live import make_app
    from tests.support.samples import sample_store

    monkeypatch.setenv("MOTESBOK_EXPORT_DIR", "/home/sekreterare/Dokument")
    store, _ = sample_store()

    async def printing(pilot) -> None:
        await pilot.pause()
        pilot.app.action_action_list()
        # The rows are read and filtered in workers; wait until they are shown.
        for _ in range(50):
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            screen = pilot.app.screen
            if isinstance(screen, ActionListScreen) and not screen.loading_rows:
                break
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(pilot.app.screen, PrintDialog)
        # A blinking cursor makes the picture depend on timing: no blink (and no cursor).
        path_field(pilot.app).cursor_blink = False
        await typed_through(pilot)

    assert snap_compare(make_app(store), terminal_size=(80, 24), run_before=printing)
