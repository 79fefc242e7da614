"""The protocol and a protokollsutdrag as PDF, through the one DOCX -> PDF step
(export/pdf.py): every line of the DOCX is in the PDF, the header's PROTOKOLL too.

Runs where LibreOffice is installed (.ci/run installs it); skipped elsewhere.
"""

from __future__ import annotations

import pytest

import main
from export.pdf import find_soffice, pdf_text
from store import MeetingStore
from tests.support.protocol_sample import protocol_meeting
from tests.support.pdf_lines import missing_lines, plain

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed"),
]


def test_protocol_and_extract_as_pdf(tmp_path, capsys, file_store: MeetingStore):
    meeting_id = file_store.add(protocol_meeting())
    for name, extra in (("protokoll", []), ("utdrag", ["--extract", "41,43"])):
        for suffix in ("docx", "pdf"):
            code = main.main(["export", meeting_id, *extra, "-o", str(tmp_path / f"{name}.{suffix}")])
            assert code == 0, capsys.readouterr().err
        pdf = tmp_path / f"{name}.pdf"
        assert missing_lines(tmp_path / f"{name}.docx", pdf) == [], name
    assert "PROTOKOLL" in plain(pdf_text((tmp_path / "protokoll.pdf").read_bytes()))
    assert "PROTOKOLLSUTDRAG" in plain(pdf_text((tmp_path / "utdrag.pdf").read_bytes()))
