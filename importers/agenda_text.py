"""An agenda (dagordning) from plain text or Markdown, as pasted from an email.

The text is first cut into `Line`s (indent, heading level, typed number, bullet); the
Word importer produces the same `Line`s from paragraphs, so one builder,
`build_meeting`, turns either into a meeting:

- a header, every part optional: a title line, a date/time line (``2031-02-12
  13:00-15:30``, ``onsdag 12 februari 2031 kl. 13.00``), ``Plats:``, ``Deltagare:``
  (``Name (Role)`` comma separated, or one per line below), ``Frånvarande:``,
  ``Sekreterare:``, ``Ordförande:``;
- items: typed numbers ``1.``, ``4.1``, ``4.1.``, indented numbers or letters for
  sub-items; failing numbers, Markdown headings, then bold paragraphs (Word), then list
  items, then simply every line;
- under an item: ``Föredragande: …`` and ``Tid: …`` fill those fields,
  ``Ärendebeskrivning``, ``Förslag till beslut:``, ``Anteckningar``, ``Beslut``,
  ``Bilagor:`` open sections, and every other line is a paragraph of the current section
  (the description by default).

Nothing is dropped: a line that cannot be understood is kept as text where it stands
(lines before the first item that are no header field go to a first item of their own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as Date

from store.attendance import split_presence
# An agenda longer than these is no agenda (refused, not built); minutes_reader uses them.
from store.limits import MAX_ITEMS, MAX_PARTICIPANTS  # noqa: F401 - re-exported
from store.model import Action, AgendaItem, Decision, Meeting, Participant

from .agenda_title import (
    agenda_heading_when, take_title_line, take_when, without_agenda_headings)

DEFAULT_TITLE = "Möte"
#: Deeper numbers ("1.1.1.1.1.1.1.1.1") stay at this depth: no agenda is deeper, and a
#: hostile file must not nest items until the recursion limit.
MAX_DEPTH = 8


class AgendaTooLargeError(ValueError):
    """The text holds far more items or participants than any meeting (Swedish message)."""
PREAMBLE_TITLE = "Text före dagordningen"

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4,
    "apr": 4, "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augusti": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
_WEEKDAYS = (
    "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag",
    "mån", "tis", "ons", "tors", "tor", "fre", "lör", "sön",
)
#: Header lines that only say "this is an agenda": understood, so not kept as text.
_AGENDA_WORDS = {
    "dagordning", "föredragningslista", "agenda", "ärendelista", "förslag till dagordning",
    "preliminär dagordning", "kallelse", "kallelse och dagordning",
}


@dataclass
class Line:
    """One line of an agenda, from text or from a Word paragraph."""

    text: str  # content without number/bullet/heading marks; may hold **/* markup
    indent: int = 0
    heading: int | None = None  # Markdown "#" count or Word heading level
    number: tuple[int, ...] | None = None  # typed ("4.1") or Word list numbering
    letter: str | None = None  # "a)" / "b." sub-items
    bullet: bool = False
    bold: bool = False  # Word: the whole paragraph is bold
    title_style: bool = False  # Word: the Title style
    auto_number: bool = False  # the number comes from Word's list numbering
    raw: str = ""  # the line as written, kept when the line turns out to be text
    cells: tuple[str, ...] | None = None  # Word: a table row's cells

    @property
    def plain(self) -> str:
        return strip_markup(self.text)


# -- cutting text into lines ----------------------------------------------------------

_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_NUMBER_RE = re.compile(r"^(§\s*)?(\d{1,3}(?:\.\d{1,2})*)(\.|\))?(\s+)(\S.*)$")
_LETTER_RE = re.compile(r"^([a-z])[.)]\s+(\S.*)$")
_BULLET_RE = re.compile(r"^[-*+•–]\s+(\S.*)$")
_BOLD_MARK_RE = re.compile(r"\*\*|__")
_ITALIC_MARK_RE = re.compile(r"(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")


def strip_markup(text: str) -> str:
    """The text without ``**``/``__``/``*`` markers, for titles and header fields.

    Opening and closing stars are removed one by one, not as pairs, so a long line of
    stray stars costs linear time (a paired regex would backtrack quadratically);
    ``2 * 3`` and ``a*b`` keep their stars."""
    return _ITALIC_MARK_RE.sub("", _BOLD_MARK_RE.sub("", text)).strip()


def split_number(text: str) -> tuple[tuple[int, ...] | None, str]:
    """``4.1. Titel`` / ``§ 4 Titel`` / ``4<tab>Titel`` -> ((4, 1), 'Titel'). A lone
    ``4 Titel`` is no number (too common in prose), nor is a component with a leading
    zero (``13.00 Kaffe`` is a time)."""
    match = _NUMBER_RE.match(text)
    if not match:
        return None, text
    paragraph_sign, digits, mark, gap, rest = match.groups()
    parts = digits.split(".")
    if any(p.startswith("0") for p in parts):
        return None, text
    if len(parts) == 1 and not (mark or paragraph_sign or "\t" in gap):
        return None, text
    return tuple(int(p) for p in parts), rest.replace("\t", " ")


_CELL_NUMBER_RE = re.compile(r"^(?:§\s*)?(\d{1,3}(?:\.\d{1,2})*)\.?$")


def row_line(cells: list[str]) -> Line | None:
    """A table row (Word or Markdown) as a line: ``1 | Titel | Ansvarig`` is the
    numbered line ``Titel – Ansvarig``; a row of three cells keeps its cells for an
    action table; anything else is its cells joined as text."""
    filled = [cell for cell in cells if cell]
    if not filled:
        return None
    joined = " – ".join(filled)
    match = _CELL_NUMBER_RE.match(filled[0])
    if match and len(filled) > 1:
        number = tuple(int(p) for p in match.group(1).split("."))
        if not any(p == "0" for p in match.group(1).split(".")):
            return Line(text=" – ".join(filled[1:]), number=number, raw=joined)
    if len(cells) == 3:
        return Line(text=joined, raw=joined, cells=tuple(cells))
    return Line(text=joined, raw=joined)


_TABLE_RULE_RE = re.compile(r"^\|?(\s*:?-+:?\s*\|)+\s*:?-*:?\s*$")


def lex_text(text: str) -> list[Line]:
    lines: list[Line] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        stripped = raw.rstrip()
        body = stripped.lstrip()
        if not body:
            continue
        indent = len(stripped[: len(stripped) - len(body)].expandtabs(4))
        if body.startswith("|") and body.endswith("|") and len(body) > 1:
            if _TABLE_RULE_RE.match(body):
                continue  # the |---|---| under a Markdown table header: layout only
            row = row_line([cell.strip() for cell in body[1:-1].split("|")])
            if row is not None:
                lines.append(row)
            continue
        line = Line(text=body, indent=indent, raw=body)
        heading = _HEADING_RE.match(body)
        if heading:
            line.heading = len(heading.group(1))
            body = heading.group(2)
            line.text = body
        # "**3. Budget**": a bold line is a candidate like a heading.
        bold = re.fullmatch(r"(\*\*|__)(.+?)\1:?", body)
        if bold and line.heading is None:
            line.bold = True
            body = bold.group(2).strip()
            line.text = body
        number, rest = split_number(body)
        if number is not None:
            line.number, line.text = number, rest
        elif line.heading is None:
            letter = _LETTER_RE.match(body)
            bullet = _BULLET_RE.match(body)
            if letter and indent > 0:
                line.letter, line.text = letter.group(1), letter.group(2)
            elif bullet:
                line.bullet, line.text = True, bullet.group(1)
                # "- 1. Titel" (a Markdown list of numbered items)
                number, rest = split_number(line.text)
                if number is not None:
                    line.bullet, line.number, line.text = False, number, rest
        lines.append(line)
    return lines


def parse_agenda_text(text: str, *, today: Date | None = None) -> tuple[Meeting, list[str]]:
    """A meeting and notes for the summary (e.g. that the date was not found)."""
    return build_meeting(lex_text(text), today=today)


# -- dates, times, names ---------------------------------------------------------------

_TIME = r"(?:kl\.?\s*)?([01]?\d|2[0-3])[:.]([0-5]\d)"
_TIME_RE = re.compile(_TIME)
_RANGE_RE = re.compile(_TIME + r"\s*(?:-|–|—|till|to)\s*" + _TIME)
_ISO_DATE_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NAMED_DATE_RE = re.compile(r"(\d{1,2})(?:\s*:e|\s*:a)?\s+([a-zåäö]+)\.?\s+(\d{4})", re.I)
_SLASH_DATE_RE = re.compile(r"(\d{1,2})/(\d{1,2})[\s-]+(\d{4})")
_FILLER_RE = re.compile(
    r"\b(?:datum|tid|den|klockan|kl|från|mellan|och|till|" + "|".join(_WEEKDAYS) + r")\b\.?",
    re.I,
)


def parse_time(text: str) -> str | None:
    match = _TIME_RE.search(text)
    if not match:
        return None
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def parse_times(text: str) -> tuple[str | None, str | None]:
    match = _RANGE_RE.search(text)
    if match:
        h1, m1, h2, m2 = match.groups()
        return f"{int(h1):02d}:{m1}", f"{int(h2):02d}:{m2}"
    return parse_time(text), None


def _find_date(text: str) -> tuple[str | None, str]:
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
    day, rest = _find_date(text)
    start, end = parse_times(rest)
    leftover = _RANGE_RE.sub(" ", rest)
    leftover = _TIME_RE.sub(" ", leftover)
    leftover = _FILLER_RE.sub(" ", leftover)
    leftover = re.sub(r"[\s,.:;()\-–—*_#]+", "", leftover)
    return day, start, end, not leftover


def parse_participant(entry: str) -> Participant | None:
    """``Anna Ek (Organisatör) 14:30-15:15`` -> a participant; '' -> None."""
    entry = strip_markup(entry.strip().rstrip(".").strip())
    if not entry:
        return None
    entry, intervals = split_presence(entry)
    role = ""
    match = re.search(r"\s*\(([^()]*)\)\s*$", entry)
    if match:
        role = strip_markup(match.group(1)).strip("*_ ")
        entry = entry[: match.start()].rstrip()
    if not entry:
        return None
    participant = Participant(entry, role=role, intervals=intervals)
    if role.casefold() in ("beslutande", "ledamot"):
        participant.decision_maker = True
        participant.role = ""
    return participant


def split_names(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,;]", text) if part.strip()]


# -- the builder --------------------------------------------------------------------------

_FIELD_RE = re.compile(
    r"^(föredragande|ansvarig föredragande|tid|ärendebeskrivning|bakgrund|"
    r"förslag till beslut|anteckningar|beslut|bilagor|bilaga|åtgärder)\s*(?::\s*(.*)|)$",
    re.I,
)
_HEADER_RE = re.compile(
    r"^(plats|lokal|deltagare|närvarande|kallade|frånvarande|sekreterare|ordförande|"
    r"beslutande|datum|tid|titel|möte)(?:\s*:|(?<=beslutande)\s)\s*(.*)$",
    re.I,
)
_HHMM = r"([01]?\d|2[0-3])[.:]([0-5]\d)"
_OTHER_HHMM = r"(?:[01]?\d|2[0-3])[.:][0-5]\d"
#: A schedule-style title: "09.00 Mötet öppnas", "09.00–09.15 Mötet öppnas".
_LEADING_TIME_RE = re.compile(
    r"^(?:kl\.?\s*)?" + _HHMM + r"(?:\s*[-–]\s*" + _OTHER_HHMM + r")?\s+(?=\S)"
)
#: "Budget, kl. 14.00" (only with "kl": a bare range may be part of the title).
_TRAILING_TIME_RE = re.compile(
    r",?\s*\(?(?:kl\.?|klockan)\s*" + _HHMM + r"(?:\s*[-–]\s*" + _OTHER_HHMM + r")?\)?\s*$",
    re.I,
)
_BARE_LABELS = {"plats", "lokal", "deltagare", "närvarande", "kallade", "frånvarande"}
_SECTION_OF = {
    "ärendebeskrivning": "background",
    "bakgrund": "background",
    "förslag till beslut": "proposal",
    "anteckningar": "notes",
    "beslut": "decisions",
    "bilagor": "attachments",
    "bilaga": "attachments",
    "åtgärder": "actions",
}


def _field(line: Line) -> tuple[str, str] | None:
    if line.number is not None or line.letter is not None:
        return None
    # The raw text first, so markup in the value (**planen**) survives.
    match = _FIELD_RE.match(line.text.strip()) or _FIELD_RE.match(line.plain)
    if not match:
        return None
    name, value = match.group(1).casefold(), (match.group(2) or "").strip()
    # "Beslut" / "Tid" as a bare word are labels only when nothing else is on the line
    # or a colon was written.
    if match.group(2) is None and name in ("föredragande", "tid"):
        return None
    return name, value


def _is_bare_label(line: Line) -> bool:
    """"Plats" / "Deltagare:" alone on a line, the value on the lines below."""
    return line.number is None and line.plain.rstrip(":").strip().casefold() in _BARE_LABELS


@dataclass
class _Open:
    item: AgendaItem
    depth: int
    indent: int
    number: tuple[int, ...] | None
    section: str = "description"
    last_child: int = 0  # last typed number or letter index among its children
    parts: dict[str, list[str]] = field(default_factory=dict)


class _Builder:
    def __init__(self, lines: list[Line], today: Date | None):
        self.lines = lines
        self.today = today or Date.today()
        self.notes: list[str] = []
        self.meeting = Meeting(title="", date="")
        self.preamble: list[str] = []
        self.stack: list[_Open] = []
        self.opened: list[_Open] = []
        self.last_top: int = 0
        self.pending: str | None = None  # a bare header label waiting for its value
        self.roster: dict[str, Participant] = {}

    # which lines are items ------------------------------------------------------

    def choose_mode(self, body: list[Line]) -> str:
        if any(line.number is not None for line in body):
            return "numbered"
        if any(line.heading is not None and _field(line) is None for line in body):
            return "headings"
        if any(line.bold and _field(line) is None and not _is_bare_label(line) for line in body):
            return "bold"
        if any(line.bullet for line in body):
            return "bullets"
        return "lines"

    def run(self) -> tuple[Meeting, list[str]]:
        lines = [line for line in self.lines if line.text.strip() or line.number]
        title_index = self.find_title(lines)
        if title_index is not None:  # a date on it is the meeting's (agenda_title.py)
            self.meeting.title = take_title_line(self.meeting, lines[title_index].plain)
        rest = without_agenda_headings(
            self.meeting, [line for i, line in enumerate(lines) if i != title_index])
        self.mode = self.choose_mode(rest)
        if self.mode == "headings":
            levels = [l.heading for l in rest if l.heading is not None and _field(l) is None]
            self.base_heading = min(levels)
        if self.mode == "bullets":
            self.bullet_indents = sorted({l.indent for l in rest if l.bullet})
        in_header = True
        participants_open = False
        for line in rest:
            if in_header:
                if self.is_item(line, header=True):
                    in_header = False
                    continue
                else:
                    participants_open = self.header_line(line, participants_open)
                    continue
            if self.is_item(line):
                continue
            self.body_line(line)
        self.finish()
        return self.meeting, self.notes

    def find_title(self, lines: list[Line]) -> int | None:
        for i, line in enumerate(lines):
            if line.title_style:
                return i
        in_list = False  # below "Deltagare:": names, not a title
        for i, line in enumerate(lines):
            if line.number is not None or line.letter is not None:
                return None
            plain = line.plain
            header = _HEADER_RE.match(plain)
            if header or _field(line) is not None or _is_bare_label(line):
                in_list = _is_bare_label(line) or bool(header and not header.group(2).strip())
                continue
            if line.bullet or (in_list and line.heading is None):
                continue
            if parse_when(plain)[3] and parse_when(plain)[0]:
                continue
            if agenda_heading_when(plain) is not None:
                continue
            if line.heading is not None:
                # A heading is the title only when no other heading is as big.
                others = [l for l in lines[i + 1 :] if l.heading is not None]
                if any(l.heading <= line.heading for l in others):
                    return None
            return i
        return None

    def is_item(self, line: Line, header: bool = False) -> bool:
        """Open an item for the line if it is one; False leaves it to the caller."""
        if _field(line) is not None or (header and _is_bare_label(line)):
            return False
        if self.mode == "numbered":
            return self.numbered_item(line)
        if self.mode == "headings":
            if line.heading is None:
                return False
            depth = line.heading - self.base_heading + 1
            self.open_item(line.plain, depth, line.indent, None)
            return True
        if self.mode == "bold":
            if not line.bold or len(line.plain) > 150:
                return False
            self.open_item(line.plain, 1, 0, None)
            return True
        if self.mode == "bullets":
            if not line.bullet:
                return False
            depth = self.bullet_indents.index(line.indent) + 1
            self.open_item(line.plain, depth, line.indent, None)
            return True
        # "lines": every line not understood as a header field is an item.
        if header and self.header_kind(line) is not None:
            return False
        if header and agenda_heading_when(line.plain) is not None:
            return False
        if line.bullet or line.indent > 0:
            return False if self.stack else self._open_plain(line)
        return self._open_plain(line)

    def _open_plain(self, line: Line) -> bool:
        self.open_item(line.plain, 1, line.indent, None)
        return True

    def numbered_item(self, line: Line) -> bool:
        number = line.number
        if number is not None and len(number) > 1:
            depth = len(number)
            parent = self.open_at(depth - 1)
            if parent is None or (
                not line.auto_number
                and parent.number is not None
                and parent.number != number[:-1]
            ):
                return False
            self.open_item(line.plain, depth, line.indent, number)
            return True
        if number is not None:
            n = number[0]
            # Indented deeper than the current item: a sub-item numbered from 1.
            parent = self.indent_parent(line.indent)
            if parent is not None:
                self.open_item(line.plain, parent.depth + 1, line.indent, None, index=n)
                return True
            if not self.opened or n > self.last_top or line.auto_number:
                self.last_top = n
                self.open_item(line.plain, 1, line.indent, number)
                return True
            return False
        if line.letter is not None and self.stack:
            index = ord(line.letter) - ord("a") + 1
            parent = self.indent_parent(line.indent) or self.stack[0]
            if index == 1 or index == parent.last_child + 1:
                self.open_item(line.plain, parent.depth + 1, line.indent, None, index=index)
                return True
        return False

    def open_at(self, depth: int) -> _Open | None:
        for open_ in reversed(self.stack):
            if open_.depth == depth:
                return open_
        return None

    def indent_parent(self, indent: int) -> _Open | None:
        for open_ in reversed(self.stack):
            if open_.indent < indent:
                return open_
        return None

    def open_item(
        self, title: str, depth: int, indent: int, number, *, index: int | None = None
    ) -> None:
        title = title.strip() or "(utan rubrik)"
        presenter = ""
        match = re.search(r"\s*[-–,]?\s*Föredragande:\s*(.+)$", title, re.I)
        if match and match.start() > 0:
            presenter, title = match.group(1).strip(), title[: match.start()].strip()
        time = None
        match = _LEADING_TIME_RE.match(title) or _TRAILING_TIME_RE.search(title)
        if match and match.group(0).strip() != title.strip():
            time = f"{int(match.group(1)):02d}:{match.group(2)}"
            title = (title[: match.start()] + title[match.end() :]).strip()
        if len(self.opened) >= MAX_ITEMS:
            raise AgendaTooLargeError(
                f"Filen ger fler än {MAX_ITEMS} punkter och ser inte ut som en dagordning."
            )
        item = AgendaItem(title=title, presenter=presenter, time=time)
        depth = min(depth, MAX_DEPTH)
        while self.stack and self.stack[-1].depth >= depth:
            self.stack.pop()
        depth = min(depth, len(self.stack) + 1)
        if self.stack:
            parent = self.stack[-1]
            parent.item.items.append(item)
            parent.last_child = index if index is not None else (
                number[-1] if number else parent.last_child + 1
            )
        else:
            self.meeting.items.append(item)
        open_ = _Open(item, depth, indent, number)
        self.stack.append(open_)
        self.opened.append(open_)

    # the header ---------------------------------------------------------------------

    def header_kind(self, line: Line) -> str | None:
        plain = line.plain
        match = _HEADER_RE.match(plain)
        if match:
            return match.group(1).casefold()
        day, _, _, whole = parse_when(plain)
        if day and whole:
            return "datum"
        return None

    def header_line(self, line: Line, participants_open: bool) -> bool:
        """Take one header line; True while a participant list continues below."""
        plain = line.plain
        meeting = self.meeting
        if _is_bare_label(line):
            bare = plain.rstrip(":").strip().casefold()
            # A label on a line of its own ("Plats", then the place below it); a
            # participant list may take several lines.
            if bare in ("deltagare", "närvarande", "kallade"):
                self.pending = None
                return True
            self.pending = bare
            return False
        if self.pending is not None and not participants_open:
            pending, self.pending = self.pending, None
            if not _HEADER_RE.match(plain):
                plain = f"{pending}: {plain}"
        match = _HEADER_RE.match(plain)
        if match:
            key, value = match.group(1).casefold(), match.group(2).strip()
            if key in ("plats", "lokal"):
                meeting.place = value
            elif key in ("deltagare", "närvarande", "kallade"):
                self.add_participants(value)
                return not value
            elif key == "frånvarande":
                for name in split_names(value):
                    p = parse_participant(name)
                    if p:
                        p.absent = True
                        self.add_participant(p)
            elif key in ("sekreterare", "ordförande"):
                for name in split_names(value):
                    p = parse_participant(name)
                    if p:
                        p.role = p.role or key.capitalize()
                        self.add_participant(p)
            elif key == "beslutande":
                for name in split_names(value):
                    p = parse_participant(name)
                    if p:
                        p.decision_maker = True
                        self.add_participant(p)
            elif key in ("datum", "tid"):
                if not self.take_when(value):
                    self.preamble.append(line.raw or plain)
            elif key in ("titel", "möte"):
                if meeting.title:
                    self.preamble.append(line.raw or plain)
                else:
                    meeting.title = value
            return False
        if self.take_when(plain, whole_only=True):
            return False
        if participants_open and (line.bullet or line.indent or "," in plain or "(" in plain):
            self.add_participants(plain)
            return True
        if participants_open and line.heading is None and len(plain) < 80:
            self.add_participants(plain)
            return True
        if (when := agenda_heading_when(plain)) is not None:
            take_when(meeting, *when)
            return False
        self.preamble.append(line.raw or plain)
        return False

    def take_when(self, text: str, whole_only: bool = False) -> bool:
        day, start, end, whole = parse_when(text)
        if whole_only and not (whole and (day or start)):
            return False
        if not (day or start):
            return False
        if day and not self.meeting.date:
            self.meeting.date = day
        if start and not self.meeting.start:
            self.meeting.start, self.meeting.end = start, end
        return True

    def add_participants(self, text: str) -> None:
        for entry in split_names(text):
            p = parse_participant(entry)
            if p:
                self.add_participant(p)

    def add_participant(self, new: Participant) -> None:
        # An index, not Meeting.find_participant: a pasted roster may be very long.
        key = new.name.casefold()
        old = self.roster.get(key)
        if old is None:
            if len(self.roster) >= MAX_PARTICIPANTS:
                raise AgendaTooLargeError(
                    f"Filen ger fler än {MAX_PARTICIPANTS} deltagare och ser inte ut som "
                    "en dagordning."
                )
            self.roster[key] = new
            self.meeting.participants.append(new)
            return
        old.role = old.role or new.role
        old.decision_maker = old.decision_maker or new.decision_maker
        old.absent = old.absent or new.absent

    # an item's body --------------------------------------------------------------------

    def body_line(self, line: Line) -> None:
        current = self.stack[-1]
        item = current.item
        found = _field(line)
        text = line.text.strip()
        if line.number is not None or line.letter is not None:
            text = line.raw or text  # a number that opened nothing is part of the text
        elif line.bullet:
            text = f"- {text}"
        elif line.heading is not None:
            text = line.plain
        if found is not None:
            name, value = found
            if name in ("föredragande", "ansvarig föredragande"):
                presenter, time = value, None
                match = re.search(r"\s*Tid:\s*(.+)$", value, re.I)
                if match:
                    presenter, time = value[: match.start()].strip(), parse_time(match.group(1))
                if presenter:
                    item.presenter = (
                        f"{item.presenter}, {presenter}" if item.presenter else presenter
                    )
                if time:
                    item.time = time
                if match and not time:
                    current.parts.setdefault(current.section, []).append(line.raw or text)
                return
            if name == "tid":
                time = parse_time(value)
                if time and not item.time:
                    item.time = time
                else:
                    current.parts.setdefault(current.section, []).append(line.raw or text)
                return
            current.section = _SECTION_OF[name]
            if value:
                current.parts.setdefault(current.section, []).append(value)
            return
        if current.section == "actions" and line.cells and len(line.cells) == 3 and line.cells[0]:
            # An action table as in our minutes: action, due date, owner.
            action_text, due, owner = (cell.strip() for cell in line.cells)
            due_iso = _find_date(due)[0]
            if due and due.casefold() != "ej angivet" and due_iso is None:
                action_text += f" (förfallodag: {due})"  # kept, not understood
            item.actions.append(
                Action(
                    action_text,
                    due=due_iso,
                    owner=None if owner.casefold() in ("", "ej angivet") else owner,
                )
            )
            return
        current.parts.setdefault(current.section, []).append(text)

    def finish(self) -> None:
        meeting = self.meeting
        for open_ in self.opened:
            item, parts = open_.item, open_.parts
            item.description = "\n".join(parts.get("description", []))
            item.background = "\n".join(parts.get("background", []))
            item.proposal = "\n".join(parts.get("proposal", []))
            item.notes = "\n".join(parts.get("notes", []))
            for text in parts.get("decisions", []):
                item.decisions.append(Decision(_unbullet(text)))
            item.actions.extend(_actions_from_lines(parts.get("actions", [])))
            for text in parts.get("attachments", []):
                item.attachments.extend(split_names(_unbullet(text)))
        if self.preamble:
            meeting.items.insert(
                0, AgendaItem(PREAMBLE_TITLE, description="\n".join(self.preamble))
            )
            self.notes.append(
                f"{len(self.preamble)} rad(er) före dagordningen kunde inte tolkas och "
                f"ligger som text i punkten ”{PREAMBLE_TITLE}”"
            )
        if not meeting.title:
            meeting.title = DEFAULT_TITLE
            self.notes.append(f"ingen rubrik hittades, mötet heter ”{DEFAULT_TITLE}”")
        if not meeting.date:
            meeting.date = self.today.isoformat()
            self.notes.append(f"inget datum hittades, dagens datum ({meeting.date}) används")
        if not meeting.items:
            self.notes.append("inga punkter hittades")


_NOT_GIVEN = "ej angivet"
_DUE_OWNER_RE = re.compile(r"^(\d{4}-\d{2}-\d{2}|ej angivet)(?:\s{2,}|\t)(.+)$", re.I)


def _due(text: str) -> str | None | bool:
    """An ISO date, None for "Ej angivet", False when the text is neither."""
    text = text.strip()
    if text.casefold() == _NOT_GIVEN:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) and _find_date(text)[0]:
        return text
    return False


def _actions_from_lines(lines: list[str]) -> list[Action]:
    """Action lines as text extracted from minutes gives them: the table's cells one a
    line (action, due date or "Ej angivet", owner), or a due date and owner on one line
    after the action; anything else is one action per line."""
    actions: list[Action] = []
    i = 0
    while i < len(lines):
        text = _unbullet(lines[i])
        following = lines[i + 1].strip() if i + 1 < len(lines) else ""
        pair = _DUE_OWNER_RE.match(following)
        if pair:
            owner = pair.group(2).strip()
            actions.append(Action(text, due=_due(pair.group(1)) or None,
                                  owner=None if owner.casefold() == _NOT_GIVEN else owner))
            i += 2
            continue
        if i + 2 < len(lines) and _due(following) is not False:
            owner = lines[i + 2].strip()
            actions.append(Action(text, due=_due(following) or None,
                                  owner=None if owner.casefold() == _NOT_GIVEN else owner))
            i += 3
            continue
        actions.append(Action(text))
        i += 1
    return actions


def _unbullet(text: str) -> str:
    return text[2:].strip() if text.startswith("- ") else text.strip()


def build_meeting(lines: list[Line], *, today: Date | None = None) -> tuple[Meeting, list[str]]:
    return _Builder(lines, today).run()
