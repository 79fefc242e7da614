"""The import's unplaced text in the agenda editor (Meeting.unplaced): a last line of the
tree without a number, so the §§ are the ärenden's alone; its pane edits the text, a line
is moved into an ärende by cut and paste, and delete removes the rest after a question."""

from __future__ import annotations

from textual.widgets import TextArea, Tree

from store import AgendaItem, Meeting
from store.domain.model import UNPLACED_TITLE
from store.domain.protocol import PROTOCOL
from tests.support.agenda_app import AgendaApp, tree_labels
from tests.support.live import run_async, settle
from tui.dialogs.questions import ConfirmDialog
from tui.widgets.unplaced_note import UnplacedNote

LEFTOVER = "Ur tjänsteskrivelsen till 12/31 Lekplats vid Ekbacken:\nAvdelning park och natur"


def protocol() -> Meeting:
    return Meeting(
        title="Fritidsnämnden", date="2031-05-06", kind=PROTOCOL, body="Fritidsnämnden",
        first_paragraph=12,
        items=[AgendaItem("Lekplats vid Ekbacken", case_number="12/31"),
               AgendaItem("Badplatsens öppettider", case_number="13/31")],
        unplaced="Förhinder anmäls senast dagen före.\n\n" + LEFTOVER,
    )


async def to_last_line(pilot, app) -> None:
    tree = app.screen.query_one("#agenda-tree", Tree)
    tree.focus()
    tree.cursor_line = tree.last_line
    await settle(pilot)


@run_async
async def test_the_unplaced_text_is_last_unnumbered_and_is_moved_or_deleted():
    app = AgendaApp(protocol())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        meeting = app.session.meeting
        assert tree_labels(app) == ["§ 12 Lekplats vid Ekbacken", "§ 13 Badplatsens öppettider",
                                    UNPLACED_TITLE]
        note = app.screen.query_one(UnplacedNote)
        assert not note.display

        await to_last_line(pilot, app)
        assert note.display and not app.screen.query_one("#item-editor").display
        area = app.screen.query_one("#unplaced-text", TextArea)
        assert area.text == meeting.unplaced
        # Enter goes into the text; ctrl+x cuts the line the cursor is on.
        await pilot.press("enter")
        await settle(pilot)
        assert area.has_focus
        area.move_cursor((3, 0))
        await pilot.press("ctrl+x")
        await settle(pilot)
        assert "Avdelning park och natur" not in meeting.unplaced
        changes = app.changes
        assert changes > 0

        # ... and pastes it into the first ärende's Ärendebeskrivning.
        tree = app.screen.query_one("#agenda-tree", Tree)
        tree.focus()
        tree.cursor_line = 0
        await settle(pilot)
        assert not note.display and app.screen.query_one("#item-editor").display
        background = app.screen.query_one("#i-background", TextArea)
        background.focus()
        await pilot.press("ctrl+v")
        await settle(pilot)
        assert "Avdelning park och natur" in meeting.items[0].background

        # Delete on the line asks, escape keeps it, yes removes it and the line goes.
        await to_last_line(pilot, app)
        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog) and "ej placerade" in app.screen.message
        await pilot.press("escape")
        await settle(pilot)
        assert meeting.unplaced
        await pilot.press("delete")
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        assert meeting.unplaced == ""
        assert tree_labels(app) == ["§ 12 Lekplats vid Ekbacken", "§ 13 Badplatsens öppettider"]
        assert [item.title for item in meeting.items] == ["Lekplats vid Ekbacken",
                                                          "Badplatsens öppettider"]


def test_the_unplaced_pane_at_80x24(snap_compare):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await to_last_line(pilot, pilot.app)

    assert snap_compare(AgendaApp(protocol()), terminal_size=(80, 24), run_before=run_before)
