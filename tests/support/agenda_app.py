"""The agenda editor alone in a small app (the real app's contract: store, session,
mark_changed()), and the tree's labels as text: shared by the agenda editor's tests."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Tree

from store import Meeting, MeetingStore
from tui.screens.agenda_editor import AgendaEditorScreen


class AgendaApp(App):
    """The contract of the real app: store, session, mark_changed()."""

    def __init__(self, meeting: Meeting, item_id: str | None = None):
        super().__init__()
        self.item_id = item_id
        self.store = MeetingStore.in_memory()
        self.store.add(meeting)
        self.session = self.store.open(meeting.id)
        self.changes = 0

    def mark_changed(self) -> None:
        self.changes += 1

    def on_mount(self) -> None:
        self.push_screen(AgendaEditorScreen(item_id=self.item_id))

    def on_unmount(self) -> None:
        self.session.close()


def tree_labels(app) -> list[str]:
    tree = app.screen.query_one("#agenda-tree", Tree)
    out = []

    def rec(node):
        for child in node.children:
            out.append(str(child.label))
            rec(child)

    rec(tree.root)
    return out
