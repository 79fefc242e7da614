"""Who can own an action: completion candidates for the owner input."""

from __future__ import annotations

from typing import Iterable, Iterator

from .model import Meeting
from .repository import MeetingStore


def _raw_owners(items: Iterable[dict]) -> Iterator[str]:
    for item in items:
        for action in item.get("actions") or ():
            owner = action.get("owner") if isinstance(action, dict) else None
            if isinstance(owner, str):
                yield owner
        yield from _raw_owners(item.get("items") or ())


def owner_suggestions(
    store: MeetingStore | None, meeting: Meeting, history: list[str] | None = None
) -> list[str]:
    """The roster's names, then owners used before in the series, most recent first.

    "Before" covers this meeting's own actions (from the model, which may hold unsaved
    edits) and then the stored meetings of the same series, newest first. Groups such
    as "Kansliet" come in that way. Names are de-duplicated case-insensitively; the
    first spelling wins. `history`: the series' owners from `series_owner_history`,
    computed earlier (in a worker), so no file is read here.
    """
    seen: set[str] = set()
    out: list[str] = []

    def add(name: str | None) -> None:
        name = (name or "").strip()
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            out.append(name)

    for participant in meeting.participants:
        add(participant.name)

    # Later items were discussed later, so their owners count as more recent.
    for _, _, action in reversed(list(meeting.actions())):
        add(action.owner)

    if history is None:
        if store is None:
            return out
        history = series_owner_history(store, meeting.series_name, exclude_id=meeting.id)
    for owner in history:
        add(owner)
    return out


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
