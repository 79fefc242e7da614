"""Attendance: when each participant was there, and who was there for each item.

The rules (one place for them; the TUI and the exports only ask):

- A participant's presence is a list of intervals (`Interval`) on the meeting's day.
  No intervals and not absent: there for the whole meeting. An interval without a
  start began with the meeting; one without an end lasts to the meeting's end (or the
  participant is still there).
- Intervals are kept in order and never overlap. Intervals that touch are merged: left
  and came back in the same minute is never having left (so a mistaken "leaves 19:48"
  followed by "arrives 19:48" gives back whole-meeting presence, not "19:48-19:48").
- An arrival must come before the departure of the same interval; anything else is
  refused with one Swedish sentence (`AttendanceError`). Nothing is changed then.
- Times are clock times "HH:MM" of the meeting's day; a meeting past midnight is not
  modelled (times compare as clock times).
- Who was present for an item is computed, never stored: the participants whose
  presence overlaps the item's time span. The span starts when the item was first made
  current in live mode (`started_at`) and ends when it was finished (`finished_at`);
  stamps of another day than the meeting's (a meeting written up afterwards) do not
  count, and the item's set time (`time`) stands in for a missing start. An unknown
  start or end leaves that side open. Computing it means a corrected arrival time
  corrects every item at once, and a later protocol (per-§ presence) reads the same
  answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Iterable

from .dates import ClockTimeError, parse_clock_time
from .text import pattern_on_first_use

if TYPE_CHECKING:  # the model imports this module; no cycle at run time
    from .model import AgendaItem, Meeting, Participant

DAY_START = 0
DAY_END = 24 * 60
#: Between intervals in one text ("13:00-14:00 och från 14:30"). Never ", ": the
#: minutes' Deltagare line separates participants with ", ".
INTERVAL_SEPARATOR = " och "


class AttendanceError(ValueError):
    """A presence that cannot be; the message is one Swedish sentence."""


@dataclass(frozen=True)
class Interval:
    """A stretch of time a participant was there."""

    start: str | None = None  # "HH:MM" arrived; None: from the meeting's start
    end: str | None = None  # "HH:MM" left; None: to the meeting's end
    #: A protocol's § ties (item ids of top-level ärenden): there from this § on (an
    #: arrival while it was handled, or "från § 45"), and up to and including this §
    #: (a departure while it was handled, or "efter § 44"). They count before the clock
    #: times when serving per § is computed (store/domain/presence_ties.py).
    from_item: str | None = None
    to_item: str | None = None

    @property
    def tied(self) -> bool:
        return bool(self.from_item or self.to_item)

    def text(self) -> str:
        """'14:30-15:15', 'från 14:30', 'till 15:15' or '' (the whole meeting)."""
        if self.start and self.end:
            return f"{self.start}-{self.end}"
        if self.start:
            return f"från {self.start}"
        if self.end:
            return f"till {self.end}"
        return ""

    def span(self) -> tuple[int, int]:
        """The interval in minutes of the day, open ends reaching the day's edges."""
        return (
            minutes(self.start) if self.start else DAY_START,
            minutes(self.end) if self.end else DAY_END,
        )


def minutes(hhmm: str) -> int:
    hour, minute = hhmm.split(":")
    return int(hour) * 60 + int(minute)


def presence_text(intervals: Iterable[Interval]) -> str:
    """The intervals as the minutes write them, '' for the whole meeting."""
    return INTERVAL_SEPARATOR.join(i.text() for i in intervals if i.text())


def normalized(intervals: Iterable[Interval],
               order: dict[str, int] | None = None) -> list[Interval]:
    """The intervals in order, touching ones merged; refuses overlaps and backwards ones.

    A single interval open at both ends is the whole meeting: [] (the same truth as no
    intervals at all). Intervals tied to §§ (a protocol) keep the order they were
    recorded in, since a § and a clock time cannot be compared; `order` ({item id:
    position}) lets their §§ be checked too.
    """
    intervals = list(intervals)
    if any(i.tied for i in intervals):
        from .presence_ties import normalized_tied

        return normalized_tied(intervals, order or {})
    ordered = sorted(intervals, key=lambda i: i.span())
    out: list[Interval] = []
    for interval in ordered:
        start, end = interval.span()
        if start >= end:  # also 'till 00:00': no time left to be there in
            raise AttendanceError(
                f"Ankomsten {interval.start or '00:00'} måste vara före avgången "
                f"{interval.end}."
            )
        if out:
            previous = out[-1]
            _, p_end = previous.span()
            if start < p_end:
                raise AttendanceError(
                    f"Tiderna {previous.text() or 'hela mötet'} och "
                    f"{interval.text() or 'hela mötet'} överlappar varandra."
                )
            if start == p_end:  # left and came back in the same minute: never left
                out[-1] = Interval(previous.start, interval.end)
                continue
        out.append(interval)
    if len(out) == 1 and out[0].start is None and out[0].end is None:
        return []
    return out


# -- changing a participant's presence ------------------------------------------------


def add_guest(meeting: Meeting, name: str, role: str = "", at: str = "",
              item_id: str | None = None) -> Participant:
    """A guest added during the meeting (not carried to the next one); arriving `at`
    when given (in a protocol also from the § of `item_id`). In a protocol a guest is
    among Övriga närvarande: group övrig."""
    from .model import Participant
    from .presence_ties import arrive_in
    from .protocol import OTHER

    guest = Participant(name, role=role, guest=True, group=OTHER if meeting.is_protocol else "")
    if at:
        arrive_in(meeting, guest, at, item_id)
    meeting.participants.append(guest)
    return guest


def set_intervals(participant: Participant, intervals: Iterable[Interval],
                  order: dict[str, int] | None = None) -> None:
    """Replace the presence (an edit); refused as a whole when any interval is wrong."""
    participant.intervals = normalized(intervals, order)
    participant.absent = False


def clear(participant: Participant) -> None:
    """Forget every time: the participant was there for the whole meeting."""
    participant.intervals = []
    participant.absent = False


def arrive(participant: Participant, at: str | None, *, item: str | None = None,
           order: dict[str, int] | None = None) -> None:
    """The participant comes (late, or back after leaving) at `at`; in a protocol also
    (or only) from the § `item` on."""
    name = participant.name
    if participant.absent or not participant.intervals:
        # Absent, or counted present from the start: either way not here before `at`.
        participant.intervals = normalized([Interval(at, None, from_item=item)], order)
        participant.absent = False
        return
    last = participant.intervals[-1]
    if last.end is None and last.to_item is None:
        since = f"sedan {last.start}" if last.start else "sedan mötets början"
        raise AttendanceError(f"{name} är redan här ({since}).")
    if at and last.end and minutes(at) < minutes(last.end):
        raise AttendanceError(
            f"{name} gick {last.end}; att komma tillbaka kan inte vara före dess."
        )
    participant.intervals = normalized([*participant.intervals,
                                        Interval(at, None, from_item=item)], order)


def leave(participant: Participant, at: str | None, *, item: str | None = None,
          order: dict[str, int] | None = None) -> None:
    """The participant leaves at `at` (perhaps to come back later); in a protocol also
    (or only) after the § `item`."""
    name = participant.name
    if participant.absent:
        raise AttendanceError(f"{name} är antecknad som frånvarande.")
    if not participant.intervals:
        participant.intervals = normalized([Interval(None, at, to_item=item)], order)
        return
    last = participant.intervals[-1]
    if last.end is not None:
        raise AttendanceError(f"{name} gick redan {last.end}.")
    if last.to_item is not None:
        raise AttendanceError(f"{name} har redan gått.")
    if at and last.start and minutes(at) <= minutes(last.start):
        raise AttendanceError(
            f"{name} kom {last.start}; avgången måste vara senare än ankomsten."
        )
    participant.intervals = normalized([*participant.intervals[:-1],
                                        Interval(last.start, at, last.from_item, item)], order)


# -- reading typed or written presence --------------------------------------------------

_DASHES = "-–—"
_PART_RE = pattern_on_first_use(
    rf"^(?:från\s+(?P<from>\S+)|till\s+(?P<to>\S+)|(?P<a>[^{_DASHES}\s]*)\s*[{_DASHES}]\s*"
    rf"(?P<b>[^{_DASHES}\s]*))$",
    re.I,
)


def parse_presence(text: str) -> list[Interval]:
    """'13:05-14:30, 15:00-' / 'till 14:30 och från 15:00' -> intervals; '' -> [].

    Parts are separated by ',', ';' or ' och '; a part is 'A-B', 'A-' (from A),
    '-B' (until B), 'från A' or 'till B'; times as typed anywhere ('915' is 09:15).
    """
    parts = [p.strip() for p in re.split(r"[,;]|\s+och\s+", text.strip(), flags=re.I)]
    intervals = []
    for part in parts:
        if not part:
            continue
        match = _PART_RE().match(part)
        if not match:
            raise AttendanceError(
                f"Förstår inte ”{part}”: skriv t.ex. 13:05-14:30, 15:00- eller till 14:30."
            )
        start = match.group("from") or match.group("a") or None
        end = match.group("to") or match.group("b") or None
        if start is None and end is None:
            raise AttendanceError(f"”{part}” saknar tider: skriv t.ex. 13:05-14:30.")
        try:
            intervals.append(Interval(start and parse_clock_time(start),
                                      end and parse_clock_time(end)))
        except ClockTimeError as exc:
            raise AttendanceError(str(exc)) from None
    return normalized(intervals)


_WRITTEN_RE = pattern_on_first_use(
    r"\s+((?:\d{2}:\d{2}-\d{2}:\d{2}|från \d{2}:\d{2}|till \d{2}:\d{2})"
    r"(?: och (?:\d{2}:\d{2}-\d{2}:\d{2}|från \d{2}:\d{2}|till \d{2}:\d{2}))*)$"
)


def split_presence(entry: str) -> tuple[str, list[Interval]]:
    """'Maja Torp 13:00-14:00 och från 14:30' -> ('Maja Torp', intervals).

    The inverse of `presence_text` as the minutes write it after a name; text that is
    not a valid presence stays part of the name.
    """
    match = _WRITTEN_RE().search(entry)
    if not match:
        return entry, []
    try:
        intervals = parse_presence(match.group(1))
    except AttendanceError:
        return entry, []
    return entry[: match.start()].rstrip(), intervals


# -- finding a participant by typing -----------------------------------------------------


def name_matches(name: str, typed: str) -> bool:
    """'kal', 'åb' and 'kalle å' find 'Kalle Åberg': every typed word starts a word."""
    words = name.casefold().split()
    return all(any(w.startswith(t) for w in words) for t in typed.casefold().split())


def find_people(people: list[Participant], typed: str) -> list[Participant]:
    """Names whose words start with what is typed; failing that, names containing it."""
    found = [p for p in people if name_matches(p.name, typed)]
    if found or not typed.strip():
        return found
    return [p for p in people if typed.casefold().strip() in p.name.casefold()]


# -- checks against the meeting ----------------------------------------------------------


def outside_meeting(meeting: Meeting, at: str) -> str | None:
    """A Swedish warning when `at` lies before the meeting's start or after its end."""
    start = meeting.shown_start  # the actual start once the meeting has begun
    if start and minutes(at) < minutes(start):
        return f"{at} är före mötets start {start}."
    if meeting.end and minutes(at) > minutes(meeting.end):
        return f"{at} är efter mötets slut {meeting.end}."
    return None


def warnings_for(meeting: Meeting, participant: Participant) -> list[str]:
    """Every time of the participant's presence that lies outside the meeting."""
    out = []
    for interval in participant.intervals:
        for at in (interval.start, interval.end):
            if at:
                warning = outside_meeting(meeting, at)
                if warning:
                    out.append(warning)
    return out


# -- who was there for an item -----------------------------------------------------------


def _clock_on_day(stamp: str | None, day: str) -> int | None:
    """Minutes of an ISO timestamp, only when it was taken on the meeting's day."""
    if not stamp:
        return None
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return None
    if moment.date().isoformat() != day:
        return None
    return moment.hour * 60 + moment.minute


def item_span(meeting: Meeting, item: AgendaItem) -> tuple[int, int]:
    """The item's time span in minutes of the day (open sides reach the day's edges)."""
    start = _clock_on_day(item.started_at, meeting.date)
    if start is None and item.time:
        start = minutes(item.time)
    end = _clock_on_day(item.finished_at, meeting.date)
    start = DAY_START if start is None else start
    end = DAY_END if end is None else end
    if end <= start:  # done within its first minute: that minute counts
        end = start + 1
    return start, end


def present_during(participant: Participant, span: tuple[int, int]) -> bool:
    if participant.absent:
        return False
    if not participant.intervals:
        return True
    start, end = span
    return any(a < end and start < b for a, b in (i.span() for i in participant.intervals))


def present_for_item(meeting: Meeting, item: AgendaItem) -> list[Participant]:
    """The participants present at any time during the item, in roster order (in a
    protocol the § ties count first: store/domain/presence_ties.py)."""
    from .presence_ties import present_in

    return [p for p in meeting.participants if present_in(meeting, p, item)]
