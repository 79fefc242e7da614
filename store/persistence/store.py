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
from datetime import date as Date
from pathlib import Path
from typing import Callable, Iterator

from tinydb import TinyDB

from ..domain.adjustment import state_from_facts, stored_state_facts
from ..domain.model import Meeting, new_id
from .backends import Backend, FileBackend, Lock, MemoryBackend, is_valid_meeting_id
from .errors import MeetingNotFoundError, MeetingUnreadableError
from . import layout
from .lock import HOLDER_APP, LockUnavailableError, MeetingLockedError
from .serialize import MeetingFormatError, meeting_from_dict
from .session import MeetingSession
from .storage import Recovery, StoreError

DATA_DIR_ENV = "MOTESBOK_DATA_DIR"


def default_data_dir() -> Path:
    """$MOTESBOK_DATA_DIR, else the platform's user data directory."""
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("motesbok", appauthor=False))


@dataclass
class MeetingSummary:
    """What the meeting list shows of one stored meeting."""

    id: str
    title: str
    date: str
    start: str | None
    series: str
    item_count: int
    open_actions: int
    #: A protocol's justering and anslag (store.domain.adjustment.stored_state_facts);
    #: None for a minutes meeting.
    protocol: list[str] | None = None

    def state(self, today: Date) -> str:
        """'utkast', 'justerat' or 'anslaget' for a protocol, '' for minutes."""
        return state_from_facts(self.protocol, today.isoformat())


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
        cls, data_dir: str | os.PathLike | None = None, *, lock_kind: str = HOLDER_APP,
        on_lock_wait: Callable[[MeetingLockedError], object] | None = None,
    ) -> MeetingStore:
        """The store of a data directory; lock_kind=HOLDER_COMMAND for a short command.

        `on_lock_wait` is called once when opening a meeting has waited a while for
        another program to let go of it (with the refusal naming that program)."""
        where = data_dir if data_dir is not None else default_data_dir()
        return cls(FileBackend(where, lock_kind=lock_kind, on_lock_wait=on_lock_wait))

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
                data = layout.read(layout.table_of(db))
                recovered = getattr(storage, "recovered", None)
                if data is None:
                    raise MeetingUnreadableError(meeting_id, recovered)
                if recovered is not None:
                    self.recoveries.append(recovered)
                meeting = getattr(storage, "checked", None)  # built by the file's check
                if not isinstance(meeting, Meeting):
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
                    protocol=stored_state_facts(data),
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
