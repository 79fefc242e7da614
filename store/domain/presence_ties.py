"""Presence and substitutes tied to a protocol's §§, not only to clock times.

A secretary writes "lämnar sammanträdet efter § 44" and "tjänstgör för … §§ 45–47": the
§ is the truth of a protocol, the clock is a detail (and useless when the meeting is written
up on another day, passes midnight or its items carry no times). So:

- An interval (store.domain.attendance.Interval) may carry `from_item` (there from this §
  on, itself included) and `to_item` (there up to and including this §). An arrival or a
  departure recorded in live mode ties the § being handled; "från § 45" / "efter § 44"
  can be typed. A § tie decides its side of the interval; the clock time decides only
  where there is no tie (`covers`).
- A tjänstgörande ersättare's `substitute_for` holds from the first §; each
  `SubstituteChange` makes it serve for someone else (or nobody) from its § on, until the
  next change (`substitute_at`). A change made in a § replaces every later one; editing
  the roster line later keeps the changes, which count while they still make sense
  (store.domain.substitute_roster).

Ties name item ids, so they follow when ärenden move; removing a § moves its ties to a
neighbour (store/domain/paragraph_removal.py), and a tie to an item that no longer exists
is ignored (the clock time counts again).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .attendance import AttendanceError, Interval, item_span, minutes, parse_presence
from .paragraphs import paragraph_label, paragraph_numbers, paragraph_range_text
from .protocol import SubstituteChange
from .substitute_roster import change_counts

if TYPE_CHECKING:
    from .model import AgendaItem, Meeting, Participant


def positions(meeting: Meeting) -> dict[str, int]:
    """{top-level item id: its place in the agenda}: the order §§ are compared in."""
    return {item.id: index for index, item in enumerate(meeting.items)}


def paragraph_id(meeting: Meeting, item_id: str | None) -> str | None:
    """The id of the § (top-level ärende) an item belongs to; None when not found."""
    if not item_id:
        return None
    for top in meeting.items:
        if any(sub.id == item_id for sub in top.walk()):
            return top.id
    return None


# -- presence --------------------------------------------------------------------------


def covers(interval: Interval, position: int | None, span: tuple[int, int],
           order: dict[str, int]) -> bool:
    """Whether the interval reaches the § at `position` whose time span is `span`: per
    side the § tie when there is one, else the clock time, else open."""
    if position is not None and interval.from_item in order:
        starts = position >= order[interval.from_item]
    else:
        starts = interval.start is None or minutes(interval.start) < span[1]
    if position is not None and interval.to_item in order:
        ends = position <= order[interval.to_item]
    else:
        ends = interval.end is None or span[0] < minutes(interval.end)
    return starts and ends


def present_in(meeting: Meeting, participant: Participant, item: AgendaItem) -> bool:
    """Whether the participant was there (any part of) the item's § ."""
    if participant.absent:
        return False
    if not participant.intervals:
        return True
    order = positions(meeting)
    position = order.get(paragraph_id(meeting, item.id) or "")
    span = item_span(meeting, item)
    return any(covers(i, position, span, order) for i in participant.intervals)


def normalized_tied(intervals: list[Interval], order: dict[str, int]) -> list[Interval]:
    """store.domain.attendance.normalized for intervals with § ties: kept in the order
    recorded; each checked forwards and after the one before, where comparable."""
    out: list[Interval] = []
    for interval in intervals:
        _check_forwards(interval, order)
        if not out:
            out.append(interval)
            continue
        previous = out[-1]
        if (previous.end is None and previous.to_item is None) or (
                interval.start is None and interval.from_item is None):
            raise AttendanceError("Två närvaroperioder kan inte överlappa varandra.")
        left, back = order.get(previous.to_item or ""), order.get(interval.from_item or "")
        if left is not None and back is not None and back < left:
            raise AttendanceError("Återkomsten kan inte vara före avgången.")
        if previous.end and interval.start:
            if minutes(interval.start) < minutes(previous.end):
                raise AttendanceError(
                    f"Tiderna {previous.text()} och {interval.text()} överlappar varandra.")
            if interval.start == previous.end and (left is None or back is None
                                                   or back <= left + 1):
                # left and came back in the same minute: never left
                out[-1] = Interval(previous.start, interval.end, previous.from_item,
                                   interval.to_item)
                continue
        out.append(interval)
    return out


def _check_forwards(interval: Interval, order: dict[str, int]) -> None:
    if interval.end is not None:
        start, end = interval.span()
        if start >= end:
            raise AttendanceError(f"Ankomsten {interval.start or '00:00'} måste vara före "
                                  f"avgången {interval.end}.")
    first, last = order.get(interval.from_item or ""), order.get(interval.to_item or "")
    if first is not None and last is not None and first > last:
        raise AttendanceError("Ankomsten måste vara före avgången: §§ kommer i fel ordning.")


def arrive_in(meeting: Meeting, participant: Participant, at: str | None,
              item_id: str | None) -> None:
    """An arrival at `at` (may be None) tied to the § of `item_id` in a protocol."""
    from .attendance import arrive

    arrive(participant, at, item=_tie(meeting, item_id), order=positions(meeting))


def leave_in(meeting: Meeting, participant: Participant, at: str | None,
             item_id: str | None) -> None:
    """A departure at `at` (may be None) after the § of `item_id` in a protocol."""
    from .attendance import leave

    leave(participant, at, item=_tie(meeting, item_id), order=positions(meeting))


def _tie(meeting: Meeting, item_id: str | None) -> str | None:
    return paragraph_id(meeting, item_id) if meeting.is_protocol else None


def paragraphs_present(meeting: Meeting, participant: Participant, first: int) -> list[int]:
    """The § numbers the participant was there for."""
    return [first + i for i, item in enumerate(meeting.items)
            if present_in(meeting, participant, item)]


# -- the §§ written and typed ----------------------------------------------------------


def interval_text(interval: Interval, numbers: dict[str, int]) -> str:
    """'till 15:10 efter § 44', 'från § 46', 'från 14:00 före § 46', '13:05-15:10 §§ 41–44';
    '' for the whole meeting. `numbers` is {item id: § number}."""
    clock = Interval(interval.start, interval.end).text()
    first, last = numbers.get(interval.from_item or ""), numbers.get(interval.to_item or "")
    if first is not None and last is not None:
        ties = paragraph_range_text(range(first, last + 1))
    elif first is not None and interval.start and not interval.end:
        # came at that time, and takes part from that § (came during the one before it,
        # or before anything was recorded in it: store.domain.presence_change)
        return f"från {interval.start} före {paragraph_label(first)}"
    elif first is not None:
        ties = f"från {paragraph_label(first)}"
    elif last is not None:
        ties = f"efter {paragraph_label(last)}"
    else:
        ties = ""
    return " ".join(part for part in (clock, ties) if part)


def presence_text(meeting: Meeting, participant: Participant, first: int | None) -> str:
    """A participant's intervals with their §§ (the clock times alone without `first`)."""
    numbers = paragraph_numbers(meeting, first) if first is not None else {}
    return " och ".join(t for t in (interval_text(i, numbers) for i in participant.intervals)
                        if t)


_TIE_RE = re.compile(r"(?:^|\s)(?:(?P<word>från|före|i|efter|till|t\.o\.m\.)\s*)?§§?\s*(?P<a>\d+)"
                     r"(?:\s*[-–—]\s*(?P<b>\d+))?\s*$", re.I)


def split_tie(part: str, ids: dict[int, str] | None) -> tuple[str, str | None, str | None]:
    """'till 15:10 efter § 44' -> ('till 15:10', None, id of § 44): the clock part and the
    § ties of one typed interval. `ids` is {§ number: item id}, None outside a protocol."""
    match = _TIE_RE.search(part)
    if not match:
        return part, None, None
    if ids is None:
        raise AttendanceError("Paragrafer (§) går bara att ange i ett protokoll.")
    a = int(match.group("a"))
    b = int(match.group("b")) if match.group("b") else None
    for number in (a, b):
        if number is not None and number not in ids:
            raise AttendanceError(f"Protokollet har ingen {paragraph_label(number)}.")
    word = (match.group("word") or "").casefold()
    if b is not None:
        from_item, to_item = ids[a], ids[b]
    elif word in ("från", "före", "i"):
        from_item, to_item = ids[a], None
    elif word:
        from_item, to_item = None, ids[a]
    else:  # '§ 44' alone: there for that § only
        from_item, to_item = ids[a], ids[a]
    return part[:match.start()].strip(), from_item, to_item


def parse_tied_presence(meeting: Meeting, text: str, first: int | None) -> list[Interval]:
    """parse_presence with § ties: '13:05-15:10 efter § 44 och från § 46'."""
    ids = ({n: i for i, n in paragraph_numbers(meeting, first).items()}
           if meeting.is_protocol and first is not None else None)
    intervals = []
    for part in re.split(r"[,;]|\s+och\s+", text.strip(), flags=re.I):
        clock, from_item, to_item = split_tie(part.strip(), ids)
        parsed = parse_presence(clock) if clock else []
        if len(parsed) > 1:
            raise AttendanceError(f"Förstår inte ”{part.strip()}”.")
        base = parsed[0] if parsed else Interval()
        if not parsed and clock == "" and from_item is None and to_item is None:
            continue
        intervals.append(Interval(base.start, base.end, from_item, to_item))
    from .attendance import normalized

    return normalized(intervals, positions(meeting))


def parse_moment(meeting: Meeting, text: str, first: int | None,
                 arriving: bool) -> tuple[str | None, str | None]:
    """One typed arrival or departure: ('15:10', id) from '15:10 efter § 44', (None, id)
    from 'från § 45', ('15:10', None) from '15:10'. Refuses what says nothing."""
    ids = ({n: i for i, n in paragraph_numbers(meeting, first).items()}
           if meeting.is_protocol and first is not None else None)
    clock, from_item, to_item = split_tie(text.strip(), ids)
    at = None
    if clock:
        from .dates import ClockTimeError, parse_clock_time

        try:
            at = parse_clock_time(clock.removeprefix("kl.").strip())
        except ClockTimeError as exc:
            raise AttendanceError(str(exc)) from None
    tie = from_item if arriving else to_item
    if tie is None:
        tie = to_item if arriving else from_item
    if at is None and tie is None:
        raise AttendanceError("Skriv en tid (TT:MM) eller en paragraf, t.ex. efter § 4.")
    return at, tie


# -- tjänstgörande ersättare per § -----------------------------------------------------


def substitute_at(meeting: Meeting, deputy: Participant, item_id: str | None) -> str:
    """Whom the ersättare serves for in the § of `item_id` (the roster's value when the
    item is unknown or None)."""
    order = positions(meeting)
    position = order.get(paragraph_id(meeting, item_id) or "")
    value = deputy.substitute_for
    if position is None:
        return value
    changes = sorted((order[c.from_item], n, c) for n, c in enumerate(deputy.substitute_changes)
                     if c.from_item in order and change_counts(meeting, deputy, c, order))
    for at, _, change in changes:
        if at <= position:
            value = change.for_
    return value


def change_substitute(meeting: Meeting, deputy: Participant, member: str,
                      item_id: str | None) -> None:
    """From the § of `item_id` on, `deputy` serves for `member` ('' = nobody); in the
    first § or without a § this is the roster's value for the whole meeting."""
    order = positions(meeting)
    top = paragraph_id(meeting, item_id)
    position = order.get(top or "")
    if position is None or position == 0:
        deputy.substitute_for = member
        deputy.substitute_changes = []
        return
    kept = [c for c in deputy.substitute_changes
            if c.from_item in order and order[c.from_item] < position]
    deputy.substitute_changes = kept
    before = substitute_at(meeting, deputy, meeting.items[position - 1].id)
    if before.strip().casefold() != member.strip().casefold():
        deputy.substitute_changes = [*kept, SubstituteChange(top, member)]


def substitute_sentence(meeting: Meeting, deputy: Participant, item_id: str,
                        first: int | None) -> str:
    """What a change of ersättare in a § means, for live mode to say: 'Gun Åkesson
    tjänstgör för Vera Holm §§ 43–46.' (the §§ from this one on where they serve)."""
    from .serving import serving

    member = substitute_at(meeting, deputy, item_id)
    position = positions(meeting).get(paragraph_id(meeting, item_id) or "", 0)
    if not member:
        where = f" från {paragraph_label(first + position)}" if first is not None else ""
        return f"{deputy.name} tjänstgör inte{where}."
    if first is None:
        return f"{deputy.name} tjänstgör för {member}."
    numbers = [first + k for k, item in enumerate(meeting.items)
               if k >= position and deputy.name in serving(meeting, item).replacing]
    if not numbers:
        return (f"{deputy.name} tjänstgör för {member} från {paragraph_label(first + position)}"
                f" när {member} inte är med.")
    return f"{deputy.name} tjänstgör för {member} {paragraph_range_text(numbers)}."
