"""Live mode: while the secretary types, the status line's news goes out with a keystroke.

The pacing itself is tests/unit/test_status_pacing.py; here, that live mode feeds it:
edits of the notes, the clock and the saves. TYPING_PAUSE is made long so that nothing
depends on how fast this machine is.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from store import MeetingStore, SaveError
from tests.support.live import NOW, add_meeting, make_app, run_async, settle, type_text, wait_until
import tui.status_pacing
from tui.save_state import SaveState, Saving


def status(app) -> str:
    return str(app.screen.query_one("#live-status").content)


@pytest.fixture
def long_pause(monkeypatch):
    """Whoever typed counts as typing for ten minutes: only a keystroke draws."""
    monkeypatch.setattr(tui.status_pacing, "TYPING_PAUSE", 600.0)


@run_async
@pytest.mark.usefixtures("long_pause")
async def test_a_save_while_typing_is_shown_with_the_next_keystroke(file_store: MeetingStore):
    app = make_app(file_store, add_meeting(file_store))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.clock = lambda: NOW + timedelta(minutes=2)  # the saves' times change
        await type_text(pilot, "Ordf")
        await wait_until(pilot, lambda: app.save_state == SaveState(Saving.SAVED, "13:07:00"),
                         what="the save of the typing")
        await settle(pilot)
        assert "13:07:00" not in status(app)  # still typing: no frame of its own
        await type_text(pilot, "ö")
        assert "13:07:00  Sparat 13:07:00" in status(app)  # clock and save, with the key


@run_async
@pytest.mark.usefixtures("long_pause")
async def test_a_failed_save_is_shown_at_once_even_while_typing(file_store: MeetingStore):
    def full_disk(**kwargs):
        raise SaveError("Disken är full.")

    app = make_app(file_store, add_meeting(file_store))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.session.save = full_disk
        await type_text(pilot, "Viktigt")
        await wait_until(pilot, lambda: app.save_state.kind is Saving.FAILED, what="a failure")
        await settle(pilot)
        assert app.save_state.text in status(app)


@run_async
async def test_without_typing_the_status_is_drawn_at_once(file_store: MeetingStore):
    app = make_app(file_store, add_meeting(file_store))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_text(pilot, "Klart")
        # The default pause: the save is shown once the typing has stopped.
        await wait_until(pilot, lambda: "Sparat" in status(app), what="the save on screen")
