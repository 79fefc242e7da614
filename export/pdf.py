"""PDF out: any DOCX we wrote, rendered by LibreOffice headless.

The one call for an exporter that builds a DOCX: `write_document(docx_data, target,
force=force)` (export.target; it loads this module only for a .pdf target) with the
DOCX's bytes (`export.docx_common.document_bytes(document)`):
a DOCX for any target, its PDF when the target ends in .pdf (`save_docx_atomic` already
calls it). The PDF is made in a private temporary folder, checked, and written through
export.target's atomic write.

LibreOffice runs with a profile directory of its own (`-env:UserInstallation`): without
it a LibreOffice the user has open would take the job over (or refuse it while its
profile is locked). It gets a time limit, after which its whole process group is
killed: `soffice` is a wrapper around `soffice.bin`.

When the PDF cannot be made (LibreOffice missing, too slow, or what it wrote is no PDF
with text), the DOCX is written next to the target instead (same name, `.docx`; never
over an existing file, which may be the user's edited copy) so the work is not lost, and `PdfError` says so in one Swedish sentence. That is the
environment's failure, not the user's input: the command line exits 1 (cli/usage.py).
"""

from __future__ import annotations

import glob
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from export.target import PDF_SUFFIX, is_pdf, write_document  # noqa: F401 - re-exported
from store.persistence.storage import SaveError

#: A user's LibreOffice in a place of its own: the full path of its `soffice`.
SOFFICE_ENV = "MOTESBOK_SOFFICE"
#: Seconds for one conversion; a first start builds the fresh profile (a few seconds).
TIMEOUT = 120.0
MISSING = (
    "LibreOffice behövs för PDF men hittades inte; installera det (Debian/Ubuntu: sudo apt "
    "install libreoffice-writer-nogui, annars från libreoffice.org) och försök igen."
)

_NAMES = ("soffice", "libreoffice")
#: Where LibreOffice is usually installed when it is not on PATH (globs).
INSTALL_PLACES = (
    "/usr/lib/libreoffice/program/soffice",
    "/usr/lib64/libreoffice/program/soffice",
    "/usr/local/lib/libreoffice/program/soffice",
    "/opt/libreoffice*/program/soffice",
    "/snap/bin/libreoffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)


class PdfError(SaveError):
    """No PDF could be made; `docx_path` is where the DOCX was written instead (or None)."""

    def __init__(self, message: str, docx_path: Path | None = None):
        super().__init__(message)
        self.docx_path = docx_path


class LibreOfficeMissingError(PdfError):
    """LibreOffice is not installed (or not where we look)."""


def find_soffice(places=None) -> Path | None:
    """LibreOffice's `soffice`: $MOTESBOK_SOFFICE, then PATH, then the usual places."""
    given = os.environ.get(SOFFICE_ENV, "").strip()
    if given:
        return Path(given) if _runnable(Path(given)) else None
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    for place in INSTALL_PLACES if places is None else places:
        for hit in sorted(glob.glob(place), reverse=True):  # the newest /opt/libreoffice7.x first
            if _runnable(Path(hit)):
                return Path(hit)
    return None


def _runnable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def docx_to_pdf(docx_data: bytes, *, soffice: Path | None = None, timeout: float = TIMEOUT) -> bytes:
    """The PDF LibreOffice makes of `docx_data`, checked.

    Raises LibreOfficeMissingError when there is no LibreOffice, PdfError when it fails,
    hangs past `timeout` seconds, or writes no PDF with text.
    """
    soffice = soffice or find_soffice()
    if soffice is None:
        given = os.environ.get(SOFFICE_ENV, "").strip()
        if given:  # the user said where, and it is wrong: installing would not help
            raise LibreOfficeMissingError(
                f"{SOFFICE_ENV} pekar på {given}, som inte är ett körbart program; rätta "
                "sökvägen till LibreOffices soffice eller ta bort variabeln."
            )
        raise LibreOfficeMissingError(MISSING)
    with tempfile.TemporaryDirectory(prefix="motesbok-pdf-") as work:
        work = Path(work)
        profile, outdir = work / "profile", work / "out"
        profile.mkdir()
        outdir.mkdir()
        source = work / "dokument.docx"  # a fixed name: a user's "-x.docx" is no option
        source.write_bytes(docx_data)
        command = [
            str(soffice), f"-env:UserInstallation={profile.as_uri()}",
            "--headless", "--norestore", "--nologo", "--nodefault",
            "--convert-to", "pdf", "--outdir", str(outdir), str(source),
        ]
        output = _run(command, timeout)
        result = outdir / "dokument.pdf"
        if not result.is_file():
            raise PdfError(f"LibreOffice gjorde ingen PDF ({_last_line(output)})")
        data = result.read_bytes()
    check_pdf(data)
    return data


def _run(command: list[str], timeout: float) -> str:
    """Run LibreOffice, its whole process group killed after `timeout`; its output."""
    windows = sys.platform == "win32"
    kwargs = {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP} if windows else {
        "start_new_session": True}
    try:
        proc = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, **kwargs,
        )
    except OSError as exc:
        raise PdfError(f"LibreOffice ({command[0]}) kunde inte startas: {exc.strerror or exc}") from exc
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc, windows)
        proc.communicate()
        seconds = f"{timeout:g}".replace(".", ",")  # Swedish decimal comma
        raise PdfError(f"LibreOffice blev inte klart med PDF:en på {seconds} sekunder") from None
    except BaseException:  # an interrupt: leave no LibreOffice behind
        _kill_group(proc, windows)
        raise
    return out.decode(errors="replace")


def _kill_group(proc: subprocess.Popen, windows: bool) -> None:
    if windows:
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)], capture_output=True)
        return
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # the group is ours: start_new_session
    except ProcessLookupError:
        pass


def _last_line(output: str) -> str:
    # "Warning: failed to launch javaldx" and the like say nothing about this document.
    lines = [line.strip() for line in output.splitlines()
             if line.strip() and not line.lstrip().startswith("Warning:")]
    return lines[-1][:200] if lines else "inget svar"


def check_pdf(data: bytes) -> None:
    """PdfError unless `data` is a PDF that pypdf reads and that has text."""
    if not data.startswith(b"%PDF-"):
        raise PdfError("LibreOffice skrev något som inte är en PDF")
    text = pdf_text(data)
    if not text.strip():
        raise PdfError("PDF:en från LibreOffice saknar text")


def pdf_text(data: bytes) -> str:
    """All the text of a PDF's pages, in order (pypdf); PdfError when it cannot be read."""
    import io

    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except Exception as exc:  # noqa: BLE001 - pypdf's errors vary by damage
        raise PdfError(f"PDF:en från LibreOffice går inte att läsa ({type(exc).__name__})") from exc


def write_pdf(
    docx_data: bytes, target: str | os.PathLike, *, force: bool = False,
    soffice: Path | None = None, timeout: float = TIMEOUT,
) -> Path:
    """Render `docx_data` as PDF into `target` atomically; the file written.

    The target is checked first (export.target: ExportTargetError, WriteProtectedError
    unless `force`). When no PDF can be made the DOCX goes next to the target and
    PdfError (LibreOfficeMissingError) says so; the target itself is left as it was.
    """
    from export.target import check_target, write_export

    target = Path(target)
    check_target(target, force=force)  # before the slow part
    try:
        pdf = docx_to_pdf(docx_data, soffice=soffice, timeout=timeout)
    except PdfError as exc:
        raise _docx_instead(exc, docx_data, target, force) from exc
    return write_export(target, pdf, force=force)


def _docx_instead(exc: PdfError, docx_data: bytes, target: Path, force: bool) -> PdfError:
    """The DOCX written next to `target`, and the one sentence that says what happened."""
    from export.target import write_export

    try:
        written = write_export(_free_docx_path(target), docx_data, force=force)
    except SaveError as failed:
        saved, written = f"DOCX-filen kunde inte heller sparas: {failed}", None
    else:
        saved = f"DOCX-filen sparades som {written}."
    if isinstance(exc, LibreOfficeMissingError):
        return LibreOfficeMissingError(f"{exc} {saved}", written)
    return PdfError(f"{exc}; ingen PDF skrevs. {saved}", written)


def _free_docx_path(target: Path) -> Path:
    """`target` as .docx, or 'name (2).docx' etc.: an existing DOCX beside it may be the
    user's edited copy, which a failed PDF export must not replace."""
    path = candidate = target.with_suffix(".docx")
    n = 1
    while os.path.lexists(candidate):
        n += 1
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
    return candidate


__all__ = [
    "PDF_SUFFIX", "SOFFICE_ENV", "TIMEOUT", "MISSING", "INSTALL_PLACES", "PdfError",
    "LibreOfficeMissingError", "is_pdf", "find_soffice", "docx_to_pdf", "check_pdf",
    "pdf_text", "write_pdf", "write_document",
]
