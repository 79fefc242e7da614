"""An open meeting: the model plus the means to save it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tinydb import TinyDB

from ..domain.model import Meeting
from .backends import Lock
from .errors import ReadOnlyError
from . import layout
from .serialize import meeting_to_dict
from .storage import Recovery

if TYPE_CHECKING:
    from .store import MeetingStore


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
        self._table = layout.table_of(db)
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
        layout.write(self._table, snapshot)

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
