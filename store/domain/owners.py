"""Who can own an action: completion candidates for the owner input."""

from __future__ import annotations

from typing import Iterable

from .model import Meeting


def owner_suggestions(meeting: Meeting, history: Iterable[str] = ()) -> list[str]:
    """The roster's names, then owners used before in the series, most recent first.

    "Before" covers this meeting's own actions (from the model, which may hold unsaved
    edits) and then the stored meetings of the same series, newest first. Groups such
    as "Kansliet" come in that way. Names are de-duplicated case-insensitively; the
    first spelling wins. `history`: the series' owners from
    `store.persistence.series.series_owner_history`, computed earlier (in a worker), so
    no file is read here.
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

    for owner in history:
        add(owner)
    return out
