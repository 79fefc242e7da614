"""Hostile PDFs (issue 13): encrypted, truncated at any point, random bytes behind a PDF
header. Each gives one Swedish sentence (exit 2 from the CLI) or a meeting, never a
traceback nor a hang."""

from __future__ import annotations

import functools
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cli import main
from importers.detect import ImportFileError, meeting_from_bytes, read_meeting_file
from importers.pdf_text import PdfTextError, pdf_text
from tests.support.examples import examples
from tests.support.motesbok_sample import encrypted, pdf_bytes, sample_book


@functools.cache
def sample_pdf() -> bytes:
    """Made when first needed, not while collecting: fpdf and the writing cost ~0.5 s
    in every pytest worker."""
    return pdf_bytes(sample_book())


def one_sentence(message: str) -> None:
    assert "\n" not in message and "Traceback" not in message and "Error" not in message
    assert message.rstrip().endswith(".")


@pytest.mark.slow
def test_a_password_protected_pdf_is_refused_with_one_sentence(tmp_path, capsys):
    path = tmp_path / "låst.pdf"
    path.write_bytes(encrypted(sample_pdf(), "hemligt"))
    with pytest.raises(ImportFileError) as caught:
        read_meeting_file(path)
    assert "lösenordsskyddad" in str(caught.value)
    one_sentence(str(caught.value).split(": ", 1)[1])
    assert main(["--data-dir", str(tmp_path / "data"), "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "lösenordsskyddad" in err and err.count("\n") == 1


@pytest.mark.slow
def test_a_pdf_locked_only_for_editing_is_read():
    """An empty user password: every reader opens it, and so do we."""
    meeting = meeting_from_bytes(encrypted(sample_pdf(), ""), name="redigeringsskyddad.pdf")
    assert len(meeting.items) == 5 and meeting.unplaced


def test_random_bytes_behind_a_pdf_header(tmp_path, capsys):
    import random

    rng = random.Random(13)
    path = tmp_path / "brus.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(rng.randrange(256) for _ in range(200_000)))
    assert main(["--data-dir", str(tmp_path / "data"), "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "PDF-filen är skadad" in err and err.count("\n") == 1


@pytest.mark.slow
@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.deferred(lambda: st.integers(min_value=9, max_value=len(sample_pdf()) - 1)))
def test_a_pdf_cut_anywhere_imports_or_says_why(cut):
    started = time.monotonic()
    try:
        meeting = meeting_from_bytes(sample_pdf()[:cut], name="avklippt.pdf")
    except ImportFileError as exc:
        message = str(exc)
        assert message.startswith("avklippt.pdf: PDF-filen")
        one_sentence(message.split(": ", 1)[1])
    else:
        assert meeting.items  # pypdf repaired what was there
    assert time.monotonic() - started < 10


def test_the_clock_stops_a_slow_pdf():
    with pytest.raises(PdfTextError, match="tog för lång tid"):
        pdf_text(sample_pdf(), time_limit=0.0)


def test_a_pdf_over_the_page_cap_is_refused(monkeypatch):
    monkeypatch.setattr("importers.pdf_text.MAX_PAGES", 2)
    with pytest.raises(PdfTextError, match="fler än de 2 som kan importeras"):
        pdf_text(sample_pdf())


def test_cli_imports_a_motesbok_pdf(tmp_path, capsys):
    path = tmp_path / "MÖTESBOK.pdf"
    path.write_bytes(sample_pdf())
    assert main(["--data-dir", str(tmp_path / "data"), "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Importerade Tekniska nämndens trafikutskott (2031-03-11):")
    assert "5 ärenden, 4 med diarienummer" in out
    assert "utan tjänsteskrivelse: 45/31 Information om trafiksäkerhetsveckan" in out
