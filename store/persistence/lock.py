"""One writer per meeting: an OS file lock beside the meeting file.

The lock is an advisory `flock` on ``<id>.lock``, so the kernel releases it when the
holder dies, kill -9 included: a stale lock file never blocks the next start. The file
also names the holder (pid, host, since when) so a second process can tell the user who
has the meeting open, and whether it is the app (which keeps a meeting open for hours:
refused at once) or a short command such as ``motesbok actions done`` (done in a moment:
waited for, briefly and bounded).

The lock file is opened with O_NOFOLLOW and must be a regular file of ours with one
link: a symlink or hard link planted at its name would otherwise have the next writer
truncate its target.
"""

from __future__ import annotations

import errno
import json
import os
import platform
import random
import stat
import time
from pathlib import Path
from typing import Callable

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


#: Who holds a lock: the app (a meeting open for editing, possibly for hours) or a short
#: command of the CLI (one change and gone).
HOLDER_APP = "app"
HOLDER_COMMAND = "command"
#: How long a writer waits for one short command to let go of a lock, in seconds. A
#: command holds a meeting for milliseconds, but on a loaded machine with a slow disk
#: (two fsyncs per save) a hold has been seen to stretch past 8 s: only a stopped or
#: hung command holds it for half a minute.
COMMAND_WAIT = 30.0
#: The app opens a meeting on its UI thread: it waits for a command at most this long
#: (commands take milliseconds), then offers the meeting read-only, naming the holder.
APP_WAIT = 3.0
#: How long a writer waits in all while short commands keep taking turns: each new holder
#: shows progress and restarts COMMAND_WAIT, but a line of commands is not waited for
#: forever.
QUEUE_WAIT = 180.0
#: How long a lock with no holder named yet (taken a moment ago) is waited for.
UNNAMED_WAIT = 2.0
#: Waiters poll at one steady pace with jitter. A backoff that grows with the wait
#: would hand the lock to the newest arrivals again and again and starve the oldest.
POLL_INTERVAL = (0.005, 0.025)
#: After this long a waiting process says whom it waits for (see `on_wait`).
NOTICE_AFTER = 1.0
#: The holder record is padded to this many bytes with spaces (which JSON ignores), so
#: a new record always covers the last one whole: a reader never sees the tail of an
#: older, longer record behind a shorter new one.
RECORD_BYTES = 512


class LockUnavailableError(StoreError):
    """The lock file cannot even be created (read-only disk, no permission): nobody
    else holds the meeting, but it can only be opened read-only."""


def _program_name() -> str:
    import sys

    name = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    return name if name and name != "-c" else "python"


class FileLock:
    """An exclusive lock held for as long as this object is open.

    `kind` says who this process is (HOLDER_APP or HOLDER_COMMAND); it is written into
    the lock file so that others know whether waiting is worth it.
    """

    def __init__(self, path: Path, meeting_id: str, kind: str = HOLDER_APP,
                 on_wait: Callable[[MeetingLockedError], object] | None = None):
        self.path = path
        self.meeting_id = meeting_id
        self.kind = kind
        #: Called once when a wait has lasted NOTICE_AFTER seconds, with the refusal
        #: that would name the holder, so a command can say why it is not done yet.
        self.on_wait = on_wait
        self._fd: int | None = None

    def acquire(self, *, wait: bool = True) -> None:
        """Take the lock; raise MeetingLockedError if another process holds it.

        With wait=True a lock held by a short command is waited for, polling, up to
        COMMAND_WAIT seconds per holder: when many commands queue on one meeting the lock
        passes from one to the next, and each hand-over is progress that restarts the
        wait (up to QUEUE_WAIT in all). A lock held by the app is refused at once.
        """
        start = time.monotonic()
        holder_since = start
        last_holder: tuple | None = None
        noticed = False
        while True:
            try:
                self._try_acquire()
                return
            except MeetingLockedError as exc:
                now = time.monotonic()
                holder = exc.holder or {}
                kind = holder.get("kind")
                if kind == HOLDER_COMMAND:
                    budget = COMMAND_WAIT
                elif not holder:
                    budget = UNNAMED_WAIT  # locked a moment ago, not yet named
                else:
                    budget = 0.0  # the app, or an older version that does not say
                if self.kind == HOLDER_APP:
                    budget = min(budget, APP_WAIT)
                who = (kind, holder.get("pid"), holder.get("host"), holder.get("since"))
                if who != last_holder:
                    last_holder, holder_since = who, now
                deadline = min(holder_since + budget, start + QUEUE_WAIT)
                left = deadline - now
                if not wait or left <= 0:
                    raise
                if not noticed and self.on_wait is not None and now - start >= NOTICE_AFTER:
                    noticed = True
                    self.on_wait(exc)
                time.sleep(min(left, random.uniform(*POLL_INTERVAL)))

    def _open(self) -> int:
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
        flags |= getattr(os, "O_CLOEXEC", 0)
        try:
            fd = os.open(self.path, flags, FILE_MODE)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise LockUnavailableError(
                    f"Låsfilen {self.path} är en symbolisk länk, inte en fil som Mötesbok "
                    "har skapat; ta bort den. Mötet kan öppnas skrivskyddat."
                ) from exc
            raise LockUnavailableError(
                describe_os_error(exc, self.path, verb="låsa mötet med")
                + " Mötet kan öppnas skrivskyddat."
            ) from exc
        try:
            st = os.fstat(fd)
        except OSError:
            st = None
        mine = os.geteuid() if hasattr(os, "geteuid") else None
        if st is None or not stat.S_ISREG(st.st_mode) or st.st_nlink != 1 or (
            mine is not None and st.st_uid != mine
        ):
            os.close(fd)
            raise LockUnavailableError(
                f"Låsfilen {self.path} är inte en vanlig fil som Mötesbok har skapat "
                "(en länk, en annan användares fil eller något annat); ta bort den. "
                "Mötet kan öppnas skrivskyddat."
            )
        return fd

    def _try_acquire(self) -> None:
        fd = self._open()
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
            "host": platform.node(),  # socket.gethostname() without importing socket
            "program": _program_name(),
            "kind": self.kind,
            "since": time.strftime("%Y-%m-%d %H:%M"),
        }
        raw = json.dumps(info, ensure_ascii=False).encode().ljust(RECORD_BYTES)
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
            holder = json.loads(raw.decode()) if raw else None
        except (OSError, ValueError):
            return None
        return holder if isinstance(holder, dict) else None

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        # The holder's name stays: whoever takes the lock next overwrites it at once, and
        # until then a waiter reads who held it last (a command: worth waiting for)
        # rather than an empty file it cannot judge.
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

    def acquire(self, *, wait: bool = True) -> None:
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
