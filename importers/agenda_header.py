"""An agenda's header, every part optional: a title line, a date/time line,
``Plats:``, ``Deltagare:`` (``Name (Role)`` comma separated, or one per line below),
``Frånvarande:``, ``Sekreterare:``, ``Ordförande:``, ``Beslutande``. Lines before the
first item that are none of these are kept as text (the preamble)."""

from __future__ import annotations

import re

from store.domain.attendance import split_presence
from store.domain.limits import MAX_PARTICIPANTS
from store.domain.model import Meeting, Participant

from .agenda_items import field_of
from .agenda_lines import AgendaTooLargeError, Line, split_names, strip_markup
from .agenda_title import agenda_heading_when, take_when
from .agenda_when import parse_when

_HEADER_RE = re.compile(
    r"^(plats|lokal|deltagare|närvarande|kallade|frånvarande|sekreterare|ordförande|"
    r"beslutande|datum|tid|titel|möte)(?:\s*:|(?<=beslutande)\s)\s*(.*)$",
    re.I,
)
_BARE_LABELS = {"plats", "lokal", "deltagare", "närvarande", "kallade", "frånvarande"}


def is_bare_label(line: Line) -> bool:
    """"Plats" / "Deltagare:" alone on a line, the value on the lines below."""
    return line.number is None and line.plain.rstrip(":").strip().casefold() in _BARE_LABELS


def parse_participant(entry: str) -> Participant | None:
    """``Hedda Norell (Organisatör) 14:30-15:15`` -> a participant; '' -> None."""
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


def find_title(lines: list[Line]) -> int | None:
    """The index of the title line: a Word Title, else the first line that is no
    header field, date or participant, before any numbered item."""
    for i, line in enumerate(lines):
        if line.title_style:
            return i
    in_list = False  # below "Deltagare:": names, not a title
    for i, line in enumerate(lines):
        if line.number is not None or line.letter is not None:
            return None
        plain = line.plain
        header = _HEADER_RE.match(plain)
        if header or field_of(line) is not None or is_bare_label(line):
            in_list = is_bare_label(line) or bool(header and not header.group(2).strip())
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


class Header:
    """The meeting's header fields, read line by line before the first item."""

    def __init__(self, meeting: Meeting):
        self.meeting = meeting
        self.preamble: list[str] = []  # lines not understood, kept as text
        self.pending: str | None = None  # a bare header label waiting for its value
        self.roster: dict[str, Participant] = {}

    def kind(self, line: Line) -> str | None:
        """Which header field the line is (``plats``, ``datum`` …), None for none."""
        plain = line.plain
        match = _HEADER_RE.match(plain)
        if match:
            return match.group(1).casefold()
        day, _, _, whole = parse_when(plain)
        if day and whole:
            return "datum"
        return None

    def take_line(self, line: Line, participants_open: bool) -> bool:
        """Take one header line; True while a participant list continues below."""
        plain = line.plain
        meeting = self.meeting
        if is_bare_label(line):
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

