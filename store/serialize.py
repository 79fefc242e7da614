"""Meeting <-> plain dict, in the public JSON format of FORMAT.md ("motesbok-meeting/1").

The same dict is what the store writes to disk, so there is one schema, one validator.
`meeting_to_dict` writes the format's keys (leaving out empty optional ones, as a
secretary's hand-written file would) plus our own (ids, series, timestamps);
`meeting_from_dict` validates everything first and refuses the whole meeting, naming the
field, on the first problem.
"""

from __future__ import annotations

import re
from datetime import date as Date
from datetime import datetime
from typing import Any

from .model import ITEM_STATUSES, Action, AgendaItem, Decision, Meeting, Participant, new_id

FORMAT_ID = "motesbok-meeting/1"

_TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class MeetingFormatError(ValueError):
    """Bad input for a meeting; `field` names where, `problem` says what (in Swedish)."""

    def __init__(self, field: str, problem: str):
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}")


# -- writing -----------------------------------------------------------------


def _participant_to_dict(p: Participant) -> dict[str, Any]:
    out: dict[str, Any] = {"name": p.name}
    if p.role:
        out["role"] = p.role
    if p.decision_maker:
        out["decision_maker"] = True
    if p.absent:
        out["absent"] = True
    if p.present_from:
        out["present_from"] = p.present_from
    if p.present_to:
        out["present_to"] = p.present_to
    out["id"] = p.id
    return out


def _action_to_dict(a: Action) -> dict[str, Any]:
    # due and owner are always written (null when missing), as in FORMAT.md.
    out: dict[str, Any] = {"text": a.text, "due": a.due, "owner": a.owner}
    if a.done:
        out["done"] = True
    if a.done_date:
        out["done_date"] = a.done_date
    if a.follows:
        out["follows"] = a.follows
    out["id"] = a.id
    return out


def _item_to_dict(item: AgendaItem) -> dict[str, Any]:
    out: dict[str, Any] = {"title": item.title}
    for key in ("presenter", "time", "description", "background", "proposal", "notes"):
        value = getattr(item, key)
        if value:
            out[key] = value
    if item.actions:
        out["actions"] = [_action_to_dict(a) for a in item.actions]
    if item.decisions:
        out["decisions"] = [d.text for d in item.decisions]
    if item.attachments:
        out["attachments"] = list(item.attachments)
    if item.status != "pending":
        out["status"] = item.status
    if item.standing:
        out["standing"] = True
    if item.started_at:
        out["started_at"] = item.started_at
    if item.finished_at:
        out["finished_at"] = item.finished_at
    out["id"] = item.id
    out["items"] = [_item_to_dict(child) for child in item.items]
    return out


def meeting_to_dict(meeting: Meeting) -> dict[str, Any]:
    out: dict[str, Any] = {"format": FORMAT_ID, "title": meeting.title, "date": meeting.date}
    if meeting.start:
        out["start"] = meeting.start
    if meeting.end:
        out["end"] = meeting.end
    if meeting.place:
        out["place"] = meeting.place
    if meeting.participants:
        out["participants"] = [_participant_to_dict(p) for p in meeting.participants]
    out["items"] = [_item_to_dict(item) for item in meeting.items]
    if meeting.series and meeting.series != meeting.title:
        out["series"] = meeting.series
    if meeting.id:
        out["id"] = meeting.id
    out["created_at"] = meeting.created_at
    out["updated_at"] = meeting.updated_at
    return out


# -- reading, with validation --------------------------------------------------

_MEETING_KEYS = {
    "format", "title", "date", "start", "end", "place", "participants", "items",
    "series", "id", "created_at", "updated_at",
}
_PARTICIPANT_KEYS = {
    "name", "role", "decision_maker", "absent", "present_from", "present_to", "id",
}
_ITEM_KEYS = {
    "title", "presenter", "time", "description", "background", "proposal", "notes",
    "actions", "decisions", "attachments", "status", "items", "standing", "started_at",
    "finished_at", "id",
}
_ACTION_KEYS = {"text", "due", "owner", "done", "done_date", "id", "follows"}


def _check_keys(obj: dict, allowed: set[str], where: str) -> None:
    for key in obj:
        if key not in allowed:
            name = f"{where}.{key}" if where else key
            raise MeetingFormatError(name, "okänt fält")


def _obj(value: Any, where: str) -> dict:
    if not isinstance(value, dict):
        raise MeetingFormatError(where or "mötet", "ska vara ett objekt")
    return value


def _str(obj: dict, key: str, where: str, *, required: bool = False, nullable: bool = False) -> Any:
    name = f"{where}.{key}" if where else key
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
    if required and not value.strip():
        raise MeetingFormatError(name, "får inte vara tomt")
    return value


def _bool(obj: dict, key: str, where: str) -> bool:
    value = obj.get(key, False)
    if not isinstance(value, bool):
        raise MeetingFormatError(f"{where}.{key}" if where else key, "ska vara true eller false")
    return value


def _time(obj: dict, key: str, where: str) -> str | None:
    value = _str(obj, key, where, nullable=True)
    if value is None or value == "":
        return None
    if not _TIME_RE.match(value):
        name = f"{where}.{key}" if where else key
        raise MeetingFormatError(name, f"ogiltig tid {value!r}, skriv TT:MM (t.ex. 13:30)")
    return value


def parse_iso_date(value: str) -> Date | None:
    if not _DATE_RE.match(value):
        return None
    try:
        return Date.fromisoformat(value)
    except ValueError:
        return None


def _date(obj: dict, key: str, where: str, *, required: bool = False) -> str | None:
    value = _str(obj, key, where, required=required, nullable=not required)
    if value is None or (value == "" and not required):
        return None
    if parse_iso_date(value) is None:
        name = f"{where}.{key}" if where else key
        raise MeetingFormatError(name, f"ogiltigt datum {value!r}, skriv ÅÅÅÅ-MM-DD")
    return value


def _timestamp(obj: dict, key: str, where: str) -> str | None:
    value = _str(obj, key, where, nullable=True)
    if not value:
        return None
    try:
        datetime.fromisoformat(value)
    except ValueError:
        name = f"{where}.{key}" if where else key
        raise MeetingFormatError(name, f"ogiltig tidsstämpel {value!r}") from None
    return value


def _list(obj: dict, key: str, where: str) -> list:
    value = obj.get(key, [])
    if value is None:
        value = []
    if not isinstance(value, list):
        raise MeetingFormatError(f"{where}.{key}" if where else key, "ska vara en lista")
    return value


def _id(obj: dict, where: str) -> str:
    value = _str(obj, "id", where, nullable=True)
    return value or new_id()


def _participant_from(value: Any, where: str) -> Participant:
    obj = _obj(value, where)
    _check_keys(obj, _PARTICIPANT_KEYS, where)
    return Participant(
        name=_str(obj, "name", where, required=True),
        role=_str(obj, "role", where, nullable=True) or "",
        decision_maker=_bool(obj, "decision_maker", where),
        absent=_bool(obj, "absent", where),
        present_from=_time(obj, "present_from", where),
        present_to=_time(obj, "present_to", where),
        id=_id(obj, where),
    )


def _action_from(value: Any, where: str) -> Action:
    obj = _obj(value, where)
    _check_keys(obj, _ACTION_KEYS, where)
    return Action(
        text=_str(obj, "text", where, required=True),
        due=_date(obj, "due", where),
        owner=_str(obj, "owner", where, nullable=True) or None,
        done=_bool(obj, "done", where),
        done_date=_date(obj, "done_date", where),
        follows=_str(obj, "follows", where, nullable=True) or None,
        id=_id(obj, where),
    )


def _item_from(value: Any, where: str) -> AgendaItem:
    obj = _obj(value, where)
    _check_keys(obj, _ITEM_KEYS, where)
    status = _str(obj, "status", where, nullable=True) or "pending"
    if status not in ITEM_STATUSES:
        raise MeetingFormatError(
            f"{where}.status", f"okänd status {status!r}, tillåtna: pending, done, deferred"
        )
    decisions = []
    for i, text in enumerate(_list(obj, "decisions", where)):
        if not isinstance(text, str):
            raise MeetingFormatError(f"{where}.decisions[{i}]", "ska vara text")
        decisions.append(Decision(text))
    attachments = []
    for i, name in enumerate(_list(obj, "attachments", where)):
        if not isinstance(name, str):
            raise MeetingFormatError(f"{where}.attachments[{i}]", "ska vara text")
        attachments.append(name)
    return AgendaItem(
        title=_str(obj, "title", where, required=True),
        presenter=_str(obj, "presenter", where, nullable=True) or "",
        time=_time(obj, "time", where),
        description=_str(obj, "description", where, nullable=True) or "",
        background=_str(obj, "background", where, nullable=True) or "",
        proposal=_str(obj, "proposal", where, nullable=True) or "",
        notes=_str(obj, "notes", where, nullable=True) or "",
        actions=[
            _action_from(a, f"{where}.actions[{i}]")
            for i, a in enumerate(_list(obj, "actions", where))
        ],
        decisions=decisions,
        attachments=attachments,
        status=status,
        items=[
            _item_from(child, f"{where}.items[{i}]")
            for i, child in enumerate(_list(obj, "items", where))
        ],
        standing=_bool(obj, "standing", where),
        started_at=_timestamp(obj, "started_at", where),
        finished_at=_timestamp(obj, "finished_at", where),
        id=_id(obj, where),
    )


def meeting_from_dict(data: Any) -> Meeting:
    """Validate and build a meeting; raises MeetingFormatError naming the field."""
    obj = _obj(data, "")
    fmt = obj.get("format")
    if fmt != FORMAT_ID:
        if "format" not in obj:
            raise MeetingFormatError("format", f"saknas (ska vara {FORMAT_ID!r})")
        raise MeetingFormatError("format", f"okänt format {fmt!r}, ska vara {FORMAT_ID!r}")
    _check_keys(obj, _MEETING_KEYS, "")
    if "items" not in obj:
        raise MeetingFormatError("items", "saknas")
    meeting = Meeting(
        title=_str(obj, "title", "", required=True),
        date=_date(obj, "date", "", required=True),
        start=_time(obj, "start", ""),
        end=_time(obj, "end", ""),
        place=_str(obj, "place", "", nullable=True) or "",
        participants=[
            _participant_from(p, f"participants[{i}]")
            for i, p in enumerate(_list(obj, "participants", ""))
        ],
        items=[_item_from(item, f"items[{i}]") for i, item in enumerate(_list(obj, "items", ""))],
        series=_str(obj, "series", "", nullable=True) or "",
        id=_str(obj, "id", "", nullable=True) or "",
    )
    created = _timestamp(obj, "created_at", "")
    updated = _timestamp(obj, "updated_at", "")
    if created:
        meeting.created_at = created
    if updated:
        meeting.updated_at = updated
    return meeting
