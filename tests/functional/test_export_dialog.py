"""The app's export asks before replacing a file and refuses what is no file (issue 9.1)."""

from __future__ import annotations

import os
import stat

from tests.support.export_dialog import ACTIONS, MINUTES, accept, export_app, open_export
from tests.support.live import run_async, settle
from tui.dialogs.questions import ConfirmDialog
from tui.dialogs.export_meeting import ExportDialog


def message_of(screen) -> str:
    return " ".join(str(s.render()) for s in screen.query("Static"))


@run_async
async def test_an_existing_file_is_replaced_only_after_yes(tmp_path, monkeypatch):
    minutes = tmp_path / MINUTES
    minutes.write_bytes(b"det gamla protokollet")
    app = export_app(tmp_path, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_export(pilot)
        await accept(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "finns redan" in message_of(app.screen)
        await pilot.press("n")  # no: back in the dialog, nothing written
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog)
        assert minutes.read_bytes() == b"det gamla protokollet"
        await accept(pilot)
        await pilot.press("enter")  # the question's focus is on "Nej": Enter never replaces
        await settle(pilot)
        assert minutes.read_bytes() == b"det gamla protokollet"
        await accept(pilot)
        await pilot.press("j")
        await settle(pilot)
        await app.workers.wait_for_complete()
        await settle(pilot)
    assert minutes.read_bytes()[:2] == b"PK"
    assert (tmp_path / ACTIONS).read_bytes()[:2] == b"PK"


@run_async
async def test_a_write_protected_file_is_named_so_and_replaced_after_yes(tmp_path, monkeypatch):
    minutes = tmp_path / MINUTES
    minutes.write_bytes(b"skyddat")
    minutes.chmod(0o444)
    app = export_app(tmp_path, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_export(pilot)
        await accept(pilot)
        assert "skrivskyddad" in message_of(app.screen)
        await pilot.press("j")
        await settle(pilot)
        await app.workers.wait_for_complete()
        await settle(pilot)
    assert minutes.read_bytes()[:2] == b"PK"
    assert stat.S_IMODE(minutes.stat().st_mode) == 0o444


@run_async
async def test_new_files_are_written_without_a_question(tmp_path, monkeypatch):
    app = export_app(tmp_path, monkeypatch)
    old = os.umask(0o022)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await open_export(pilot)
            await accept(pilot)
            await app.workers.wait_for_complete()
            await settle(pilot)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / MINUTES).stat().st_mode) == 0o644  # shared, not 0600


@run_async
async def test_a_fifo_or_a_folder_is_refused_in_the_dialog(tmp_path, monkeypatch):
    os.mkfifo(tmp_path / MINUTES)
    (tmp_path / ACTIONS).mkdir()
    app = export_app(tmp_path, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_export(pilot)
        await accept(pilot)
        assert isinstance(app.screen, ExportDialog)  # still asking where
        assert any("FIFO" in n.message for n in app.shown_notifications)
    assert stat.S_ISFIFO(os.lstat(tmp_path / MINUTES).st_mode)
    assert (tmp_path / ACTIONS).is_dir()


@run_async
async def test_the_action_list_follows_the_documents_new_folder(tmp_path, monkeypatch):
    # The secretary types another folder for the minutes: the action list offered beside
    # them goes along (until its own field is changed), not left in the first folder.
    from textual.widgets import Input

    from tests.support.export_dialog import ACTIONS, accept, export_app, open_export
    from tests.support.live import wait_until

    other = tmp_path / "nämnden"
    other.mkdir()
    app = export_app(tmp_path, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_export(pilot)
        minutes = pilot.app.screen.query_one("#minutes-path", Input)
        minutes.value = str(other / "protokoll.docx")
        await pilot.pause()
        actions = pilot.app.screen.query_one("#actions-path", Input)
        assert actions.value == str(other / ACTIONS)
        await accept(pilot)
        await wait_until(pilot, (other / ACTIONS).exists, what="the action list written")
    assert (other / "protokoll.docx").exists() and not (tmp_path / ACTIONS).exists()


@run_async
async def test_a_meeting_without_actions_is_not_offered_an_empty_action_list(
        tmp_path, monkeypatch):
    from textual.widgets import Checkbox, Input

    from store import AgendaItem, Meeting, MeetingStore
    from tests.support.live import add_meeting, make_app, wait_until

    monkeypatch.setenv("MOTESBOK_EXPORT_DIR", str(tmp_path))
    store = MeetingStore.in_memory()
    add_meeting(store, Meeting(title="Arbetsgrupp", date="2031-04-02",
                               items=[AgendaItem("Läget")]))
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_export(pilot)
        assert not app.screen.query_one("#with-actions", Checkbox).value
        assert app.screen.query_one("#actions-path", Input).disabled
        await accept(pilot)
        await wait_until(pilot, lambda: any(tmp_path.iterdir()), what="the minutes written")
        await app.workers.wait_for_complete()
    assert [path.name for path in tmp_path.iterdir()] == ["Arbetsgrupp 2031-04-02.docx"]
