"""The real app in a pty: importing a FIFO nobody writes to is refused, and the app
still quits on ctrl+q (a blocked import worker used to keep the process alive)."""

from __future__ import annotations

import os

import pytest

from tests.support.pty_app import PtyApp

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="pty")]


def test_fifo_import_is_refused_and_the_app_still_quits(tmp_path, data_dir):
    fifo = tmp_path / "p"
    os.mkfifo(fifo)
    app = PtyApp(data_dir, args=[])  # the start screen
    try:
        app.wait_for("Importera", timeout=30)  # in the footer: the screen is up
        app.type("i")
        app.wait_for("Läs in")
        app.type(str(fifo) + "\r")
        app.wait_for("FIFO", timeout=20)
        os.write(app.master, b"\x11")  # ctrl+q
        code = app.proc.wait(15)
    finally:
        app.close()
    assert code == 0
