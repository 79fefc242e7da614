"""Issue 10.6 in live mode: ctrl+g makes the current item standing (or not); the tree
shows it and the change is saved."""

from __future__ import annotations

from store import MeetingStore
from tests.support.live import add_meeting, make_app, run_async, settle
from tui.widgets.agenda_tree import AgendaTree
from tui.dialogs.questions import ConfirmDialog
from tui.widgets.standing_mark import STANDING_MARK


def tree_text(app) -> str:
    tree = app.screen.query_one(AgendaTree)
    return "\n".join(str(tree.get_option_at_index(i).prompt) for i in range(tree.option_count))


@run_async
async def test_ctrl_g_toggles_standing_on_the_current_item_and_saves():
    store = MeetingStore.in_memory()
    mid = add_meeting(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        item = app.screen.current
        assert item.title == "Mötet öppnas" and not item.standing
        assert STANDING_MARK not in tree_text(app)

        await pilot.press("ctrl+g")
        await settle(pilot)
        assert item.standing
        assert f"Mötet öppnas {STANDING_MARK}" in tree_text(app)
        app.save_now()
        assert store.load(mid).items[0].standing

        await pilot.press("ctrl+n", "ctrl+n", "ctrl+g")  # the sub-item 2.1 as well
        await settle(pilot)
        assert app.screen.current.title == "Finansiering" and app.screen.current.standing

        await pilot.press("ctrl+b", "ctrl+b", "ctrl+g")
        await settle(pilot)
        assert not item.standing
        assert f"Mötet öppnas {STANDING_MARK}" not in tree_text(app)
        # Typing after the toggle still goes into the notes.
        await pilot.press("x")
        await settle(pilot)
        assert app.screen.query_one("#notes").text.endswith("x")
    saved = store.load(mid)
    assert not saved.items[0].standing
    assert saved.items[1].items[0].standing


@run_async
async def test_ctrl_g_changes_nothing_in_a_read_only_meeting():
    store = MeetingStore.in_memory()
    mid = add_meeting(store)
    holder = store.open(mid)  # another program holds the meeting
    try:
        app = make_app(store, mid)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, ConfirmDialog)
            await pilot.press("enter")  # "Öppna skrivskyddat"
            await settle(pilot)
            assert app.read_only
            await pilot.press("ctrl+g")
            await settle(pilot)
            assert not app.session.meeting.items[0].standing
    finally:
        holder.close()
    assert not store.load(mid).items[0].standing
