"""Where a meeting was when the app had to stop: offered again at the next start.

Written only when an unexpected error ends the app (everything typed is saved first);
read and removed once the next start has offered it. One small private JSON file in
the data directory (memory stores keep it on the backend).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import orjson

from .store import MeetingStore, is_valid_meeting_id
from .storage import StoreError, ensure_private_dir, write_file_atomic

FILE_NAME = "resume.json"


@dataclass(frozen=True)
class ResumePoint:
    meeting_id: str
    item_id: str | None = None


def _path(store: MeetingStore) -> Path | None:
    data_dir = getattr(store.backend, "data_dir", None)
    return Path(data_dir) / FILE_NAME if data_dir is not None else None


def remember_resume_point(store: MeetingStore, point: ResumePoint) -> bool:
    """Keep the point for the next start; False when it could not be written."""
    path = _path(store)
    if path is None:
        store.backend.resume_point = point
        return True
    data = orjson.dumps({"meeting": point.meeting_id, "item": point.item_id})
    try:
        ensure_private_dir(path.parent)
        write_file_atomic(path, data)
    except (StoreError, OSError):
        return False
    return True


def take_resume_point(store: MeetingStore) -> ResumePoint | None:
    """The remembered point (removing it), if its meeting still exists."""
    path = _path(store)
    if path is None:
        point = getattr(store.backend, "resume_point", None)
        store.backend.resume_point = None
    else:
        point = None
        try:
            data = orjson.loads(path.read_bytes())
            item = data.get("item")
            point = ResumePoint(str(data["meeting"]),
                                item if isinstance(item, str) else None)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass
        try:
            path.unlink()
        except OSError:
            pass
    if point is None or not is_valid_meeting_id(point.meeting_id):
        return None
    return point if store.backend.exists(point.meeting_id) else None
