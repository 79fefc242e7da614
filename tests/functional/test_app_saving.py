"""Autosave, save errors, locks and crash output of the app (Pilot, no real terminal)."""

from __future__ import annotations

import io
import time

from rich.console import Console
from textual.widgets import TextArea

import tui.autosave
from store import MeetingStore, SaveError
from tests.support.live import add_meeting, make_app, run_async, settle, type_text, wait_until
from tui.save_state import Saving
from tui.screens.live import LiveScreen
from tui.dialogs.questions import ConfirmDialog
from tui.screens.start import StartScreen


def full_disk(*args, **kwargs):
    """Stands in for MeetingSession.save on a full disk (both the worker's call with a
    snapshot and the synchronous one)."""
    raise SaveError("Disken är full.")


@run_async
async def test_typing_is_saved_within_the_save_delay(file_store: MeetingStore):
    mid = add_meeting(file_store)
    app = make_app(file_store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_text(pilot, "Snabbt")
        typed_at = time.monotonic()
        saved = ""
        # The promise: saved SAVE_DELAY after typing, plus a tenth of a second to write.
        while time.monotonic() - typed_at < tui.autosave.SAVE_DELAY + 0.1:
            saved = file_store.load(mid).items[0].notes
            if saved == "Snabbt":
                break
            await pilot.pause(0.02)  # timing: polls a promised deadline (see above)
        assert saved == "Snabbt"
        assert app.save_state.kind is Saving.SAVED


@run_async
async def test_save_error_is_shown_text_stays_and_save_is_retried(file_store, monkeypatch):
    monkeypatch.setattr(tui.autosave, "RETRY_DELAY", 0.2)
    mid = add_meeting(file_store)
    app = make_app(file_store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        session = app.session
        real_save = session.save
        failures = []

        def counting_full_disk(**kwargs):
            failures.append(1)
            raise SaveError("Disken är full, kunde inte spara mötet.")

        session.save = counting_full_disk
        await type_text(pilot, "Viktigt")
        await wait_until(pilot, lambda: len(failures) >= 2, what="a save and its retry")
        await settle(pilot)
        assert app.save_state.kind is Saving.FAILED
        messages = [n.message for n in app.shown_notifications]
        assert any("Disken är full" in m for m in messages)
        assert len([m for m in messages if "Disken är full" in m]) == 1  # shown once
        assert app.screen.query_one("#notes", TextArea).text == "Viktigt"
        assert file_store.load(mid).items[0].notes == ""
        # The disk has room again: the retry saves without another keystroke.
        session.save = real_save
        await wait_until(pilot, lambda: file_store.load(mid).items[0].notes == "Viktigt",
                         what="the retry's save")
        await wait_until(pilot, lambda: app.save_state.kind is Saving.SAVED)
        assert len(failures) >= 2  # it was retried while failing


@run_async
async def test_ctrl_q_with_failing_save_asks_before_quitting(file_store):
    mid = add_meeting(file_store)
    app = make_app(file_store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.session.save = full_disk
        await type_text(pilot, "x")
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # stay
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)
        assert app.is_running


@run_async
async def test_locked_meeting_is_offered_read_only(file_store):
    mid = add_meeting(file_store)
    holder = file_store.open(mid)  # another writer
    try:
        app = make_app(file_store, mid)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, ConfirmDialog)
            assert "redan öppet" in app.screen.message
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, LiveScreen)
            assert app.session.read_only
            notes = app.screen.query_one("#notes", TextArea)
            assert notes.read_only
            await pilot.press("f4")  # refused, with a message
            await settle(pilot)
            assert app.session.meeting.items[0].status == "pending"
            assert any("skrivskyddat" in n.message for n in app.shown_notifications)
    finally:
        holder.close()


@run_async
async def test_quit_saves_and_releases_the_lock(file_store):
    mid = add_meeting(file_store)
    app = make_app(file_store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_text(pilot, "Sist")
        await pilot.press("ctrl+q")
        await settle(pilot)
    assert file_store.load(mid).items[0].notes == "Sist"
    file_store.open(mid).close()  # not locked any more


def test_crash_output_does_not_show_local_variables():
    from rich.traceback import Traceback

    app = make_app(MeetingStore.in_memory())
    app.console = Console(file=io.StringIO(), width=100)
    secret = "-".join(["Hemlig", "anteckning", "personal"])  # built at run time
    default = Console(file=io.StringIO(), width=100, record=True)
    try:
        minutes_text = secret  # noqa: F841 - a local, as a widget's text would be
        raise RuntimeError("".join(["bo", "om"]))  # a message made of typed text
    except RuntimeError:
        default.print(Traceback(show_locals=True))  # what Textual would print
        app._fatal_error()
    assert secret in default.export_text()
    out = Console(file=io.StringIO(), width=100, record=True)
    for renderable in app._exit_renderables:
        out.print(renderable)
    text = out.export_text()
    # Neither locals nor the message: both can hold the meeting's text.
    assert "RuntimeError" in text and "boom" not in text
    assert secret not in text


@run_async
async def test_names_with_brackets_are_shown_as_typed(file_store):
    from store import Participant
    from tests.support.live import council_meeting

    meeting = council_meeting()
    meeting.title = "Råd [red] [/i]"
    meeting.items[0].title = "Öppning [/b]"
    meeting.items[0].notes = "[bold]inte fet[/bold]"
    meeting.participants.append(Participant("Kim [/b] Nord"))
    mid = add_meeting(file_store, meeting)
    app = make_app(file_store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        await pilot.press(*"Kim", "enter")  # the attendance dialog finds a name by typing
        await settle(pilot)
        assert any("Kim [/b] Nord kom 13:05" in n.message for n in app.shown_notifications), [n.message for n in app.shown_notifications]
        assert isinstance(app.screen, LiveScreen)
        await pilot.press("f6")  # the checkbox names the current item
        await settle(pilot)
        await pilot.press("escape")
        await pilot.press("f9")
        await settle(pilot)
        assert "Öppning [/b]" in app.screen.plain_text()
        await pilot.press("escape")
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)


def test_autosave_keeps_every_change_within_300_ms_while_typing_on():
    """A slowish disk (30 ms a write) and a change every 15 ms for a second."""
    import asyncio

    from tui.autosave import Autosaver

    class SlowSession:
        read_only = False

        def __init__(self):
            self.saved_upto = 0  # the newest change each save contained
            self.typed = 0
            self.saves: list[tuple[float, int]] = []

        def snapshot(self):
            return self.typed  # taken on the loop, as the real session's dict is

        def save(self, snapshot=None):
            contained = snapshot
            time.sleep(0.03)  # timing: a slow disk
            self.saves.append((time.monotonic(), contained))

    async def run() -> tuple[list[float], SlowSession]:
        loop = asyncio.get_running_loop()
        saver = Autosaver(schedule=lambda d, cb: loop.call_later(d, cb),
                          on_saved=lambda stamp: None, on_error=lambda msg: None)
        session = SlowSession()
        saver.attach(session)
        typed_at = []
        for n in range(1, 67):
            session.typed = n
            typed_at.append(time.monotonic())
            saver.changed()
            await asyncio.sleep(0.015)  # timing: typing speed
        deadline = time.monotonic() + 10
        while not session.saves or session.saves[-1][1] < 66:  # the last key is saved
            assert time.monotonic() < deadline, "the last change was never saved"
            await asyncio.sleep(0.01)  # timing: poll interval
        latencies = []
        for n, at in enumerate(typed_at, start=1):
            done = next(t for t, contained in session.saves if contained >= n)
            latencies.append(done - at)
        return latencies, session

    latencies, session = asyncio.run(run())
    assert max(latencies) < 0.3, max(latencies)
    assert len(session.saves) < 20  # batched, not one write per keystroke


@run_async
async def test_quit_right_after_a_key_keeps_that_key(file_store):
    """The editor has the key but its Changed message is still queued at ctrl+q."""
    mid = add_meeting(file_store)
    app = make_app(file_store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        notes = app.screen.query_one("#notes", TextArea)
        notes.insert("Sista tecknet")  # edits at once, posts Changed for later
        await app.action_quit()  # no pause in between
    assert file_store.load(mid).items[0].notes == "Sista tecknet"


@run_async
async def test_quitting_anyway_with_a_full_disk_writes_an_importable_copy(
        file_store, tmp_path, monkeypatch):
    from importers.detect import read_meeting_file

    monkeypatch.setenv("HOME", str(tmp_path))
    mid = add_meeting(file_store)
    app = make_app(file_store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.session.save = full_disk
        await type_text(pilot, "Rädda mig")
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")  # quit anyway
        await settle(pilot)
    copy = app.emergency_copy
    assert copy is not None and copy.parent == tmp_path
    assert read_meeting_file(copy).items[0].notes == "Rädda mig"
    assert file_store.load(mid).items[0].notes == ""  # the store itself never got it


@run_async
async def test_typing_into_a_read_only_meeting_says_why_once(file_store):
    mid = add_meeting(file_store)
    holder = file_store.open(mid)  # another writer
    try:
        app = make_app(file_store, mid)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("enter")  # open read-only
            await settle(pilot)
            assert isinstance(app.focused, TextArea) and app.focused.read_only
            await type_text(pilot, "hej")
            await settle(pilot)
            warnings = [n for n in app.shown_notifications if "skrivskyddat" in n.message]
            assert len(warnings) == 1
            assert app.focused.text == app.session.meeting.items[0].notes == ""
    finally:
        holder.close()
