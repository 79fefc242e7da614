"""Reading every meeting for a scan (`list`, `actions`, the start screen) without
dropping any in silence.

A meeting a scan cannot read from its file is read as opening it would: a damaged file
is repaired from its backup (and reported in `store.recoveries`). What still cannot be
read is noted in `store.unreadable` with a Swedish sentence naming it, so the caller can
say so and fail instead of showing a list with meetings quietly missing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .storage import StoreError

if TYPE_CHECKING:
    from .store import MeetingStore


def looks_like_meeting(data: object) -> bool:
    """A cheap shape check of a stored meeting dict (full validation costs too much for
    a scan of a thousand meetings; a file that fails this is read the careful way)."""
    return (
        isinstance(data, dict)
        and isinstance(data.get("title"), str)
        and isinstance(data.get("date"), str)
        and isinstance(data.get("items", []), list)
    )


def read_for_scan(store: MeetingStore, meeting_id: str) -> dict | None:
    """The stored dict of a meeting, recovered from its backup if need be.

    None when it cannot be read at all; the reason is then in `store.unreadable`. A
    meeting deleted while the scan ran is simply gone, not unreadable.
    """
    from .store import MeetingNotFoundError
    from .serialize import meeting_to_dict

    data = store.backend.read_raw(meeting_id)
    if not looks_like_meeting(data):
        try:
            data = meeting_to_dict(store.load(meeting_id))
        except MeetingNotFoundError:
            store.unreadable.pop(meeting_id, None)
            return None
        except StoreError as exc:
            store.unreadable[meeting_id] = str(exc)
            return None
    store.unreadable.pop(meeting_id, None)
    return data


def unreadable_lines(store: MeetingStore) -> list[str]:
    """What to print on stderr after a scan: each meeting not read, then a summary."""
    problems = getattr(store, "unreadable", None) or {}
    if not problems:
        return []
    lines = [problems[mid] for mid in sorted(problems)]
    n = len(problems)
    lines.append(
        ("Ett möte kunde inte läsas och saknas" if n == 1
         else f"{n} möten kunde inte läsas och saknas")
        + " i det som visades."
    )
    return lines
