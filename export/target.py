"""Where an export may be written, and the one atomic write every exporter uses.

A document is written to a temporary file beside the target and renamed over it, so a
failure leaves the old file. That rename must never hit something that is not a plain
file: as root it would swap /dev/null for a regular file and break the whole system, and
a FIFO or a socket would silently vanish. So:

- a target that exists and is not a regular file (device, FIFO, socket, directory, a
  symlink to one of those or to nothing) is refused (`ExportTargetError`);
- a write-protected file (no write bit for us in its mode: root passes every access
  check, so the mode bits are what the user set to say "keep this") is refused unless
  the user confirmed (`force`; `WriteProtectedError`);
- a symlink to a regular file writes that file, as an editor would.

Exported documents are meant to be shared: a new file gets the user's umask like any
editor's file, a replaced one keeps its mode. (The store's own files stay 0600.)
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from store.persistence.storage import (
    SaveError, create_temp_file, describe_os_error, discard_temp, fsync_dir,
)

#: `-o -`: standard output instead of a file.
STDOUT = "-"
#: A target with this suffix gets the document rendered as PDF (export/pdf.py).
PDF_SUFFIX = ".pdf"
_NEW_FILE_MODE = 0o666  # before the umask, as open(2) and every editor use it


class ExportTargetError(SaveError):
    """The chosen file cannot be written as asked: the user's input (CLI exit 2)."""


class WriteProtectedError(ExportTargetError):
    """The target is write-protected; writing needs the user's confirmation."""

    def __init__(self, path: Path):
        self.path = path
        super().__init__(f"Filen {path} är skrivskyddad och skrevs inte över.")


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "en mapp"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "en enhetsfil"
    if stat.S_ISFIFO(mode):
        return "en namngiven pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "en socket"
    return "ingen vanlig fil"


def _names_an_open_file(path: Path) -> bool:
    """True for /dev/stdout, /dev/stderr, /dev/fd/N and links to them.

    Their links lead through /proc to whatever the descriptor is open on; replacing
    that file would swap out, say, the log that `2>>log` appends to.
    """
    hop = Path(os.path.abspath(path))
    for _ in range(40):
        if str(hop).startswith(("/proc/", "/dev/fd/")):
            return True
        if not hop.is_symlink():
            return False
        hop = Path(os.path.normpath(hop.parent / os.readlink(hop)))
    return True  # a loop: not a file to write either


def is_write_protected(st: os.stat_result) -> bool:
    """True when the file's mode bits deny us writing (checked by bits, not access(2))."""
    if os.name != "posix":
        return not st.st_mode & stat.S_IWRITE
    uid = os.geteuid()
    if uid == 0:  # root may write anything: only a file nobody may write is protected
        return not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    if st.st_uid == uid:
        return not st.st_mode & stat.S_IWUSR
    if st.st_gid == os.getegid() or st.st_gid in os.getgroups():
        return not st.st_mode & stat.S_IWGRP
    return not st.st_mode & stat.S_IWOTH


def check_target(path: str | os.PathLike, *, force: bool = False) -> tuple[Path, os.stat_result | None]:
    """The file to write for `path` and its current status (None when it is new).

    Raises ExportTargetError for anything but a regular file or a new name in an
    existing folder, WriteProtectedError for a write-protected file unless `force`.
    """
    path = Path(path)
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        folder = path.parent
        if not folder.is_dir():
            what = "är ingen mapp" if folder.exists() else "finns inte"
            raise ExportTargetError(f"Mappen {folder} {what}; kunde inte skriva {path.name}.") from None
        return path, None
    except OSError as exc:
        raise ExportTargetError(describe_os_error(exc, path, verb="skriva")) from exc
    if stat.S_ISLNK(st.st_mode):
        if _names_an_open_file(path):
            raise ExportTargetError(
                f"Kan inte skriva {path}: det är en öppen ström (som standard ut), inte en "
                f"vanlig fil. Skriv -o {STDOUT} för att skriva till standard ut."
            )
        real = Path(os.path.realpath(path))
        try:
            st = os.stat(real)
        except OSError:
            raise ExportTargetError(
                f"Kan inte skriva {path}: det är en länk till {real}, som inte finns."
            ) from None
        path = real
    kind = _kind(st.st_mode)
    if kind is not None:
        raise ExportTargetError(
            f"Kan inte skriva {path}: det är {kind}, inte en vanlig fil. Välj ett annat filnamn."
        )
    if not force and is_write_protected(st):
        raise WriteProtectedError(path)
    return path, st


def write_export(path: str | os.PathLike, data: bytes, *, force: bool = False) -> Path:
    """Write an exported document atomically; returns the file written.

    Raises ExportTargetError (see `check_target`) or SaveError (disk full, no
    permission...); in every case the old file, if any, is left as it was.
    """
    target, old = check_target(path, force=force)
    folder = target.parent
    # The store's temp file: an unpredictable name, created exclusively and never
    # through a symlink, so nothing planted beside the target makes us write elsewhere.
    fd = tmp = None
    try:
        fd, tmp = create_temp_file(target, _NEW_FILE_MODE)
        if old is not None:
            _keep_owner_and_mode(fd, old)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
        os.close(fd)
        fd = None
        # Checked again right before the rename: the target may have changed since.
        check_target(target, force=True)
        os.replace(tmp, target)
        fsync_dir(folder)
    except BaseException as exc:  # Ctrl+C too: never leave a temp file behind
        discard_temp(fd, tmp)
        if isinstance(exc, OSError):
            raise SaveError(describe_os_error(exc, target)) from exc
        raise
    return target


def is_pdf(path: str | os.PathLike) -> bool:
    return Path(path).suffix.lower() == PDF_SUFFIX


def write_document(docx_data: bytes, target: str | os.PathLike, *, force: bool = False) -> Path:
    """The last step of every DOCX exporter: the DOCX into `target`, or its PDF when
    `target` ends in .pdf (export.pdf.write_pdf, with its errors; LibreOffice's
    machinery is loaded only then)."""
    if is_pdf(target):
        from export.pdf import write_pdf

        return write_pdf(docx_data, target, force=force)
    return write_export(target, docx_data, force=force)


def _keep_owner_and_mode(fd: int, old: os.stat_result) -> None:
    """A replaced document keeps its permissions (and, for root, its owner)."""
    if hasattr(os, "fchown") and os.name == "posix" and os.geteuid() == 0:
        try:
            os.fchown(fd, old.st_uid, old.st_gid)
        except OSError:
            pass
    os.fchmod(fd, stat.S_IMODE(old.st_mode))


def write_stdout(data: bytes) -> None:
    """Bytes to standard output (`-o -`), after whatever text was printed before."""
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def is_stdout(path: str | os.PathLike | None) -> bool:
    return path is not None and str(path) == STDOUT


__all__ = [
    "STDOUT", "PDF_SUFFIX", "ExportTargetError", "WriteProtectedError", "check_target",
    "write_export", "write_document", "is_pdf", "write_stdout", "is_stdout",
    "is_write_protected",
]
