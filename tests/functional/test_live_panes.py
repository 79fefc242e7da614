"""Live mode's panes are widgets of their own (tui/widgets) that ask the screen by
messages; the notes editor writes each edit into the model in the same call."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from store import MeetingStore
from tests.support.live import add_meeting, make_app, run_async, settle
from tui.widgets.notes_area import NotesArea

ROOT = Path(__file__).resolve().parents[2]


@run_async
async def test_each_notes_edit_is_in_the_model_at_once():
    store = MeetingStore.in_memory()
    mid = add_meeting(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        notes = app.screen.query_one("#notes", NotesArea)
        item = app.session.meeting.items[0]
        # No await in between: no queued Changed message can have been handled.
        notes.insert("Klubban föll")
        assert item.notes == "Klubban föll"
        notes.delete((0, 0), (0, 8))
        assert item.notes == "föll"
        notes.undo()
        assert item.notes == "Klubban föll"
        notes.redo()
        assert item.notes == "föll"
        # ...and saving right now (ctrl+q, a signal) writes it.
        assert app.save_now()
    assert store.load(mid).items[0].notes == "föll"


@run_async
async def test_notes_go_with_their_item_when_moving_on():
    store = MeetingStore.in_memory()
    mid = add_meeting(store)
    app = make_app(store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        notes = app.screen.query_one("#notes", NotesArea)
        notes.insert("Första")
        await pilot.press("ctrl+n")
        notes.insert("Andra")
        first, second = app.session.meeting.all_items()[:2]
        assert (first.notes, second.notes) == ("Första", "Andra")


WIDGET_FILES = sorted((ROOT / "tui" / "widgets").glob("*.py"))


@pytest.mark.parametrize("path", WIDGET_FILES, ids=lambda p: p.name)
def test_widgets_know_no_screen(path):
    """A widget never imports a screen module: it posts messages instead."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            module = ("." * node.level) + (node.module or "")
            assert "screens" not in module, f"{path.name} imports {module}"
