"""`motesbok live ID`: what live mode's first frame needs, and nothing more, comes first.

The meeting is the app's first screen (tui/live_start.py); what live mode holds back
(the footer, the owner history) must not be there yet when the app is ready, and must
come right after. A dialog offered before the meeting opens is drawn whole.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from store import MeetingStore
from tests.conftest import ROOT
from tests.support.live import NOW, add_meeting, make_app, run_async, wait_until
from tui.screens.live import LiveScreen


def _app_recording_footers_at_ready(store, meeting_id):
    from tui.app import MotesbokApp

    seen: list[int] = []

    class Recording(MotesbokApp):
        CSS_PATH = Path(sys.modules[MotesbokApp.__module__].__file__).with_name("app.tcss")

        def on_ready(self) -> None:
            # Textual calls each class's on_ready in turn: the app's own runs after this.
            seen.append(len(self.screen.query("Footer")))

    app = Recording(store, live_meeting_id=meeting_id)
    app.clock = lambda: NOW
    return app, seen


@run_async
async def test_live_mode_mounts_its_footer_only_after_the_first_frame():
    store = MeetingStore.in_memory()
    app, footers_at_ready = _app_recording_footers_at_ready(store, add_meeting(store))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: footers_at_ready, what="the app ready")
        assert isinstance(app.screen, LiveScreen)  # the meeting is the first frame
        assert footers_at_ready == [0]
        await wait_until(pilot, lambda: app.screen.query("Footer"), what="the footer")
        await wait_until(pilot, lambda: "Beslut" in "".join(
            str(key.render()) for key in app.screen.query("FooterKey")), what="its keys")


#: Starts live mode in a fresh process (nothing imported by other tests) and prints the
#: modules loaded when the app is ready, i.e. those the first frame waited for.
LOADED_AT_READY = """
import asyncio, json, sys
from store import MeetingStore
from tests.support.live import add_meeting
from tui.app import MotesbokApp

store = MeetingStore.in_memory()
seen = []

class Recording(MotesbokApp):
    CSS_PATH = sys.modules[MotesbokApp.__module__].__file__.replace("app.py", "app.tcss")

    def on_ready(self):
        seen.append(sorted(sys.modules))

async def main():
    app = Recording(store, live_meeting_id=add_meeting(store))
    async with app.run_test(size=(80, 24)) as pilot:
        while not seen:
            await pilot.pause()
        from tui.screens.live import LiveScreen

        assert isinstance(app.screen, LiveScreen), app.screen

asyncio.run(main())
print(json.dumps(seen[0]))
"""


def test_live_mode_waits_for_no_footer_owner_history_or_rescue_dialog():
    result = subprocess.run([sys.executable, "-c", LOADED_AT_READY], cwd=ROOT,
                            env=dict(os.environ, PYTHONPATH=str(ROOT)),
                            capture_output=True, text=True, timeout=120, check=True)
    loaded = set(json.loads(result.stdout.splitlines()[-1]))
    assert "tui.screens.live" in loaded  # the check sees what live mode loads
    held_back = {
        "textual.widgets._footer",  # the footer comes after the first frame
        "store.persistence.series",  # so does the owner history, read in a thread
        "tui.dialogs.rescue_offer",  # the rescue dialog only when there is a copy
        # A minutes meeting needs none of the protocol's rules or its line widget.
        "store.domain.protocol_record",
        "store.domain.chair_conflict",
        "store.domain.serving",
        "store.domain.protocol_text",  # the JSON reader loads it for a § with a vote
        "store.domain.protocol_procedure",
        "store.domain.protocol_text",
        "tui.widgets.protocol_line",
        "tui.screens.live_chair",  # the palette's entries load when it asks
    }
    assert not held_back & loaded


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="pty")
def test_live_mode_first_frame_is_the_whole_screen(data_dir):
    # Textual rendered live mode inside its start-up batch and threw that frame away,
    # with the compositor's record of what needed drawing: the first frame that reached
    # the terminal left out the title row, which came only with a later frame
    # (tui/compat.NoFrameInBatch). A frame is drawn top down, so the title comes first.
    from bench.startup import thirty_item_meeting  # what the start-up benchmark opens
    from tests.support.pty_app import PtyApp

    meeting = thirty_item_meeting()
    app = PtyApp(data_dir, MeetingStore.at(data_dir).add(meeting))
    try:
        app.wait_for("Anteckningar")
        drawn = app.screen_text()
        assert -1 < drawn.find(meeting.title) < drawn.find("Anteckningar")
    finally:
        app.close()


@run_async
async def test_live_mode_draws_the_item_once_before_it_shows(monkeypatch):
    # The screen's first showing (ScreenResume) drew the item pane, its decisions and
    # actions and the agenda's labels a second time, right after on_mount had drawn
    # them with nothing in between; a real return (from a dialog) still redraws.
    import tui.screens.live as live_module

    drawn: list[str] = []
    real = live_module.agenda_text
    monkeypatch.setattr(live_module, "agenda_text",
                        lambda item: drawn.append(item.id) or real(item))
    store = MeetingStore.in_memory()
    app = make_app(store, add_meeting(store))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.screen.query("Footer"), what="the first frame")
        assert len(drawn) == 1
        await pilot.press("f1")  # the help screen over live mode, then back
        await wait_until(pilot, lambda: not isinstance(app.screen, LiveScreen), what="help")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, LiveScreen), what="back")
        await wait_until(pilot, lambda: len(drawn) == 2, what="the item drawn again")


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="pty")
def test_a_dialog_offered_before_the_meeting_opens_is_drawn_whole(data_dir):
    # A rescue copy of the meeting is offered before `live ID` opens it: the dialog is
    # pushed in App.on_mount, inside Textual's start-up batch, whose frame was thrown
    # away with the record of what needed drawing (tui/compat.NoFrameInBatch): the
    # first frame showing the dialog drew only the dialog's rows, none from the top.
    from bench.startup import thirty_item_meeting
    from export.json_io import meeting_json_bytes
    from store.persistence.rescue import rescue_file_name
    from tests.support.pty_app import PtyApp

    store = MeetingStore.at(data_dir)
    meeting_id = store.add(thirty_item_meeting())
    newer = store.load(meeting_id)
    newer.items[0].notes = "Skrivet före kraschen"
    newer.updated_at = "2999-01-01T00:00:00"
    (Path(os.environ["HOME"]) / rescue_file_name(meeting_id)).write_bytes(
        meeting_json_bytes(newer))
    app = PtyApp(data_dir, meeting_id)
    try:
        app.wait_for("Nödkopia hittad")
        drawn = app.screen_text()
        assert "\x1b[1;1H" in drawn[:drawn.find("Nödkopia hittad")]  # the top row first
    finally:
        app.close()
