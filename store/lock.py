"""One writer per meeting: an OS file lock beside the meeting file.

The lock is an advisory `flock` on ``<id>.lock``, so the kernel releases it when the
holder dies, kill -9 included: a stale lock file never blocks the next start. The file
also names the holder (pid, host, since when) so a second process can tell the user who
has the meeting open.
"""

from __future__ import annotations

import errno
import json
import os
import socket
import time
from pathlib import Path

from .storage import FILE_MODE, StoreError, describe_os_error

if os.name == "posix":
    import fcntl
else:  # pragma: no cover - exercised on Windows only
    import msvcrt


class MeetingLockedError(StoreError):
    """Another process is writing this meeting."""

    def __init__(self, meeting_id: str, holder: dict | None):
        self.meeting_id = meeting_id
        self.holder = holder or {}
        super().__init__(
            f"Mötet {meeting_id} är redan öppet för redigering i {self.holder_text()}. "
            "Det kan bara öppnas skrivskyddat tills det programmet har stängt mötet."
        )

    def holder_text(self) -> str:
        """'process 4711 (motesbok) på datorn ..., sedan 2031-02-12 13:05' in Swedish."""
        holder = self.holder
        if not holder:
            return "ett annat program"
        who = f"process {holder.get('pid', '?')}"
        if holder.get("program"):
            who += f" ({holder['program']})"
        if holder.get("host"):
            who += f" på datorn {holder['host']}"
        if holder.get("since"):
            who += f", sedan {holder['since']}"
        return who


class LockUnavailableError(StoreError):
    """The lock file cannot even be created (read-only disk, no permission): nobody
    else holds the meeting, but it can only be opened read-only."""


def _program_name() -> str:
    import sys

    name = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    return name if name and name != "-c" else "python"


class FileLock:
    """An exclusive, non-blocking lock held for as long as this object is open."""

    def __init__(self, path: Path, meeting_id: str):
        self.path = path
        self.meeting_id = meeting_id
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        except OSError as exc:
            raise LockUnavailableError(
                describe_os_error(exc, self.path, verb="låsa mötet med")
                + " Mötet kan öppnas skrivskyddat."
            ) from exc
        try:
            if os.name == "posix":
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            else:  # pragma: no cover
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            holder = self._read_holder(fd)
            os.close(fd)
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise StoreError(
                    describe_os_error(exc, self.path, verb="låsa mötet med")
                ) from exc
            raise MeetingLockedError(self.meeting_id, holder) from None
        info = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "program": _program_name(),
            "since": time.strftime("%Y-%m-%d %H:%M"),
        }
        raw = json.dumps(info, ensure_ascii=False).encode()
        try:
            # Write first, then cut: a reader never sees an empty holder.
            if hasattr(os, "pwrite"):
                os.pwrite(fd, raw, 0)
            else:  # pragma: no cover - Windows
                os.lseek(fd, 0, os.SEEK_SET)
                os.write(fd, raw)
            os.ftruncate(fd, len(raw))
        except OSError:
            pass  # the lock holds without the name; only the message gets poorer
        self._fd = fd

    @staticmethod
    def _read_holder(fd: int) -> dict | None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            raw = os.read(fd, 4096)
            return json.loads(raw.decode()) if raw else None
        except (OSError, ValueError):
            return None

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.ftruncate(fd, 0)
        except OSError:
            pass
        os.close(fd)  # closing the descriptor drops the flock

    @property
    def held(self) -> bool:
        return self._fd is not None


class MemoryLock:
    """The in-process counterpart used with the memory backend.

    The set of held ids lives on the owner (the backend), not on the class: a class-wide
    set keyed by id(owner) would outlive a backend and block an unrelated one that
    happens to get the same id().
    """

    def __init__(self, owner: object, meeting_id: str):
        held = getattr(owner, "_held_locks", None)
        if held is None:
            held = set()
            setattr(owner, "_held_locks", held)
        self._registry: set[str] = held
        self.meeting_id = meeting_id
        self._held_here = False

    def acquire(self) -> None:
        if self.meeting_id in self._registry:
            raise MeetingLockedError(
                self.meeting_id,
                {"pid": os.getpid(), "program": _program_name(), "since": ""},
            )
        self._registry.add(self.meeting_id)
        self._held_here = True

    def release(self) -> None:
        if self._held_here:
            self._registry.discard(self.meeting_id)
            self._held_here = False

    @property
    def held(self) -> bool:
        return self._held_here
