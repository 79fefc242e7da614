"""The one dialog base (tui/dialogs/base.py): what every dialog gets from it.

A bare Textual app is used on purpose: a dialog brings its own look (the dialog style
sheet, through the base) to whatever app pushes it, and escape, the first focus and
the frame work without anything from Mötesbok's app.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Button, Input, TextArea

from tests.support.live import run_async
from tui.dialogs.attendance import GuestDialog, TimeDialog
from tui.dialogs.base import STYLE_SHEET, Dialog
from tui.dialogs.questions import TextPrompt

NOTHING = object()


class BareApp(App):
    """No CSS of its own; pushes one dialog and keeps what it dismissed with."""

    def __init__(self, dialog):
        super().__init__()
        self.dialog = dialog
        self.result = NOTHING

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self._done)

    def _done(self, result) -> None:
        self.result = result


class NameDialog(Dialog[str]):
    """A new dialog written the way the protocol's dialogs will be: only the base's parts."""

    FIRST_FOCUS = "#name"

    def compose(self) -> ComposeResult:
        with self.frame():
            yield self.title_line("Vem anmäler jäv?")
            yield Input("Gun Sjöberg", id="name")
            yield self.problem_line(id="problem")
            yield self.hint_line("enter sparar · esc avbryter")
            yield self.button_row(Button("Spara", id="ok"), Button("Avbryt", id="cancel"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_accept()

    def action_accept(self) -> None:
        self.dismiss(self.query_one("#name", Input).value)


@run_async
async def test_escape_cancels_with_none_and_the_first_field_has_the_focus():
    app = BareApp(NameDialog())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        field = app.screen.query_one("#name", Input)
        assert app.focused is field
        assert field.cursor_position == len("Gun Sjöberg")  # typing goes on at the end
        await pilot.press("escape")
        await pilot.pause()
    assert app.result is None


@run_async
async def test_the_ok_and_cancel_buttons_accept_and_cancel():
    app = BareApp(NameDialog())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#ok")
        await pilot.pause()
    assert app.result == "Gun Sjöberg"

    app = BareApp(NameDialog())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#cancel")
        await pilot.pause()
    assert app.result is None


@run_async
async def test_a_dialog_brings_the_dialog_style_sheet_to_any_app():
    app = BareApp(NameDialog())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.stylesheet.has_source(str(STYLE_SHEET), "")
        box = app.screen.query_one(".dialog")
        assert box.outer_size.width == 72
        # Centred over the screen below it.
        assert box.region.x + box.outer_size.width // 2 in (39, 40, 41)
        title = app.screen.query_one(".dialog-title")
        assert title.styles.text_style.bold
        buttons = app.screen.query_one(".dialog-buttons")
        assert buttons.styles.align_horizontal == "right"


@run_async
async def test_the_dialogs_of_the_app_keep_their_own_keys_over_the_base():
    """A dialog's own escape (the time dialog's, the guest dialog's) still cancels, and
    a multi-line prompt opens with its cursor after the text."""
    for dialog in (TimeDialog("Sluttid", "14:30"), GuestDialog("")):
        app = BareApp(dialog)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.focused, Input)
            await pilot.press("escape")
            await pilot.pause()
        assert app.result is None, dialog

    app = BareApp(TextPrompt("Beslut", value="Rad ett\nRad två", multiline=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        area = app.screen.query_one(TextArea)
        assert app.focused is area
        assert area.cursor_location == area.document.end
