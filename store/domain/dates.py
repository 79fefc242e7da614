"""Due dates as a Swedish secretary types them.

`parse_due_date("fredag", today)` -> the date. `today` is the day the relative forms
count from: for a due date written in a meeting, the meeting's date
(`due_date_reference`), so writing up a meeting of 2013 gives 2013 dates. Understood
forms (case- and åäö-insensitive, so "overmorgon" and "lordag" work too):

- ISO: ``2031-04-08`` (also ``2031-4-8``)
- day/month: ``8/4`` -> this year's 8 April, or next year's when it has already passed
  this year (a due date lies ahead); ``8/4-2031``, ``8/4 2031``, ``8/4-31`` (nearest year)
- day and month name: ``8 april``, ``8 apr``, ``8 april 2031`` (same year rule)
- ``idag``/``i dag``, ``imorgon``/``i morgon``, ``i övermorgon``/``övermorgon``
- a weekday, full or short (``fredag``, ``fre``, ``på fredag``): the next one *after*
  today, so "fredag" said on a Friday means a week ahead
- ``om 3 dagar``, ``om 2 veckor``, ``om en vecka``, ``om en månad``
- ``nästa vecka``: Monday of next week; ``nästa fredag``: Friday of next week

Anything else raises `DueDateError` with a Swedish message.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

from .text import pattern_on_first_use

__all__ = [
    "DueDateError", "parse_due_date", "due_date_reference", "format_date_sv", "ClockTimeError", "parse_clock_time",
    "clock_time_as_typed",
    "WEEKDAYS_SV", "MONTHS_SV"]

WEEKDAYS_SV = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
MONTHS_SV = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)

EXAMPLES = "Skriv t.ex. 2031-04-08, 8/4, 8 april, imorgon, fredag eller om 2 veckor."


class DueDateError(ValueError):
    """A due date that cannot be understood; the message is Swedish, for the user."""


def _fold(text: str) -> str:
    """Lower case without diacritics: 'Övermorgon' -> 'overmorgon'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _month_names() -> dict[str, int]:
    names: dict[str, int] = {}
    for number, name in enumerate(MONTHS_SV, start=1):
        folded = _fold(name)
        names[folded] = number
        names[folded[:3]] = number
    names["sept"] = 9
    return names


def _weekday_names() -> dict[str, int]:
    names: dict[str, int] = {}
    for number, name in enumerate(WEEKDAYS_SV):
        folded = _fold(name)
        names[folded] = number
        names[folded[:3]] = number
    names["tors"] = 3
    return names


_MONTHS = _month_names()
_WEEKDAYS = _weekday_names()
_NUMBER_WORDS = {
    "en": 1, "ett": 1, "tva": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6,
    "sju": 7, "atta": 8, "nio": 9, "tio": 10, "elva": 11, "tolv": 12,
}
_RELATIVE_DAYS = {
    "idag": 0, "i dag": 0,
    "imorgon": 1, "i morgon": 1, "imorn": 1, "i morn": 1,
    "overmorgon": 2, "i overmorgon": 2,
}

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DAY_MONTH = pattern_on_first_use(r"(\d{1,2})\s*/\s*(\d{1,2})(?:\s*[-\s]\s*(\d{2}|\d{4}))?")
_DAY_NAME = pattern_on_first_use(r"(\d{1,2})(?::?e)?\s+([a-z]+)\.?(?:\s+(\d{4}))?")
_IN_N = pattern_on_first_use(r"om\s+(\w+)\s+(dag|dagar|vecka|veckor|manad|manader)")


def _days_in_month(year: int, month: int) -> int:
    # calendar.monthrange's answer without importing calendar (and locale) on every start.
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _make(year: int, month: int, day: int, typed: str) -> date:
    if not 1 <= month <= 12:
        raise DueDateError(f"Det finns ingen månad {month} (”{typed}”). {EXAMPLES}")
    last = _days_in_month(year, month)
    if day < 1:
        raise DueDateError(f"Det finns ingen dag {day} (”{typed}”). {EXAMPLES}")
    if day > last:
        raise DueDateError(
            f"{MONTHS_SV[month - 1].capitalize()} {year} har bara {last} dagar "
            f"(”{typed}”)."
        )
    return date(year, month, day)


def _day_month(day: int, month: int, year: int | None, today: date, typed: str) -> date:
    if year is not None:
        return _make(year, month, day, typed)
    # No year: the date still ahead, this year or next. 29/2 looks for the next leap year.
    for candidate_year in range(today.year, today.year + 9):
        try:
            candidate = _make(candidate_year, month, day, typed)
        except DueDateError:
            if month == 2 and day == 29:
                continue
            raise
        if candidate >= today:
            return candidate
    raise DueDateError(f"Förstår inte datumet ”{typed}”. {EXAMPLES}")  # pragma: no cover


def _full_year(two_digits: int, today: date) -> int:
    """'8/4-31' -> 2031 and, in a meeting of 1998, '8/4-99' -> 1999: the year with
    those last digits nearest the day counted from (49 years back, 50 ahead)."""
    year = today.year - today.year % 100 + two_digits
    if year < today.year - 49:
        year += 100
    elif year > today.year + 50:
        year -= 100
    return year


def _add_months(start: date, months: int) -> date:
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, _days_in_month(year, month)))


def due_date_reference(meeting_date: str | None, today: date) -> date:
    """The day a meeting's relative due dates ("fredag", "15/6") count from.

    The meeting's own date, so minutes written up afterwards get the dates meant at the
    meeting; `today` only for a meeting without a (valid) date.
    """
    try:
        return date.fromisoformat((meeting_date or "").strip())
    except ValueError:
        return today


def parse_due_date(text: str, today: date) -> date:
    """The date `text` means, seen from `today`; raises DueDateError for nonsense."""
    typed = text.strip()
    folded = re.sub(r"\s+", " ", _fold(typed)).strip().rstrip(".")
    if not folded:
        raise DueDateError("Inget datum angivet.")

    if folded in _RELATIVE_DAYS:
        return today + timedelta(days=_RELATIVE_DAYS[folded])

    if folded == "nasta vecka":
        return today + timedelta(days=7 - today.weekday())

    if folded.startswith("nasta ") and folded[6:] in _WEEKDAYS:
        # "nästa fredag": that day in next week, as "nästa vecka" is next week's Monday.
        return today + timedelta(days=7 - today.weekday() + _WEEKDAYS[folded[6:]])

    weekday_word = folded.removeprefix("pa ")
    if weekday_word in _WEEKDAYS:
        ahead = (_WEEKDAYS[weekday_word] - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead)

    match = _IN_N().fullmatch(folded)
    if match:
        count_word, unit = match.groups()
        count = int(count_word) if count_word.isdigit() else _NUMBER_WORDS.get(count_word)
        if count is None:
            raise DueDateError(f"Förstår inte antalet ”{count_word}” i ”{typed}”. {EXAMPLES}")
        if count > 1000:
            raise DueDateError(f"”{typed}” ligger för långt fram.")
        if unit.startswith("dag"):
            return today + timedelta(days=count)
        if unit.startswith("veck"):
            return today + timedelta(weeks=count)
        return _add_months(today, count)

    match = _ISO.fullmatch(folded)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return _make(year, month, day, typed)

    match = _DAY_MONTH().fullmatch(folded)
    if match:
        day, month = int(match.group(1)), int(match.group(2))
        year_text = match.group(3)
        year = None
        if year_text:
            year = int(year_text) if len(year_text) == 4 else _full_year(int(year_text), today)
        return _day_month(day, month, year, today, typed)

    match = _DAY_NAME().fullmatch(folded)
    if match:
        day, name, year_text = match.groups()
        month = _MONTHS.get(name)
        if month is None:
            raise DueDateError(f"Okänd månad ”{name}” i ”{typed}”. {EXAMPLES}")
        return _day_month(int(day), month, int(year_text) if year_text else None, today, typed)

    raise DueDateError(f"Förstår inte datumet ”{typed}”. {EXAMPLES}")


def format_date_sv(d: date) -> str:
    """'fredag 8 april 2031'."""
    return f"{WEEKDAYS_SV[d.weekday()]} {d.day} {MONTHS_SV[d.month - 1]} {d.year}"


class ClockTimeError(ValueError):
    """A time of day that cannot be understood; the message is Swedish."""


_CLOCK = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?|(\d{2})(\d{2})")


def parse_clock_time(text: str) -> str:
    """'13:30', '9:05', '9.05', '0905', '9' -> 'HH:MM'; raises ClockTimeError."""
    typed = text.strip()
    if _is_short_hhmm(typed):
        typed_as = f"{typed[0]}:{typed[1:]}"  # '915' -> 9:15; '130' stays ambiguous
        match = _CLOCK.fullmatch(typed_as)
    else:
        match = _CLOCK.fullmatch(typed)
    if not match:
        raise ClockTimeError(f"Ogiltig tid ”{typed}”: skriv TT:MM, t.ex. 13:30.")
    hour_text, minute_text = (match.group(1), match.group(2)) if match.group(1) else (
        match.group(3), match.group(4))
    hour, minute = int(hour_text), int(minute_text or 0)
    if hour > 23 or minute > 59:
        raise ClockTimeError(f"Ogiltig tid ”{typed}”: timmar 0–23 och minuter 0–59.")
    return f"{hour:02d}:{minute:02d}"


def _is_short_hhmm(typed: str) -> bool:
    """Three digits that can only mean H:MM: '915', '845' (no hour 91 or 84)."""
    return (len(typed) == 3 and typed.isascii() and typed.isdigit()
            and int(typed[:2]) > 23 and int(typed[1:]) < 60)


_CLOCK_COMPLETE = re.compile(r"\d{1,2}[:.]\d{2}|\d{4}")
_CLOCK_PARTIAL = re.compile(r"\d{1,2}(?:[:.]\d?)?|\d{3}")


def clock_time_as_typed(text: str) -> tuple[bool, str | None]:
    """(complete, 'HH:MM' or None) for a time being typed key by key.

    '13:30' -> (True, '13:30'); '' -> (True, None): no time. '13', '13:' and '13:3' are
    on the way to a time -> (False, None), so a field written as you type does not store
    '01:00' on the way to '13:30'. Anything that cannot become a time raises
    ClockTimeError. A bare hour ('9') counts once the field is left: parse_clock_time.
    """
    typed = text.strip()
    if not typed:
        return True, None
    if _CLOCK_COMPLETE.fullmatch(typed) or _is_short_hhmm(typed):
        return True, parse_clock_time(typed)
    if _CLOCK_PARTIAL.fullmatch(typed):
        if int(re.split(r"[:.]", typed)[0][:2]) > 23:
            raise ClockTimeError(f"Ogiltig tid ”{typed}”: timmar 0–23 och minuter 0–59.")
        return False, None
    return True, parse_clock_time(typed)  # raises for anything else
