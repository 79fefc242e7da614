"""The action list's printout as PDF too, chosen as in the meeting's export dialog:
LibreOffice runs in the print worker; without it the dialog and the notice say so and
the Word file is written beside."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Label

from export.docx_read import docx_lines
from export.pdf import MISSING, pdf_text
from tests.support.action_list import ListApp, settle
from tests.support.action_list import store as store  # noqa: F401 - the fixture
from tests.support.live import run_async
from tests.support.soffice import install_soffice, no_soffice, recorded_argv
from tui.dialogs.action_print import PRINTED_TITLE, PrintDialog
from tui.screens.action_list import ActionListScreen

NAME = "Åtgärdslista 2031-04-02"  # ListApp's clock reads 2031-04-02


async def print_dialog(app, pilot, folder: Path, monkeypatch) -> PrintDialog:
    monkeypatch.setenv("MOTESBOK_EXPORT_DIR", str(folder))
    await settle(app, pilot)
    await pilot.press("ctrl+e")
    await pilot.pause()
    assert isinstance(app.screen, PrintDialog)
    return app.screen


def path_value(app) -> str:
    return app.screen.query_one("#print-path", Input).value


@run_async
async def test_pdf_chosen_renames_the_file_and_writes_a_pdf(store, tmp_path, monkeypatch):
    install_soffice(tmp_path / "lo", monkeypatch, "pdf", text="Beställ provtagning")
    out = tmp_path / "ut"
    out.mkdir()
    app = ListApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await print_dialog(app, pilot, out, monkeypatch)
        assert path_value(app) == str(out / f"{NAME}.docx")
        await pilot.click("#format-pdf")
        await pilot.pause()
        assert path_value(app) == str(out / f"{NAME}.pdf")
        assert "PDF" in str(app.screen.query_one("#print-label", Label).content)
        assert not app.screen.query_one("#pdf-hint").display  # LibreOffice is there
        assert app.focused is app.screen.query_one("#print-path")
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ActionListScreen)
        [note] = [n for n in app.shown_notifications if n.title == PRINTED_TITLE]
        assert str(out / f"{NAME}.pdf") in note.message
        await pilot.press("ctrl+e")  # back to Word: a .docx name again
        await pilot.pause()
        await pilot.click("#format-pdf")
        await pilot.click("#format-docx")
        await pilot.pause()
        assert path_value(app).endswith(".docx")
    assert "Beställ provtagning" in pdf_text((out / f"{NAME}.pdf").read_bytes())
    assert recorded_argv(tmp_path / "lo")[-1].endswith(".docx")  # LibreOffice converted it
    assert sorted(p.name for p in out.iterdir()) == [f"{NAME}.pdf"]  # no Word file left


@run_async
async def test_without_libreoffice_the_sentence_shows_and_the_word_file_is_written(
        store, tmp_path, monkeypatch):
    no_soffice(tmp_path, monkeypatch)
    out = tmp_path / "ut"
    out.mkdir()
    app = ListApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await print_dialog(app, pilot, out, monkeypatch)
        await pilot.click("#format-pdf")
        await pilot.pause()
        hint = app.screen.query_one("#pdf-hint")
        assert hint.display and MISSING in str(hint.render())
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ActionListScreen)
        told = [n for n in app.shown_notifications if n.title == "Ingen PDF"]
    assert len(told) == 1 and told[0].message.startswith(MISSING)
    assert str(out / f"{NAME}.docx") in told[0].message
    assert not list(out.glob("*.pdf"))
    assert docx_lines(out / f"{NAME}.docx")[0] == "Åtgärdslista"
