"""Real processes in a pty: type into live mode, then kill the app in three ways.

(a) SIGHUP (the terminal was closed), (b) SIGTERM, both at once after the last key has
reached the screen (well inside the autosave window, so the signal handler's own save is
what is tested); (c) kill -9 as soon as the autosave has written the text.
Then the store is reopened and the text must be there.
"""

from __future__ import annotations

import os
import signal

import pytest

from store import MeetingStore
from tests.support.live import council_meeting
from tests.support.pty_app import PATIENCE, PtyApp

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="pty")]

NOTE = "Beslutet togs efter omrostning"


@pytest.fixture
def live_meeting(data_dir):
    store = MeetingStore.at(data_dir)
    return store, store.add(council_meeting(start="13:00"))


def start_and_type(data_dir, meeting_id: str, **kwargs) -> PtyApp:
    app = PtyApp(data_dir, meeting_id, **kwargs)
    app.wait_ready()
    app.type(NOTE)
    app.wait_for("omrostning")  # the last word has reached the screen
    return app


def assert_note_saved(store: MeetingStore, meeting_id: str) -> None:
    meeting = store.load(meeting_id)
    assert meeting.items[0].notes == NOTE
    # The lock is free again: the meeting can be opened for writing.
    store.open(meeting_id).close()


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM], ids=["sighup", "sigterm"])
def test_signal_right_after_typing_saves_the_text(live_meeting, data_dir, sig):
    store, meeting_id = live_meeting
    app = start_and_type(data_dir, meeting_id)
    try:
        os.kill(app.proc.pid, sig)
        if sig == signal.SIGHUP:
            os.close(app.master)  # and the terminal is really gone
        code = app.proc.wait(PATIENCE)
    finally:
        app.close()
    assert code == 0
    assert_note_saved(store, meeting_id)


def test_closing_the_terminal_saves_the_text(live_meeting, data_dir):
    store, meeting_id = live_meeting
    app = start_and_type(data_dir, meeting_id, controlling_tty=True)
    try:
        os.close(app.master)  # the terminal window is closed: the kernel sends SIGHUP
        code = app.proc.wait(PATIENCE)
    finally:
        app.close()
    assert code == 0
    assert_note_saved(store, meeting_id)


def test_kill_9_after_the_autosave_keeps_the_text(live_meeting, data_dir):
    store, meeting_id = live_meeting
    app = start_and_type(data_dir, meeting_id)
    try:
        # The autosave runs on its own: kill -9 as soon as it has written the text.
        app.wait_until(lambda: store.load(meeting_id).items[0].notes == NOTE,
                       what="the autosave")
        os.kill(app.proc.pid, signal.SIGKILL)
        app.proc.wait(PATIENCE)
    finally:
        app.close()
    assert_note_saved(store, meeting_id)


def test_ctrl_q_saves_and_quits(live_meeting, data_dir):
    store, meeting_id = live_meeting
    app = start_and_type(data_dir, meeting_id)
    try:
        os.write(app.master, b"\x11")  # ctrl+q
        code = app.proc.wait(PATIENCE)
    finally:
        app.close()
    assert code == 0
    assert_note_saved(store, meeting_id)


def test_sighup_inside_the_action_dialog_keeps_the_draft(live_meeting, data_dir):
    store, meeting_id = live_meeting
    app = PtyApp(data_dir, meeting_id)
    try:
        app.wait_ready()
        os.write(app.master, b"\x1bOR")  # F3: a new action
        app.wait_for("Ny åtgärd")
        app.type("Ring kommunen")
        app.wait_for("kommunen")
        os.kill(app.proc.pid, signal.SIGHUP)
        os.close(app.master)
        app.proc.wait(PATIENCE)
    finally:
        app.close()
    actions = store.load(meeting_id).items[0].actions
    assert [a.text for a in actions] == ["Ring kommunen"]


def test_bracketed_paste_is_reflowed_keeping_paragraphs(live_meeting, data_dir):
    store, meeting_id = live_meeting
    app = PtyApp(data_dir, meeting_id)
    try:
        app.wait_ready()
        os.write(app.master, b"\x1b[200~rad ett\nrad tv\xc3\xa5\r\n\r\nrad tre\x1b[201~")
        app.wait_for("rad tre")
        os.write(app.master, b"\x11")  # ctrl+q
        assert app.proc.wait(PATIENCE) == 0
    finally:
        app.close()
    # A paragraph's hard line break joined, the blank-line break kept (issue 10.5).
    assert store.load(meeting_id).items[0].notes == "rad ett rad två\n\nrad tre"
