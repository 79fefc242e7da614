"""The first § of a stored protocol, continuing its series (store.domain.paragraphs).

Reads the stored meetings of the series: call it from a worker or a command, not the
event loop on every keystroke (the TUI computes it once when a meeting opens).
"""

from __future__ import annotations

from ..domain.model import Meeting
from ..domain.paragraphs import first_paragraph
from ..domain.protocol import PROTOCOL
from .serialize import MeetingFormatError, meeting_from_dict
from .store import MeetingStore


def first_paragraph_in_store(store: MeetingStore, meeting: Meeting) -> int:
    if meeting.first_paragraph or not meeting.is_protocol:
        return meeting.first_paragraph or 1
    series, year = meeting.series_name.casefold(), meeting.date[:4]
    earlier = []
    for mid, data in store.raw_meetings():
        if mid == meeting.id or data.get("kind") != PROTOCOL:
            continue
        if (data.get("series") or data.get("title") or "").casefold() != series:
            continue
        if not str(data.get("date") or "").startswith(year):
            continue
        try:
            other = meeting_from_dict(data, strict=False)
        except MeetingFormatError:
            continue  # the scan names damaged meetings; numbering skips them
        other.id = mid
        earlier.append(other)
    return first_paragraph(meeting, earlier)
