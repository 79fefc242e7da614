"""What the start screen says about meetings it cannot read, and about rescue copies."""

from __future__ import annotations

from store import MeetingStore
from tests.functional.test_live_support import council_meeting, make_app, run_async, settle
from tui.screens.start import StartScreen


@run_async
async def test_a_meeting_that_cannot_be_read_is_named_on_the_start_screen(data_dir):
    store = MeetingStore.at(data_dir)
    good = store.add(council_meeting())
    broken = store.add(council_meeting())  # one generation only: no backup
    store.backend.path(broken).write_bytes(b"{ half a meeting")
    app = make_app(store)
    notes = []
    app.notify = lambda message, **kw: notes.append(message)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        assert app.screen.selected_id() == good
        assert any(broken in note and "kunde inte läsas" in note for note in notes), notes
        assert not app.screen.query_one("#start-empty").display
