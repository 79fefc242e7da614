"""Meeting <-> plain dict, in the public JSON format "motesbok-meeting/1"
(docs/FORMAT.md, "The meeting file (JSON)": keep it in step with this module).

The same dict is what the store writes to disk, so there is one schema, one validator.
`meeting_to_dict` writes every key of the format plus our own (ids, series, timestamps);
`meeting_from_dict` validates everything first and refuses the whole meeting, naming the
field, on the first problem.
"""

from __future__ import annotations

import re
from datetime import date as Date
from datetime import datetime
from typing import Any

from ..domain.attendance import AttendanceError, Interval, normalized
from ..domain.limits import (
    MAX_ACTIONS,
    MAX_ATTACHMENTS,
    MAX_DECISIONS,
    MAX_ITEM_DEPTH,
    MAX_ITEMS,
    MAX_PARTICIPANTS,
    MAX_TEXT_CHARS,
)
from ..domain.text import is_blank
from . import serialize_protocol as protocol_keys
from ..domain.model import ITEM_STATUSES, Action, AgendaItem, Decision, Meeting, Participant, new_id

FORMAT_ID = "motesbok-meeting/1"

# fullmatch with ASCII digits: "13:00\n" or Arabic-Indic digits are not times.
_TIME_RE = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class MeetingFormatError(ValueError):
    """Bad input for a meeting; `field` names where, `problem` says what (in Swedish)."""

    def __init__(self, field: str, problem: str):
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}")


# -- writing -----------------------------------------------------------------
#
# Every key is written, empty ones with their canonical empty value ("" for text, null
# for a time or date, false, [], "pending"). A file that spelled out a default
# ("done": false, "notes": "") therefore exports back with the same keys and values.


def _participant_to_dict(p: Participant, full: bool = False) -> dict[str, Any]:
    return {
        "name": p.name,
        "role": p.role,
        "decision_maker": p.decision_maker,
        "absent": p.absent,
        # The single-interval summary: the first arrival and the last departure, so a
        # reader that knows only these keys still gets the outer times.
        "present_from": p.present_from,
        "present_to": p.present_to,
        # Every interval (leaving and coming back); [] = the whole meeting.
        "presence": [_interval_to_dict(i) for i in p.intervals],
        "guest": p.guest,
        "id": p.id,
    } | protocol_keys.participant_keys(p, full)


def _interval_to_dict(i: Interval) -> dict[str, Any]:
    """An interval; its § ties (a protocol) only when it has them, so every other file
    stays as it was."""
    out: dict[str, Any] = {"from": i.start, "to": i.end}
    if i.from_item:
        out["from_item"] = i.from_item
    if i.to_item:
        out["to_item"] = i.to_item
    return out


def _action_to_dict(a: Action) -> dict[str, Any]:
    return {
        "text": a.text,
        "due": a.due,
        "owner": a.owner,
        "done": a.done,
        "done_date": a.done_date,
        "follows": a.follows,
        "id": a.id,
    }


def _item_to_dict(item: AgendaItem, full: bool = False) -> dict[str, Any]:
    return {
        "title": item.title,
        "presenter": item.presenter,
        "time": item.time,
        "description": item.description,
        "background": item.background,
        "proposal": item.proposal,
        "notes": item.notes,
        "actions": [_action_to_dict(a) for a in item.actions],
        # Plain strings (docs/FORMAT.md); the ids ride alongside (see _Reader.item).
        "decisions": [d.text for d in item.decisions],
        "decision_ids": [d.id for d in item.decisions],
        "attachments": list(item.attachments),
        "status": item.status,
        "standing": item.standing,
        "started_at": item.started_at,
        "finished_at": item.finished_at,
        "id": item.id,
        "items": [_item_to_dict(child, full) for child in item.items],
    } | protocol_keys.item_keys(item, full)


def meeting_to_dict(meeting: Meeting) -> dict[str, Any]:
    full = meeting.is_protocol  # a protocol writes every key; minutes only what is set
    return {
        "format": FORMAT_ID,
        "title": meeting.title,
        "date": meeting.date,
        "start": meeting.start,
        "end": meeting.end,
        "place": meeting.place,
        "participants": [_participant_to_dict(p, full) for p in meeting.participants],
        "items": [_item_to_dict(item, full) for item in meeting.items],
        # Written even when it equals the title: renaming a meeting keeps its series.
        "series": meeting.series,
        "id": meeting.id,
        "created_at": meeting.created_at,
        "updated_at": meeting.updated_at,
        "ended_at": meeting.ended_at,
    } | _actual_start(meeting) | protocol_keys.meeting_keys(meeting)


def _actual_start(meeting: Meeting) -> dict[str, Any]:
    # Only when known: a meeting not yet held (and every older file) looks as it did.
    return {"actual_start": meeting.actual_start} if meeting.actual_start else {}


# -- reading, with validation --------------------------------------------------

_MEETING_KEYS = {
    "format", "title", "date", "start", "end", "place", "participants", "items",
    "series", "id", "created_at", "updated_at", "ended_at", "actual_start",
} | protocol_keys.MEETING_KEYS
_PARTICIPANT_KEYS = {
    "name", "role", "decision_maker", "absent", "present_from", "present_to", "presence",
    "guest", "id",
} | protocol_keys.PARTICIPANT_KEYS
_INTERVAL_KEYS = {"from", "to", "from_item", "to_item"}
_ITEM_KEYS = {
    "title", "presenter", "time", "description", "background", "proposal", "notes",
    "actions", "decisions", "decision_ids", "attachments", "status", "items", "standing",
    "started_at", "finished_at", "id",
} | protocol_keys.ITEM_KEYS
_ACTION_KEYS = {"text", "due", "owner", "done", "done_date", "id", "follows"}


def is_valid_time(value: str) -> bool:
    """'HH:MM' on a 24-hour clock: '09:05' yes, '9:5' and '25:00' no."""
    return isinstance(value, str) and _TIME_RE.fullmatch(value) is not None


def parse_iso_date(value: str) -> Date | None:
    """The date of 'YYYY-MM-DD' when it is a real date (2031-02-30 is not), else None."""
    if not isinstance(value, str) or not _DATE_RE.fullmatch(value):
        return None
    try:
        return Date.fromisoformat(value)
    except ValueError:
        return None


_CAPS = {
    "items": (MAX_ITEMS, "punkter (underpunkter medräknade)"),
    "participants": (MAX_PARTICIPANTS, "deltagare"),
    "actions": (MAX_ACTIONS, "åtgärder"),
    "decisions": (MAX_DECISIONS, "beslut"),
    "attachments": (MAX_ATTACHMENTS, "bilagor"),
}


class _Reader:
    """Builds the model from a dict, refusing the first problem with the field named.

    strict (import): every rule of docs/FORMAT.md, "How a file is read". Not strict (the
    store reading its own files): a meeting saved mid-edit, with an empty title or a
    half-typed time, must still open, so only a wrong type refuses it; nothing the
    secretary typed is thrown away.
    """

    def __init__(self, strict: bool):
        self.strict = strict
        self.counts: dict[str, int] = {}

    def count(self, what: str, n: int = 1) -> None:
        """Strict: refuse a meeting bigger than any real one (store/domain/limits.py)."""
        if not self.strict:
            return
        total = self.counts[what] = self.counts.get(what, 0) + n
        limit, words = _CAPS[what]
        if total > limit:
            raise MeetingFormatError(
                "mötet", f"filen har fler än {limit} {words}; så stora möten kan inte importeras"
            )

    def length(self, value: str, name: str) -> str:
        if self.strict and len(value) > MAX_TEXT_CHARS:
            raise MeetingFormatError(
                name, f"texten är för lång ({len(value)} tecken, högst {MAX_TEXT_CHARS})"
            )
        return value

    @staticmethod
    def _name(where: str, key: str) -> str:
        return f"{where}.{key}" if where else key

    def keys(self, obj: dict, allowed: set[str], where: str) -> None:
        if not self.strict:
            return
        for key in obj:
            if key not in allowed:
                raise MeetingFormatError(self._name(where, str(key)), "okänt fält")

    @staticmethod
    def obj(value: Any, where: str) -> dict:
        if not isinstance(value, dict):
            raise MeetingFormatError(where or "mötet", "ska vara ett objekt")
        return value

    def text(self, obj: dict, key: str, where: str, *, required: bool = False,
            nullable: bool = False) -> Any:
        name = self._name(where, key)
        if key not in obj:
            if required:
                raise MeetingFormatError(name, "saknas")
            return None
        value = obj[key]
        if value is None:
            if nullable and not required:
                return None
            raise MeetingFormatError(name, "får inte vara tomt (null)")
        if not isinstance(value, str):
            raise MeetingFormatError(name, "ska vara text")
        if required and self.strict and is_blank(value):
            # Only control or invisible characters is as empty as "" (nothing to show).
            raise MeetingFormatError(name, "får inte vara tomt")
        return self.length(value, name)

    def flag(self, obj: dict, key: str, where: str) -> bool:
        value = obj.get(key, False)
        if value is None and not self.strict:
            return False
        if not isinstance(value, bool):
            raise MeetingFormatError(self._name(where, key), "ska vara true eller false")
        return value

    def time(self, obj: dict, key: str, where: str) -> str | None:
        value = self.text(obj, key, where, nullable=True)
        if not value:
            return None
        if self.strict and not is_valid_time(value):
            raise MeetingFormatError(
                self._name(where, key), f"ogiltig tid {value!r}, skriv TT:MM (t.ex. 13:30)"
            )
        return value

    def date(self, obj: dict, key: str, where: str, *, required: bool = False) -> str | None:
        value = self.text(obj, key, where, required=required, nullable=not required)
        if value is None or (value == "" and not required):
            return None
        if self.strict and parse_iso_date(value) is None:
            if _DATE_RE.fullmatch(value):
                problem = f"{value!r} är inget riktigt datum"
            else:
                problem = f"ogiltigt datum {value!r}, skriv ÅÅÅÅ-MM-DD"
            raise MeetingFormatError(self._name(where, key), problem)
        return value

    def timestamp(self, obj: dict, key: str, where: str) -> str | None:
        value = self.text(obj, key, where, nullable=True)
        if not value:
            return None
        try:
            datetime.fromisoformat(value)
        except ValueError:
            if self.strict:
                raise MeetingFormatError(
                    self._name(where, key), f"ogiltig tidsstämpel {value!r}"
                ) from None
            return None
        return value

    def array(self, obj: dict, key: str, where: str) -> list:
        value = obj.get(key, [])
        if value is None:
            value = []
        if not isinstance(value, list):
            raise MeetingFormatError(self._name(where, key), "ska vara en lista")
        return value

    def texts(self, obj: dict, key: str, where: str) -> list[str]:
        out = []
        for i, text in enumerate(self.array(obj, key, where)):
            if not isinstance(text, str):
                raise MeetingFormatError(f"{self._name(where, key)}[{i}]", "ska vara text")
            out.append(self.length(text, f"{self._name(where, key)}[{i}]"))
        return out

    def id(self, obj: dict, where: str) -> str:
        return self.text(obj, "id", where, nullable=True) or new_id()

    # -- the parts

    def participant(self, value: Any, where: str) -> Participant:
        obj = self.obj(value, where)
        self.keys(obj, _PARTICIPANT_KEYS, where)
        self.count("participants")
        participant = Participant(
            name=self.text(obj, "name", where, required=True),
            role=self.text(obj, "role", where, nullable=True) or "",
            decision_maker=self.flag(obj, "decision_maker", where),
            absent=self.flag(obj, "absent", where),
            guest=self.flag(obj, "guest", where),
            id=self.id(obj, where),
        )
        single = Interval(self.time(obj, "present_from", where),
                          self.time(obj, "present_to", where))
        if "presence" in obj:
            participant.intervals = self.presence(obj, where)
            if self.strict and participant.intervals and single != Interval(
                    participant.present_from, participant.present_to) and (
                    single.start or single.end):
                raise MeetingFormatError(
                    f"{where}.present_from",
                    "stämmer inte med presence (första ankomst och sista avgång)",
                )
        else:
            # Files before several intervals: one interval at most.
            participant.intervals = self._normalized([single], f"{where}.present_from")
        protocol_keys.read_participant(self, obj, where, participant)
        return participant

    def presence(self, obj: dict, where: str) -> list[Interval]:
        name = self._name(where, "presence")
        intervals = []
        for i, value in enumerate(self.array(obj, "presence", where)):
            at = f"{name}[{i}]"
            entry = self.obj(value, at)
            self.keys(entry, _INTERVAL_KEYS, at)
            intervals.append(Interval(
                self.time(entry, "from", at), self.time(entry, "to", at),
                self.text(entry, "from_item", at, nullable=True) or None,
                self.text(entry, "to_item", at, nullable=True) or None))
        checked = self._normalized(intervals, name)
        if any(i.tied for i in intervals):
            # As recorded: whether a departure and a return in the same minute join
            # depends on the §§' order, which the items read later hold; the model
            # joined them when it wrote them (store.domain.presence_ties.normalized_tied).
            return intervals
        return checked

    def _normalized(self, intervals: list[Interval], where: str) -> list[Interval]:
        try:
            return normalized(intervals)
        except AttendanceError as exc:
            if self.strict:
                raise MeetingFormatError(where, str(exc)) from None
            # The store's own file: keep the times as they are rather than lose them.
            return [i for i in intervals if i.start or i.end or i.tied]

    def action(self, value: Any, where: str) -> Action:
        obj = self.obj(value, where)
        self.keys(obj, _ACTION_KEYS, where)
        self.count("actions")
        return Action(
            text=self.text(obj, "text", where, required=True),
            due=self.date(obj, "due", where),
            owner=self.text(obj, "owner", where, nullable=True) or None,
            done=self.flag(obj, "done", where),
            done_date=self.date(obj, "done_date", where),
            follows=self.text(obj, "follows", where, nullable=True) or None,
            id=self.id(obj, where),
        )

    def item(self, value: Any, where: str, depth: int) -> AgendaItem:
        obj = self.obj(value, where)
        self.keys(obj, _ITEM_KEYS, where)
        self.count("items")
        if self.strict and depth > MAX_ITEM_DEPTH:
            raise MeetingFormatError(
                where, f"för många nivåer av underpunkter (högst {MAX_ITEM_DEPTH})"
            )
        status = self.text(obj, "status", where, nullable=True) or "pending"
        if status not in ITEM_STATUSES:
            if self.strict:
                raise MeetingFormatError(
                    f"{where}.status",
                    f"okänd status {status!r}, tillåtna: pending, done, deferred",
                )
            status = "pending"
        texts = self.texts(obj, "decisions", where)
        self.count("decisions", len(texts))
        self.count("attachments", len(self.array(obj, "attachments", where)))
        # Decision ids ride in a parallel list so that "decisions" keeps its documented
        # shape (plain strings) while a save and load keeps every decision's identity.
        ids = obj.get("decision_ids")
        if not (isinstance(ids, list) and len(ids) == len(texts)
                and all(isinstance(i, str) and i for i in ids)):
            if ids is not None and self.strict:
                raise MeetingFormatError(
                    f"{where}.decision_ids", "ska vara en lista med ett id per beslut"
                )
            ids = [new_id() for _ in texts]
        item = AgendaItem(
            title=self.text(obj, "title", where, required=True),
            presenter=self.text(obj, "presenter", where, nullable=True) or "",
            time=self.time(obj, "time", where),
            description=self.text(obj, "description", where, nullable=True) or "",
            background=self.text(obj, "background", where, nullable=True) or "",
            proposal=self.text(obj, "proposal", where, nullable=True) or "",
            notes=self.text(obj, "notes", where, nullable=True) or "",
            actions=[
                self.action(a, f"{where}.actions[{i}]")
                for i, a in enumerate(self.array(obj, "actions", where))
            ],
            decisions=[Decision(text, id=i) for text, i in zip(texts, ids)],
            attachments=self.texts(obj, "attachments", where),
            status=status,
            items=[
                self.item(child, f"{where}.items[{i}]", depth + 1)
                for i, child in enumerate(self.array(obj, "items", where))
            ],
            standing=self.flag(obj, "standing", where),
            started_at=self.timestamp(obj, "started_at", where),
            finished_at=self.timestamp(obj, "finished_at", where),
            id=self.id(obj, where),
        )
        protocol_keys.read_item(self, obj, where, item)
        return item

    def meeting(self, data: Any) -> Meeting:
        obj = self.obj(data, "")
        fmt = obj.get("format")
        if fmt != FORMAT_ID:
            if "format" not in obj:
                raise MeetingFormatError("format", f"saknas (ska vara {FORMAT_ID!r})")
            raise MeetingFormatError(
                "format", f"okänt format {fmt!r}, ska vara {FORMAT_ID!r}"
            )
        self.keys(obj, _MEETING_KEYS, "")
        if "items" not in obj:
            raise MeetingFormatError("items", "saknas")
        meeting = Meeting(
            title=self.text(obj, "title", "", required=True),
            date=self.date(obj, "date", "", required=True),
            start=self.time(obj, "start", ""),
            end=self.time(obj, "end", ""),
            place=self.text(obj, "place", "", nullable=True) or "",
            participants=[
                self.participant(p, f"participants[{i}]")
                for i, p in enumerate(self.array(obj, "participants", ""))
            ],
            items=[
                self.item(item, f"items[{i}]", 1)
                for i, item in enumerate(self.array(obj, "items", ""))
            ],
            series=self.text(obj, "series", "", nullable=True) or "",
            id=self.text(obj, "id", "", nullable=True) or "",
        )
        created = self.timestamp(obj, "created_at", "")
        updated = self.timestamp(obj, "updated_at", "")
        if created:
            meeting.created_at = created
        if updated:
            meeting.updated_at = updated
        meeting.ended_at = self.timestamp(obj, "ended_at", "")
        meeting.actual_start = self.time(obj, "actual_start", "")
        protocol_keys.read_meeting(self, obj, meeting)
        return meeting


def meeting_from_dict(data: Any, *, strict: bool = True) -> Meeting:
    """Validate and build a meeting; raises MeetingFormatError naming the field.

    strict=True applies docs/FORMAT.md's rules (import); the store reads its own files with
    strict=False, which refuses only what cannot be a meeting at all.
    """
    return _Reader(strict).meeting(data)
