"""Our own minutes read back into a meeting (docs/FORMAT.md, "Reading minutes back").

The inverse of export/minutes_layout.py: the header (title, time line, Beslutande,
Sekreterare, Plats, Deltagare with roles and presence times, Frånvarande), then per
heading ``N.M. Title`` an item at the depth its number gives, and its parts in the
order the layout writes them. Bold/italic runs become ``**``/``*`` markup again and
List Bullet paragraphs ``- `` lines, so export -> import -> export gives the same text.

What the format cannot carry does not come back: ids, status, timestamps, an absent
participant's role or decision-maker flag, and the order of absent participants within
the roster (they follow the present ones).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from export import minutes_layout as layout
from export.labels import given
from export.markup import runs_markup
from export.minutes_marks import attachment_names, document_is_marked, paragraph_parts
from store.domain.attendance import split_presence
from store.domain.limits import MAX_ITEMS, MAX_PARTICIPANTS
from store.domain.model import (
    SECRETARY_ROLE, Action, AgendaItem, Decision, Meeting, Participant, is_secretary_role,
)

from .agenda_builder import MAX_DEPTH
from .agenda_docx import iter_blocks, paragraph_runs, style_chain
from .agenda_lines import AgendaTooLargeError

LABEL_STYLE = "Etikett"

_TIME_LINE_RE = re.compile(
    r"^(\d{4}-\d{2}-\d{2})(?: (\d{2}:\d{2})(?: - (\d{2}:\d{2}))?| till (\d{2}:\d{2}))?$"
)
_PARAGRAPH_HEADING_RE = re.compile(r"^§ \d+ ")
_HEADING_RE = re.compile(r"^(\d+(?:\.\d+)*)\. (.*)$", re.S)
_ROLE_RE = re.compile(r" \(([^()]*)\)$")
_PRESENTER_TIME_RE = re.compile(r"(?:^| )Tid: (\d{2}:\d{2})$")
_PRESENTER = "Föredragande: "
_PROPOSAL = "Förslag till beslut: "


def _style_names(paragraph: Paragraph, cache: dict) -> list[str]:
    return [style.name or "" for style in style_chain(paragraph, cache)]


def _is_label_style(name: str) -> bool:
    # With a template that already has a non-paragraph "Etikett", the writer adds
    # "Etikett (Mötesbok)".
    return name == LABEL_STYLE or name.startswith(LABEL_STYLE + " (")


class ProtocolTextError(ValueError):
    """A protocol (or protokollsutdrag) whose embedded meeting no longer matches its text:
    its layout is not the minutes', so its text is not read as minutes."""


def is_protocol_document(document: Document) -> bool:
    """Written by export/docx_protocol.py: its subject says so, or a heading reads ``§ N``."""
    subject = document.core_properties.subject or ""
    if subject.startswith(("Protokoll ", "Protokollsutdrag ")):
        return True
    return any(_PARAGRAPH_HEADING_RE.match(p.text) for p in document.paragraphs
               if (p.style.name if p.style else "").startswith("Heading"))


def is_minutes(document: Document) -> bool:
    """Our minutes use the label style; an agenda written in Word does not."""
    cache: dict = {}
    for paragraph in document.paragraphs:
        chain = style_chain(paragraph, cache)
        if chain and _is_label_style(chain[0].name or ""):
            return True
    return False


@dataclass
class _Para:
    kind: str  # title, normal, label, heading, bullet
    text: str  # plain
    markup: str
    runs: list[tuple[str, bool, bool]]
    level: int = 0
    parts: frozenset[str] = frozenset()  # the parts the writer marked it as opening
    element: object = None


def _classify(paragraph: Paragraph, cache: dict) -> _Para | None:
    runs = paragraph_runs(paragraph)
    text = "".join(t for t, _, _ in runs)
    if not text.strip():
        return None
    names = _style_names(paragraph, cache)
    own = names[0] if names else ""
    if own == "Title":
        kind = "title"
    elif _is_label_style(own):
        kind = "label"
    elif own.startswith(("Heading ", "Rubrik ")):
        kind = "heading"
    elif own == "List Bullet":
        kind = "bullet"
    else:
        kind = "normal"
    return _Para(kind, text, runs_markup(runs), runs, parts=frozenset(paragraph_parts(paragraph._p)),
                 element=paragraph._p)


def _strip_prefix_runs(runs: list[tuple[str, bool, bool]], prefix: str):
    """The runs without a leading plain `prefix` (as the layout wrote it)."""
    out, left = [], prefix
    for text, bold, italic in runs:
        if left:
            take = min(len(left), len(text))
            if text[:take] != left[:take]:
                return None
            left = left[take:]
            text = text[take:]
        if text:
            out.append((text, bold, italic))
    return out if not left else None


def parse_participant_entry(entry: str) -> Participant:
    entry, intervals = split_presence(entry)
    role = ""
    match = _ROLE_RE.search(entry)
    if match:
        role = match.group(1)
        entry = entry[: match.start()]
    return Participant(entry, role=role, intervals=intervals)


def split_entries(text: str) -> list[str]:
    """Split on ", " outside parentheses (a role may hold a comma)."""
    entries, depth, current = [], 0, []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if depth == 0 and text.startswith(layout.SEPARATOR, i):
            entries.append("".join(current))
            current = []
            i += len(layout.SEPARATOR)
            continue
        current.append(ch)
        i += 1
    entries.append("".join(current))
    return [e for e in entries if e.strip()]


class _Reader:
    def __init__(self, marked: bool = False) -> None:
        # Minutes whose writer marked the parts: the marks, not the text, say where a
        # part begins (a description line may read "Förslag till beslut: ...").
        self.marked = marked
        self.meeting = Meeting(title="", date="")
        self.deciders: list[str] = []
        self.secretary: str | None = None
        self.label: str | None = None  # the header label being filled
        self.stack: list[tuple[int, AgendaItem]] = []
        self.item: AgendaItem | None = None
        self.section = "start"
        self.parts: dict[str, list[str]] = {}
        self.count = 0

    def paragraph(self, p: _Para) -> None:
        if p.kind == "heading":
            match = _HEADING_RE.match(p.text)
            if match:
                self.open_item(len(match.group(1).split(".")), match.group(2))
                return
        if self.item is None:
            self.header(p)
        else:
            self.body(p)

    # header ----------------------------------------------------------------------

    def header(self, p: _Para) -> None:
        meeting = self.meeting
        if p.kind == "title" and not meeting.title:
            meeting.title = p.text
            return
        if p.kind == "label":
            self.label = p.text.strip().rstrip(":").strip()
            return
        if self.label == layout.PLACE:
            meeting.place = "" if p.text == layout.NOT_GIVEN else p.text
            self.label = None
        elif self.label == layout.PARTICIPANTS:
            if p.text != layout.NOT_GIVEN:
                entries = split_entries(p.text)
                if len(entries) > MAX_PARTICIPANTS:
                    raise AgendaTooLargeError(
                        f"Dokumentet har fler än {MAX_PARTICIPANTS} deltagare och kan inte "
                        "importeras."
                    )
                for entry in entries:
                    meeting.participants.append(parse_participant_entry(entry))
            self.label = None
        elif self.label == layout.ABSENT:
            for name in split_entries(p.text):
                meeting.participants.append(Participant(name, absent=True))
            self.label = None
        elif not meeting.date and _TIME_LINE_RE.match(p.text):
            day, start, end, only_end = _TIME_LINE_RE.match(p.text).groups()
            meeting.date, meeting.start, meeting.end = day, start, end or only_end
        elif p.text.startswith("Beslutande "):
            self.deciders = split_entries(p.text[len("Beslutande ") :])
        elif p.text.startswith("Sekreterare: "):
            self.secretary = p.text[len("Sekreterare: ") :]
        elif not meeting.title:
            meeting.title = p.text

    # items -----------------------------------------------------------------------

    def open_item(self, depth: int, title: str) -> None:
        self.close_item()
        self.count += 1
        if self.count > MAX_ITEMS:
            raise AgendaTooLargeError(
                f"Dokumentet har fler än {MAX_ITEMS} punkter och kan inte importeras."
            )
        item = AgendaItem(title=title)
        depth = min(depth, MAX_DEPTH)
        while self.stack and self.stack[-1][0] >= depth:
            self.stack.pop()
        if self.stack:
            self.stack[-1][1].items.append(item)
        else:
            self.meeting.items.append(item)
        self.stack.append((depth, item))
        self.item, self.section, self.parts = item, "start", {}

    def add(self, section: str, line: str) -> None:
        self.parts.setdefault(section, []).append(line)

    def body(self, p: _Para) -> None:
        item = self.item
        assert item is not None
        line = f"- {p.markup}" if p.kind == "bullet" else p.markup
        if p.kind == "label":
            # Hand-edited minutes may say "Anteckningar:"; the layout writes no colon.
            self.section = {
                layout.BACKGROUND.casefold(): "background",
                layout.NOTES.casefold(): "notes",
                layout.ACTIONS.casefold(): "actions",
                layout.DECISIONS.casefold(): "decisions",
                layout.ATTACHMENTS.casefold(): "attachments",
            }.get(p.text.strip().rstrip(":").strip().casefold(), "description")
            return
        if self.section == "start" and p.kind == "normal" and (
            layout.PRESENTER in p.parts
            if self.marked
            else p.text.startswith(_PRESENTER) or _PRESENTER_TIME_RE.fullmatch(p.text)
        ):
            text = p.text
            match = _PRESENTER_TIME_RE.search(text)
            if match:
                item.time = match.group(1)
                text = text[: match.start()]
            if text.startswith(_PRESENTER):
                item.presenter = text[len(_PRESENTER) :]
            self.section = "description"
            return
        if (
            self.section in ("start", "description", "background")
            and p.kind == "normal"
            and (layout.PROPOSAL in p.parts or not self.marked)
        ):
            rest = _strip_prefix_runs(p.runs, _PROPOSAL)
            if rest is not None:
                self.section = "proposal"
                self.add("proposal", runs_markup(rest))
                return
        if self.section == "start":
            self.section = "description"
        if self.section == "decisions":
            opens = layout.DECISION in p.parts if self.marked else p.kind == "bullet"
            if opens or not item.decisions:
                item.decisions.append(Decision(p.markup))
            else:
                item.decisions[-1].text += "\n" + line
            return
        if self.section == "attachments":
            names = attachment_names(p.element) if self.marked else None
            item.attachments.extend(names if names is not None else split_entries(p.text))
            return
        self.add(self.section, line)

    def table(self, table: Table) -> None:
        if self.item is None or self.section != "actions":
            return  # not a part of the layout: nothing to take
        for row in table.rows:
            cells = []
            for cell in row.cells:
                runs = [run for paragraph in cell.paragraphs for run in paragraph_runs(paragraph)]
                cells.append(runs)
            if not cells:
                continue
            text = runs_markup(cells[0])
            due = "".join(t for t, _, _ in cells[1]) if len(cells) > 1 else ""
            owner = "".join(t for t, _, _ in cells[2]) if len(cells) > 2 else ""
            self.item.actions.append(
                Action(
                    text=text,
                    due=given(due),
                    owner=given(owner),
                )
            )

    def close_item(self) -> None:
        if self.item is None:
            return
        item, parts = self.item, self.parts
        item.description = "\n".join(parts.get("description", []))
        item.background = "\n".join(parts.get("background", []))
        item.proposal = "\n".join(parts.get("proposal", []))
        item.notes = "\n".join(parts.get("notes", []))
        self.item = None

    def finish(self) -> Meeting:
        self.close_item()
        meeting = self.meeting
        present = {}
        for p in meeting.participants:
            if not p.absent:
                present.setdefault(p.name, p)
        for name in self.deciders:
            participant = present.get(name)
            if participant is None:
                meeting.participants.append(Participant(name, decision_maker=True))
            else:
                participant.decision_maker = True
        if self.secretary and not any(
            p.name == self.secretary and is_secretary_role(p.role)
            for p in meeting.participants
        ):
            found = meeting.find_participant(self.secretary)
            if found is None:
                meeting.participants.append(Participant(self.secretary, role=SECRETARY_ROLE))
            elif not found.role:
                found.role = SECRETARY_ROLE
        if not meeting.title.strip():
            meeting.title = "Möte"
        return meeting


def read_minutes_document(document: Document) -> Meeting:
    """The meeting the minutes hold: exactly as exported while the visible text is
    unchanged since the export (the embedded copy), else as the text reads."""
    from export.json_io import parse_meeting_json
    from export.minutes_embed import embedded_meeting_json
    from store.persistence.serialize import MeetingFormatError

    embedded = embedded_meeting_json(document)
    if embedded is not None:
        try:
            meeting = parse_meeting_json(embedded)  # the JSON import's checks and caps
        except MeetingFormatError:
            meeting = None  # not what we wrote: read the text instead
        if meeting is not None:
            if len(meeting.all_items()) > MAX_ITEMS:
                raise AgendaTooLargeError(
                    f"Dokumentet har fler än {MAX_ITEMS} punkter och kan inte importeras."
                )
            meeting.import_exact = True  # type: ignore[attr-defined]
            return meeting
    if is_protocol_document(document):
        raise ProtocolTextError(
            "protokollet har ändrats efter exporten och kan inte läsas tillbaka som möte; "
            "importera mötets JSON-fil i stället.")
    reader = _Reader(marked=document_is_marked(document))
    cache: dict = {}
    for block in iter_blocks(document):
        if isinstance(block, Paragraph):
            p = _classify(block, cache)
            if p is not None:
                reader.paragraph(p)
        elif isinstance(block, Table):
            reader.table(block)
    meeting = reader.finish()
    if not meeting.date:
        from datetime import date as Date

        meeting.date = Date.today().isoformat()
    return meeting
