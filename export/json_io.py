"""The meeting JSON file (docs/FORMAT.md, "The meeting file (JSON)"): read (validated)
and write (atomically)."""

from __future__ import annotations

from pathlib import Path

import orjson

from store.domain.model import Meeting
from store.persistence.serialize import MeetingFormatError, meeting_from_dict, meeting_to_dict
from store.persistence.storage import dumps_json


def parse_meeting_json(raw: bytes) -> Meeting:
    """Parse and validate meeting JSON; MeetingFormatError names the bad field."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise MeetingFormatError("fil", json_problem(exc)) from None
    return meeting_from_dict(data)


def json_problem(exc: orjson.JSONDecodeError) -> str:
    """orjson's English message as a Swedish sentence that points at the spot."""
    if "utf-8" in str(exc).lower():
        return "filen är inte UTF-8-kodad text; spara den som UTF-8 och försök igen"
    if not exc.doc or not str(exc.doc).strip():
        return "filen är tom"
    if "depth limit" in str(exc) or "recursion" in str(exc).lower():
        return "filen är nästlad i orimligt många nivåer och ser inte ut som ett möte"
    return (
        f"ogiltig JSON på rad {exc.lineno}, kolumn {exc.colno} "
        "(kontrollera kommatecken, citattecken och klamrar där)"
    )


def meeting_json_bytes(meeting: Meeting) -> bytes:
    return dumps_json(meeting_to_dict(meeting), option=orjson.OPT_INDENT_2) + b"\n"


def write_meeting_json(meeting: Meeting, path: str | Path, *, force: bool = False) -> Path:
    """Write the meeting's JSON atomically (export.target's rules; `force` as there)."""
    from export.target import write_export

    return write_export(path, meeting_json_bytes(meeting), force=force)
