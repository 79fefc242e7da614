"""The minutes as a flat list of blocks: the one place where the minutes' rules live
(docs/FORMAT.md, "The minutes (DOCX)").

The DOCX writer turns each block into a paragraph (or a table) in the prescribed style;
the TUI's preview draws the same blocks in the terminal. Neither decides anything about
what the minutes say.

Kinds: ``title``, ``normal``, ``label``, ``heading`` (level 1-3), ``bullet`` and
``table`` (rows of three cells: action, due date, owner; each cell a list of runs).

Choices behind the layout (docs/FORMAT.md, "The body", shows their result):
- Deltagare lists the participants who were there; absent ones go under Frånvarande.
- Beslutande and Sekreterare only name people who were present.
- Plats and Deltagare are always written (``Ej angivet`` when unknown), as the format
  does not make them optional.
- An action already marked done is still listed: the minutes record what was agreed.
- One-line places (title, names, cells) turn line breaks into spaces; otherwise text is
  written as typed (only characters XML cannot hold are dropped), roles trimmed.
- A decision of several lines is one bullet; its further lines follow as paragraphs
  (or bullets where the secretary typed ``- ``).
- Items deeper than three levels keep ``Heading 3``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from export.labels import NOT_GIVEN
from export.markup import Paragraph, Run, one_line, parse_field
from store.domain.model import AgendaItem, Meeting, Participant

TITLE = "title"
NORMAL = "normal"
LABEL = "label"
HEADING = "heading"
BULLET = "bullet"
TABLE = "table"

SEPARATOR = ", "

# The labels, as written in the minutes.
PLACE = "Plats"
PARTICIPANTS = "Deltagare"
ABSENT = "Frånvarande"
BACKGROUND = "Ärendebeskrivning"
NOTES = "Anteckningar"
ACTIONS = "Åtgärder"
DECISIONS = "Beslut"
ATTACHMENTS = "Bilagor"
LABELS = (PLACE, PARTICIPANTS, ABSENT, BACKGROUND, NOTES, ACTIONS, DECISIONS, ATTACHMENTS)

MAX_HEADING_LEVEL = 3

# The parts a paragraph can open (Block.part).
PRESENTER = "presenter"
PROPOSAL = "proposal"
DECISION = "decision"
ATTACHMENT_NAMES = "attachments"

Cell = list[Run]


@dataclass
class Block:
    kind: str
    runs: list[Run] = field(default_factory=list)
    level: int = 0  # headings only: 1-3
    rows: list[list[Cell]] = field(default_factory=list)  # tables only
    item_id: str | None = None  # headings only: the item it opens
    #: Which part a paragraph opens where its text alone cannot say (a description line
    #: may read "Förslag till beslut: ..."): PRESENTER, PROPOSAL or DECISION; None else.
    part: str | None = None
    names: list[str] = field(default_factory=list)  # the attachments paragraph: each name
    # Tables other than the action table (the protocol's): each column's share of the
    # text width (empty: the action table's), borders on every cell, and whether the
    # first row is a header row. A row with fewer cells than columns: its last cell
    # spans the rest.
    widths: tuple[float, ...] = ()
    grid: bool = True
    header: bool = False
    #: Paragraphs only: the paragraph starts a new page.
    page_break: bool = False
    #: Paragraphs only: no space after it (a list of names reads as one block).
    tight: bool = False
    #: Paragraphs only: tab stops as shares of the text width; the text's tabs move to
    #: them, and wrapped lines start at the last one (columns of text in one paragraph).
    tabs: tuple[float, ...] = ()
    #: Tables only: kept on one page (a box that must not be split).
    keep_together: bool = False
    #: Tables only: the first column holds labels (the label style) beside their values,
    #: rows sit tight, and each row has the space before it given here (points).
    labelled: bool = False
    row_space: tuple[float, ...] = ()

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


def minutes_blocks(meeting: Meeting, item_id: str | None = None) -> list[Block]:
    """The whole minutes, or only one item (with its sub-items) when `item_id` is given.

    Raises KeyError for an unknown item id.
    """
    blocks: list[Block] = []
    if item_id is None:
        blocks.extend(header_blocks(meeting))
        for number, depth, item in meeting.walk():
            blocks.extend(item_blocks(item, number, depth))
        return blocks

    found_depth: int | None = None
    for number, depth, item in meeting.walk():
        if found_depth is None:
            if item.id == item_id:
                found_depth = depth
                blocks.extend(item_blocks(item, number, depth))
        elif depth > found_depth:
            blocks.extend(item_blocks(item, number, depth))
        else:
            break
    if found_depth is None:
        raise KeyError(item_id)
    return blocks


def block_lines(blocks: Iterable[Block]) -> list[str]:
    """The blocks' text as lines (docs/FORMAT.md, "The body as lines")."""
    lines: list[str] = []
    for block in blocks:
        if block.kind == TABLE:
            for row in block.rows:
                for cell in row:
                    text = "".join(run.text for run in cell)
                    if text.strip():
                        lines.append(text)
        elif block.text.strip():
            lines.append(block.text)
    return lines


# -- the head of the minutes ----------------------------------------------------------


def time_line(meeting: Meeting) -> str:
    """``2031-02-12 13:00 - 15:30``; without an end ``2031-02-12 13:00``."""
    text = one_line(meeting.date)
    start = meeting.shown_start
    if start:
        text += f" {start}"
        if meeting.end:
            text += f" - {meeting.end}"
    elif meeting.end:
        text += f" till {meeting.end}"
    return text


def header_blocks(meeting: Meeting) -> list[Block]:
    blocks = [Block(TITLE, [Run(one_line(meeting.title))]), Block(NORMAL, [Run(time_line(meeting))])]
    present = [p for p in meeting.participants if not p.absent]
    absent = [p for p in meeting.participants if p.absent]

    deciders = [p for p in present if p.decision_maker and one_line(p.name).strip()]
    if deciders:
        runs = [Run("Beslutande ")]
        runs.extend(_joined([[Run(one_line(p.name), italic=True)] for p in deciders]))
        blocks.append(Block(NORMAL, runs))

    secretary = secretary_of(meeting)
    if secretary is not None and one_line(secretary.name).strip():
        blocks.append(
            Block(NORMAL, [Run("Sekreterare: "), Run(one_line(secretary.name), italic=True)])
        )

    blocks.append(Block(LABEL, [Run(PLACE)]))
    place = one_line(meeting.place)
    blocks.append(Block(NORMAL, [Run(place if place.strip() else NOT_GIVEN)]))

    blocks.append(Block(LABEL, [Run(PARTICIPANTS)]))
    entries = [participant_runs(p) for p in present if one_line(p.name).strip()]
    blocks.append(Block(NORMAL, _joined(entries) if entries else [Run(NOT_GIVEN)]))

    absent_names = [[Run(one_line(p.name))] for p in absent if one_line(p.name).strip()]
    if absent_names:
        blocks.append(Block(LABEL, [Run(ABSENT)]))
        blocks.append(Block(NORMAL, _joined(absent_names)))
    return blocks


def secretary_of(meeting: Meeting) -> Participant | None:
    """The present participant whose role is Sekreterare (or nämndsekreterare …), if any."""
    secretary = meeting.secretary()
    return secretary if secretary is not None and not secretary.absent else None


def participant_runs(participant: Participant) -> list[Run]:
    """``Hedda Norell (``*Organisatör*``) 14:30-15:15`` as runs."""
    runs = [Run(one_line(participant.name))]
    role = one_line(participant.role).strip()
    if role:
        runs += [Run(" ("), Run(role, italic=True), Run(")")]
    presence = participant.presence_text()
    if presence:
        runs.append(Run(f" {presence}"))
    return runs


# -- an agenda item ---------------------------------------------------------------------


def heading_text(number: str, title: str) -> str:
    return f"{number}. {one_line(title)}"


def item_blocks(item: AgendaItem, number: str, depth: int) -> list[Block]:
    """The heading and the parts of one item, without its sub-items."""
    blocks = [
        Block(
            HEADING,
            [Run(heading_text(number, item.title))],
            level=min(depth, MAX_HEADING_LEVEL),
            item_id=item.id,
        )
    ]

    presenter = one_line(item.presenter)
    if presenter.strip() or item.time:
        text = f"Föredragande: {presenter}" if presenter.strip() else ""
        if item.time:
            text += f"{' ' if text else ''}Tid: {item.time}"
        blocks.append(Block(NORMAL, [Run(text)], part=PRESENTER))

    blocks.extend(_field_blocks(parse_field(item.description)))

    background = parse_field(item.background)
    if background:
        blocks.append(Block(LABEL, [Run(BACKGROUND)]))
        blocks.extend(_field_blocks(background))

    proposal = parse_field(item.proposal)
    if proposal:
        first, rest = proposal[0], proposal[1:]
        blocks.append(Block(NORMAL, [Run("Förslag till beslut: "), *first.runs], part=PROPOSAL))
        blocks.extend(_field_blocks(rest))

    blocks.extend(notes_blocks(item))
    blocks.extend(actions_blocks(item))
    blocks.extend(decision_blocks(item))
    blocks.extend(attachments_blocks(item))
    return blocks



# The parts the protocol writes exactly as the minutes do (export/protocol_layout.py).


def notes_blocks(item: AgendaItem) -> list[Block]:
    notes = parse_field(item.notes)
    if not notes:
        return []
    return [Block(LABEL, [Run(NOTES)]), *_field_blocks(notes)]


def actions_blocks(item: AgendaItem) -> list[Block]:
    if not item.actions:
        return []
    rows = [
        [
            _cell_runs(action.text),
            [Run(_or_not_given(action.due))],
            [Run(_or_not_given(action.owner))],
        ]
        for action in item.actions
    ]
    return [Block(LABEL, [Run(ACTIONS)]), Block(TABLE, rows=rows)]


def decision_blocks(item: AgendaItem) -> list[Block]:
    blocks: list[Block] = []
    for decision in item.decisions:
        paragraphs = parse_field(decision.text)
        if not paragraphs:
            continue
        blocks.append(Block(BULLET, paragraphs[0].runs, part=DECISION))
        blocks.extend(_field_blocks(paragraphs[1:]))
    return [Block(LABEL, [Run(DECISIONS)]), *blocks] if blocks else []


def attachments_blocks(item: AgendaItem) -> list[Block]:
    names = [one_line(name) for name in item.attachments]
    names = [name for name in names if name.strip()]
    if not names:
        return []
    return [
        Block(LABEL, [Run(ATTACHMENTS)]),
        Block(NORMAL, [Run(SEPARATOR.join(names))], part=ATTACHMENT_NAMES, names=names),
    ]


def field_blocks(text: str) -> list[Block]:
    """A free-text field as paragraphs (``List Bullet`` where a line began with ``- ``)."""
    return _field_blocks(parse_field(text))

def _or_not_given(value: str | None) -> str:
    text = one_line(value or "")
    return text if text.strip() else NOT_GIVEN


def _field_blocks(paragraphs: list[Paragraph]) -> list[Block]:
    return [Block(BULLET if p.bullet else NORMAL, p.runs) for p in paragraphs]


def _cell_runs(text: str) -> Cell:
    """A free-text field squeezed into one table cell: its paragraphs joined by spaces."""
    runs: list[Run] = []
    for paragraph in parse_field(text):
        if runs:
            runs.append(Run(" "))
        runs.extend(paragraph.runs)
    return runs or [Run("")]


def _joined(entries: list[list[Run]]) -> list[Run]:
    runs: list[Run] = []
    for index, entry in enumerate(entries):
        if index:
            runs.append(Run(SEPARATOR))
        runs.extend(entry)
    return runs


__all__ = [
    "Block",
    "minutes_blocks",
    "block_lines",
    "header_blocks",
    "item_blocks",
    "participant_runs",
    "secretary_of",
    "time_line",
    "heading_text",
    "notes_blocks",
    "actions_blocks",
    "decision_blocks",
    "attachments_blocks",
    "field_blocks",
]
