"""Dates and times as agendas write them: ``2031-02-12 13:00-15:30``, ``onsdag 12
februari 2031 kl. 13.00``, ``12/2 2031``."""

from __future__ import annotations

import re
from datetime import date as Date

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4,
    "apr": 4, "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augusti": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = (
    "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag",
    "mån", "tis", "ons", "tors", "tor", "fre", "lör", "sön",
)

_TIME = r"(?:kl\.?\s*)?([01]?\d|2[0-3])[:.]([0-5]\d)"
TIME_RE = re.compile(_TIME)
RANGE_RE = re.compile(_TIME + r"\s*(?:-|–|—|till|to)\s*" + _TIME)
_ISO_DATE_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NAMED_DATE_RE = re.compile(r"(\d{1,2})(?:\s*:e|\s*:a)?\s+([a-zåäö]+)\.?\s+(\d{4})", re.I)
_SLASH_DATE_RE = re.compile(r"(\d{1,2})/(\d{1,2})[\s-]+(\d{4})")
_FILLER_RE = re.compile(
    r"\b(?:datum|tid|den|klockan|kl|från|mellan|och|till|" + "|".join(WEEKDAYS) + r")\b\.?",
    re.I,
)


def parse_time(text: str) -> str | None:
    match = TIME_RE.search(text)
    if not match:
        return None
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def parse_times(text: str) -> tuple[str | None, str | None]:
    match = RANGE_RE.search(text)
    if match:
        h1, m1, h2, m2 = match.groups()
        return f"{int(h1):02d}:{m1}", f"{int(h2):02d}:{m2}"
    return parse_time(text), None


def find_date(text: str) -> tuple[str | None, str]:
    """(ISO date, text without the date) for the first date in the text."""
    for regex in (_ISO_DATE_RE, _NAMED_DATE_RE, _SLASH_DATE_RE):
        for match in regex.finditer(text):
            try:
                if regex is _ISO_DATE_RE:
                    y, m, d = (int(g) for g in match.groups())
                elif regex is _NAMED_DATE_RE:
                    month = MONTHS.get(match.group(2).casefold())
                    if month is None:
                        continue
                    d, m, y = int(match.group(1)), month, int(match.group(3))
                else:
                    d, m, y = (int(g) for g in match.groups())
                iso = Date(y, m, d).isoformat()
            except ValueError:
                continue
            return iso, text[: match.start()] + " " + text[match.end() :]
    return None, text


def parse_when(text: str) -> tuple[str | None, str | None, str | None, bool]:
    """(date, start, end, whole) where `whole` says the line held nothing else."""
    day, rest = find_date(text)
    start, end = parse_times(rest)
    leftover = RANGE_RE.sub(" ", rest)
    leftover = TIME_RE.sub(" ", leftover)
    leftover = _FILLER_RE.sub(" ", leftover)
    leftover = re.sub(r"[\s,.:;()\-–—*_#]+", "", leftover)
    return day, start, end, not leftover

