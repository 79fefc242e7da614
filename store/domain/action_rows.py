"""Actions as the action list shows them: one row per action, with where it was decided.

Rows are built from a stored meeting dict (a scan of a thousand meetings cannot afford
building models) or from a live model; both give the same rows. Filtering and sorting
work on rows already read, so the app can keep one scan and filter as you type.

Follow-up copies (see store.domain.series): the list shows each action once, the
original; a copy appears only when its original is gone or when one meeting is asked
for, which shows what that meeting holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable, Literal

from .adjustment import state_from_facts, stored_state_facts
from .model import Meeting, is_overdue

Status = Literal["open", "all", "overdue"]
STATUSES: tuple[str, ...] = ("open", "all", "overdue")

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
    #: The day (ISO) the row was read for: `overdue` is reckoned against it.
    today: str = field(default="", repr=False, compare=False)
    follows: str | None = None
    # Position in the meeting, to keep the order of the minutes among equal due dates.
    position: int = field(default=0, repr=False, compare=False)
    #: The meeting's justering and anslag when it is a protocol (see
    #: store.domain.adjustment.stored_state_facts); None for minutes.
    protocol: list[str] | None = None

    @property
    def protocol_state(self) -> str:
        """'utkast', 'justerat', 'anslaget' for an action of a protocol, else ''."""
        return state_from_facts(self.protocol, self.today)

    @property
    def in_adjusted_protocol(self) -> bool:
        """Decided in a protocol that is adjusted: the row there never changes (the
        action's status lives in its follow-up copies, see store.persistence.action_done)."""
        return self.protocol is not None and bool(self.protocol[0])

    @property
    def overdue(self) -> bool:
        """Open and due before the day it was read for (the model's one rule); reckoned
        when asked, so building the rows of a thousand meetings does not pay for it."""
        return is_overdue(self.done, self.due, self.today)

    @property
    def root_id(self) -> str:
        """The id of the original action (a copy's `follows`, else its own id)."""
        return self.follows or self.action_id


def sort_key(row: ActionRow) -> str:
    """Due date, undated last ("~" sorts after any digit); then the meeting order and the
    order within the minutes. One string: sorting 40 000 rows by tuples costs 3x more."""
    return (
        f"{row.due or '~'}\x00{row.meeting_date}\x00{row.meeting_id}\x00{row.position:07d}"
    )


def action_tuples(data: dict) -> list[tuple]:
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


def meeting_meta(data: dict) -> tuple:
    """(title, date, series, protocol facts or None) of a stored meeting dict."""
    title = data.get("title") or ""
    return title, data.get("date") or "", data.get("series") or title, stored_state_facts(data)


def rows_of_tuples(
    meeting_id: str, meta: tuple | list, tuples: Iterable, today_iso: str
) -> list[ActionRow]:
    title, date, series, protocol = meta
    rows = []
    for done, aid, text, owner, due, done_date, item_id, number, item_title, follows, pos in tuples:
        rows.append(ActionRow(
            aid, text, owner, due, done, done_date, meeting_id, date, title, series,
            item_id, number, item_title,
            today_iso,
            follows, pos, protocol,
        ))
    return rows


def rows_of_dict(meeting_id: str, data: dict, today_iso: str) -> list[ActionRow]:
    """Every action of one stored meeting dict, as rows (no filtering)."""
    return rows_of_tuples(meeting_id, meeting_meta(data), action_tuples(data), today_iso)


def rows_of_meeting(meeting: Meeting, today_iso: str) -> list[ActionRow]:
    protocol = ([meeting.adjusted or "", meeting.posting.from_ or ""]
                if meeting.is_protocol else None)
    rows = []
    for position, (number, item, action) in enumerate(meeting.actions(), start=1):
        rows.append(
            ActionRow(
                action.id, action.text, action.owner, action.due, action.done,
                action.done_date, meeting.id, meeting.date, meeting.title,
                meeting.series_name, item.id, number, item.title,
                today_iso,
                action.follows, position, protocol,
            )
        )
    return rows


def meeting_matches(data: dict, series: str | None, since: str | None) -> bool:
    if since is not None and (data.get("date") or "") < since:
        return False
    if series is not None:
        name = (data.get("series") or data.get("title") or "").casefold()
        if series not in name:
            return False
    return True


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
        rows = one_per_action(rows)
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


def one_per_action(rows: list[ActionRow]) -> list[ActionRow]:
    """Drop follow-up copies whose original is listed (the list shows each action once).

    An original in an adjusted protocol never changes: its status is the one its
    follow-up copies hold (the latest copy outside an adjusted protocol, if any).
    """
    if not any(row.follows for row in rows):
        return rows
    originals = {row.action_id: row for row in rows if not row.follows}
    kept: list[ActionRow] = []
    latest_copy: dict[str, ActionRow] = {}
    follow_up: dict[str, ActionRow] = {}
    for row in rows:
        if not row.follows:
            kept.append(row)
        elif row.follows not in originals:
            # The original is gone: show the latest copy in its place.
            current = latest_copy.get(row.follows)
            if current is None or _later(row, current):
                latest_copy[row.follows] = row
        elif originals[row.follows].in_adjusted_protocol:
            current = follow_up.get(row.follows)
            if current is None or _follow_up_key(row) > _follow_up_key(current):
                follow_up[row.follows] = row
    if follow_up:
        kept = [_with_status_of(row, follow_up[row.action_id])
                if row.action_id in follow_up else row for row in kept]
    kept.extend(latest_copy.values())
    return kept


def _later(row: ActionRow, other: ActionRow) -> bool:
    return (row.meeting_date, row.meeting_id) > (other.meeting_date, other.meeting_id)


def _follow_up_key(row: ActionRow) -> tuple:
    # A copy the secretary can still tick beats one locked in an adjusted protocol.
    return (not row.in_adjusted_protocol, row.meeting_date, row.meeting_id)


def _with_status_of(row: ActionRow, copy: ActionRow) -> ActionRow:
    if (row.done, row.done_date) == (copy.done, copy.done_date):
        return row
    return replace(row, done=copy.done, done_date=copy.done_date)
