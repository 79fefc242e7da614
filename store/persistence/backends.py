"""Where a meeting's TinyDB storage lives and how it is locked.

Two backends, as in TinyDB itself: `FileBackend` (a data directory, crash-safe files)
and `MemoryBackend` (tests, demos). Every store test runs against both.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Protocol

import orjson
from tinydb.storages import MemoryStorage, Storage

from .errors import MeetingNotFoundError
from .layout import meeting_of
from .lock import HOLDER_APP, FileLock, MeetingLockedError, MemoryLock
from .serialize import meeting_from_dict
from .storage import (
    AtomicJSONStorage, StoreError, describe_os_error, dumps_json, ensure_private_dir,
)

if TYPE_CHECKING:
    from ..domain.action_rows import ActionRow
    from ..domain.model import Meeting
    from .store import MeetingStore


# Ids name files: letters, digits, '-' and '_' only, so no id can point outside the
# data directory ("../x") or clash with our own suffixes (.bak, .lock).
_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,99}")


def is_valid_meeting_id(meeting_id: str) -> bool:
    return isinstance(meeting_id, str) and _ID_RE.fullmatch(meeting_id) is not None


def validate_database(data: Any) -> Meeting:
    """The meeting in `data`; ValueError unless it is a meeting database the store can
    open.

    A file can be valid JSON and still be damaged (an empty object, a half-written
    meeting from some other tool); the storage treats those like unparsable files.
    """
    return meeting_from_dict(meeting_of(data), strict=False)


class Lock(Protocol):
    def acquire(self, *, wait: bool = True) -> None: ...
    def release(self) -> None: ...


class Backend(Protocol):
    def storage(self, meeting_id: str, *, repair: bool = True) -> Storage: ...
    def meeting_ids(self) -> list[str]: ...
    def exists(self, meeting_id: str) -> bool: ...
    def lock(self, meeting_id: str) -> Lock: ...
    def delete(self, meeting_id: str) -> None: ...
    def read_raw(self, meeting_id: str) -> dict | None: ...
    def describe(self, meeting_id: str) -> str: ...
    def action_rows(
        self, store: MeetingStore, today_iso: str, *, include_done: bool, skip_id: str | None
    ) -> list[ActionRow]: ...


class FileBackend:
    """Meetings as ``<data_dir>/meetings/<id>.json``, one TinyDB file each.

    `lock_kind` tells other processes who holds a lock taken here (see store.persistence.lock);
    `on_lock_wait` is told once when a lock has been waited for a while (FileLock.on_wait).
    """

    def __init__(self, data_dir: str | os.PathLike, *, lock_kind: str = HOLDER_APP,
                 on_lock_wait: Callable[[MeetingLockedError], object] | None = None):
        self.data_dir = Path(data_dir)
        self.lock_kind = lock_kind
        self.on_lock_wait = on_lock_wait
        self.meetings_dir = self.data_dir / "meetings"

    def _ensure(self) -> None:
        ensure_private_dir(self.data_dir)
        ensure_private_dir(self.meetings_dir)

    def path(self, meeting_id: str) -> Path:
        if not is_valid_meeting_id(meeting_id):
            raise MeetingNotFoundError(meeting_id)
        return self.meetings_dir / f"{meeting_id}.json"

    def storage(self, meeting_id: str, *, repair: bool = True) -> AtomicJSONStorage:
        """The meeting's storage; repair=True only while holding the meeting's lock."""
        path = self.path(meeting_id)
        if not repair:
            return AtomicJSONStorage(path, create=False, validate=validate_database,
                                     repair=False)
        self._ensure()
        self._remove_stale_temp_files(path)
        return AtomicJSONStorage(path, validate=validate_database)

    def _remove_stale_temp_files(self, path: Path) -> None:
        # Only the lock holder writes a meeting, so any temporary file of it is left
        # over from a writer that died mid-save; the meeting file itself is intact.
        prefix = f".{path.name}."
        try:
            with os.scandir(self.meetings_dir) as entries:
                stale = [e.path for e in entries
                         if e.name.startswith(prefix) and e.name.endswith(".tmp")]
        except OSError:
            return
        for name in stale:
            try:
                os.unlink(name)
            except OSError:
                pass

    def meeting_ids(self) -> list[str]:
        """Every stored meeting's id; StoreError when the folder cannot be read (an
        unreadable folder is not an empty one)."""
        ids = set()
        try:
            entries = os.scandir(self.meetings_dir)
        except FileNotFoundError:
            return []  # nothing stored yet
        except OSError as exc:
            raise StoreError(
                describe_os_error(exc, self.meetings_dir, verb="läsa mappen")
            ) from exc
        with entries:
            for entry in entries:
                name = entry.name
                if name.startswith("."):
                    continue
                if name.endswith(".json"):
                    ids.add(name[:-5])
                elif name.endswith(".json.bak"):
                    ids.add(name[:-9])  # the file itself went missing: the backup lists it
        return sorted(i for i in ids if is_valid_meeting_id(i))

    def exists(self, meeting_id: str) -> bool:
        if not is_valid_meeting_id(meeting_id):
            return False
        path = self.path(meeting_id)
        return path.exists() or path.with_name(path.name + ".bak").exists()

    def lock(self, meeting_id: str) -> FileLock:
        path = self.path(meeting_id)
        self._ensure()
        return FileLock(path.with_suffix(".lock"), meeting_id, self.lock_kind,
                        on_wait=self.on_lock_wait)

    def delete(self, meeting_id: str) -> None:
        # The lock file stays: unlinking a flock'ed file lets a second process lock a
        # fresh inode while the first still holds the old one.
        path = self.path(meeting_id)
        for victim in (path, path.with_name(path.name + ".bak")):
            victim.unlink(missing_ok=True)

    def read_raw(self, meeting_id: str) -> dict | None:
        """The stored meeting dict without taking a lock or repairing anything.

        Files are replaced atomically, so a reader never sees a torn write; a file
        damaged by something else is skipped here and repaired when it is opened.
        """
        if not is_valid_meeting_id(meeting_id):
            return None
        try:
            with open(self.path(meeting_id), "rb") as fh:
                return meeting_of(orjson.loads(fh.read()))
        except (OSError, ValueError):
            return None

    def describe(self, meeting_id: str) -> str:
        return str(self.path(meeting_id))

    def action_rows(
        self, store: MeetingStore, today_iso: str, *, include_done: bool, skip_id: str | None
    ) -> list[ActionRow]:
        """The action rows of every meeting but `skip_id` (only open ones unless
        include_done), kept in a cache in the data directory (see action_cache.py)."""
        from .action_cache import scan_cached

        return scan_cached(store, today_iso, include_done=include_done, skip_id=skip_id)


class MemoryBackend:
    """Meetings kept in memory (TinyDB's MemoryStorage), for tests and demos."""

    def __init__(self) -> None:
        self._storages: dict[str, MemoryStorage] = {}

    def storage(self, meeting_id: str, *, repair: bool = True) -> MemoryStorage:
        return self._storages.setdefault(meeting_id, MemoryStorage())

    def meeting_ids(self) -> list[str]:
        return sorted(mid for mid, s in self._storages.items() if s.read())

    def exists(self, meeting_id: str) -> bool:
        storage = self._storages.get(meeting_id)
        return bool(storage and storage.read())

    def lock(self, meeting_id: str) -> MemoryLock:
        return MemoryLock(self, meeting_id)

    def delete(self, meeting_id: str) -> None:
        self._storages.pop(meeting_id, None)

    def read_raw(self, meeting_id: str) -> dict | None:
        storage = self._storages.get(meeting_id)
        data = storage.read() if storage else None
        try:
            return orjson.loads(dumps_json(meeting_of(data)))
        except (TypeError, ValueError):
            return None

    def describe(self, meeting_id: str) -> str:
        return f"minne:{meeting_id}"

    def action_rows(
        self, store: MeetingStore, today_iso: str, *, include_done: bool, skip_id: str | None
    ) -> list[ActionRow]:
        """The action rows of every meeting but `skip_id`, read afresh (no cache: memory
        is as fast as one); done ones included either way, the caller filters."""
        from ..domain.action_rows import rows_of_dict

        rows: list[ActionRow] = []
        for mid, data in store.raw_meetings():
            if mid != skip_id:
                rows.extend(rows_of_dict(mid, data, today_iso))
        return rows
