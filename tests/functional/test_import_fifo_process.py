"""The real app in a pty: importing a FIFO nobody writes to is refused, and the app
still quits on ctrl+q (a blocked import worker used to keep the process alive)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT, child_env
from tests.functional.test_processes import PtyApp

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="pty")]


class StartScreenApp(PtyApp):
    """`python main.py` (the start screen) in a pty, with PtyApp's reading and waiting."""

    def __init__(self, data_dir) -> None:  # noqa: D107 - PtyApp's, for another command
        import fcntl
        import pty
        import struct
        import termios
        import threading

        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = child_env(data_dir)
        env["TERM"] = "xterm-256color"
        env.pop("TEXTUAL", None)
        self.proc = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py")],
            stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT,
            start_new_session=True, close_fds=True,
        )
        os.close(slave)
        self.master = master
        self.output = bytearray()
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()


def test_fifo_import_is_refused_and_the_app_still_quits(tmp_path, data_dir):
    fifo = tmp_path / "p"
    os.mkfifo(fifo)
    app = StartScreenApp(data_dir)
    try:
        app.wait_for("Importera", timeout=30)
        time.sleep(0.3)
        app.type("i")
        app.wait_for("Läs in")
        app.type(str(fifo) + "\r")
        app.wait_for("FIFO", timeout=20)
        os.write(app.master, b"\x11")  # ctrl+q
        code = app.proc.wait(15)
    finally:
        app.close()
    assert code == 0
