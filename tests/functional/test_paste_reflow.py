"""A multi-line paste is reflowed; ctrl+r right after gives the raw paste (issue 10.5)."""

from __future__ import annotations

from textual import events
from textual.app import App, ComposeResult

from store.domain.reflow import reflow
from tests.support.live import (
    add_meeting,
    make_app,
    run_async,
    settle,
    type_text,
    wait_until,
)
from tui.widgets.text_area import AppTextArea

PDF_COPY = (
    "Utbyggnaden har stannat av i två byar\n"
    "sedan i höstas, eftersom entreprenören\n"
    "har gått i konkurs.\n"
    "\n"
    "Berörda byar:\n"
    "• Sörbyn\n"
    "• Västanå\n"
)


@run_async
async def test_paste_in_the_notes_is_reflowed_and_ctrl_r_gives_the_raw_paste(file_store):
    mid = add_meeting(file_store)
    app = make_app(file_store, mid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        notes = app.screen.query_one("#notes", AppTextArea)
        await type_text(pilot, "Läget: ")
        app.post_message(events.Paste(PDF_COPY))
        await settle(pilot)
        reflowed = "Läget: " + (
            "Utbyggnaden har stannat av i två byar sedan i höstas, eftersom entreprenören "
            "har gått i konkurs.\n\nBerörda byar:\n- Sörbyn\n- Västanå\n")
        assert notes.text == reflowed == "Läget: " + reflow(PDF_COPY)
        await wait_until(pilot, lambda: file_store.load(mid).items[0].notes == reflowed,
                         what="the autosave")

        await pilot.press("ctrl+r")
        await settle(pilot)
        assert notes.text == "Läget: " + PDF_COPY
        await wait_until(pilot, lambda: file_store.load(mid).items[0].notes == notes.text,
                         what="the autosave")
        await pilot.press("ctrl+z")  # the reflow comes back
        await settle(pilot)
        assert notes.text == reflowed

        # Nothing to undo once the text was changed: said, and nothing touched.
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert notes.text == reflowed
        assert any("ingen omformad" in n.message for n in app.shown_notifications)
        await type_text(pilot, "Klart.")
        await wait_until(
            pilot, lambda: file_store.load(mid).items[0].notes == reflowed + "Klart.",
            what="the autosave")
    assert file_store.load(mid).items[0].notes == reflowed + "Klart."


class _Fields(App):
    def compose(self) -> ComposeResult:
        yield AppTextArea(id="text")
        yield AppTextArea(id="attachments", reflow_paste=False)


@run_async
async def test_a_field_with_one_thing_per_line_keeps_the_lines():
    app = _Fields()
    async with app.run_test() as pilot:
        app.query_one("#attachments").focus()
        app.post_message(events.Paste("Bilaga 1.pdf\nBilaga 2.pdf"))
        await pilot.pause()
        assert app.query_one("#attachments").text == "Bilaga 1.pdf\nBilaga 2.pdf"


def test_the_help_screen_lists_the_raw_paste_key():
    from tui.dialogs.help import binding_rows

    assert any(key == "ctrl+r" for key, _name, _tip in binding_rows(AppTextArea))
