"""The real app in a pty: start `main.py live ID` (or another command), read what it
draws, type into it, and wait for what it shows or does instead of sleeping."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
import threading
import time

from tests.conftest import ROOT, child_env

#: How long a real process may take to show or do what a test waits for. Generous: the
#: tests go on the moment it happens, so a short limit would only turn a slow, loaded
#: machine into a failure.
PATIENCE = 60.0


def _take_controlling_tty() -> None:
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class PtyApp:
    """`python main.py live ID` (or `main.py *args`) on the slave side of a pty 80x24."""

    def __init__(self, data_dir, meeting_id: str | None = None, *,
                 args: list[str] | None = None, controlling_tty: bool = False):
        if args is None:
            args = ["live", meeting_id]
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = child_env(data_dir)
        env["TERM"] = "xterm-256color"
        env.pop("TEXTUAL", None)
        self.proc = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), *args],
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

    def mark(self) -> int:
        """Where the output is now: `wait_for(text, since=mark)` wants new output."""
        with self._lock:
            return len(self.output)

    def wait_for(self, text: str, timeout: float = PATIENCE, since: int = 0) -> None:
        def drawn() -> bool:
            with self._lock:
                return text in self.output[since:].decode("utf-8", "replace")

        try:
            self.wait_until(drawn, timeout, while_running=True)
        except AssertionError:
            raise AssertionError(
                f"{text!r} never appeared on screen; tail: {self.screen_text()[-600:]!r}"
            ) from None

    def wait_until(self, condition, timeout: float = PATIENCE, what: str = "", *,
                   while_running: bool = False) -> None:
        """Poll `condition()` (the screen, the store, a file) until true or `timeout`."""
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline or (while_running and self.proc.poll() is not None):
                raise AssertionError(f"not within {timeout} s: {what or condition}; "
                                     f"tail: {self.screen_text()[-600:]!r}")
            time.sleep(0.02)  # timing: poll interval

    def wait_ready(self) -> None:
        """Live mode is drawn and its footer (mounted after the first frame) is up."""
        self.wait_for("Anteckningar")
        self.wait_for("Skjut")  # F5's label: only the footer shows it

    def type(self, text: str) -> None:
        for ch in text:
            os.write(self.master, ch.encode())
            time.sleep(0.01)  # timing: a fast typist, one key per read

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(5)
        try:
            os.close(self.master)
        except OSError:
            pass
