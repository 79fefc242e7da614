"""PDF out (issue 13) with a stand-in `soffice`: found, run privately, timed, checked.

The real LibreOffice is tested in tests/unit/test_pdf_real.py.
"""

from __future__ import annotations

import time

import docx
import pytest

import main
from export.docx_common import document_bytes
from export.docx_minutes import build_minutes
from export.docx_read import docx_lines
from export.pdf import (
    MISSING,
    LibreOfficeMissingError,
    PdfError,
    docx_to_pdf,
    find_soffice,
    pdf_text,
    write_pdf,
)
from store import Action, AgendaItem, Meeting, MeetingStore
from store.persistence.storage import SaveError
from tests.support.soffice import (
    install_soffice,
    no_soffice,
    process_gone,
    recorded_argv,
    tiny_pdf,
)


def minutes_docx() -> bytes:
    meeting = Meeting("Fiberföreningen Backa", "2031-03-14", items=[
        AgendaItem("Grävning längs Byvägen", actions=[Action("Boka grävmaskin", owner="Lena Holm")]),
    ])
    return document_bytes(build_minutes(meeting))


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def meeting_id(file_store: MeetingStore) -> str:
    return file_store.add(Meeting("Fiberföreningen Backa", "2031-03-14", items=[
        AgendaItem("Grävning längs Byvägen", actions=[Action("Boka grävmaskin", owner="Lena Holm")]),
    ]))


# -- success ---------------------------------------------------------------------------


@pytest.mark.slow
def test_the_pdf_is_written_through_the_atomic_write(tmp_path, monkeypatch):
    install_soffice(tmp_path / "lo", monkeypatch, "pdf", text="Fiberföreningen Backa")
    target = tmp_path / "protokoll.pdf"
    assert write_pdf(minutes_docx(), target) == target
    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    assert "Fiberföreningen Backa" in pdf_text(data)
    assert not (tmp_path / "protokoll.docx").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left


@pytest.mark.slow
def test_libreoffice_runs_with_a_private_profile_headless_into_a_temp_folder(tmp_path, monkeypatch):
    install_soffice(tmp_path / "lo", monkeypatch, "pdf")
    write_pdf(minutes_docx(), tmp_path / "protokoll.pdf")
    argv = recorded_argv(tmp_path / "lo")
    profiles = [a for a in argv if a.startswith("-env:UserInstallation=file:///")]
    assert len(profiles) == 1
    profile = profiles[0].split("=", 1)[1]
    assert "/.config/libreoffice" not in profile  # never the user's own profile
    assert "--headless" in argv
    assert argv[argv.index("--convert-to") + 1] == "pdf"
    outdir = argv[argv.index("--outdir") + 1]
    assert not outdir.startswith(str(tmp_path))  # the target's folder gets only the result
    assert argv[-1].endswith(".docx") and not argv[-1].split("/")[-1].startswith("-")


@pytest.mark.slow
def test_each_conversion_gets_a_fresh_profile(tmp_path, monkeypatch):
    install_soffice(tmp_path / "lo", monkeypatch, "pdf")
    profiles = []
    for name in ("a.pdf", "b.pdf"):
        write_pdf(minutes_docx(), tmp_path / name)
        profiles += [a for a in recorded_argv(tmp_path / "lo") if a.startswith("-env:")]
    assert profiles[0] != profiles[1]


def test_soffice_is_found_on_path_or_in_the_usual_places(tmp_path, monkeypatch):
    script = install_soffice(tmp_path / "lo", monkeypatch, "pdf")
    assert find_soffice() == script
    no_soffice(tmp_path, monkeypatch)
    assert find_soffice() is None
    assert find_soffice(places=[str(script.parent / "soff*")]) == script  # globs, as /opt/libreoffice*
    monkeypatch.setenv("MOTESBOK_SOFFICE", str(script))
    assert find_soffice() == script


# -- LibreOffice missing: one sentence, the DOCX still written, exit 1 -----------------


def test_missing_libreoffice_says_how_to_install_and_writes_the_docx(tmp_path, monkeypatch):
    no_soffice(tmp_path, monkeypatch)
    target = tmp_path / "protokoll.pdf"
    data = minutes_docx()
    with pytest.raises(LibreOfficeMissingError) as caught:
        write_pdf(data, target)
    message = str(caught.value)
    assert message.startswith(MISSING)
    assert "libreoffice-writer-nogui" in message
    assert f"sparades som {tmp_path / 'protokoll.docx'}" in message
    assert "\n" not in message
    assert not target.exists()
    assert caught.value.docx_path == tmp_path / "protokoll.docx"
    written = docx.Document(str(tmp_path / "protokoll.docx"))
    assert docx_lines(written) == docx_lines(data)
    assert written.paragraphs[0].style.name == "Title"


def test_a_wrong_motesbok_soffice_is_named_not_taken_for_a_missing_install(tmp_path, monkeypatch):
    no_soffice(tmp_path, monkeypatch)
    monkeypatch.setenv("MOTESBOK_SOFFICE", str(tmp_path / "fel" / "soffice"))
    with pytest.raises(LibreOfficeMissingError) as caught:
        write_pdf(minutes_docx(), tmp_path / "protokoll.pdf")
    assert str(caught.value).startswith(f"MOTESBOK_SOFFICE pekar på {tmp_path / 'fel' / 'soffice'}")
    assert (tmp_path / "protokoll.docx").read_bytes()[:2] == b"PK"


def test_missing_libreoffice_on_the_command_line_exits_1_with_the_docx(
        tmp_path, monkeypatch, capsys, meeting_id):
    no_soffice(tmp_path, monkeypatch)
    code, out, err = run(capsys, "export", meeting_id, "-o", str(tmp_path / "möte.pdf"))
    assert code == 1
    assert err.strip().startswith(MISSING) and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    assert not (tmp_path / "möte.pdf").exists()
    assert "Grävning längs Byvägen" in " ".join(docx_lines(tmp_path / "möte.docx"))


def test_missing_libreoffice_for_the_action_list_exits_1_with_the_docx(
        tmp_path, monkeypatch, capsys, meeting_id):
    no_soffice(tmp_path, monkeypatch)
    code, _, err = run(capsys, "actions", "-o", str(tmp_path / "lista.pdf"))
    assert code == 1 and err.strip().startswith(MISSING)
    table = docx.Document(str(tmp_path / "lista.docx")).tables[0]
    assert "Boka grävmaskin" in [c.text for r in table.rows for c in r.cells]


@pytest.mark.slow
def test_an_existing_docx_beside_the_target_is_never_replaced(tmp_path, monkeypatch):
    no_soffice(tmp_path, monkeypatch)
    (tmp_path / "protokoll.docx").write_bytes(b"sekreterarens redigerade kopia")
    (tmp_path / "protokoll (2).docx").mkdir()
    with pytest.raises(LibreOfficeMissingError) as caught:
        write_pdf(minutes_docx(), tmp_path / "protokoll.pdf")
    assert (tmp_path / "protokoll.docx").read_bytes() == b"sekreterarens redigerade kopia"
    assert caught.value.docx_path == tmp_path / "protokoll (3).docx"
    assert str(tmp_path / "protokoll (3).docx") in str(caught.value)
    assert docx_lines(tmp_path / "protokoll (3).docx") == docx_lines(minutes_docx())


def test_a_docx_that_cannot_be_written_either_is_said_too(tmp_path, monkeypatch):
    import export.target

    def disk_full(path, data, *, force=False):
        raise SaveError(f"Kunde inte spara {path}: disken är full.")

    no_soffice(tmp_path, monkeypatch)
    monkeypatch.setattr(export.target, "write_export", disk_full)
    with pytest.raises(LibreOfficeMissingError) as caught:
        write_pdf(minutes_docx(), tmp_path / "protokoll.pdf")
    assert "DOCX-filen kunde inte heller sparas: Kunde inte spara" in str(caught.value)
    assert caught.value.docx_path is None


# -- LibreOffice fails: time limit, garbage, nothing --------------------------------------


@pytest.mark.slow
def test_a_hanging_libreoffice_is_killed_with_its_children_after_the_time_limit(
        tmp_path, monkeypatch):
    install_soffice(tmp_path / "lo", monkeypatch, "hang")
    started = time.monotonic()
    with pytest.raises(PdfError) as caught:
        write_pdf(minutes_docx(), tmp_path / "protokoll.pdf", timeout=1.5)
    assert time.monotonic() - started < 30
    assert "1,5 sekunder" in str(caught.value)
    assert "sparades som" in str(caught.value)
    assert not (tmp_path / "protokoll.pdf").exists()
    assert (tmp_path / "protokoll.docx").read_bytes()[:2] == b"PK"
    pids = [int(p) for p in (tmp_path / "lo" / "pids").read_text().split()]
    deadline = time.monotonic() + 10
    while not all(process_gone(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)  # timing: poll interval while the killed child is reaped
    assert all(process_gone(pid) for pid in pids)


@pytest.mark.slow
@pytest.mark.parametrize("mode, words", [
    ("garbage", "inte är en PDF"),
    ("blank", "saknar text"),
    ("nothing", "gjorde ingen PDF"),
])
def test_what_libreoffice_wrote_is_checked(tmp_path, monkeypatch, mode, words):
    install_soffice(tmp_path / "lo", monkeypatch, mode)
    target = tmp_path / "protokoll.pdf"
    target.write_bytes(b"%PDF-1.4 den gamla")
    with pytest.raises(PdfError) as caught:
        write_pdf(minutes_docx(), target)
    assert words in str(caught.value)
    assert target.read_bytes() == b"%PDF-1.4 den gamla"  # the old file is left as it was
    assert (tmp_path / "protokoll.docx").read_bytes()[:2] == b"PK"


@pytest.mark.slow
def test_a_damaged_pdf_is_refused_not_crashed_on(tmp_path, monkeypatch):
    install_soffice(tmp_path / "lo", monkeypatch, "pdf")
    good = tiny_pdf("Protokoll")
    (tmp_path / "lo" / "result.pdf").write_bytes(good[: len(good) // 3])
    with pytest.raises(PdfError):
        docx_to_pdf(minutes_docx())


@pytest.mark.slow
def test_a_conversion_failure_on_the_command_line_exits_1(tmp_path, monkeypatch, capsys, meeting_id):
    install_soffice(tmp_path / "lo", monkeypatch, "garbage")
    code, _, err = run(capsys, "export", meeting_id, "-o", str(tmp_path / "möte.pdf"))
    assert code == 1 and "inte är en PDF" in err and "Traceback" not in err


# -- the command line ---------------------------------------------------------------------


@pytest.mark.slow
def test_export_and_actions_write_pdf_by_the_suffix(tmp_path, monkeypatch, capsys, meeting_id):
    install_soffice(tmp_path / "lo", monkeypatch, "pdf")
    code, out, _ = run(capsys, "export", meeting_id, "-o", str(tmp_path / "möte.pdf"))
    assert code == 0 and "möte.pdf" in out
    assert (tmp_path / "möte.pdf").read_bytes().startswith(b"%PDF-")
    code, out, _ = run(capsys, "actions", "-o", str(tmp_path / "lista.PDF"), "--no-comment-column")
    assert code == 0 and "lista.PDF" in out
    assert (tmp_path / "lista.PDF").read_bytes().startswith(b"%PDF-")
    assert not (tmp_path / "möte.docx").exists() and not (tmp_path / "lista.docx").exists()


@pytest.mark.parametrize("argv, words", [
    (["--format", "pdf", "-o", "x.docx"], "passar inte"),
    (["--format", "docx", "-o", "x.pdf"], "passar inte"),
    (["-o", "-", "--format", "pdf"], "standard ut"),
])
def test_a_pdf_format_that_does_not_fit_the_file_exits_2(
        tmp_path, monkeypatch, capsys, meeting_id, argv, words):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "export", meeting_id, *argv)
    assert code == 2 and words in err
    assert list(tmp_path.glob("x.*")) == []


def test_a_write_protected_pdf_is_refused_before_libreoffice_runs(
        tmp_path, monkeypatch, capsys, meeting_id):
    install_soffice(tmp_path / "lo", monkeypatch, "pdf")
    target = tmp_path / "möte.pdf"
    target.write_bytes(b"%PDF-1.4 skyddad")
    target.chmod(0o444)
    code, _, err = run(capsys, "export", meeting_id, "-o", str(target))
    assert code == 2 and "skrivskyddad" in err
    assert not (tmp_path / "lo" / "argv.json").exists()
    assert run(capsys, "export", meeting_id, "-o", str(target), "--force")[0] == 0
    assert target.read_bytes() != b"%PDF-1.4 skyddad"
