"""Actions across all meetings: the action list's query.

The query reads the stored dicts (`Backend.read_raw`), not validated models: with a
thousand meetings, building dataclasses for every item would cost more than the whole
scan. A stored dict was validated when it was saved, so reading it is safe. A backend
may keep the rows in a cache (the file backend does, see action_cache.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date

from ..domain.action_rows import (
    STATUSES, ActionRow, Status, meeting_matches, rows_of_dict, rows_of_meeting, select_rows,
)
from ..domain.model import Meeting
from .scan import read_for_scan
from .store import MeetingStore
from .storage import StoreError


class ActionNotFoundError(StoreError):
    def __init__(self, action_id: str):
        self.action_id = action_id
        super().__init__(f"Det finns ingen åtgärd med id {action_id!r}.")


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
        if status != "all" and any(
                row.in_adjusted_protocol and not row.follows for row in rows):
            # Such an action may be done in a follow-up copy (one_per_action): read
            # the done rows too, or it would be listed as open.
            rows = _scan(store, live, today_iso, include_done=True)
        return select_rows(rows, status=status, owner=owner, series=series, since=since)

    rows: list[ActionRow] = []
    if live is not None and live.id == meeting_id:
        meta = {"date": live.date, "series": live.series_name}
        if meeting_matches(meta, series_key, since):
            rows = rows_of_meeting(live, today_iso)
    else:
        data = read_for_scan(store, meeting_id)
        if data is not None and meeting_matches(data, series_key, since):
            rows = rows_of_dict(meeting_id, data, today_iso)
    return select_rows(rows, status=status, owner=owner, meeting_id=meeting_id)


def all_rows(
    store: MeetingStore, *, live: Meeting | None = None, today: Date | None = None
) -> list[ActionRow]:
    """Every action of every meeting, unfiltered and unsorted (for `select_rows`)."""
    return _all_rows(store, live, today)


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


def _scan(
    store: MeetingStore, live: Meeting | None, today_iso: str, *, include_done: bool
) -> list[ActionRow]:
    """Rows of every meeting (the open ones only, unless include_done), unsorted."""
    rows = store.backend.action_rows(
        store, today_iso, include_done=include_done, skip_id=live.id if live else None)
    if live is not None:
        # The app's open meeting, from memory: unsaved edits (or a new meeting) show.
        rows.extend(rows_of_meeting(live, today_iso))
    return rows


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
