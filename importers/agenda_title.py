"""A date on an agenda's title line is the meeting's date.

``Dagordning 2026-12-03``, ``Kallelse och dagordning 3 december 2026 kl 13.00``,
``Styrelsemöte Brf Lönnen – onsdag 3 december 2026, kl. 18.30``: the date (and a time
next to it) are taken for the meeting, and the rest is the title — or, when the rest
only says "this is an agenda", the line is understood as such and is no title.
"""

from __future__ import annotations

from .agenda_when import RANGE_RE, TIME_RE, find_date, parse_times

#: Header lines that only say "this is an agenda": understood, so not kept as text.
AGENDA_WORDS = {
    "dagordning", "föredragningslista", "agenda", "ärendelista", "förslag till dagordning",
    "preliminär dagordning", "kallelse", "kallelse och dagordning",
}
# Words that only frame a date ("den", a weekday, "kl") and punctuation, left at the end
# of the title once the date and time are taken out. Token by token, not one regex: a
# long run of punctuation must not make a regex backtrack.
_FRAME_WORDS = {
    "den", "klockan", "kl", "datum", "tid", "måndag", "tisdag", "onsdag", "torsdag",
    "fredag", "lördag", "söndag", "mån", "tis", "ons", "tors", "tor", "fre", "lör", "sön",
}
_PUNCTUATION = ",.:;()[]-–—"


def _without_frame(text: str) -> str:
    words = text.split()
    while words and (
        not words[-1].strip(_PUNCTUATION)
        or words[-1].strip(_PUNCTUATION).casefold() in _FRAME_WORDS
    ):
        words.pop()
    while words and not words[0].strip(_PUNCTUATION):
        words.pop(0)
    if words:
        words[-1] = words[-1].rstrip(",.:;-–—(")
    return " ".join(words)


def split_title_when(text: str) -> tuple[str, str | None, str | None, str | None]:
    """(title, date, start, end) of a title line; the date and times are None, and the
    title is the text unchanged, when the line holds no date."""
    day, rest = find_date(text)
    if day is None:
        return text, None, None, None
    start, end = parse_times(rest)
    if end:
        rest = RANGE_RE.sub(" ", rest, count=1)
    elif start:
        rest = TIME_RE.sub(" ", rest, count=1)
    return _without_frame(rest), day, start, end


def agenda_heading_when(text: str) -> tuple[str | None, str | None, str | None] | None:
    """For a line that only says "this is an agenda", maybe with a date and time:
    (date, start, end), Nones when there is none. None for any other line."""
    title, day, start, end = split_title_when(text)
    if title.casefold().rstrip(":").strip() in AGENDA_WORDS:
        return day, start, end
    return None


def take_when(meeting, day: str | None, start: str | None, end: str | None) -> None:
    """The title line's date and time for the meeting, unless already known."""
    if day and not meeting.date:
        meeting.date = day
    if start and not meeting.start:
        meeting.start, meeting.end = start, end


def take_title_line(meeting, text: str) -> str:
    """The title of a title line, its date and time given to the meeting."""
    title, day, start, end = split_title_when(text)
    take_when(meeting, day, start, end)
    return title


def without_agenda_headings(meeting, lines: list) -> list:
    """The lines without Markdown headings and bold lines that only say "agenda" (maybe
    with a date, taken for the meeting) before the first line that could be an item:
    ``# Dagordning 2026-12-03`` above ``## Öppning`` is no item of its own."""
    out = []
    candidate_seen = False
    for line in lines:
        framing = line.heading is not None or line.bold
        if framing and not candidate_seen and line.number is None:
            when = agenda_heading_when(line.plain)
            if when is not None:
                take_when(meeting, *when)
                continue
        candidate_seen = candidate_seen or framing or line.bullet or line.number is not None
        out.append(line)
    return out
