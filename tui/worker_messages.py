"""Messages that thread workers post back to the UI: the one way work off the event
loop reports (a worker never calls into widgets; a message to a closed screen is
simply dropped, so no "is it still there?" checks are needed).

Each is a dataclass, as in harlequin and toolong.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual.message import Message

#: Messages are told apart by identity and logged by Textual's own repr: only their
#: __init__ is generated (each generated method is compiled at start-up).
message = dataclass(eq=False, repr=False)


@message
class WorkerMessage(Message):
    """Base of the workers' messages (Message.__post_init__ sets up a dataclass one)."""


@message
class Notice(WorkerMessage):
    """Something to tell the secretary; posted to the app, which shows it."""

    text: str
    title: str = ""
    severity: str = "information"
    timeout: float | None = None


@message
class OwnerHistoryLoaded(WorkerMessage):
    """Owners used before in the series (live mode's owner completion)."""

    owners: list[str]


@message
class MeetingsLoaded(WorkerMessage):
    """The meeting list was read; ``error`` names what could not be read."""

    summaries: list[Any]
    error: str | None


@message
class RescueCopiesFound(WorkerMessage):
    """Copies left by a run whose saves failed."""

    copies: list[Any]


@message
class ImportFileRead(WorkerMessage):
    """A file was read for import: a meeting, or the reason it could not be."""

    path: Path
    meeting: Any
    error: str | None


@message
class ActionsScanned(WorkerMessage):
    """Every meeting's actions were read (rows), or the scan failed (error)."""

    rows: list[Any] = field(default_factory=list)
    error: str | None = None


@message
class ActionsSelected(WorkerMessage):
    """The rows the filter keeps, in the order shown."""

    rows: list[Any]
    action_filter: Any


@message
class ActionToggled(WorkerMessage):
    """An action was ticked done or reopened everywhere (posted to the screen that
    asked, which redraws)."""

    action_id: str


@message
class FirstParagraphFound(WorkerMessage):
    """The § a protocol's series continues from (store.persistence.paragraphs), for the
    series and year in ``key`` when it was asked."""

    number: int
    key: Any
