"""Mötesbok's domain model and persistence. Never imports Textual.

store.domain holds the meeting and its rules (no files, no clock but the caller's);
store.persistence holds how meetings are kept: the store, sessions, backends, the
crash-safe storage, locks, scans and rescue copies. This module is the public API.
"""

from .domain.model import (
    STANDARD_ROLES,
    Action,
    AgendaItem,
    Decision,
    Meeting,
    Participant,
    new_id,
)
from .persistence.backends import FileBackend, MemoryBackend
from .persistence.errors import MeetingNotFoundError, ReadOnlyError
from .persistence.lock import MeetingLockedError
from .persistence.serialize import (
    FORMAT_ID, MeetingFormatError, meeting_from_dict, meeting_to_dict,
)
from .persistence.session import MeetingSession
from .persistence.storage import AtomicJSONStorage, Recovery, SaveError, StoreError
from .persistence.store import DATA_DIR_ENV, MeetingStore, MeetingSummary, default_data_dir

__all__ = [
    "STANDARD_ROLES", "Action", "AgendaItem", "Decision", "Meeting", "Participant", "new_id",
    "DATA_DIR_ENV", "FileBackend", "MeetingNotFoundError", "MeetingSession", "MeetingStore",
    "MeetingSummary", "MemoryBackend", "ReadOnlyError", "default_data_dir", "FORMAT_ID",
    "MeetingFormatError", "meeting_from_dict", "meeting_to_dict", "AtomicJSONStorage",
    "SaveError", "StoreError", "MeetingLockedError", "Recovery",
]
