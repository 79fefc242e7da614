"""What a DOCX round trip (export -> import) is compared on: the meeting's JSON without
the keys a document does not carry."""

from __future__ import annotations

#: Keys the minutes do not carry (ids, bookkeeping, state of the live meeting).
NOT_CARRIED = {"id", "created_at", "updated_at", "series", "decision_ids", "standing", "status",
               "started_at", "finished_at", "done", "done_date", "follows"}


def carried(data):
    if isinstance(data, dict):
        return {k: carried(v) for k, v in data.items() if k not in NOT_CARRIED}
    if isinstance(data, list):
        return [carried(v) for v in data]
    return data
