"""Real processes in a pty, pushed where the unit tests cannot reach: bytes the terminal
should never send, a disk that is really full, a second copy of the app.

Each test here was written against a failure found by running the app for real.
"""

from __future__ import annotations

import os
import time

import pytest

from store import MeetingStore
from tests.functional.test_live_support import council_meeting
from tests.functional.test_processes import PtyApp

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="pty")]


@pytest.fixture
def live_meeting(data_dir):
    store = MeetingStore.at(data_dir)
    return store, store.add(council_meeting(start="13:00"))


def _start(data_dir, meeting_id: str) -> PtyApp:
    app = PtyApp(data_dir, meeting_id)
    app.wait_for("Anteckningar")
    time.sleep(0.3)  # let the first frame settle before typing
    return app


def test_a_byte_that_is_not_utf8_neither_kills_the_app_nor_loses_keys(live_meeting, data_dir):
    # A Latin-1 terminal (or a mis-set locale over SSH) sends "ö" as the single byte
    # 0xF6. Textual decoded strictly: the input thread died, the app panicked with a
    # traceback and the keys read together with the byte were lost.
    store, meeting_id = live_meeting
    app = _start(data_dir, meeting_id)
    try:
        app.type("Paragraf")
        app.wait_for("Paragraf")
        os.write(app.master, b" h\xf6g")
        time.sleep(0.3)
        app.type(" justerad")
        app.wait_for("justerad")
        time.sleep(1.0)  # the autosave has run
        assert app.proc.poll() is None, app.screen_text()[-600:]
        assert "Traceback" not in app.screen_text()
    finally:
        app.close()
    assert store.load(meeting_id).items[0].notes == "Paragraf h\ufffdg justerad"
