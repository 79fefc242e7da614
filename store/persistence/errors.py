"""The store's own errors, in Swedish for the user."""

from __future__ import annotations

from .storage import Recovery, StoreError


class MeetingNotFoundError(StoreError):
    def __init__(self, meeting_id: str):
        self.meeting_id = meeting_id
        super().__init__(f"Det finns inget möte med id {meeting_id!r}.")


class MeetingUnreadableError(StoreError):
    """Neither the meeting's file nor its backup could be read.

    `recovery` is what the storage found; the message already says all of it, so a
    caller listing `MeetingStore.recoveries` need not repeat this one.
    """

    def __init__(self, meeting_id: str, recovery: Recovery | None):
        self.recovery = recovery
        super().__init__(
            recovery.failure(meeting_id) if recovery is not None
            else f"Mötet {meeting_id} kunde inte läsas."
        )


class ReadOnlyError(StoreError):
    def __init__(self, meeting_id: str):
        super().__init__(f"Mötet {meeting_id} är öppnat skrivskyddat och kan inte sparas.")
