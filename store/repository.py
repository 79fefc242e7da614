"""The meeting store: one TinyDB database per meeting, behind a tiny backend interface.

A backend knows where a meeting's TinyDB storage lives and how to lock it. There are two,
as in TinyDB itself: `FileBackend` (a data directory, crash-safe files) and
`MemoryBackend` (tests, demos). Every store test runs against both.

A save writes one meeting's file only, so its cost does not grow with the history.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Protocol

import orjson
from tinydb import TinyDB
from tinydb.storages import MemoryStorage, Storage
from tinydb.table import Document

from .lock import HOLDER_APP, FileLock, LockUnavailableError, MeetingLockedError, MemoryLock
from .model import Meeting, new_id
from .serialize import MeetingFormatError, meeting_from_dict, meeting_to_dict
from .storage import (
    AtomicJSONStorage, Recovery, StoreError, describe_os_error, dumps_json, ensure_private_dir,
)

TABLE = "meeting"
DOC_ID = 1
DATA_DIR_ENV = "MOTESBOK_DATA_DIR"

# Ids name files: letters, digits, '-' and '_' only, so no id can point outside the
# data directory ("../x") or clash with our own suffixes (.bak, .lock).
_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,99}")


def is_valid_meeting_id(meeting_id: str) -> bool:
    return isinstance(meeting_id, str) and _ID_RE.fullmatch(meeting_id) is not None


def validate_database(data: Any) -> None:
    """Raise ValueError unless `data` is a meeting database the store can open.

    A file can be valid JSON and still be damaged (an empty object, a half-written
    meeting from some other tool); the storage treats those like unparsable files.
    """
    try:
        doc = data[TABLE][str(DOC_ID)]
    except (KeyError, TypeError):
        raise ValueError("no meeting in the file") from None
    meeting_from_dict(doc, strict=False)


def default_data_dir() -> Path:
    """$MOTESBOK_DATA_DIR, else the platform's user data directory."""
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("motesbok", appauthor=False))


class MeetingNotFoundError(StoreError):
    def __init__(self, meeting_id: str):
        self.meeting_id = meeting_id
        super().__init__(f"Det finns inget möte med id {meeting_id!r}.")


class MeetingUnreadableError(StoreError):
    """Neither the meeting's file nor its backup could be read.

    `recovery` is what the storage found; the message already says all of it, so a
    caller listing `MeetingStore.recoveries` need not repeat this one.
    """

    def __init__(self, meeting_id: str, recovery: Recovery | None):
        self.recovery = recovery
        super().__init__(
            recovery.failure(meeting_id) if recovery is not None
            else f"Mötet {meeting_id} kunde inte läsas."
        )


class ReadOnlyError(StoreError):
    def __init__(self, meeting_id: str):
        super().__init__(f"Mötet {meeting_id} är öppnat skrivskyddat och kan inte sparas.")


# -- backends ----------------------------------------------------------------


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


class FileBackend:
    """Meetings as ``<data_dir>/meetings/<id>.json``, one TinyDB file each.

    `lock_kind` tells other processes who holds a lock taken here (see store.lock).
    """

    def __init__(self, data_dir: str | os.PathLike, *, lock_kind: str = HOLDER_APP):
        self.data_dir = Path(data_dir)
        self.lock_kind = lock_kind
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
        return FileLock(path.with_suffix(".lock"), meeting_id, self.lock_kind)

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
                data = orjson.loads(fh.read())
            doc = data[TABLE][str(DOC_ID)]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return doc if isinstance(doc, dict) else None

    def describe(self, meeting_id: str) -> str:
        return str(self.path(meeting_id))


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
            return orjson.loads(dumps_json(data[TABLE][str(DOC_ID)]))
        except (TypeError, KeyError):
            return None

    def describe(self, meeting_id: str) -> str:
        return f"minne:{meeting_id}"


# -- sessions ------------------------------------------------------------------


def _replace_with(data: dict):
    def transform(doc: dict) -> None:
        doc.clear()
        doc.update(data)

    return transform


class MeetingSession:
    """An open meeting: the model plus the means to save it.

    Opened for writing it holds the meeting's lock until `close()`.
    """

    def __init__(
        self,
        store: MeetingStore,
        meeting: Meeting,
        db: TinyDB,
        lock: Lock | None,
        recovered: Recovery | None = None,
    ):
        self.store = store
        self.meeting = meeting
        self._db = db
        self._table = db.table(TABLE, cache_size=0)
        self._lock = lock
        self.recovered = recovered
        #: The meeting as last turned into a dict (see snapshot); never changed in place.
        self._last_written: dict | None = None

    @property
    def read_only(self) -> bool:
        return self._lock is None

    def snapshot(self, *, only_notes_of: str | None = None) -> dict:
        """The meeting as the next save will write it, stamped with the time.

        Take it on the thread that edits the meeting and hand it to `save(snapshot=...)`
        on a writer thread: the slow part (fsync) then runs off the UI thread without
        ever reading a meeting that is being changed under it.

        only_notes_of: the caller knows that nothing but this item's notes changed since
        the last snapshot or save. The last one is then reused with just those notes
        replaced, so a keystroke's save costs the same in a meeting of 18 or 144 items.
        """
        self.meeting.touch()
        last = self._last_written
        if only_notes_of is not None and last is not None:
            try:
                notes = self.meeting.find_item(only_notes_of).notes
            except KeyError:
                notes = None
            fresh = None if notes is None else with_item_notes(last, only_notes_of, notes)
            if fresh is not None:
                fresh["updated_at"] = self.meeting.updated_at
                self._last_written = fresh
                return fresh
        self._last_written = meeting_to_dict(self.meeting)
        return self._last_written

    def save(self, *, touch: bool = True, snapshot: dict | None = None) -> None:
        """Write the meeting durably; raises SaveError and keeps the old file on failure.

        touch=False keeps `updated_at` (storing a meeting as it came, e.g. an import).
        snapshot: a dict from `snapshot()`, written instead of the live meeting.
        """
        if self._lock is None:
            raise ReadOnlyError(self.meeting.id)
        if snapshot is None:
            if touch:
                self.meeting.touch()
            snapshot = meeting_to_dict(self.meeting)
            self._last_written = snapshot
        _write_dict(self._table, snapshot)

    def close(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        self._db.close()

    def __enter__(self) -> MeetingSession:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def with_item_notes(snapshot: dict, item_id: str, notes: str) -> dict | None:
    """A copy of a meeting dict with one item's notes replaced; None if it has no such
    item. Only the dicts and lists on the way to the item are copied: the old dict may
    be being written by another thread and must not change."""

    def replaced(items: list) -> list | None:
        for index, item in enumerate(items):
            if item.get("id") == item_id:
                new_item = dict(item, notes=notes)
            else:
                children = replaced(item.get("items") or [])
                if children is None:
                    continue
                new_item = dict(item, items=children)
            copy = list(items)
            copy[index] = new_item
            return copy
        return None

    items = replaced(snapshot.get("items") or [])
    return None if items is None else dict(snapshot, items=items)


def _write_dict(table, data: dict) -> None:
    if table.contains(doc_id=DOC_ID):
        table.update(_replace_with(data), doc_ids=[DOC_ID])
    else:
        table.insert(Document(data, doc_id=DOC_ID))


# -- the store ---------------------------------------------------------------


@dataclass
class MeetingSummary:
    id: str
    title: str
    date: str
    start: str | None
    series: str
    item_count: int
    open_actions: int


def slugify(text: str) -> str:
    normalized = unicodedata.normalize("NFKD", text)
    ascii_text = normalized.encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:24].strip("-") or "mote"


def _count_items(items: list[dict]) -> tuple[int, int]:
    count = opened = 0
    for item in items:
        count += 1
        opened += sum(1 for a in item.get("actions", ()) if not a.get("done"))
        sub_count, sub_open = _count_items(item.get("items", ()))
        count += sub_count
        opened += sub_open
    return count, opened


class MeetingStore:
    """All meetings of one data directory (or of memory).

    `recoveries` collects every damaged file found and set aside by this store, so the
    caller (the CLI, the TUI) can tell the user; `MeetingSession.recovered` holds the
    one for an opened meeting.
    """

    def __init__(self, backend: Backend):
        self.backend = backend
        self.recoveries: list[Recovery] = []
        #: Meetings a scan could not read, even from a backup: id -> Swedish sentence.
        self.unreadable: dict[str, str] = {}

    @classmethod
    def at(
        cls, data_dir: str | os.PathLike | None = None, *, lock_kind: str = HOLDER_APP
    ) -> MeetingStore:
        """The store of a data directory; lock_kind=HOLDER_COMMAND for a short command."""
        where = data_dir if data_dir is not None else default_data_dir()
        return cls(FileBackend(where, lock_kind=lock_kind))

    @classmethod
    def in_memory(cls) -> MeetingStore:
        return cls(MemoryBackend())

    # -- ids

    def new_meeting_id(self, meeting: Meeting) -> str:
        # The title's first words are enough to recognise a meeting in a list.
        base = f"{meeting.date}-{slugify(meeting.title.split(',')[0])}"
        if not is_valid_meeting_id(base):
            base = f"mote-{new_id()}"
        candidate, n = base, 1
        while self.backend.exists(candidate):
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    # -- create / open / load

    def add(self, meeting: Meeting) -> str:
        """Store a new meeting and return its id.

        A meeting whose id is already taken (the same file imported twice) is stored as
        a copy with fresh ids throughout, so action ids stay unique in the store. The id
        is checked again under its lock, so two processes adding at once never write
        one file.
        """
        if meeting.id and not is_valid_meeting_id(meeting.id):
            meeting.id = ""
        if not meeting.series:
            meeting.series = meeting.title
        for _ in range(1000):
            if meeting.id and self.backend.exists(meeting.id):
                refresh_ids(meeting)
                meeting.id = ""
            if not meeting.id:
                meeting.id = self.new_meeting_id(meeting)
            lock = self.backend.lock(meeting.id)
            try:
                lock.acquire(wait=False)  # someone creating this id: take another
            except MeetingLockedError:
                refresh_ids(meeting)  # someone else is creating this id right now
                meeting.id = ""
                continue
            if self.backend.exists(meeting.id):
                lock.release()
                continue
            session = self._session(meeting.id, lock, new=meeting)
            try:
                session.save(touch=False)
            finally:
                session.close()
            return meeting.id
        raise StoreError("Kunde inte hitta ett ledigt id för mötet.")

    def open(
        self, meeting_id: str, *, read_only: bool = False, _new: Meeting | None = None
    ) -> MeetingSession:
        """Open a meeting for editing (taking its lock) or read-only.

        Raises MeetingLockedError, naming the holder, when another process has it open
        for writing; the caller may then open it with read_only=True. A lock left by a
        killed process is released by the kernel and never blocks.
        """
        if _new is not None:
            meeting_id = _new.id = _new.id or meeting_id
        elif not self.backend.exists(meeting_id):
            raise MeetingNotFoundError(meeting_id)
        lock = None
        if not read_only:
            lock = self.backend.lock(meeting_id)
            lock.acquire()
        return self._session(meeting_id, lock, new=_new)

    def _session(
        self, meeting_id: str, lock: Lock | None, *, new: Meeting | None = None
    ) -> MeetingSession:
        try:
            storage = self.backend.storage(meeting_id, repair=lock is not None)
            db = TinyDB(storage=lambda: storage)
            if new is not None:
                meeting = new
            else:
                # Reading runs the storage's checks: a damaged file is set aside here.
                data = db.table(TABLE, cache_size=0).get(doc_id=DOC_ID)
                recovered = getattr(storage, "recovered", None)
                if data is None:
                    raise MeetingUnreadableError(meeting_id, recovered)
                if recovered is not None:
                    self.recoveries.append(recovered)
                meeting = meeting_from_dict(dict(data), strict=False)
                meeting.id = meeting_id
            return MeetingSession(self, meeting, db, lock, getattr(storage, "recovered", None))
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    def load(self, meeting_id: str) -> Meeting:
        """A read-only copy of a meeting (no lock kept)."""
        data = self.backend.read_raw(meeting_id)
        if data is not None:
            try:
                meeting = meeting_from_dict(data, strict=False)
            except MeetingFormatError:
                pass
            else:
                meeting.id = meeting_id
                return meeting
        if not self.backend.exists(meeting_id):
            raise MeetingNotFoundError(meeting_id)
        # Damaged on disk: repair it from the backup if nobody is editing it, else
        # only read the backup and leave the file to its writer.
        try:
            session = self.open(meeting_id)
        except (MeetingLockedError, LockUnavailableError):
            session = self.open(meeting_id, read_only=True)
        with session:
            return session.meeting

    def delete(self, meeting_id: str) -> None:
        lock = self.backend.lock(meeting_id)
        lock.acquire()
        try:
            self.backend.delete(meeting_id)
        finally:
            lock.release()

    # -- listing

    def raw_meetings(self) -> Iterator[tuple[str, dict]]:
        """(id, stored dict) for every readable meeting, unvalidated, for fast scans.

        A damaged file is repaired from its backup on the way (and reported in
        `recoveries`); one that cannot be read at all is noted in `unreadable`.
        """
        from .scan import read_for_scan

        for meeting_id in self.backend.meeting_ids():
            data = read_for_scan(self, meeting_id)
            if data is not None:
                yield meeting_id, data

    def meetings(self) -> Iterator[Meeting]:
        for meeting_id, data in self.raw_meetings():
            try:
                meeting = meeting_from_dict(data, strict=False)
            except MeetingFormatError:
                try:  # the careful way: validated, from the backup if need be
                    meeting = self.load(meeting_id)
                except StoreError as exc:
                    self.unreadable[meeting_id] = str(exc)
                    continue
            meeting.id = meeting_id
            yield meeting

    def summaries(self) -> list[MeetingSummary]:
        """Every meeting, newest first."""
        out = []
        for meeting_id, data in self.raw_meetings():
            try:
                items, opened = _count_items(data.get("items") or ())
            except (AttributeError, TypeError):
                items = opened = 0
            out.append(
                MeetingSummary(
                    id=meeting_id,
                    title=str(data.get("title") or ""),
                    date=str(data.get("date") or ""),
                    start=data.get("start") if isinstance(data.get("start"), str) else None,
                    series=str(data.get("series") or data.get("title") or ""),
                    item_count=items,
                    open_actions=opened,
                )
            )
        out.sort(key=lambda s: (s.date, s.start or "", s.id), reverse=True)
        return out

    def series_meetings(self, series: str) -> list[MeetingSummary]:
        """The meetings of one series, newest first."""
        wanted = series.casefold()
        return [s for s in self.summaries() if s.series.casefold() == wanted]


def refresh_ids(meeting: Meeting) -> None:
    """Give every participant, item, action and decision a fresh id (for copies)."""
    for participant in meeting.participants:
        participant.id = new_id()
    for item in meeting.all_items():
        item.id = new_id()
        for action in item.actions:
            action.id = new_id()
        for decision in item.decisions:
            decision.id = new_id()
