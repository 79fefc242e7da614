"""Pilot tests of the action and decision dialogs and the owner/due-date inputs."""

from __future__ import annotations

from datetime import date

from textual.app import App
from textual.widgets import Input, Static, TextArea

from store import Action, Decision
from tests.support.live import run_async, steady_cursor, type_text, typed_through
from tui.dialogs.action import ActionDialog
from tui.dialogs.decision import DecisionDialog
from tui.widgets.due_date_input import DueDateInput
from tui.widgets.owner_input import OwnerInput

TODAY = date(2031, 4, 2)  # a Wednesday
ROSTER = ["Tove Lindahl", "Olle Bergkvist", "Vera Holmqvist", "Kansliet"]
NOTHING = object()



class DialogApp(App):
    """Pushes one dialog and keeps what it dismissed with; counts mark_changed()."""

    def __init__(self, screen_factory):
        super().__init__()
        self.screen_factory = screen_factory
        self.result = NOTHING
        self.changes = 0

    def mark_changed(self) -> None:
        self.changes += 1

    def on_mount(self) -> None:
        self.push_screen(self.screen_factory(), self._done)

    def _done(self, result) -> None:
        self.result = result


def action_app(action=None):
    return DialogApp(lambda: ActionDialog(action, ROSTER, TODAY))


@run_async
async def test_new_action_with_completion_and_weekday():
    app = action_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "Boka lokal")
        await pilot.press("tab")
        await type_text(pilot, "olle")
        await pilot.pause()
        await pilot.press("right")  # accept the completion
        assert app.screen.query_one("#owner", Input).value == "Olle Bergkvist"
        await pilot.press("tab")
        await type_text(pilot, "fredag")
        await pilot.pause()
        assert "fredag 4 april 2031" in str(app.screen.query_one(DueDateInput).border_subtitle)
        await pilot.press("enter")
        await pilot.pause()
    assert isinstance(app.result, Action)
    assert (app.result.text, app.result.owner, app.result.due) == (
        "Boka lokal", "Olle Bergkvist", "2031-04-04")


@run_async
async def test_owner_completion_matches_a_surname():
    app = action_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "Ring")
        await pilot.press("tab")
        await type_text(pilot, "holmq")
        await pilot.pause()
        owner = app.screen.query_one("#owner", OwnerInput)
        assert owner.completion == "Vera Holmqvist"
        # Shown as where it leads, since it does not continue what was typed.
        assert owner.render_line(0).text.strip() == "holmq  → Vera Holmqvist"
        await pilot.press("right")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.result.owner == "Vera Holmqvist"


@run_async
async def test_tab_accepts_the_owner_completion_and_moves_on():
    app = action_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "Ring")
        await pilot.press("tab")
        await type_text(pilot, "olle")
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        assert app.screen.query_one("#owner", Input).value == "Olle Bergkvist"
        assert isinstance(app.focused, DueDateInput)
        await type_text(pilot, "idag")
        await pilot.press("enter")
        await pilot.pause()
    assert (app.result.owner, app.result.due) == ("Olle Bergkvist", "2031-04-02")


@run_async
async def test_owner_free_text_is_kept_without_accepting():
    app = action_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "Skriv PM")
        await pilot.press("tab")
        await type_text(pilot, "Kans")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    assert app.result.owner == "Kans"
    assert app.result.due is None


DUE_FORMS = [
    ("2031-04-08", "2031-04-08"),
    ("8/4", "2031-04-08"),
    ("1/4", "2032-04-01"),
    ("8/4-2031", "2031-04-08"),
    ("8 april", "2031-04-08"),
    ("idag", "2031-04-02"),
    ("imorgon", "2031-04-03"),
    ("fredag", "2031-04-04"),
    ("om 2 veckor", "2031-04-16"),
    ("nästa vecka", "2031-04-07"),
]


@run_async
async def test_each_due_date_form():
    # One app, one dialog per form, typed into the due-date field (what each single
    # keystroke does: tests/functional/test_due_date_input.py).
    app = action_app()
    results = []
    async with app.run_test(size=(80, 24)) as pilot:
        for index, (typed, _) in enumerate(DUE_FORMS):
            if index:
                app.push_screen(ActionDialog(None, ROSTER, TODAY), results.append)
                await pilot.pause()
            app.screen.query_one("#text", Input).value = f"Uppgift {index}"
            app.screen.query_one("#due", Input).focus()
            await type_text(pilot, typed)
            await pilot.press("enter")
            await pilot.pause()
            if index == 0:
                results.append(app.result)
    assert [action.due for action in results] == [due for _, due in DUE_FORMS]
    assert [action.text for action in results] == [f"Uppgift {i}" for i in range(len(DUE_FORMS))]


@run_async
async def test_invalid_date_is_refused_and_everything_typed_is_kept():
    app = action_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "Ta fram underlag")
        await pilot.press("tab")
        await type_text(pilot, "Kansliet")
        await pilot.press("tab")
        await type_text(pilot, "31/2")
        await pilot.pause()
        due = app.screen.query_one(DueDateInput)
        assert str(due.border_subtitle).startswith("Ogiltigt datum")
        assert due.has_class("-invalid")
        await pilot.press("enter")
        await pilot.pause()
        assert app.result is NOTHING
        assert isinstance(app.screen, ActionDialog)
        assert "Ogiltigt datum" in str(app.screen.query_one("#message", Static).render())
        assert app.screen.query_one("#text", Input).value == "Ta fram underlag"
        assert app.screen.query_one("#owner", Input).value == "Kansliet"
        assert due.value == "31/2"
        # Fix it and save.
        await pilot.press("backspace", "backspace", "backspace", "backspace")
        await type_text(pilot, "28/2")
        await pilot.press("enter")
        await pilot.pause()
    assert app.result.due == "2032-02-28"
    assert app.result.owner == "Kansliet"


@run_async
async def test_empty_text_is_refused():
    app = action_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab")
        await type_text(pilot, "Kansliet")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.result is NOTHING
        assert "Skriv vad som ska göras" in str(
            app.screen.query_one("#message", Static).render())
        assert app.focused.id == "text"
        assert app.screen.query_one("#owner", Input).value == "Kansliet"


@run_async
async def test_escape_cancels_a_new_action():
    app = action_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "Glöms")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("j")  # yes, throw it away
        await pilot.pause()
    assert app.result is None


@run_async
async def test_escape_on_a_typed_action_or_decision_asks_before_discarding():
    # A stray escape mid-meeting once threw the typed text away without a word.
    from tui.dialogs.questions import ConfirmDialog

    app = action_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "Boka lokal")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")  # the focus is on "keep writing": a stray enter keeps
        await pilot.pause()
        assert isinstance(app.screen, ActionDialog)
        assert app.screen.query_one("#text", Input).value == "Boka lokal"
        await pilot.press("enter")
        await pilot.pause()
    assert isinstance(app.result, Action) and app.result.text == "Boka lokal"

    app = decision_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "Rådet beslutar")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.query_one(TextArea).text == "Rådet beslutar"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
    assert app.result is None

    app = decision_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")  # nothing typed: closes at once
        await pilot.pause()
    assert app.result is None


@run_async
async def test_editing_writes_through_and_escape_restores():
    action = Action("Boka lokal", due="2031-05-01", owner="Tove Lindahl")
    app = action_app(action)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("end")
        await type_text(pilot, " i stadshuset")
        await pilot.pause()
        # Written into the model at once, and the save scheduled.
        assert action.text == "Boka lokal i stadshuset"
        assert app.changes > 0
        await pilot.press("escape")
        await pilot.pause()
    assert app.result is None
    assert (action.text, action.due, action.owner) == ("Boka lokal", "2031-05-01", "Tove Lindahl")


@run_async
async def test_editing_updates_the_same_action():
    action = Action("Boka lokal", due="2031-05-01", owner="Tove Lindahl")
    app = action_app(action)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab")
        app.screen.query_one("#owner", Input).value = ""
        await pilot.press("tab")
        due = app.screen.query_one("#due", Input)
        due.value = ""
        await type_text(pilot, "om 3 dagar")
        await pilot.pause()
        assert action.due == "2031-04-05"
        await pilot.press("enter")
        await pilot.pause()
    assert app.result is action
    assert (action.text, action.owner, action.due) == ("Boka lokal", None, "2031-04-05")


@run_async
async def test_empty_due_date_means_none():
    action = Action("Boka lokal", due="2031-05-01")
    app = action_app(action)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#due", Input).value = ""
        await pilot.pause()
        assert "Inget slutdatum" in str(app.screen.query_one(DueDateInput).border_subtitle)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.result.due is None


# -- decisions ----------------------------------------------------------------------


def decision_app(decision=None):
    return DialogApp(lambda: DecisionDialog(decision))


@run_async
async def test_new_decision_multi_line():
    app = decision_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "Bifall:")
        await pilot.press("ctrl+j")
        await type_text(pilot, "- ja")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert isinstance(app.result, Decision)
    assert app.result.text == "Bifall:\n- ja"


@run_async
async def test_enter_saves_a_decision():
    app = decision_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "Informationen noteras.")
        await pilot.press("enter")
        await pilot.pause()
    assert isinstance(app.result, Decision)
    assert app.result.text == "Informationen noteras."


@run_async
async def test_empty_decision_refused_then_cancel():
    app = decision_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "ctrl+s")
        await pilot.pause()
        assert app.result is NOTHING
        assert "Skriv beslutet" in str(app.screen.query_one("#message", Static).render())
        await pilot.press("escape")
        await pilot.pause()
    assert app.result is None


@run_async
async def test_editing_a_decision_writes_through_and_escape_restores():
    decision = Decision("Informationen noteras.")
    app = decision_app(decision)
    async with app.run_test(size=(80, 24)) as pilot:
        area = app.screen.query_one(TextArea)
        area.move_cursor(area.document.end)
        await type_text(pilot, " Klart.")
        await pilot.pause()
        assert decision.text == "Informationen noteras. Klart."
        assert app.changes > 0
        await pilot.press("escape")
        await pilot.pause()
    assert decision.text == "Informationen noteras."


@run_async
async def test_editing_a_decision_accepts_the_same_object():
    decision = Decision("Informationen noteras.")
    app = decision_app(decision)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one(TextArea).text = "Ärendet bordläggs."
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.result is decision
    assert decision.text == "Ärendet bordläggs."


def test_action_dialog_snapshot(snap_compare):
    # Text typed, an owner completion on offer and the resolved due date below it.
    async def fill(pilot) -> None:
        await type_text(pilot, "Boka")
        await pilot.press("tab", "tab")
        await type_text(pilot, "fredag")
        await pilot.press("shift+tab")
        await type_text(pilot, "berg")
        await typed_through(pilot)
        await steady_cursor(pilot)

    assert snap_compare(action_app(), run_before=fill, terminal_size=(80, 24))
