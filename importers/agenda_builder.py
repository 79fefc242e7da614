"""One builder turns `Line`s, from text (agenda_lines.py) or Word (agenda_docx.py),
into a meeting. Items are told by the strongest mark present: typed numbers ``1.``,
``4.1``, indented numbers or letters for sub-items; failing numbers, Markdown headings,
then bold paragraphs (Word), then list items, then simply every line. Nothing is
dropped: a line that cannot be understood is kept as text where it stands.
"""

from __future__ import annotations

import re
from datetime import date as Date

from store.domain.limits import MAX_ITEMS
from store.domain.model import AgendaItem, Meeting

from .agenda_header import Header, find_title, is_bare_label
from .agenda_items import OpenItem, body_line, field_of, fill_item
from .agenda_lines import AgendaTooLargeError, Line
from .agenda_title import agenda_heading_when, take_title_line, without_agenda_headings

DEFAULT_TITLE = "Möte"
#: Deeper numbers ("1.1.1.1.1.1.1.1.1") stay at this depth: no agenda is deeper, and a
#: hostile file must not nest items until the recursion limit.
MAX_DEPTH = 8
PREAMBLE_TITLE = "Text före dagordningen"

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


class _Builder:
    """Decides which lines are items (by the strongest kind of mark present), then
    reads the header before the first item and the body under each."""

    def __init__(self, lines: list[Line], today: Date | None):
        self.lines = lines
        self.today = today or Date.today()
        self.notes: list[str] = []
        self.meeting = Meeting(title="", date="")
        self.header = Header(self.meeting)
        self.stack: list[OpenItem] = []
        self.opened: list[OpenItem] = []
        self.last_top: int = 0

    # which lines are items ------------------------------------------------------

    def choose_mode(self, body: list[Line]) -> str:
        if any(line.number is not None for line in body):
            return "numbered"
        if any(line.heading is not None and field_of(line) is None for line in body):
            return "headings"
        if any(line.bold and field_of(line) is None and not is_bare_label(line) for line in body):
            return "bold"
        if any(line.bullet for line in body):
            return "bullets"
        return "lines"

    def run(self) -> tuple[Meeting, list[str]]:
        lines = [line for line in self.lines if line.text.strip() or line.number]
        title_index = find_title(lines)
        if title_index is not None:  # a date on it is the meeting's (agenda_title.py)
            self.meeting.title = take_title_line(self.meeting, lines[title_index].plain)
        rest = without_agenda_headings(
            self.meeting, [line for i, line in enumerate(lines) if i != title_index])
        self.mode = self.choose_mode(rest)
        if self.mode == "headings":
            levels = [l.heading for l in rest if l.heading is not None and field_of(l) is None]
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
                    participants_open = self.header.take_line(line, participants_open)
                    continue
            if self.is_item(line):
                continue
            body_line(self.stack[-1], line)
        self.finish()
        return self.meeting, self.notes

    def is_item(self, line: Line, header: bool = False) -> bool:
        """Open an item for the line if it is one; False leaves it to the caller."""
        if field_of(line) is not None or (header and is_bare_label(line)):
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
        if header and self.header.kind(line) is not None:
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

    def open_at(self, depth: int) -> OpenItem | None:
        for open_ in reversed(self.stack):
            if open_.depth == depth:
                return open_
        return None

    def indent_parent(self, indent: int) -> OpenItem | None:
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
        open_ = OpenItem(item, depth, indent, number)
        self.stack.append(open_)
        self.opened.append(open_)

    def finish(self) -> None:
        meeting = self.meeting
        for open_ in self.opened:
            fill_item(open_)
        preamble = self.header.preamble
        if preamble:
            meeting.items.insert(
                0, AgendaItem(PREAMBLE_TITLE, description="\n".join(preamble))
            )
            self.notes.append(
                f"{len(preamble)} rad(er) före dagordningen kunde inte tolkas och "
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


def build_meeting(lines: list[Line], *, today: Date | None = None) -> tuple[Meeting, list[str]]:
    return _Builder(lines, today).run()
