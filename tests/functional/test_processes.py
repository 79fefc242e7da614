"""Real processes in a pty: type into live mode, then kill the app in three ways.

(a) SIGHUP (the terminal was closed), (b) SIGTERM, both at once after the last key has
reached the screen (well inside the autosave window, so the signal handler's own save is
what is tested); (c) kill -9 one second after the last key (the autosave must have run).
Then the store is reopened and the text must be there.
"""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import threading
import time

import pytest

from store import MeetingStore
from tests.conftest import ROOT, child_env
from tests.functional.test_live_support import council_meeting

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="pty")]

NOTE = "Beslutet togs efter omrostning"


def _take_controlling_tty() -> None:
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class PtyApp:
    """`python main.py live ID` on the slave side of a pty sized 80x24."""

    def __init__(self, data_dir, meeting_id: str, *, controlling_tty: bool = False):
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = child_env(data_dir)
        env["TERM"] = "xterm-256color"
        env.pop("TEXTUAL", None)
        self.proc = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "live", meeting_id],
            stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT,
            start_new_session=True, close_fds=True,
            # As in a real terminal: the pty is the session's controlling terminal, so
            # closing it makes the kernel send SIGHUP.
            preexec_fn=_take_controlling_tty if controlling_tty else None,
        )
        os.close(slave)
        self.master = master
        self.output = bytearray()
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            with self._lock:
                self.output.extend(chunk)

    def screen_text(self) -> str:
        with self._lock:
            return self.output.decode("utf-8", "replace")

    def wait_for(self, text: str, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in self.screen_text():
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.02)
        raise AssertionError(
            f"{text!r} never appeared on screen; tail: {self.screen_text()[-600:]!r}"
        )

    def type(self, text: str) -> None:
        for ch in text:
            os.write(self.master, ch.encode())
            time.sleep(0.01)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(5)
        try:
            os.close(self.master)
        except OSError:
            pass


@pytest.fixture
def live_meeting(data_dir):
    store = MeetingStore.at(data_dir)
    return store, store.add(council_meeting(start="13:00"))


def start_and_type(data_dir, meeting_id: str, **kwargs) -> PtyApp:
    app = PtyApp(data_dir, meeting_id, **kwargs)
    app.wait_for("Anteckningar")
    time.sleep(0.3)  # let the first frame settle before typing
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
        code = app.proc.wait(10)
    finally:
        app.close()
    assert code == 0
    assert_note_saved(store, meeting_id)


def test_closing_the_terminal_saves_the_text(live_meeting, data_dir):
    store, meeting_id = live_meeting
    app = start_and_type(data_dir, meeting_id, controlling_tty=True)
    try:
        os.close(app.master)  # the terminal window is closed: the kernel sends SIGHUP
        code = app.proc.wait(10)
    finally:
        app.close()
    assert code == 0
    assert_note_saved(store, meeting_id)


def test_kill_9_one_second_after_typing_keeps_the_text(live_meeting, data_dir):
    store, meeting_id = live_meeting
    app = start_and_type(data_dir, meeting_id)
    try:
        time.sleep(1.0)
        os.kill(app.proc.pid, signal.SIGKILL)
        app.proc.wait(10)
    finally:
        app.close()
    assert_note_saved(store, meeting_id)


def test_ctrl_q_saves_and_quits(live_meeting, data_dir):
    store, meeting_id = live_meeting
    app = start_and_type(data_dir, meeting_id)
    try:
        os.write(app.master, b"\x11")  # ctrl+q
        code = app.proc.wait(10)
    finally:
        app.close()
    assert code == 0
    assert_note_saved(store, meeting_id)


def test_sighup_inside_the_action_dialog_keeps_the_draft(live_meeting, data_dir):
    store, meeting_id = live_meeting
    app = PtyApp(data_dir, meeting_id)
    try:
        app.wait_for("Anteckningar")
        time.sleep(0.3)
        os.write(app.master, b"\x1bOR")  # F3: a new action
        app.wait_for("Ny åtgärd")
        time.sleep(0.2)
        app.type("Ring kommunen")
        app.wait_for("kommunen")
        os.kill(app.proc.pid, signal.SIGHUP)
        os.close(app.master)
        app.proc.wait(10)
    finally:
        app.close()
    actions = store.load(meeting_id).items[0].actions
    assert [a.text for a in actions] == ["Ring kommunen"]


def test_bracketed_paste_is_reflowed_keeping_paragraphs(live_meeting, data_dir):
    store, meeting_id = live_meeting
    app = PtyApp(data_dir, meeting_id)
    try:
        app.wait_for("Anteckningar")
        time.sleep(0.3)
        os.write(app.master, b"\x1b[200~rad ett\nrad tv\xc3\xa5\r\n\r\nrad tre\x1b[201~")
        app.wait_for("rad tre")
        os.write(app.master, b"\x11")  # ctrl+q
        assert app.proc.wait(10) == 0
    finally:
        app.close()
    # A paragraph's hard line break joined, the blank-line break kept (issue 10.5).
    assert store.load(meeting_id).items[0].notes == "rad ett rad två\n\nrad tre"
