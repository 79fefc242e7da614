"""Live mode's agenda: after every move the labels are exactly what each item's state
says, and a move redraws only the labels that changed (each replaced label makes the
list measure its options again)."""

from __future__ import annotations

from store import MeetingStore
from tests.support.live import add_meeting, make_app, run_async, settle
from tui.widgets.agenda_tree import AgendaTree, tree_label


def prompts(tree: AgendaTree) -> list:
    return [tree.get_option_at_index(i).prompt for i in range(tree.option_count)]


def expected(app, current_id: str) -> list[str]:
    return [tree_label(number, depth, item, item.id == current_id).plain
            for number, depth, item in app.session.meeting.walk()]


@run_async
async def test_moving_redraws_only_the_two_labels_that_changed():
    store = MeetingStore.in_memory()
    app = make_app(store, add_meeting(store))
    # Wide enough that no title is shortened with … (fitting has its own tests in
    # test_long_titles.py): the labels compare with the unfitted ones.
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(AgendaTree)
        for key in ["ctrl+n", "ctrl+n", "f4", "ctrl+b", "f5", "ctrl+n"]:
            before = prompts(tree)
            await pilot.press(key)
            await settle(pilot)
            after = prompts(tree)
            assert [str(p) for p in after] == expected(app, app.screen.item_id), key
            replaced = [i for i, (old, new) in enumerate(zip(before, after)) if old is not new]
            changed = [i for i, (old, new) in enumerate(zip(before, after))
                       if (str(old), old.style) != (str(new), new.style) or old != new]
            assert replaced == changed, key
            assert len(replaced) <= 3, (key, replaced)  # old, new current; a marked one
