"""The first § of a protocol for the screens that show § numbers (setup, the agenda
editor, live mode's agenda and § line, the preview).

Set on the meeting, it is known at once; left to continue the series, it is counted from
the stored meetings (store.persistence.paragraphs), which reads every meeting file, so in
a thread worker that posts FirstParagraphFound to the widget that asked.
"""

from __future__ import annotations

import copy

from textual.dom import DOMNode

from store.domain.model import Meeting
from store.domain.paragraphs import paragraph_label

from .worker_messages import FirstParagraphFound


def series_key(meeting: Meeting) -> tuple[str, str]:
    """What the counted § depends on: the series and the year (a new year starts at 1)."""
    return meeting.series_name.casefold(), meeting.date[:4]


def paragraph_mark(number: int) -> str:
    return paragraph_label(number)


class FirstParagraph:
    """The first § as far as a widget knows it: the meeting's own, or the count of the
    series once the worker has reported it."""

    def __init__(self) -> None:
        self.key: tuple[str, str] | None = None
        self.counted: int | None = None

    def of(self, meeting: Meeting) -> int | None:
        if not meeting.is_protocol:
            return None
        if meeting.first_paragraph:
            return meeting.first_paragraph
        return self.counted if self.key == series_key(meeting) else None

    def count(self, node: DOMNode, meeting: Meeting) -> None:
        """Start counting for `node` unless it is known or being counted already."""
        if not meeting.is_protocol or series_key(meeting) == self.key:
            return
        self.key, self.counted = series_key(meeting), None
        snapshot = copy.copy(meeting)
        snapshot.first_paragraph = None
        store, key = node.app.store, self.key

        def work() -> None:
            from store.persistence.paragraphs import first_paragraph_in_store

            try:
                number = first_paragraph_in_store(store, snapshot)
            except Exception:  # noqa: BLE001 - a store that cannot be read: number from 1
                number = 1
            node.post_message(FirstParagraphFound(number, key))

        node.run_worker(work, thread=True, exclusive=True, group="first-paragraph",
                        exit_on_error=False)

    def found(self, message: FirstParagraphFound) -> bool:
        """Take a worker's count; False when it was for another series or year."""
        if message.key != self.key:
            return False
        self.counted = message.number
        return True
