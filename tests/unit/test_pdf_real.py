"""PDF out with the real LibreOffice (issue 13): the PDF's text holds the DOCX's lines.

Runs where LibreOffice is installed (.ci/run installs it); skipped elsewhere.
"""

from __future__ import annotations

import pytest

import main
from export.docx_read import docx_lines
from export.pdf import find_soffice, pdf_text
from store import MeetingStore
from store.demo import demo_meeting
from tests.support.pdf_lines import missing_lines

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed"),
]


def export(capsys, *argv: str) -> None:
    code = main.main(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, err


def test_the_demo_minutes_and_action_list_as_pdf_hold_every_line(tmp_path, capsys, file_store: MeetingStore):
    meeting_id = file_store.add(demo_meeting())
    for suffix in ("docx", "pdf"):
        export(capsys, "export", meeting_id, "-o", str(tmp_path / f"minnesanteckningar.{suffix}"))
        export(capsys, "actions", "--all", "--meeting", meeting_id,
               "-o", str(tmp_path / f"åtgärdslista.{suffix}"))
    for name in ("minnesanteckningar", "åtgärdslista"):
        pdf = tmp_path / f"{name}.pdf"
        assert pdf.read_bytes().startswith(b"%PDF-")
        assert len(docx_lines(tmp_path / f"{name}.docx")) > 3
        assert missing_lines(tmp_path / f"{name}.docx", pdf) == [], name


def test_conversions_at_once_each_run_in_a_profile_of_their_own(tmp_path):
    """A shared profile would hand the second job to the first LibreOffice (or refuse
    it while the profile is locked): that is what a LibreOffice the user has open does."""
    import os
    from concurrent.futures import ThreadPoolExecutor
    from pathlib import Path

    from export.docx_common import document_bytes
    from export.docx_minutes import build_minutes
    from export.pdf import write_pdf

    data = document_bytes(build_minutes(demo_meeting()))
    targets = [tmp_path / f"kopia {n}.pdf" for n in range(2)]
    with ThreadPoolExecutor(2) as pool:
        written = list(pool.map(lambda target: write_pdf(data, target), targets))
    assert written == targets
    for target in targets:
        assert "Kommunchefsmöte" in pdf_text(target.read_bytes())
    home = Path(os.environ["HOME"])  # the test's own home (tests/conftest.py)
    assert not (home / ".config" / "libreoffice").exists()  # the user's profile untouched
