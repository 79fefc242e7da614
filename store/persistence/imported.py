"""A meeting from an outside file joins the store without reaching into other meetings.

Ids in a file are only claims. An export re-imported with its meeting id removed would
share action ids with the original, so ticking one action done (done everywhere it
appears) ticks both; a crafted ``follows`` would make the new meeting a follow-up of
actions in other meetings. So, on import:

- every id (participant, item, action, decision) that is already in use in the store —
  as an id or as the target of a ``follows`` — or that the file uses twice, is replaced;
- a ``follows`` pointing at an action of the imported meeting itself is kept (renamed
  with its target); one pointing at anything stored is dropped; one pointing at nothing
  stored is kept (it links nothing now, and since stored ``follows`` targets count as
  taken ids, no later import can link to it);
- a meeting id already stored is given up, so the store names the meeting anew.
"""

from __future__ import annotations

from typing import Any

from ..domain.model import Meeting, new_id
from .store import MeetingStore

_ID_KEYS = ("id", "follows")


def stored_ids(store: MeetingStore) -> tuple[set[str], set[str]]:
    """(every id and follows target in stored meetings, the stored meeting ids)."""
    taken: set[str] = set()
    meeting_ids: set[str] = set()

    def walk(value: Any) -> None:
        # Iterative: a stored meeting may be deep, and any key named so is an id.
        stack = [value]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                for key, child in node.items():
                    if key in _ID_KEYS and isinstance(child, str) and child:
                        taken.add(child)
                    elif key == "decision_ids" and isinstance(child, list):
                        taken.update(i for i in child if isinstance(i, str) and i)
                    elif isinstance(child, (dict, list)):
                        stack.append(child)
            elif isinstance(node, list):
                stack.extend(child for child in node if isinstance(child, (dict, list)))

    for meeting_id, data in store.raw_meetings():
        meeting_ids.add(meeting_id)
        walk(data)
    return taken, meeting_ids


def make_foreign_ids_safe(meeting: Meeting, taken: set[str]) -> None:
    """Replace colliding or repeated ids and drop links into stored meetings (in place)."""
    used: set[str] = set()

    def own(old: str | None) -> str:
        new = old
        while not new or new in taken or new in used:
            new = new_id()
        used.add(new)
        return new

    for participant in meeting.participants:
        participant.id = own(participant.id)
    renamed: dict[str, str] = {}  # the file's action id -> the id it is stored under
    actions = []
    for item in meeting.all_items():
        item.id = own(item.id)
        for decision in item.decisions:
            decision.id = own(decision.id)
        for action in item.actions:
            old = action.id
            action.id = own(old)
            renamed.setdefault(old, action.id)
            actions.append(action)
    for action in actions:
        target = action.follows
        if not target:
            continue
        if target in renamed:
            action.follows = renamed[target]
        elif target in taken:
            action.follows = None  # a link into another stored meeting: not from a file


def prepare_import(store: MeetingStore, meeting: Meeting) -> None:
    """The slow half (a scan of every stored meeting: ~2 s for a thousand), for a
    worker thread: the meeting's ids made safe against the store as it is now."""
    taken, meeting_ids = stored_ids(store)
    make_foreign_ids_safe(meeting, taken)
    if meeting.id in meeting_ids:
        meeting.id = ""  # store.add names it anew, keeping the ids chosen here


def add_prepared(store: MeetingStore, meeting: Meeting) -> str:
    """Store a meeting `prepare_import` has seen; returns its id."""
    if meeting.id and store.backend.exists(meeting.id):
        meeting.id = ""  # stored meanwhile under that id
    return store.add(meeting)


def add_imported(store: MeetingStore, meeting: Meeting) -> str:
    """Store a meeting read from an outside file; returns its id (see the module doc)."""
    prepare_import(store, meeting)
    return add_prepared(store, meeting)
