"""The front of a mötesbok: the body, date, time and place, and the agenda list.

The agenda gives the order of the ärenden, their numbers (``181/24``) and titles, grouped
under headings (``Beslutsärenden``, ``Till KS/KF``, ``Information``). A title that runs
over two lines is joined again; a ``Dnr`` line under an entry is its diarienummer.
Everything else in front of the first tjänsteskrivelse is returned as `loose` text, to
be shown to the secretary, never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .agenda_table_header import is_table_header
from .agenda_when import find_date, parse_times, parse_when
from .motesbok_labels import (
    bare_registration_number,
    case_number_line,
    numbered_line,
    paragraph_prefix,
    registration_number,
)

_BODY_RE = re.compile(
    r"(styrelse|nämnd|utskott|fullmäktige|beredning|direktion|förbund|\brådet?\b)", re.I
)
_BODY_PREFIX_RE = re.compile(r"^(?:kallelse(?:\s+till)?|sammanträde\s+med|möte\s+med)\s+", re.I)
_PLACE_RE = re.compile(r"^\s*(?:plats|lokal|sammanträdeslokal)\s*:?\s*(.*)$", re.I)
_WHEN_RE = re.compile(r"^\s*(?:tid|datum|sammanträdesdatum|dag och tid|tidpunkt)\b", re.I)
#: Lines of the front that are the document's own headings: placed, not loose.
_FRONT_WORDS = {
    "kallelse", "föredragningslista", "ärendelista", "dagordning", "ärenden",
    "kallelse och föredragningslista", "kallelse/föredragningslista", "föredragningslista:",
}
_SECTION_WORDS_RE = re.compile(
    r"(ärenden|information|beslut|till ks|till kf|anmälan|anmälningar|delegation|övrig|"
    r"rapporter|val\b|meddelanden|redovisning)",
    re.I,
)
_CONNECTORS = ("och", "samt", "för", "i", "av", "till", "med", "om", "på", "vid", "inom")


@dataclass
class AgendaEntry:
    section: str
    case_number: str
    title: str
    registration_number: str = ""
    #: The § the agenda gives it (``§ 41 …``), if any.
    paragraph: int | None = None


@dataclass
class Front:
    body: str = ""
    date: str | None = None
    start: str | None = None
    end: str | None = None
    place: str = ""
    entries: list[AgendaEntry] = field(default_factory=list)
    loose: list[str] = field(default_factory=list)


def body_name(line: str) -> str | None:
    """The body's name on a line (a page header may add ``KALLELSE`` and a date)."""
    for part in re.split(r"\s{2,}|\t|\s\|\s", line.strip()):
        part = _BODY_PREFIX_RE.sub("", part.strip()).strip(" ,:")
        if _BODY_RE.search(part) and not re.search(r"\d", part) and 3 <= len(part) <= 90:
            return part
    return None


def _header_field(front: Front, line: str, following: str | None) -> bool:
    """Fill a header field from the line; True when the line was one."""
    text = line.strip()
    if text.casefold().rstrip(":") in _FRONT_WORDS:
        return True
    place = _PLACE_RE.match(text)
    if place:
        if not front.place:
            front.place = place.group(1).strip() or (following or "").strip()
        return True
    if _WHEN_RE.match(text) or (front.date is None and find_date(text)[0] and len(text) < 60):
        day, rest = find_date(text)
        if day is None and not _WHEN_RE.match(text):
            return False
        front.date = front.date or day
        start, end = parse_times(rest)
        front.start, front.end = front.start or start, front.end or end
        label = _WHEN_RE.match(text)
        if not parse_when(text[label.end():] if label else text)[3]:
            front.loose.append(text)  # more than the time on the line: kept in sight
        return True
    if not front.body and body_name(text):
        front.body = body_name(text) or ""
        return True
    return False


def _looks_section(line: str) -> bool:
    text = line.strip()
    if _SECTION_WORDS_RE.search(text) and len(text) <= 50:
        return True
    return len(text) <= 40 and not re.search(r"[\d.;]", text) and text[:1].isupper()


def _continues(title: str, line: str) -> bool:
    text = line.strip()
    if not text:
        return False
    last = title.rstrip().split()[-1].casefold() if title.strip() else ""
    return text[0].islower() or title.rstrip().endswith(("-", ",", ":", "&")) or last in _CONNECTORS


def _split_cells(entry: AgendaEntry) -> None:
    """An agenda table's row (cells joined by `` | ``): a cell holding only a
    diarienummer is the entry's, the other cells are its title."""
    cells = [cell.strip() for cell in entry.title.split(" | ")]
    if len(cells) < 2:
        return
    title = []
    for cell in cells:
        dnr = bare_registration_number(cell)
        if dnr and not entry.registration_number:
            entry.registration_number = dnr
        elif cell:
            title.append(cell)
    entry.title = " ".join(title)


def read_front(
    lines: list[str], first_page_raw: list[str], *, wrap_width: int | None = None
) -> Front:
    """The header fields and agenda entries from the lines before the first
    tjänsteskrivelse; header fields the text lacks are looked for on the first page as
    printed (its page header, which the furniture filter took out). With `wrap_width`
    (a PDF's longest line), an entry line about that long was wrapped: the next line
    continues its title unless it is a known section heading."""
    front = Front()
    by_case = any(case_number_line(line) for line in lines)
    section = ""
    pending_section: str | None = None
    last: AgendaEntry | None = None
    previous = ""
    for index, line in enumerate(lines):
        text = line.strip()
        if not text or is_table_header(text):
            continue  # an agenda table's header row names columns: no text to keep
        before, previous = previous, text  # the line above, for a wrapped title
        found = case_number_line(text) if by_case else numbered_line(text)
        if found:
            number, title = found
            if pending_section is not None:
                section, pending_section = pending_section, None
            last = AgendaEntry(section, number if by_case else "", title,
                               paragraph=paragraph_prefix(text))
            _split_cells(last)
            front.entries.append(last)
            continue
        dnr = registration_number(text)
        if dnr and last is not None and not last.registration_number:
            last.registration_number = dnr
            continue
        if front.entries or pending_section is not None:
            wrapped = (
                wrap_width is not None
                and len(before) >= 0.75 * wrap_width
                and not _SECTION_WORDS_RE.search(text)
            )
            if last is not None and pending_section is None and (
                wrapped or _continues(last.title, text)
            ):
                last.title = f"{last.title} {text}".strip()
                continue
            if _looks_section(text):
                if pending_section is not None:
                    front.loose.append(pending_section)
                pending_section = text.rstrip(":")
                last = None
                continue
            front.loose.append(text)
            last = None
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        if _header_field(front, text, following):
            if _PLACE_RE.match(text) and not _PLACE_RE.match(text).group(1).strip():
                lines[index + 1] = ""  # the place stood on the next line: taken
            continue
        if _SECTION_WORDS_RE.search(text) and _looks_section(text):
            pending_section = text.rstrip(":")
            continue
        front.loose.append(text)
    if pending_section is not None:
        front.loose.append(pending_section)
    for line in first_page_raw:
        if front.body and front.date:
            break
        if not front.body:
            front.body = body_name(line) or ""
        if front.date is None:
            front.date = find_date(line)[0]
    return front
