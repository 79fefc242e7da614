"""One writer per meeting: an OS file lock beside the meeting file.

The lock is an advisory `flock` on ``<id>.lock``, so the kernel releases it when the
holder dies, kill -9 included: a stale lock file never blocks the next start. The file
also names the holder (pid, host, since when) so a second process can tell the user who
has the meeting open.
"""

from __future__ import annotations

import json
import os
import socket
import time
from pathlib import Path

from .storage import FILE_MODE, StoreError

if os.name == "posix":
    import fcntl
else:  # pragma: no cover - exercised on Windows only
    import msvcrt


class MeetingLockedError(StoreError):
    """Another process is writing this meeting."""

    def __init__(self, meeting_id: str, holder: dict | None):
        self.meeting_id = meeting_id
        self.holder = holder or {}
        who = ""
        if holder:
            who = f" (process {holder.get('pid', '?')} på {holder.get('host', '?')}"
            if holder.get("since"):
                who += f", sedan {holder['since']}"
            who += ")"
        super().__init__(
            f"Mötet {meeting_id} är redan öppet för redigering i ett annat program{who}. "
            "Det kan öppnas skrivskyddat."
        )


class FileLock:
    """An exclusive, non-blocking lock held for as long as this object is open."""

    def __init__(self, path: Path, meeting_id: str):
        self.path = path
        self.meeting_id = meeting_id
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        try:
            if os.name == "posix":
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            else:  # pragma: no cover
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            holder = self._read_holder(fd)
            os.close(fd)
            raise MeetingLockedError(self.meeting_id, holder) from None
        info = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "since": time.strftime("%Y-%m-%d %H:%M"),
        }
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps(info).encode())
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
    """The in-process counterpart used with the memory backend."""

    _held: set[tuple[int, str]] = set()

    def __init__(self, owner: object, meeting_id: str):
        self.key = (id(owner), meeting_id)
        self.meeting_id = meeting_id
        self._held_here = False

    def acquire(self) -> None:
        if self.key in MemoryLock._held:
            raise MeetingLockedError(self.meeting_id, {"pid": os.getpid(), "host": "minnet"})
        MemoryLock._held.add(self.key)
        self._held_here = True

    def release(self) -> None:
        if self._held_here:
            MemoryLock._held.discard(self.key)
            self._held_here = False

    @property
    def held(self) -> bool:
        return self._held_here
