"""Read a file the user named, refusing anything but a regular file before reading it.

`import /dev/zero` must not fill the memory, and a FIFO without a writer must not hang
the command or the app's import worker. So: stat first (a directory, device, FIFO or
socket is named and refused, symlinks followed), open non-blocking (a file swapped for a
FIFO meanwhile cannot block the open), check the opened descriptor again, and read at
most `limit` + 1 bytes whatever the size claims (/proc files claim 0).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_KINDS = (
    (stat.S_ISDIR, "en mapp"),
    (stat.S_ISCHR, "en enhetsfil (t.ex. /dev/zero)"),
    (stat.S_ISBLK, "en enhetsfil (en disk)"),
    (stat.S_ISFIFO, "en namngiven pipe (FIFO)"),
    (stat.S_ISSOCK, "en socket"),
)


class UnreadableFileError(ValueError):
    """The file cannot or may not be read; the message is one Swedish sentence."""


def _kind(mode: int) -> str:
    for test, name in _KINDS:
        if test(mode):
            return name
    return "ingen vanlig fil"


def _refuse_special(path: Path, mode: int, noun: str) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise UnreadableFileError(f"{path} är en mapp, inte en fil.")
    raise UnreadableFileError(
        f"{noun} {path} är {_kind(mode)}, inte en vanlig fil, och lästes inte."
    )


def _too_large(path: Path, limit: int, noun: str) -> UnreadableFileError:
    return UnreadableFileError(
        f"{noun} {path} är för stor (högst {limit // 1024 // 1024} MB) och lästes inte."
    )


def read_regular_file(path: Path | str, limit: int, *, noun: str = "Filen") -> bytes:
    """The bytes of a regular file of at most `limit` bytes; UnreadableFileError else.

    `noun` starts the messages ("Filen", "Mallen").
    """
    path = Path(path)
    try:
        _refuse_special(path, os.stat(path).st_mode, noun)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except (FileNotFoundError, NotADirectoryError):
        raise UnreadableFileError(f"{noun} {path} finns inte.") from None
    except PermissionError:
        raise UnreadableFileError(f"Saknar behörighet att läsa {path}.") from None
    except OSError as exc:
        raise UnreadableFileError(
            f"{noun} {path} kan inte läsas ({exc.strerror or exc})."
        ) from None
    try:
        st = os.fstat(fd)
        _refuse_special(path, st.st_mode, noun)  # swapped since the stat
        if st.st_size > limit:
            raise _too_large(path, limit, noun)
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1024 * 1024))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except BlockingIOError:
        raise UnreadableFileError(f"{noun} {path} kan inte läsas just nu.") from None
    except IsADirectoryError:
        raise UnreadableFileError(f"{path} är en mapp, inte en fil.") from None
    except OSError as exc:
        raise UnreadableFileError(
            f"{noun} {path} kan inte läsas ({exc.strerror or exc})."
        ) from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise _too_large(path, limit, noun)
    return data
