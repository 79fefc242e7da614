"""The app's export (e on the start screen, F10 in live mode) writes minutes with the
header (title, date) and 'Sida N (M)' page fields, shareable like any document
(issue 10.13, 10.14)."""

from __future__ import annotations

import os
import stat

from docx import Document

from tests.support.docx_fields import field_instructions
from tests.support.export_dialog import MINUTES, accept, export_app, open_export
from tests.support.live import run_async, settle


@run_async
async def test_exported_minutes_have_header_page_numbers_and_the_users_umask(
        tmp_path, monkeypatch):
    app = export_app(tmp_path, monkeypatch)
    old = os.umask(0o027)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await open_export(pilot)
            await accept(pilot)
            await app.workers.wait_for_complete()
            await settle(pilot)
    finally:
        os.umask(old)
    path = tmp_path / MINUTES
    assert stat.S_IMODE(path.stat().st_mode) == 0o640  # the umask's, not the store's 0600
    section = Document(str(path)).sections[0]
    assert section.header.paragraphs[0].text == "Samverkansråd, Norrfjällen\t2031-04-02"
    assert field_instructions(section.footer) == ["PAGE", "NUMPAGES"]
    assert section.footer.paragraphs[0].text.startswith("Sida ")
