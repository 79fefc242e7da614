"""Actions across all meetings: the action list, and ticking an action done everywhere.

The query reads the stored dicts (`MeetingStore.raw_meetings()`), not validated models:
with a thousand meetings, building dataclasses for every item would cost more than the
whole scan. A stored dict was validated when it was saved, so reading it is safe.

Follow-up copies: when a meeting of a series is created from the previous one, every
open action of the series is copied into it with ``follows`` set to the original's id
(see store/series.py). The list shows each action once: the original, which lives in the
meeting where it was decided; a copy appears only when its original is gone (meeting
deleted) or when one meeting is asked for (``meeting_id``), which shows what that
meeting holds. Ticking any of them marks the original and every copy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date
from typing import Callable, Iterable, Literal

from .model import Action, Meeting
from .repository import MeetingSession, MeetingStore
from .storage import StoreError

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


def sort_key(row: ActionRow) -> tuple:
    # Undated last; then the meeting order and the order within the minutes.
    return (row.due is None, row.due or "", row.meeting_date, row.meeting_id, row.position)


# -- scanning ------------------------------------------------------------------


def _rows_of_dict(meeting_id: str, data: dict, today_iso: str) -> list[ActionRow]:
    """Every action of one stored meeting dict, as rows (no filtering)."""
    rows: list[ActionRow] = []
    title = data.get("title") or ""
    date = data.get("date") or ""
    series = data.get("series") or title
    position = 0

    def rec(items: list, prefix: str) -> None:
        nonlocal position
        for index, item in enumerate(items, start=1):
            number = f"{prefix}{index}"
            actions = item.get("actions")
            if actions:
                item_id = item.get("id") or ""
                item_title = item.get("title") or ""
                for action in actions:
                    done = bool(action.get("done"))
                    due = action.get("due") or None
                    position += 1
                    rows.append(
                        ActionRow(
                            action.get("id") or "",
                            action.get("text") or "",
                            action.get("owner") or None,
                            due,
                            done,
                            action.get("done_date") or None,
                            meeting_id,
                            date,
                            title,
                            series,
                            item_id,
                            number,
                            item_title,
                            not done and due is not None and due < today_iso,
                            action.get("follows") or None,
                            position,
                        )
                    )
            children = item.get("items")
            if children:
                rec(children, number + ".")

    rec(data.get("items") or (), "")
    return rows


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

    rows: list[ActionRow] = []
    if meeting_id is not None:
        data = store.backend.read_raw(meeting_id)
        sources: Iterable = [(meeting_id, data)] if data is not None else ()
        if live is not None and live.id == meeting_id:
            sources = [(meeting_id, None)]
    else:
        sources = store.raw_meetings()
    seen_live = False
    for mid, data in sources:
        if live is not None and mid == live.id:
            seen_live = True
            data = {"date": live.date, "series": live.series_name}
            if _meeting_matches(data, series_key, since):
                rows.extend(_rows_of_meeting(live, today_iso))
        elif _meeting_matches(data, series_key, since):
            rows.extend(_rows_of_dict(mid, data, today_iso))
    if live is not None and not seen_live and meeting_id in (None, live.id):
        # Not saved yet (a brand-new meeting): still show what it holds.
        if _meeting_matches({"date": live.date, "series": live.series_name}, series_key, since):
            rows.extend(_rows_of_meeting(live, today_iso))

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
    today_iso = (today or Date.today()).isoformat()
    rows: list[ActionRow] = []
    for mid, data in store.raw_meetings():
        if live is not None and mid == live.id:
            continue
        rows.extend(_rows_of_dict(mid, data, today_iso))
    if live is not None:
        rows.extend(_rows_of_meeting(live, today_iso))
    return rows


# -- ticking done ---------------------------------------------------------------


@dataclass
class DoneResult:
    """What `set_action_done` changed: the action's text and the meetings saved."""

    action_id: str
    text: str
    done: bool
    done_date: str | None
    meeting_ids: list[str]


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
        raise ActionNotFoundError(action_id)
    root = target.root_id
    by_meeting: dict[str, set[str]] = {}
    for row in rows:
        if row.action_id == root or row.follows == root:
            by_meeting.setdefault(row.meeting_id, set()).add(row.action_id)

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
