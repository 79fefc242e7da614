"""A series as stored: what the next meeting of a series needs from earlier meetings.

The rules (what is carried, which actions are open, whose names come first) are the
domain's (store.domain.series, store.domain.owners); this module only reads the stored
meetings of the series for them. It reads every meeting file: call it from a worker.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from ..domain.action_rows import ActionRow, rows_of_dict, rows_of_meeting
from ..domain.model import Meeting
from ..domain.series import next_meeting, open_once
from .store import MeetingStore


def next_meeting_in_series(store: MeetingStore, previous: Meeting, date: str) -> Meeting:
    """A new, unsaved meeting of `previous`'s series held on `date` (ISO), following up
    every open action of the series (see store.domain.series)."""
    return next_meeting(previous, date, open_actions_of_series(store, previous, up_to=date))


def open_actions_of_series(
    store: MeetingStore, previous: Meeting, *, up_to: str | None = None
) -> list[ActionRow]:
    """Every open action of `previous`'s series, once each, sorted by due date.

    `previous` is read from memory (the app may hold unsaved edits); other meetings of
    the series from disk. Meetings held after `up_to` are left out.
    """
    series = previous.series_name.casefold()
    rows: list[ActionRow] = []
    for mid, data in store.raw_meetings():
        if previous.id and mid == previous.id:
            continue
        if (data.get("series") or data.get("title") or "").casefold() != series:
            continue
        if up_to is not None and (data.get("date") or "") > up_to:
            continue
        rows.extend(rows_of_dict(mid, data, ""))
    rows.extend(rows_of_meeting(previous, ""))
    return open_once(rows)


def _raw_owners(items: Iterable[dict]) -> Iterator[str]:
    for item in items:
        for action in item.get("actions") or ():
            owner = action.get("owner") if isinstance(action, dict) else None
            if isinstance(owner, str):
                yield owner
        yield from _raw_owners(item.get("items") or ())


def series_owner_history(store: MeetingStore, series: str, *, exclude_id: str = "") -> list[str]:
    """Owners of the actions in the stored meetings of a series, newest meeting first.

    Reads every meeting file: call it from a worker thread, not the event loop.
    """
    wanted = series.casefold()
    others: list[tuple[str, str, dict]] = []
    for meeting_id, data in store.raw_meetings():
        if meeting_id == exclude_id or not isinstance(data, dict):
            continue
        their_series = data.get("series") or data.get("title") or ""
        if not isinstance(their_series, str) or their_series.casefold() != wanted:
            continue
        others.append((str(data.get("date") or ""), str(data.get("start") or ""), data))
    others.sort(key=lambda entry: (entry[0], entry[1]), reverse=True)
    out: list[str] = []
    for _, _, data in others:
        out.extend(reversed(list(_raw_owners(data.get("items") or ()))))
    return out
