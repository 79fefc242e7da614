"""Justering and anslag of a protocol.

Adjusting (justering) locks the protocol; changing it afterwards needs a recorded "häv
justering" (when and why). The anslag announces the justering on the notice board: by
law no later than the second day after it (kommunallagen 8 kap. 12 §), up for at least
three weeks. Dates are ISO strings, as in the model.
"""

from __future__ import annotations

from datetime import date as Date
from datetime import datetime, timedelta

from .model import Meeting
from .protocol import (
    PROTOCOL,
    STATE_ADJUSTED,
    STATE_DRAFT,
    STATE_POSTED,
    AdjustmentLift,
    Posting,
)

#: The notice stays up at least this long.
POSTING_DAYS = 21
#: Posting later than this many days after the justering breaks the law's deadline.
POSTING_DEADLINE_DAYS = 2


class AdjustmentError(ValueError):
    """A justering step that cannot be taken; the message is one Swedish sentence."""


def _easter(year: int) -> Date:
    """Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the algorithm's own name
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return Date(year, month, day)


def swedish_holidays(year: int) -> set[Date]:
    """Days the offices are closed besides weekends: the public holidays and the eves
    that are kept as such (midsommar-, jul- och nyårsafton)."""
    easter = _easter(year)
    midsummer_eve = next(Date(year, 6, d) for d in range(19, 26) if Date(year, 6, d).weekday() == 4)
    return {
        Date(year, 1, 1), Date(year, 1, 6), easter - timedelta(days=2),
        easter + timedelta(days=1), Date(year, 5, 1), easter + timedelta(days=39),
        Date(year, 6, 6), midsummer_eve, Date(year, 12, 24), Date(year, 12, 25),
        Date(year, 12, 26), Date(year, 12, 31),
    }


def is_working_day(day: Date) -> bool:
    return day.weekday() < 5 and day not in swedish_holidays(day.year)


def next_working_day(day: Date) -> Date:
    following = day + timedelta(days=1)
    while not is_working_day(following):
        following += timedelta(days=1)
    return following


def offered_adjustment_date(meeting: Meeting, today: Date) -> str:
    """The justering date to offer when the secretary records the justering: the planned
    one (Justeringens plats och tid, set at setup) once it has come, since justering is
    held as planned and is often recorded days later; else today. A planned date still
    ahead means the justering came early, today. Never before the meeting."""
    planned = meeting.adjustment.date
    if planned and meeting.date <= planned <= today.isoformat():
        return planned
    return max(today.isoformat(), meeting.date)


def default_posting(adjusted: str, archive: str = "") -> Posting:
    """Posted the next working day after the justering, taken down three weeks later."""
    posted = next_working_day(Date.fromisoformat(adjusted))
    return Posting(posted.isoformat(), (posted + timedelta(days=POSTING_DAYS)).isoformat(),
                   archive)


def posting_for(adjusted: str, posted: str | None = None, down: str | None = None,
                archive: str = "") -> Posting:
    """The anslag as the secretary gave it, the defaults filled in: posted the next
    working day after the justering, taken down three weeks after posting."""
    posted = posted or default_posting(adjusted).from_
    down = down or (Date.fromisoformat(posted) + timedelta(days=POSTING_DAYS)).isoformat()
    return Posting(posted, down, archive)


def posting_deadline(adjusted: str) -> Date:
    """The last day to post: the second day after the justering, moved to the next
    working day when it falls on a weekend or holiday (lag (1930:173) om beräkning av
    lagstadgad tid), so a Friday justering may be posted on Monday."""
    deadline = Date.fromisoformat(adjusted) + timedelta(days=POSTING_DEADLINE_DAYS)
    while not is_working_day(deadline):
        deadline += timedelta(days=1)
    return deadline


def posted_late(adjusted: str, posting: Posting) -> bool:
    """Posted after the deadline (`posting_deadline`): the law's deadline is missed, yet
    the protocol must still be posted (a warning, not a refusal)."""
    return bool(posting.from_) and Date.fromisoformat(posting.from_) > posting_deadline(adjusted)


def posting_refusal(adjusted: str, posting: Posting) -> str | None:
    """Why this anslag cannot be recorded (one Swedish sentence), or None.

    Posted before the justering, or taken down before three weeks have passed: either
    would make the record say something that cannot be true or lawful.
    """
    if posting.from_ and posting.from_ < adjusted:
        return "Anslaget kan inte sättas upp innan protokollet är justerat."
    if posting.to and not posting.from_:
        return "Ange när anslaget sätts upp."
    if posting.from_ and posting.to and Date.fromisoformat(posting.to) < Date.fromisoformat(
            posting.from_) + timedelta(days=POSTING_DAYS):
        return "Anslaget ska sitta uppe minst tre veckor."
    return None


LATE_POSTING_WARNING = ("Anslaget sätts upp senare än andra dagen efter justeringen, "
                        "som kommunallagen kräver.")


def posting_problems(adjusted: str, posting: Posting) -> list[str]:
    """Plain Swedish sentences on what breaks the law's rules, or []: the late posting
    (a warning) and the refusal, if any."""
    problems = [LATE_POSTING_WARNING] if posted_late(adjusted, posting) else []
    refusal = posting_refusal(adjusted, posting)
    return problems + [refusal] if refusal else problems


def adjust(meeting: Meeting, on: str, posting: Posting | None = None) -> None:
    """Mark the protocol adjusted on `on` and fill in the anslag (default dates)."""
    if not meeting.is_protocol:
        raise AdjustmentError("Bara ett protokoll justeras.")
    if meeting.adjusted:
        raise AdjustmentError(f"Protokollet är redan justerat {meeting.adjusted}.")
    if on < meeting.date:
        raise AdjustmentError("Protokollet kan inte justeras före sammanträdet.")
    archive = (posting.archive if posting else "") or meeting.posting.archive
    chosen = posting or default_posting(on, archive)
    refusal = posting_refusal(on, chosen)
    if refusal is not None:
        raise AdjustmentError(refusal)
    meeting.adjusted = on
    meeting.posting = Posting(chosen.from_, chosen.to, archive)
    meeting.adjustment.date = meeting.adjustment.date or on


def lift(meeting: Meeting, now: datetime, why: str) -> None:
    """Häv justering: unlock the protocol, recording when, why and the date undone.

    An ended meeting stays ended (its end time and item clocks stand): the lift after
    the end is what opens it for changes (Meeting.locked); resuming is `reopen`."""
    if not meeting.adjusted:
        raise AdjustmentError("Protokollet är inte justerat.")
    if not why.strip():
        raise AdjustmentError("Skriv varför justeringen hävs.")
    meeting.adjustment_lifts.append(
        AdjustmentLift(now.replace(microsecond=0).isoformat(), why.strip(), meeting.adjusted))
    meeting.adjusted = None
    meeting.posting = Posting(archive=meeting.posting.archive)


def protocol_state(meeting: Meeting, today: Date) -> str:
    """'utkast', 'justerat' or 'anslaget' ('' for a minutes meeting)."""
    return state_of(meeting.is_protocol, meeting.adjusted, meeting.posting.from_,
                    today.isoformat())


def state_of(is_protocol: bool, adjusted: str | None, posted_from: str | None,
             today_iso: str) -> str:
    """The state rule on plain values (a stored row, a summary): see protocol_state."""
    if not is_protocol:
        return ""
    if not adjusted:
        return STATE_DRAFT
    if posted_from and posted_from <= today_iso:
        return STATE_POSTED
    return STATE_ADJUSTED


def stored_state_facts(data: dict) -> list[str] | None:
    """What `state_of` needs from a stored meeting dict (a fast scan reads no model):
    None for a minutes meeting, else [adjusted, posted from] ("" when not set)."""
    if data.get("kind") != PROTOCOL:
        return None
    posting = data.get("posting")
    posted = posting.get("from") if isinstance(posting, dict) else None
    adjusted = data.get("adjusted")
    return [adjusted if isinstance(adjusted, str) else "",
            posted if isinstance(posted, str) else ""]


def state_from_facts(facts: list[str] | None, today_iso: str) -> str:
    """The state of a stored meeting from `stored_state_facts` ('' for minutes)."""
    if facts is None:
        return ""
    return state_of(True, facts[0] or None, facts[1] or None, today_iso)
