"""Rescue copies (nödkopior): finding them after a crash, and what they hold.

While saves fail (a full disk) the app keeps a copy of the open meeting outside the
data directory, as importable meeting JSON, and deletes it after the next good save. A
copy still lying there at the next start means the app died before it could save: the
copy may hold text the stored meeting lacks. `find_rescue_copies` finds such copies
(newer than their meeting, and actually different), `differences` says in Swedish what
each holds that the meeting lacks, and `restore` / `keep_both` act on the user's choice.

Only our own regular files are read (no symlinks, no other user's files in /tmp), with
a size cap, and never a copy whose meeting some program has open right now (that program
keeps its copy current itself).
"""

from __future__ import annotations

import os
import re
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

import orjson

from .lock import MeetingLockedError
from ..domain.model import AgendaItem, Meeting
from .serialize import MeetingFormatError, meeting_from_dict
from .storage import StoreError

if TYPE_CHECKING:
    from .store import MeetingStore

PREFIX = "motesbok-nodkopia-"
_NAME_RE = re.compile(
    re.escape(PREFIX) + r"(?P<id>[A-Za-z0-9][A-Za-z0-9_-]{0,99})-\d{8}-\d{6}\.json"
)
MAX_COPY_BYTES = 64 * 1024 * 1024
MAX_LINES = 12  # differences listed; the rest are counted


def rescue_folders() -> Iterator[Path]:
    """Where a rescue copy may go, best first: on a full disk home and /tmp often share
    it, so RAM-backed /dev/shm (kept until reboot) comes last."""
    import tempfile

    for find in (Path.home, lambda: Path(tempfile.gettempdir()), lambda: Path("/dev/shm")):
        try:
            folder = find()
        except Exception:  # noqa: BLE001 - no HOME, no usable temp dir: try the next
            continue
        if folder.is_dir():
            yield folder


def rescue_file_name(meeting_id: str) -> str:
    """The copy's name: the meeting it belongs to and when the failure spell began."""
    return f"{PREFIX}{meeting_id}-{time.strftime('%Y%m%d-%H%M%S')}.json"


@dataclass
class RescueCopy:
    path: Path
    meeting: Meeting  # what the copy holds (its id is the stored meeting's)
    stored: Meeting  # the meeting as stored now
    differences: list[str] = field(default_factory=list)

    @property
    def meeting_id(self) -> str:
        return self.meeting.id

    def summary(self) -> str:
        """One line for `motesbok list`."""
        n = len(self.differences)
        return (
            f"Nödkopian {self.path} är nyare än mötet {self.meeting_id} "
            f"({self.stored.title}) och har {n} {'ändring' if n == 1 else 'ändringar'} "
            "som mötet saknar. Starta Mötesbok för att återställa den eller behålla båda."
        )


def find_rescue_copies(
    store: MeetingStore, folders: Iterable[Path] | None = None, *, meeting_id: str | None = None
) -> list[RescueCopy]:
    """Every rescue copy newer than its stored meeting and holding something it lacks,
    newest first; with `meeting_id`, only that meeting's (the others are not read)."""
    found: list[tuple[float, RescueCopy]] = []
    seen: set[Path] = set()
    for folder in folders if folders is not None else rescue_folders():
        try:
            with os.scandir(folder) as entries:
                names = [e.name for e in entries if _NAME_RE.fullmatch(e.name)]
        except OSError:
            continue
        for name in sorted(names):
            path = Path(folder) / name
            if path in seen:
                continue
            seen.add(path)
            copy_of = _NAME_RE.fullmatch(name).group("id")
            if meeting_id is not None and copy_of != meeting_id:
                continue
            copy = _read_copy(store, path, copy_of)
            if copy is not None:
                found.append(copy)
    found.sort(key=lambda pair: pair[0], reverse=True)
    return [copy for _, copy in found]


def _read_copy(store: MeetingStore, path: Path, meeting_id: str):
    raw_and_mtime = _read_own_file(path)
    if raw_and_mtime is None:
        return None
    raw, mtime = raw_and_mtime
    try:
        meeting = meeting_from_dict(orjson.loads(raw), strict=False)
    except (ValueError, MeetingFormatError):
        return None
    if meeting.id and meeting.id != meeting_id:
        return None
    meeting.id = meeting_id
    if not store.backend.exists(meeting_id) or _in_use(store, meeting_id):
        return None
    try:
        stored = store.load(meeting_id)
    except StoreError:
        return None
    # The same meeting (a meeting of another data directory may share the id), and
    # saved after the stored one.
    if meeting.created_at and stored.created_at and meeting.created_at != stored.created_at:
        return None
    if not _newer(store, meeting, stored, mtime):
        return None
    found = differences(stored, meeting)
    if not found:
        return None
    return mtime, RescueCopy(path, meeting, stored, found)


def _newer(store: MeetingStore, copy: Meeting, stored: Meeting, copy_mtime: float) -> bool:
    """The copy was made after the stored meeting was last saved (stamps have whole
    seconds: within one second the files' times decide)."""
    mine, theirs = copy.updated_at or "", stored.updated_at or ""
    if mine != theirs:
        return mine > theirs
    try:
        return copy_mtime > os.stat(store.backend.describe(copy.id)).st_mtime
    except OSError:
        return True  # no file to compare with (the memory backend): the content decides


def _read_own_file(path: Path) -> tuple[bytes, float] | None:
    """The bytes of a regular file of ours under the cap, never through a link."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_COPY_BYTES:
            return None
        if hasattr(os, "geteuid") and st.st_uid != os.geteuid():
            return None  # planted by someone else (in a shared /tmp)
        with os.fdopen(os.dup(fd), "rb") as fh:
            raw = fh.read(MAX_COPY_BYTES + 1)
        return (raw, st.st_mtime) if len(raw) <= MAX_COPY_BYTES else None
    except OSError:
        return None
    finally:
        os.close(fd)


def _in_use(store: MeetingStore, meeting_id: str) -> bool:
    """True when a program (this one included) has the meeting open for writing."""
    lock = store.backend.lock(meeting_id)
    try:
        lock.acquire(wait=False)
    except MeetingLockedError:
        return True
    except StoreError:
        return False
    lock.release()
    return False


# -- what a copy holds that the meeting lacks ---------------------------------------


def _short(text: str, limit: int = 50) -> str:
    one_line = " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"


_ITEM_FIELDS = (
    ("title", "rubriken"), ("description", "beskrivningen"),
    ("background", "ärendebeskrivningen"), ("proposal", "förslaget till beslut"),
    ("notes", "anteckningarna"),
)
_MEETING_FIELDS = (
    ("title", "Titeln"), ("date", "Datumet"), ("start", "Starttiden"),
    ("end", "Sluttiden"), ("place", "Platsen"),
)
_STATUS_SV = {"done": "klar", "deferred": "bordlagd", "pending": "ej behandlad"}


def differences(stored: Meeting, copy: Meeting) -> list[str]:
    """What the copy holds that the stored meeting lacks (or has otherwise), in Swedish,
    one line each, at most MAX_LINES (then a count of the rest)."""
    lines: list[str] = []
    for name, label in _MEETING_FIELDS:
        mine, theirs = getattr(copy, name) or "", getattr(stored, name) or ""
        if mine != theirs:
            lines.append(f"{label} är «{_short(mine)}» i kopian, «{_short(theirs)}» i mötet.")
    stored_names = {p.name for p in stored.participants}
    extra = [p.name for p in copy.participants if p.name not in stored_names]
    if extra:
        lines.append("Deltagare som mötet saknar: " + ", ".join(_short(n, 30) for n in extra))
    stored_items = {item.id: item for item in stored.all_items()}
    copy_ids = set()
    for number, _, item in copy.walk():
        copy_ids.add(item.id)
        old = stored_items.get(item.id)
        where = f"Punkt {number} {_short(item.title, 30)}"
        if old is None:
            lines.append(f"{where}: hela punkten saknas i mötet.")
            continue
        lines.extend(f"{where}: {line}" for line in _item_differences(old, item))
    lost = [item for item in stored.all_items() if item.id not in copy_ids]
    for item in lost:
        lines.append(f"Punkten {_short(item.title, 30)} finns bara i mötet, inte i kopian.")
    if len(lines) > MAX_LINES:
        rest = len(lines) - (MAX_LINES - 1)
        lines = lines[: MAX_LINES - 1] + [f"… och {rest} skillnader till."]
    return lines


def _item_differences(old: AgendaItem, new: AgendaItem) -> list[str]:
    out = []
    for name, label in _ITEM_FIELDS:
        mine, theirs = getattr(new, name) or "", getattr(old, name) or ""
        if mine == theirs:
            continue
        if name == "notes" and mine.startswith(theirs):
            out.append(f"{label} har {len(mine) - len(theirs)} tecken till i kopian: "
                       f"«{_short(mine[len(theirs):])}»")
        else:
            out.append(f"{label} skiljer sig: «{_short(mine)}» i kopian.")
    old_decisions = {d.id: d.text for d in old.decisions}
    for decision in new.decisions:
        if old_decisions.get(decision.id) != decision.text:
            out.append(f"beslut som mötet saknar: «{_short(decision.text)}»")
    old_actions = {a.id: a for a in old.actions}
    for action in new.actions:
        before = old_actions.get(action.id)
        if before is None or (before.text, before.owner, before.due) != (
            action.text, action.owner, action.due
        ):
            out.append(f"åtgärd som mötet saknar: «{_short(action.text)}»")
        elif before.done != action.done:
            state = "klar" if action.done else "öppen"
            out.append(f"åtgärden «{_short(action.text)}» är {state} i kopian.")
    if new.status != old.status:
        out.append(f"status {_STATUS_SV.get(new.status, new.status)} i kopian.")
    return out


# -- the user's choice --------------------------------------------------------------


def restore(store: MeetingStore, copy: RescueCopy) -> None:
    """Make the copy the stored meeting (the replaced version stays as the backup) and
    remove the copy. Raises StoreError (MeetingLockedError when the meeting is open
    elsewhere); the copy is then left as it was."""
    with store.open(copy.meeting_id) as session:
        copy.meeting.id = copy.meeting_id
        session.meeting = copy.meeting
        session.save(touch=False)
    _remove(copy.path)


def keep_both(store: MeetingStore, copy: RescueCopy) -> str:
    """Store the copy as a meeting of its own (fresh ids, so ticking an action in one
    never ticks the other) and remove the copy; returns the new meeting's id."""
    from .store import refresh_ids

    from .serialize import meeting_to_dict

    meeting = meeting_from_dict(meeting_to_dict(copy.meeting), strict=False)
    refresh_ids(meeting)
    meeting.id = ""
    meeting.series = meeting.series or meeting.title
    meeting.title = f"{meeting.title} (nödkopia)"
    new_id = store.add(meeting)
    _remove(copy.path)
    return new_id


def _remove(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass  # restored all the same; the next start finds nothing newer in it
