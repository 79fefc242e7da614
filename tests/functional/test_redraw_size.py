"""Real process in a pty: what typing and a save draw. Their own rows, not the screen.

Textual repaints the whole screen when a reactive attribute of the App changes; the save
state was one, so every save (several a second while typing) redrew all 24 rows and held
back the next keystroke's echo by a frame (bench/keystroke.py). Checked here in what
reaches the terminal, whatever would cause such a redraw: the agenda column (the rows'
first cells) is left alone while the secretary types into the notes and the app saves.
"""

from __future__ import annotations

import os
import re
import time

import pytest

from store import MeetingStore
from tests.support.live import council_meeting
from tests.support.pty_app import PtyApp

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="pty")]

#: A redraw that starts in the screen's first column ("\x1b[ROW;1H").
FROM_THE_LEFT_EDGE = re.compile(rb"\x1b\[(\d+);1H")


def test_typing_and_its_save_leave_the_agenda_column_alone(data_dir):
    store = MeetingStore.at(data_dir)
    meeting_id = store.add(council_meeting(start="13:00"))
    app = PtyApp(data_dir, meeting_id)
    try:
        app.wait_ready()
        # Once to let the start settle (the footer and the first save are laid out while
        # the first letters arrive), then two rounds that count. Each round ends in a
        # later second than its save, so every save shows a new time: each changes the
        # save state.
        marks, typed = [], ""
        for letters in ("Qz", "wy", "xv"):
            marks.append(app.mark())
            app.type(letters)
            typed += letters
            app.wait_until(lambda: store.load(meeting_id).items[0].notes == typed,
                           what="the save")
            saved_in = time.strftime("%H:%M:%S")
            app.wait_until(lambda: time.strftime("%H:%M:%S") != saved_in, what="a new second")
        app.type("7")
        app.wait_for("7", since=marks[-1])  # drawn after all that the saves drew
        drawn = bytes(app.output[marks[1]:])
        # Row 1 is the title beside the status line, laid out again when the status's
        # width changes; rows 2-21 are the agenda column.
        rows = sorted({int(row) for row in FROM_THE_LEFT_EDGE.findall(drawn)} - {1})
        assert not rows, f"rows {rows} redrawn from the left edge for five letters and two saves"
    finally:
        app.close()
