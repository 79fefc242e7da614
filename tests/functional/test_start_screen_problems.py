"""What the start screen says about meetings it cannot read, and about rescue copies."""

from __future__ import annotations

from store import MeetingStore
from tests.support.live import council_meeting, make_app, run_async, settle, wait_until
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


def _full_disk(*args, **kwargs):
    from store import SaveError

    raise SaveError("Disken är full.")


@run_async
async def test_a_rescue_copy_left_by_a_crash_is_offered_on_start_and_restored(
        data_dir, monkeypatch):
    import os
    from pathlib import Path

    import tui.autosave
    from tests.support.live import type_text
    from tui.dialogs.rescue_offer import RescueOfferDialog

    monkeypatch.setattr(tui.autosave, "RETRY_DELAY", 0.1)
    store = MeetingStore.at(data_dir)
    meeting_id = store.add(council_meeting())
    home = Path(os.environ["HOME"])

    # A disk-full spell: every save fails, the app keeps a rescue copy current...
    app = make_app(store, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.session.save = _full_disk
        await type_text(pilot, "Budgeten antogs")
        await wait_until(pilot, lambda: app.rescue_copy is not None
                         and "Budgeten antogs" in app.rescue_copy.read_text(),
                         what="the rescue copy holds the text")
        copy = app.rescue_copy
        assert copy is not None and copy.parent == home
        # ...and then the app dies without a good save (the lock goes with it).
        app.session.close()
        app.session = None
    assert copy.exists()
    assert store.load(meeting_id).items[0].notes == ""

    # The next start offers the copy, saying what it holds that the meeting lacks.
    app = make_app(MeetingStore.at(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, RescueOfferDialog)
        shown = "\n".join(str(w.render()) for w in app.screen.query("Static"))
        assert "Budgeten antogs" in shown and "anteckningarna" in shown
        assert str(copy) in shown.replace("\n", "")
        await pilot.press("a")  # Återställ
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        assert app.screen.selected_id() == meeting_id
    assert store.load(meeting_id).items[0].notes == "Budgeten antogs"
    assert not copy.exists()


@run_async
async def test_later_leaves_the_copy_and_keep_both_makes_a_second_meeting(data_dir):
    from store.persistence.rescue import rescue_file_name
    import os
    from pathlib import Path

    from export.json_io import meeting_json_bytes
    from tui.dialogs.rescue_offer import RescueOfferDialog

    store = MeetingStore.at(data_dir)
    meeting_id = store.add(council_meeting())
    in_memory = store.load(meeting_id)
    in_memory.items[0].notes = "Skrivet före kraschen"
    in_memory.updated_at = "2999-01-01T00:00:00"
    copy = Path(os.environ["HOME"]) / rescue_file_name(meeting_id)
    copy.write_bytes(meeting_json_bytes(in_memory))

    for key in ("s", "b"):
        app = make_app(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, RescueOfferDialog)
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, StartScreen)
        assert copy.exists() == (key == "s")
    assert store.load(meeting_id).items[0].notes == ""
    notes = sorted(m.items[0].notes for m in store.meetings())
    assert notes == ["", "Skrivet före kraschen"]


@run_async
async def test_live_start_offers_a_copy_of_that_meeting_before_opening_it(data_dir):
    import os
    from pathlib import Path

    from export.json_io import meeting_json_bytes
    from store.persistence.rescue import rescue_file_name
    from tui.screens.live import LiveScreen
    from tui.dialogs.rescue_offer import RescueOfferDialog

    store = MeetingStore.at(data_dir)
    meeting_id = store.add(council_meeting())
    in_memory = store.load(meeting_id)
    in_memory.items[0].notes = "Skrivet före kraschen"
    in_memory.updated_at = "2999-01-01T00:00:00"
    copy = Path(os.environ["HOME"]) / rescue_file_name(meeting_id)
    copy.write_bytes(meeting_json_bytes(in_memory))

    app = make_app(store, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, RescueOfferDialog)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)
        assert app.session.meeting.items[0].notes == "Skrivet före kraschen"
    assert not copy.exists()


@run_async
async def test_the_action_list_names_a_meeting_it_cannot_read(data_dir):
    from tui.screens.action_list import ActionListScreen

    store = MeetingStore.at(data_dir)
    store.add(council_meeting())
    broken = store.add(council_meeting())
    store.backend.path(broken).write_bytes(b"")
    app = make_app(store)
    notes = []
    app.notify = lambda message, **kw: notes.append(message)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        notes.clear()
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert isinstance(app.screen, ActionListScreen)
        assert any(broken in note and "kunde inte läsas" in note for note in notes), notes
