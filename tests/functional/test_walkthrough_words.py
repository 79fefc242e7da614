"""What a secretary read at 80x24 in the walkthrough: the preview's title is Swedish as
written ("Hela mötesanteckningarna", not "Hela mötesanteckningar")."""

from __future__ import annotations

from textual.widgets import Static

from tests.support.live import make_app, run_async, settle
from tests.support.samples import sample_store


@run_async
async def test_preview_of_the_whole_document_names_it_in_the_definite_form():
    store, meeting_id = sample_store()
    app = make_app(store, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f9")
        await settle(pilot)
        title = app.screen.query_one("#preview-title", Static)
        assert str(title.render()).endswith("Aktuell punkt")
        await pilot.press("h")
        await settle(pilot)
        assert str(title.render()) == "Förhandsgranskning – Hela mötesanteckningarna"
