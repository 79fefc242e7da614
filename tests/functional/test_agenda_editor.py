"""Pilot tests of the agenda editor: structure by keys, fields into the model."""

from __future__ import annotations

from textual.widgets import Input, Static, TextArea, Tree

from store import AgendaItem, Meeting, Participant
from tests.support.agenda_app import AgendaApp, tree_labels
from tests.support.live import run_async, type_key_by_key, type_text
from tui.dialogs.questions import ConfirmDialog


def sample() -> Meeting:
    return Meeting(
        title="Ledningsgrupp",
        date="2031-04-10",
        participants=[Participant("Tove Lindahl"), Participant("Olle Bergkvist")],
        items=[
            AgendaItem("Mötet öppnas"),
            AgendaItem("Föregående anteckningar"),
            AgendaItem("Budget"),
            AgendaItem("Inför regionrådet"),
            AgendaItem("Skolskjuts"),
            AgendaItem("Övriga frågor"),
        ],
    )


def outline(meeting: Meeting) -> list[str]:
    return [f"{number} {item.title}" for number, _, item in meeting.walk()]


async def select(pilot, app, title: str) -> None:
    """Put the tree's cursor on the item with this title."""
    tree = app.screen.query_one("#agenda-tree", Tree)
    tree.focus()
    await pilot.pause()
    for line in range(tree.last_line + 1):
        node = tree.get_node_at_line(line)
        if app.session.meeting.find_item(node.data).title == title:
            tree.cursor_line = line
            await pilot.pause()
            return
    raise AssertionError(title)


@run_async
async def test_indent_makes_a_sub_item_and_numbers_follow():
    app = AgendaApp(sample())
    async with app.run_test(size=(80, 24)) as pilot:
        m = app.session.meeting
        await select(pilot, app, "Skolskjuts")
        await pilot.press("alt+right")
        await pilot.pause()
        assert outline(m)[3:6] == ["4 Inför regionrådet", "4.1 Skolskjuts", "5 Övriga frågor"]
        assert "4.1. Skolskjuts" in tree_labels(app)
        assert "5. Övriga frågor" in tree_labels(app)
        # The moved item stays selected: its form shows it.
        assert app.screen.query_one("#i-title", Input).value == "Skolskjuts"
        assert "4.1" in str(app.screen.query_one("#item-message", Static).render())
        # Outdent puts it back as 5.
        await pilot.press("alt+left")
        await pilot.pause()
        assert outline(m)[4] == "5 Skolskjuts"
        assert app.changes >= 2


@run_async
async def test_move_up_and_down_renumbers():
    app = AgendaApp(sample())
    async with app.run_test(size=(80, 24)) as pilot:
        m = app.session.meeting
        await select(pilot, app, "Budget")
        await pilot.press("alt+up")
        await pilot.pause()
        assert outline(m)[1:3] == ["2 Budget", "3 Föregående anteckningar"]
        assert tree_labels(app)[1] == "2. Budget"
        await pilot.press("alt+down", "alt+down")
        await pilot.pause()
        assert [item.title for item in m.items][2:4] == ["Inför regionrådet", "Budget"]
        # At the top edge nothing moves.
        await select(pilot, app, "Mötet öppnas")
        await pilot.press("alt+up")
        await pilot.pause()
        assert m.items[0].title == "Mötet öppnas"


@run_async
async def test_add_item_after_current_and_edit_every_field():
    app = AgendaApp(sample())
    async with app.run_test(size=(80, 24)) as pilot:
        m = app.session.meeting
        await select(pilot, app, "Budget")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.focused.id == "i-title"
        await type_text(pilot, "Lokaler")
        await pilot.press("enter")  # -> presenter
        await type_text(pilot, "olle")
        await pilot.press("right")  # accept the roster name
        await pilot.press("enter")  # -> time
        await type_text(pilot, "1415")
        await pilot.press("enter")  # -> standing
        await pilot.press("space")
        await pilot.pause()
        new = m.items[3]
        assert outline(m)[3] == "4 Lokaler"
        assert "4. Lokaler ↻" in tree_labels(app)
        assert (new.presenter, new.time, new.standing) == ("Olle Bergkvist", "14:15", True)
        await pilot.press("tab")  # description
        assert app.focused.id == "i-description"
        await type_text(pilot, "Ett")
        await pilot.press("enter")
        await type_text(pilot, "- två")
        await pilot.press("tab")
        assert app.focused.id == "i-background"
        await type_text(pilot, "Bg")
        await pilot.press("tab")
        await type_text(pilot, "Ja")
        await pilot.press("tab")
        await type_text(pilot, "A.pdf")
        await pilot.press("enter", "enter")
        await type_text(pilot, "B 1.xlsx")
        await pilot.pause()
        assert new.description == "Ett\n- två"
        assert new.background == "Bg"
        assert new.proposal == "Ja"
        assert new.attachments == ["A.pdf", "B 1.xlsx"]
        # The blank line typed between the names stays in the editor.
        assert app.screen.query_one("#i-attachments", TextArea).text == (
            "A.pdf\n\nB 1.xlsx")


@run_async
async def test_bad_time_is_not_written_and_stays():
    meeting = sample()
    meeting.items[2].time = "10:00"
    app = AgendaApp(meeting)
    async with app.run_test(size=(80, 24)) as pilot:
        m = app.session.meeting
        await select(pilot, app, "Budget")
        time_input = app.screen.query_one("#i-time", Input)
        time_input.focus()
        await pilot.press("end", "backspace", "backspace", "backspace", "backspace",
                          "backspace")
        await type_key_by_key(pilot, "10:75")  # each prefix seen: "1", "10", "10:"...
        await pilot.pause()
        assert m.items[2].time is None  # emptied on the way; never "01:00" or "10:75"
        assert time_input.value == "10:75"
        assert "Ogiltig tid" in str(app.screen.query_one("#item-message", Static).render())
        await pilot.press("backspace", "backspace")
        await type_text(pilot, "45")
        await pilot.pause()
        assert m.items[2].time == "10:45"


@run_async
async def test_three_digit_time_and_an_hour_too_large_as_typed():
    app = AgendaApp(sample())
    async with app.run_test(size=(80, 24)) as pilot:
        m = app.session.meeting
        await select(pilot, app, "Budget")
        time_input = app.screen.query_one("#i-time", Input)
        time_input.focus()
        await type_text(pilot, "915")  # nine fifteen, as written on a paper agenda
        await pilot.pause()
        assert m.items[2].time == "09:15"
        assert "Ogiltig" not in str(app.screen.query_one("#item-message", Static).render())
        await pilot.press("tab")  # leaving the field shows the time as understood
        await pilot.pause()
        assert time_input.value == "09:15"
        time_input.focus()
        await pilot.pause()
        time_input.value = ""
        await type_text(pilot, "961")
        await pilot.pause()
        message = str(app.screen.query_one("#item-message", Static).render())
        assert "”961”" in message and "96:00" not in message
        # At 80 columns the whole message shows, on two lines rather than cut off.
        assert app.screen.query_one("#item-message", Static).size.height >= 2
        assert time_input.value == "961"


@run_async
async def test_delete_asks_first_and_selects_the_next():
    meeting = sample()
    meeting.items[3].items.append(AgendaItem("Budget för nästa år"))
    app = AgendaApp(meeting)
    async with app.run_test(size=(80, 24)) as pilot:
        m = app.session.meeting
        await select(pilot, app, "Inför regionrådet")
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "underpunkt" in app.screen.message
        await pilot.press("escape")
        await pilot.pause()
        assert len(m.all_items()) == 7
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert outline(m) == ["1 Mötet öppnas", "2 Föregående anteckningar", "3 Budget",
                              "4 Skolskjuts", "5 Övriga frågor"]
        assert app.screen.query_one("#i-title", Input).value == "Skolskjuts"


@run_async
async def test_title_edit_relabels_the_tree():
    app = AgendaApp(sample())
    async with app.run_test(size=(80, 24)) as pilot:
        await select(pilot, app, "Budget")
        await pilot.press("enter")  # into the form
        assert app.focused.id == "i-title"
        await pilot.press("end")
        await type_text(pilot, "uppföljning")
        await pilot.pause()
        assert app.session.meeting.items[2].title == "Budgetuppföljning"
        assert tree_labels(app)[2] == "3. Budgetuppföljning"
        await pilot.press("ctrl+t")
        assert app.focused.id == "agenda-tree"


@run_async
async def test_empty_agenda_first_item():
    app = AgendaApp(Meeting(title="Nytt", date="2031-04-10"))
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.screen.query_one("#item-editor").disabled
        await pilot.press("ctrl+n")
        await type_text(pilot, "Mötet öppnas")
        await pilot.pause()
        assert outline(app.session.meeting) == ["1 Mötet öppnas"]


@run_async
async def test_footer_shows_the_keys_at_80x24():
    app = AgendaApp(sample())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bindings = {b.binding.id for b in app.screen.active_bindings.values()
                    if b.binding.id}
        assert {"agenda.add", "agenda.delete", "agenda.move_up", "agenda.indent",
                "agenda.outdent"} <= bindings


@run_async
async def test_opens_on_the_given_item():
    meeting = sample()
    wanted = meeting.items[4]
    app = AgendaApp(meeting, item_id=wanted.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#i-title", Input).value == "Skolskjuts"
        assert app.screen.query_one("#agenda-tree", Tree).cursor_node.data == wanted.id


@run_async
async def test_titles_with_brackets_are_text_not_markup():
    meeting = sample()
    meeting.items[2].title = "[b]Budget[/b]"
    app = AgendaApp(meeting)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "3. [b]Budget[/b]" in tree_labels(app)
        await select(pilot, app, "[b]Budget[/b]")
        await pilot.press("delete")
        await pilot.pause()
        assert "[b]Budget[/b]" in str(app.screen.query_one(".dialog-message", Static).render())


@run_async
async def test_tab_from_the_tree_goes_to_the_title_and_on_through_the_fields():
    app = AgendaApp(sample())
    async with app.run_test(size=(80, 24)) as pilot:
        m = app.session.meeting
        await pilot.press("down", "down")
        await pilot.pause()
        assert app.focused.id == "agenda-tree"
        order = []
        for _ in range(5):
            await pilot.press("tab")
            await pilot.pause()
            order.append(app.focused.id)
        assert order == ["i-title", "i-presenter", "i-time", "i-standing", "i-description"]
        await type_text(pilot, "Två delar")
        await pilot.pause()
        assert m.items[2].description == "Två delar"
        assert m.items[2].standing is False
