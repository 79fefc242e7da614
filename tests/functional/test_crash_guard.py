"""No unexpected exception ends a live meeting (issue 10.2).

Exceptions are injected into a key handler and into a worker: the app goes on, a dialog
shows where it happened without the meeting's text, and everything typed is saved. A
stop that cannot be avoided is offered for reopening at the next start.
"""

from __future__ import annotations

import pytest

from store import Action
from tests.support.live import (
    add_meeting,
    council_meeting,
    make_app,
    run_async,
    settle,
    type_text,
)
from tui.dialogs.error import ErrorDialog
from tui.screens.live import LiveScreen
from tui.screens.start import StartScreen
from tui.dialogs.questions import ConfirmDialog

#: Typed into the notes; must never show in an error report.
SECRET = "Kerstin sjukskriven"


def shown_traceback(app) -> str:
    dialog = app.screen
    assert isinstance(dialog, ErrorDialog), f"no error dialog, but {dialog!r}"
    return str(dialog.query_one("#error-traceback").content)


@run_async
async def test_an_exception_in_a_key_handler_is_shown_and_the_meeting_goes_on(
        file_store, monkeypatch):
    mid = add_meeting(file_store)
    app = make_app(file_store, mid)

    def broken(self) -> None:
        notes = self.query_one("#notes").text
        raise RuntimeError(f"trasig: {notes}")

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_text(pilot, SECRET)
        monkeypatch.setattr(LiveScreen, "action_next_item", broken)
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert app.is_running and app.return_code is None
        text = shown_traceback(app)
        assert "in broken" in text and "RuntimeError" in text
        assert SECRET not in text and "Kerstin" not in text
        # Saved at once, before any autosave delay.
        assert file_store.load(mid).items[0].notes == SECRET
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)
        await type_text(pilot, " idag")
        monkeypatch.undo()
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert app.screen.current.title == "Bredband på landsbygden"
    assert file_store.load(mid).items[0].notes == SECRET + " idag"


@run_async
async def test_an_exception_in_a_worker_is_shown_and_the_meeting_goes_on(
        file_store, monkeypatch):
    import tui.action_done as action_done

    meeting = council_meeting()
    meeting.items[0].actions.append(Action("Boka lokal", owner="Vera Holmqvist"))
    mid = add_meeting(file_store, meeting)
    app = make_app(file_store, mid)

    def broken(app, action_id, done, reply_to) -> None:
        raise OSError(f"kunde inte läsa {SECRET}")

    monkeypatch.setattr(action_done, "_toggle_now", broken)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_text(pilot, SECRET)
        app.screen.query_one("#actions").focus()
        await pilot.press("space")
        await settle(pilot)
        await settle(pilot)
        assert app.is_running and app.return_code is None
        text = shown_traceback(app)
        assert "OSError" in text and SECRET not in text
        assert file_store.load(mid).items[0].notes == SECRET
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)


@run_async
async def test_a_fatal_stop_is_offered_for_reopening_at_the_same_item(file_store, monkeypatch):
    from tui.screens.preview import PreviewScreen

    mid = add_meeting(file_store)
    app = make_app(file_store, mid)

    def broken_compose(self):
        raise RuntimeError(f"kan inte bygga {SECRET}")

    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("ctrl+n")  # to item 2
            await settle(pilot)
            await type_text(pilot, SECRET)
            monkeypatch.setattr(PreviewScreen, "compose", broken_compose)
            await pilot.press("f9")  # a screen that cannot be built: the app must stop
            await settle(pilot)
    assert app.return_code == 1
    meeting = file_store.load(mid)
    assert meeting.items[1].notes == SECRET
    item_id = meeting.items[1].id
    monkeypatch.undo()

    again = make_app(file_store)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        question = again.screen
        assert isinstance(question, ConfirmDialog)
        assert "Bredband på landsbygden" in question.message
        await pilot.press("j")
        await settle(pilot)
        assert isinstance(again.screen, LiveScreen)
        assert again.screen.item_id == item_id
        assert again.screen.query_one("#notes").text == SECRET

    # Offered once: the next start goes to the meeting list as usual.
    third = make_app(file_store)
    async with third.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(third.screen, StartScreen)
