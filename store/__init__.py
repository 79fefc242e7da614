"""Mötesbok's domain model and persistence. Never imports Textual."""

from .lock import MeetingLockedError
from .model import (
    STANDARD_ROLES,
    Action,
    AgendaItem,
    Decision,
    Meeting,
    Participant,
    new_id,
)
from .repository import (
    DATA_DIR_ENV,
    FileBackend,
    MeetingNotFoundError,
    MeetingSession,
    MeetingStore,
    MeetingSummary,
    MemoryBackend,
    ReadOnlyError,
    default_data_dir,
)
from .serialize import FORMAT_ID, MeetingFormatError, meeting_from_dict, meeting_to_dict
from .storage import AtomicJSONStorage, Recovery, SaveError, StoreError

__all__ = [
    "STANDARD_ROLES", "Action", "AgendaItem", "Decision", "Meeting", "Participant", "new_id",
    "DATA_DIR_ENV", "FileBackend", "MeetingNotFoundError", "MeetingSession", "MeetingStore",
    "MeetingSummary", "MemoryBackend", "ReadOnlyError", "default_data_dir", "FORMAT_ID",
    "MeetingFormatError", "meeting_from_dict", "meeting_to_dict", "AtomicJSONStorage",
    "SaveError", "StoreError", "MeetingLockedError", "Recovery",
]
