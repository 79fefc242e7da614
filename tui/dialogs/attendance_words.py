"""How the attendance dialog names an item and a presence: a protocol speaks in §§ (§ 43,
'till 15:10 efter § 43'), a minutes meeting in punkter and clock times. The rules are the
model's (store.domain.presence_ties, paragraphs); this module only picks the words.
"""

from __future__ import annotations

from store.domain.attendance import AttendanceError, parse_presence
from store.domain.model import AgendaItem, Meeting, Participant
from store.domain.paragraphs import paragraph_label, paragraph_numbers, paragraph_of
from store.domain.presence_ties import (
    interval_text,
    paragraph_id,
    parse_moment,
    parse_tied_presence,
    presence_text,
)

WHOLE_MEETING = "hela mötet"
ABSENT = "frånvarande"
#: While the series' first § is still being counted.
UNKNOWN_PARAGRAPH = "§ …"


class AttendanceWords:
    """The words for one meeting; `first` is the protocol's first § (None: not known yet,
    or a minutes meeting)."""

    def __init__(self, meeting: Meeting, first: int | None):
        self.meeting = meeting
        self.first = first if meeting.is_protocol else None

    @property
    def tied(self) -> bool:
        """A protocol: arrivals and departures are tied to the § being handled."""
        return self.meeting.is_protocol

    def item_name(self, item: AgendaItem) -> str:
        """'§ 43' in a protocol (a sub-item: its §), 'punkt 3.1' in minutes."""
        if not self.meeting.is_protocol:
            return f"punkt {self.meeting.number_of(item.id)}"
        if self.first is None:
            return UNKNOWN_PARAGRAPH
        number = paragraph_of(self.meeting, item, self.first)
        return paragraph_label(number) if number is not None else UNKNOWN_PARAGRAPH

    def presence(self, participant: Participant) -> str:
        if participant.absent:
            return ABSENT
        if self.tied:
            return presence_text(self.meeting, participant, self.first) or WHOLE_MEETING
        return participant.presence_text() or WHOLE_MEETING

    def moment(self, at: str | None, item_id: str | None, arriving: bool) -> str:
        """'15:10 efter § 43', '14:00 före § 45', 'från § 45', '15:10': one arrival or
        departure as the dialog's message says it."""
        if not self.tied or self.first is None or not item_id:
            return at or ""
        from store.domain.attendance import Interval

        numbers = paragraph_numbers(self.meeting, self.first)
        if at and arriving and item_id in numbers:  # '14:00 före § 43': there from it
            return f"{at} före {paragraph_label(numbers[item_id])}"
        tie = Interval(from_item=item_id) if arriving else Interval(to_item=item_id)
        return " ".join(part for part in (at, interval_text(tie, numbers)) if part)

    def offered_moment(self, item_id: str | None, arriving: bool) -> str:
        """A protocol written up on another day: the § being handled, to confirm."""
        top = paragraph_id(self.meeting, item_id)
        if not self.tied or self.first is None or top is None:
            return ""
        return self.moment(None, top, arriving)

    def read_moment(self, text: str, arriving: bool) -> tuple[str | None, str | None]:
        """A typed time and/or § (refused with the model's Swedish sentence)."""
        return parse_moment(self.meeting, text, self.first, arriving)

    def read_presence(self, text: str):
        if self.tied:
            return parse_tied_presence(self.meeting, text, self.first)
        return parse_presence(text)

    def presence_example(self) -> str:
        if self.tied:
            return "t.ex. 13:05-14:30, till 14:30 efter § 4 eller från § 6"
        return "t.ex. 13:05-14:30, 15:00- eller till 14:30"


__all__ = ["AttendanceError", "AttendanceWords"]
