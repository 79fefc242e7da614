"""The app's export offers PDF next to Word (issue 13): LibreOffice runs in the export's
thread worker; without it the dialog and the notice say so and the Word files are written."""

from __future__ import annotations

from export.docx_read import docx_lines
from export.pdf import MISSING, pdf_text
from tests.support.export_dialog import ACTIONS, MINUTES, accept, export_app, open_export
from tests.support.live import run_async, settle
from tests.support.soffice import install_soffice, no_soffice

MINUTES_PDF = MINUTES.removesuffix(".docx") + ".pdf"
ACTIONS_PDF = ACTIONS.removesuffix(".docx") + ".pdf"


async def choose_pdf(pilot) -> None:
    await pilot.click("#format-pdf")
    await settle(pilot)


def field(app, name: str) -> str:
    return app.screen.query_one(f"#{name}").value


@run_async
async def test_pdf_chosen_renames_both_files_and_writes_pdfs(tmp_path, monkeypatch):
    install_soffice(tmp_path / "lo", monkeypatch, "pdf", text="Samverkansråd")
    app = export_app(tmp_path, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_export(pilot)
        await choose_pdf(pilot)
        assert field(app, "minutes-path") == str(tmp_path / MINUTES_PDF)
        assert field(app, "actions-path") == str(tmp_path / ACTIONS_PDF)
        assert not app.screen.query_one("#pdf-hint").display  # LibreOffice is there
        await accept(pilot)
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert any(n.title == "Exporterat" for n in app.shown_notifications)
    for name in (MINUTES_PDF, ACTIONS_PDF):
        assert "Samverkansråd" in pdf_text((tmp_path / name).read_bytes())
    assert not (tmp_path / MINUTES).exists() and not (tmp_path / ACTIONS).exists()


@run_async
async def test_back_to_word_gives_docx_names_again(tmp_path, monkeypatch):
    install_soffice(tmp_path / "lo", monkeypatch, "pdf")
    app = export_app(tmp_path, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_export(pilot)
        await choose_pdf(pilot)
        await pilot.click("#format-docx")
        await settle(pilot)
        assert field(app, "minutes-path") == str(tmp_path / MINUTES)
        await accept(pilot)
        await app.workers.wait_for_complete()
        await settle(pilot)
    assert (tmp_path / MINUTES).read_bytes()[:2] == b"PK"


@run_async
async def test_without_libreoffice_the_sentence_shows_and_word_files_are_written(
        tmp_path, monkeypatch):
    no_soffice(tmp_path, monkeypatch)
    app = export_app(tmp_path, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_export(pilot)
        await choose_pdf(pilot)
        hint = app.screen.query_one("#pdf-hint")
        assert hint.display and MISSING in str(hint.render())
        app.save_screenshot("export_pdf.svg", str(tmp_path))
        await accept(pilot)
        await app.workers.wait_for_complete()
        await settle(pilot)
        notices = [n.message for n in app.shown_notifications]
    told = [n for n in notices if n.startswith(MISSING)]
    assert len(told) == 1  # said once, for both files
    assert str(tmp_path / MINUTES) in told[0]
    assert any(str(tmp_path / ACTIONS) in n for n in notices)
    assert not list(tmp_path.glob("*.pdf"))
    assert "Samverkansråd, Norrfjällen" in docx_lines(tmp_path / MINUTES)
    assert docx_lines(tmp_path / ACTIONS)[0] == "Åtgärdslista"


@run_async
async def test_the_format_is_chosen_by_keyboard_and_enter_then_exports(tmp_path, monkeypatch):
    install_soffice(tmp_path / "lo", monkeypatch, "pdf")
    app = export_app(tmp_path, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_export(pilot)
        await pilot.press("shift+tab", "right", "enter")  # to the formats, PDF, choose it
        await settle(pilot)
        assert field(app, "minutes-path") == str(tmp_path / MINUTES_PDF)
        assert app.focused is app.screen.query_one("#minutes-path")
        await accept(pilot)
        await app.workers.wait_for_complete()
        await settle(pilot)
    assert (tmp_path / MINUTES_PDF).read_bytes().startswith(b"%PDF-")
