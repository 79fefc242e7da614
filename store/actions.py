"""Actions across all meetings: the action list, and ticking an action done everywhere.

The query reads the stored dicts (`FileBackend.read_raw`), not validated models: with a
thousand meetings, building dataclasses for every item would cost more than the whole
scan. A stored dict was validated when it was saved, so reading it is safe. On a data
directory the rows are also kept in a small cache that only readers write (see
"scanning, with a cache" below), so `motesbok actions` reads one file, not a thousand.

Follow-up copies: when a meeting of a series is created from the previous one, every
open action of the series is copied into it with ``follows`` set to the original's id
(see store/series.py). The list shows each action once: the original, which lives in the
meeting where it was decided; a copy appears only when its original is gone (meeting
deleted) or when one meeting is asked for (``meeting_id``), which shows what that
meeting holds. Ticking any of them marks the original and every copy.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import Callable, Iterable, Literal

import orjson

from .model import Action, Meeting
from .repository import FileBackend, MeetingSession, MeetingStore
from .scan import read_for_scan
from .storage import StoreError, create_temp_file, ensure_private_dir

Status = Literal["open", "all", "overdue"]
STATUSES: tuple[str, ...] = ("open", "all", "overdue")


class ActionNotFoundError(StoreError):
    def __init__(self, action_id: str):
        self.action_id = action_id
        super().__init__(
            f"Det finns ingen åtgärd med id {action_id!r}. "
            "Id:t står i åtgärdslistan (motesbok actions --all)."
        )


@dataclass(slots=True)
class ActionRow:
    """One action as the list shows it, with where it was decided."""

    action_id: str
    text: str
    owner: str | None
    due: str | None
    done: bool
    done_date: str | None
    meeting_id: str
    meeting_date: str
    meeting_title: str
    series: str
    item_id: str
    item_number: str
    item_title: str
    overdue: bool = False
    follows: str | None = None
    # Position in the meeting, to keep the order of the minutes among equal due dates.
    position: int = field(default=0, repr=False, compare=False)

    @property
    def root_id(self) -> str:
        """The id of the original action (a copy's `follows`, else its own id)."""
        return self.follows or self.action_id

    @property
    def status_text(self) -> str:
        if self.done:
            return f"Klar {self.done_date}" if self.done_date else "Klar"
        if self.overdue:
            return "Försenad"
        return "Öppen"

    @property
    def meeting_text(self) -> str:
        """'2031-02-12 Kommunchefsmöte, punkt 4.1' as the Möte column shows it."""
        return f"{self.meeting_date} {self.meeting_title}, punkt {self.item_number}"


def sort_key(row: ActionRow) -> str:
    """Due date, undated last ("~" sorts after any digit); then the meeting order and the
    order within the minutes. One string: sorting 40 000 rows by tuples costs 3x more."""
    return (
        f"{row.due or '~'}\x00{row.meeting_date}\x00{row.meeting_id}\x00{row.position:07d}"
    )


# -- scanning ------------------------------------------------------------------


def _action_tuples(data: dict) -> list[tuple]:
    """(done, id, text, owner, due, done_date, item id, number, item title, follows,
    position) for every action of a stored meeting dict, in the order of the minutes."""
    out: list[tuple] = []

    def rec(items: list, prefix: str) -> None:
        for index, item in enumerate(items, start=1):
            number = f"{prefix}{index}"
            actions = item.get("actions")
            if actions:
                item_id = item.get("id") or ""
                item_title = item.get("title") or ""
                for action in actions:
                    out.append((
                        bool(action.get("done")),
                        action.get("id") or "",
                        action.get("text") or "",
                        action.get("owner") or None,
                        action.get("due") or None,
                        action.get("done_date") or None,
                        item_id,
                        number,
                        item_title,
                        action.get("follows") or None,
                        len(out) + 1,
                    ))
            children = item.get("items")
            if children:
                rec(children, number + ".")

    rec(data.get("items") or (), "")
    return out


def _meeting_meta(data: dict) -> tuple[str, str, str]:
    title = data.get("title") or ""
    return title, data.get("date") or "", data.get("series") or title


def _rows_of_tuples(
    meeting_id: str, meta: tuple[str, str, str] | list, tuples: Iterable, today_iso: str
) -> list[ActionRow]:
    title, date, series = meta
    rows = []
    for done, aid, text, owner, due, done_date, item_id, number, item_title, follows, pos in tuples:
        rows.append(ActionRow(
            aid, text, owner, due, done, done_date, meeting_id, date, title, series,
            item_id, number, item_title,
            not done and due is not None and due < today_iso,
            follows, pos,
        ))
    return rows


def _rows_of_dict(meeting_id: str, data: dict, today_iso: str) -> list[ActionRow]:
    """Every action of one stored meeting dict, as rows (no filtering)."""
    return _rows_of_tuples(meeting_id, _meeting_meta(data), _action_tuples(data), today_iso)


def _rows_of_meeting(meeting: Meeting, today_iso: str) -> list[ActionRow]:
    rows = []
    for position, (number, item, action) in enumerate(meeting.actions(), start=1):
        rows.append(
            ActionRow(
                action.id, action.text, action.owner, action.due, action.done,
                action.done_date, meeting.id, meeting.date, meeting.title,
                meeting.series_name, item.id, number, item.title,
                not action.done and action.due is not None and action.due < today_iso,
                action.follows, position,
            )
        )
    return rows


def _meeting_matches(data: dict, series: str | None, since: str | None) -> bool:
    if since is not None and (data.get("date") or "") < since:
        return False
    if series is not None:
        name = (data.get("series") or data.get("title") or "").casefold()
        if series not in name:
            return False
    return True


def query_actions(
    store: MeetingStore,
    *,
    status: Status = "open",
    owner: str | None = None,
    series: str | None = None,
    meeting_id: str | None = None,
    since: str | None = None,
    today: Date | None = None,
    live: Meeting | None = None,
) -> list[ActionRow]:
    """Actions across all meetings, sorted by due date with undated last.

    status: "open" (not done), "all", or "overdue" (open and due before today).
    owner: part of the owner's name, any case. series: part of the series name, any
    case. meeting_id: only that meeting (copies included). since: only meetings held on
    or after that ISO date. live: a meeting the app has open, read from memory instead
    of from disk so unsaved edits show.
    """
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    today_iso = (today or Date.today()).isoformat()
    series_key = series.casefold() if series else None

    if meeting_id is None:
        rows = _scan(store, live, today_iso, include_done=status == "all")
        return select_rows(rows, status=status, owner=owner, series=series, since=since)

    rows: list[ActionRow] = []
    if live is not None and live.id == meeting_id:
        meta = {"date": live.date, "series": live.series_name}
        if _meeting_matches(meta, series_key, since):
            rows = _rows_of_meeting(live, today_iso)
    else:
        data = read_for_scan(store, meeting_id)
        if data is not None and _meeting_matches(data, series_key, since):
            rows = _rows_of_dict(meeting_id, data, today_iso)
    return select_rows(rows, status=status, owner=owner, meeting_id=meeting_id)


def select_rows(
    rows: list[ActionRow],
    *,
    status: Status = "open",
    owner: str | None = None,
    series: str | None = None,
    meeting_id: str | None = None,
    since: str | None = None,
) -> list[ActionRow]:
    """Filter and sort rows already read (the app keeps one scan and filters as you type).

    The filters mean the same as in `query_actions`; rows of every meeting may be given.
    """
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    series_key = series.casefold() if series else None
    owner_key = owner.casefold() if owner else None
    if meeting_id is not None:
        rows = [row for row in rows if row.meeting_id == meeting_id]
    if series_key is not None or since is not None:
        rows = [
            row for row in rows
            if (since is None or row.meeting_date >= since)
            and (series_key is None or series_key in row.series.casefold())
        ]
    if meeting_id is None:
        rows = _one_per_action(rows)
    out = []
    for row in rows:
        if status == "open" and row.done:
            continue
        if status == "overdue" and not row.overdue:
            continue
        if owner_key is not None and owner_key not in (row.owner or "").casefold():
            continue
        out.append(row)
    out.sort(key=sort_key)
    return out


def all_rows(
    store: MeetingStore, *, live: Meeting | None = None, today: Date | None = None
) -> list[ActionRow]:
    """Every action of every meeting, unfiltered and unsorted (for `select_rows`)."""
    return _all_rows(store, live, today)


def _one_per_action(rows: list[ActionRow]) -> list[ActionRow]:
    """Drop follow-up copies whose original is listed (the list shows each action once)."""
    if not any(row.follows for row in rows):
        return rows
    originals = {row.action_id for row in rows if not row.follows}
    kept: list[ActionRow] = []
    latest_copy: dict[str, ActionRow] = {}
    for row in rows:
        if not row.follows:
            kept.append(row)
        elif row.follows not in originals:
            # The original is gone: show the latest copy in its place.
            current = latest_copy.get(row.follows)
            if current is None or (row.meeting_date, row.meeting_id) > (
                current.meeting_date,
                current.meeting_id,
            ):
                latest_copy[row.follows] = row
    kept.extend(latest_copy.values())
    return kept


def find_action(store: MeetingStore, action_id: str, *, live: Meeting | None = None) -> ActionRow:
    """The row of one action (original or copy); ActionNotFoundError when unknown."""
    for row in _all_rows(store, live):
        if row.action_id == action_id:
            return row
    raise ActionNotFoundError(action_id)


def _all_rows(
    store: MeetingStore, live: Meeting | None, today: Date | None = None
) -> list[ActionRow]:
    return _scan(store, live, (today or Date.today()).isoformat(), include_done=True)


# -- scanning, with a cache ----------------------------------------------------------
#
# Parsing every meeting file is most of the cost of the list (about 10 MB of JSON for a
# thousand meetings). The file backend therefore keeps a cache of the action rows in
# <data dir>/cache/: one file for open actions and one for done ones, so the usual
# question ("what is open?") reads only the small one. Each meeting's entry carries the
# inode, size and mtime of the meeting file it was read from; a meeting saved since
# (an atomic replace: new inode) is read again and the cache rewritten. Only readers
# maintain it, so a save (the autosave) costs exactly what it did without a cache.

_CACHE_VERSION = 1
CACHE_DIR = "cache"


def _scan(
    store: MeetingStore, live: Meeting | None, today_iso: str, *, include_done: bool
) -> list[ActionRow]:
    """Rows of every meeting (the open ones only, unless include_done), unsorted."""
    backend = store.backend
    rows: list[ActionRow] = []
    if isinstance(backend, FileBackend):
        rows = _scan_cached(store, live, today_iso, include_done)
    else:
        for mid, data in store.raw_meetings():
            if live is None or mid != live.id:
                rows.extend(_rows_of_dict(mid, data, today_iso))
    if live is not None:
        # The app's open meeting, from memory: unsaved edits (or a new meeting) show.
        rows.extend(_rows_of_meeting(live, today_iso))
    return rows


def _scan_cached(
    store: MeetingStore, live: Meeting | None, today_iso: str, include_done: bool
) -> list[ActionRow]:
    backend = store.backend
    cache_dir = backend.data_dir / CACHE_DIR
    parts = [(cache_dir / "actions-open.json", False)]
    if include_done:
        parts.append((cache_dir / "actions-done.json", True))
    caches = [_load_cache(path) for path, _ in parts]
    fresh: list[dict] = [{} for _ in parts]
    dirty = False
    rows: list[ActionRow] = []
    for mid in backend.meeting_ids():
        if live is not None and mid == live.id:
            for old, new in zip(caches, fresh):  # keep it: the app saves it soon
                if mid in old:
                    new[mid] = old[mid]
            continue
        try:
            st = os.stat(backend.path(mid))
        except OSError:
            # Gone, or only its backup is left: read it as opening it would.
            data = read_for_scan(store, mid)
            if data is not None:
                dirty = True  # not cached: the next scan finds the repaired file
                rows.extend(_rows_of_dict(mid, data, today_iso))
            continue
        stamp = [st.st_ino, st.st_size, st.st_mtime_ns]
        entries = [cache.get(mid) for cache in caches]
        if all(isinstance(e, list) and len(e) == 3 and e[0] == stamp for e in entries):
            for entry, new, (_, done) in zip(entries, fresh, parts):
                new[mid] = entry
                rows.extend(_rows_of_tuples(
                    mid, entry[1], ([done, *t] for t in entry[2]), today_iso))
            continue
        data = read_for_scan(store, mid)  # a damaged file is repaired from its backup
        if data is None:
            continue  # named in store.unreadable
        dirty = True
        meta = list(_meeting_meta(data))
        tuples = _action_tuples(data)
        for new, (_, done) in zip(fresh, parts):
            mine = [list(t[1:]) for t in tuples if t[0] == done]
            new[mid] = [stamp, meta, mine]
            rows.extend(_rows_of_tuples(mid, meta, ([done, *t] for t in mine), today_iso))
    if dirty or any(set(old) != set(new) for old, new in zip(caches, fresh)):
        for (path, _), entries in zip(parts, fresh):
            _save_cache(path, entries)
    return rows


def _load_cache(path: Path) -> dict:
    try:
        with open(path, "rb") as fh:
            data = orjson.loads(fh.read())
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("v") != _CACHE_VERSION:
        return {}
    entries = data.get("m")
    return entries if isinstance(entries, dict) else {}


def _save_cache(path: Path, entries: dict) -> None:
    """Replace the cache file in one step; no fsync: a lost cache is only rebuilt."""
    fd = tmp = None
    try:
        ensure_private_dir(path.parent)
        fd, tmp = create_temp_file(path)  # never through a planted symlink
        with os.fdopen(fd, "wb") as fh:
            fd = None
            fh.write(orjson.dumps({"v": _CACHE_VERSION, "m": entries}))
        os.replace(tmp, path)
    except OSError:
        if fd is not None:
            os.close(fd)
        if tmp is not None:
            try:
                tmp.unlink(missing_ok=True)
            except OSError:
                pass


# -- ticking done ---------------------------------------------------------------


@dataclass
class DoneResult:
    """What `set_action_done` changed: the action's text and the meetings saved."""

    action_id: str
    text: str
    done: bool
    done_date: str | None
    meeting_ids: list[str]
    changed: bool = True  # False: it already was done (or open) everywhere


def set_action_done(
    store: MeetingStore,
    action_id: str,
    done: bool,
    *,
    session: MeetingSession | None = None,
    today: Date | None = None,
    on_live: Callable[[Callable[[], bool]], object] | None = None,
) -> DoneResult:
    """Tick an action done (with today's date) or reopen it, everywhere it appears.

    The original and every follow-up copy are changed together, whichever id is given.
    `session` is a meeting this process has open (the app's): that meeting is changed in
    `session.meeting` and saved through the session, since opening it again would hit
    its lock. All other meetings are locked first and only then changed, so a meeting
    open in another program (MeetingLockedError) leaves everything as it was.

    `on_live`, when given, receives the change to the session's meeting as a function
    instead of it being applied and saved here: the app runs it on its event loop (the
    model belongs to the UI thread) and lets its autosave write it.
    """
    live = session.meeting if session is not None and not session.read_only else None
    rows = _all_rows(store, live)
    target = next((row for row in rows if row.action_id == action_id), None)
    if target is None:
        if store.unreadable:
            # It may well be in a meeting that could not be read: not the user's typo.
            raise StoreError(
                f"Åtgärden {action_id!r} finns inte i de möten som gick att läsa; "
                f"{len(store.unreadable)} möten kunde inte läsas och den kan finnas där."
            )
        raise ActionNotFoundError(action_id)
    root = target.root_id
    by_meeting: dict[str, set[str]] = {}
    chain = [row for row in rows if row.action_id == root or row.follows == root]
    for row in chain:
        by_meeting.setdefault(row.meeting_id, set()).add(row.action_id)
    if all(row.done == done for row in chain):
        # Nothing to do; a done action keeps the date it was first ticked.
        return DoneResult(action_id, target.text, done, target.done_date,
                          sorted(by_meeting), changed=False)

    done_date = (today or Date.today()).isoformat() if done else None
    opened: list[MeetingSession] = []
    try:
        for mid in sorted(by_meeting):
            if live is None or mid != live.id:
                opened.append(store.open(mid))
        for meeting_session in opened:
            if _apply_in(meeting_session.meeting, by_meeting[meeting_session.meeting.id],
                         done, done_date):
                meeting_session.save()
    finally:
        for meeting_session in opened:
            meeting_session.close()
    if live is not None and live.id in by_meeting:
        ids = by_meeting[live.id]

        def change_live() -> bool:
            return _apply_in(live, ids, done, done_date)

        if on_live is not None:
            on_live(change_live)
        elif change_live():
            session.save()  # type: ignore[union-attr]
    return DoneResult(action_id, target.text, done, done_date, sorted(by_meeting))


def _apply_in(meeting: Meeting, ids: set[str], done: bool, done_date: str | None) -> bool:
    changed = False
    for _, _, action in meeting.actions():
        if action.id in ids:
            changed |= _apply(action, done, done_date)
    return changed


def _apply(action: Action, done: bool, done_date: str | None) -> bool:
    if done:
        if action.done:
            return False  # keep the date it was first ticked done
        action.done = True
        action.done_date = done_date
        return True
    if not action.done and action.done_date is None:
        return False
    action.reopen()
    return True


# -- the filter, as the CLI and the app offer it -----------------------------------


@dataclass
class ActionFilter:
    """The list's filters, shared by the command line and the app."""

    status: Status = "open"
    owner: str | None = None
    series: str | None = None
    meeting_id: str | None = None
    since: str | None = None

    def query(
        self, store: MeetingStore, *, today: Date | None = None, live: Meeting | None = None
    ) -> list[ActionRow]:
        return query_actions(
            store,
            status=self.status,
            owner=self.owner or None,
            series=self.series or None,
            meeting_id=self.meeting_id or None,
            since=self.since or None,
            today=today,
            live=live,
        )

    def select(self, rows: list[ActionRow]) -> list[ActionRow]:
        """These filters applied to rows already read (see `all_rows`)."""
        return select_rows(
            rows,
            status=self.status,
            owner=self.owner or None,
            series=self.series or None,
            meeting_id=self.meeting_id or None,
            since=self.since or None,
        )

    def describe(self) -> str:
        """The filter in words, for the printout: 'Öppna åtgärder; ansvarig: greta'."""
        parts = [
            {"open": "Öppna åtgärder", "all": "Alla åtgärder", "overdue": "Försenade åtgärder"}[
                self.status
            ]
        ]
        if self.owner:
            parts.append(f"ansvarig: {self.owner}")
        if self.series:
            parts.append(f"serie: {self.series}")
        if self.meeting_id:
            parts.append(f"möte: {self.meeting_id}")
        if self.since:
            parts.append(f"möten från {self.since}")
        return "; ".join(parts)
