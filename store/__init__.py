"""Mötesbok's domain model and persistence. Never imports Textual.

store.domain holds the meeting and its rules (no files, no clock but the caller's);
store.persistence holds how meetings are kept: the store, sessions, backends, the
crash-safe storage, locks, scans and rescue copies. This module is the public API.
"""

from __future__ import annotations

from importlib import import_module

#: Where each public name lives. Loaded on first use (PEP 562), so that a command
#: or the app pays only for the parts of the store it touches.
_WHERE = {
    ".domain.model": (
        "STANDARD_ROLES", "Action", "AgendaItem", "Decision", "Meeting", "Participant",
        "new_id",
    ),
    ".persistence.backends": ("FileBackend", "MemoryBackend"),
    ".persistence.errors": ("MeetingNotFoundError", "ReadOnlyError"),
    ".persistence.lock": ("MeetingLockedError",),
    ".persistence.serialize": (
        "FORMAT_ID", "MeetingFormatError", "meeting_from_dict", "meeting_to_dict",
    ),
    ".persistence.session": ("MeetingSession",),
    ".persistence.storage": ("AtomicJSONStorage", "Recovery", "SaveError", "StoreError"),
    ".persistence.store": ("DATA_DIR_ENV", "MeetingStore", "MeetingSummary", "default_data_dir"),
}
_MODULE_OF = {name: module for module, names in _WHERE.items() for name in names}

__all__ = list(_MODULE_OF)


def __getattr__(name: str):
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'store' has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value  # once loaded, a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
