"""What stands under an agenda item: ``Föredragande: …`` and ``Tid: …`` fill those
fields, ``Ärendebeskrivning``, ``Förslag till beslut:``, ``Anteckningar``, ``Beslut``,
``Åtgärder``, ``Bilagor:`` open sections, and every other line is a paragraph of the
current section (the description by default)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from export.labels import NOT_GIVEN, given
from store.domain.model import Action, AgendaItem, Decision

from .agenda_lines import Line, split_names
from .agenda_when import find_date, parse_time

_FIELD_RE = re.compile(
    r"^(föredragande|ansvarig föredragande|tid|ärendebeskrivning|bakgrund|"
    r"förslag till beslut|anteckningar|beslut|bilagor|bilaga|åtgärder)\s*(?::\s*(.*)|)$",
    re.I,
)
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


def field_of(line: Line) -> tuple[str, str] | None:
    """(field, value) for a line like ``Föredragande: Anna``, None for other lines."""
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


@dataclass
class OpenItem:
    """An item while its lines are read: where it stands and its sections so far."""

    item: AgendaItem
    depth: int
    indent: int
    number: tuple[int, ...] | None
    section: str = "description"
    last_child: int = 0  # last typed number or letter index among its children
    parts: dict[str, list[str]] = field(default_factory=dict)


def body_line(current: OpenItem, line: Line) -> None:
    """One line under an item: a field (presenter, time), a section heading, a row of
    an action table or a paragraph of the current section."""
    item = current.item
    found = field_of(line)
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
        due_iso = find_date(due)[0]
        if given(due) is not None and due_iso is None:
            action_text += f" (förfallodag: {due})"  # kept, not understood
        item.actions.append(
            Action(
                action_text,
                due=due_iso,
                owner=given(owner),
            )
        )
        return
    current.parts.setdefault(current.section, []).append(text)


def fill_item(open_: OpenItem) -> None:
    """The item's text fields, decisions, actions and attachments from its sections."""
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


_DUE_OWNER_RE = re.compile(
    rf"^(\d{{4}}-\d{{2}}-\d{{2}}|{re.escape(NOT_GIVEN)})(?:\s{{2,}}|\t)(.+)$", re.I)


def _due(text: str) -> str | None | bool:
    """An ISO date, None for "Ej angivet", False when the text is neither."""
    text = text.strip()
    if given(text) is None:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) and find_date(text)[0]:
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
                                  owner=given(owner)))
            i += 2
            continue
        if i + 2 < len(lines) and _due(following) is not False:
            owner = lines[i + 2].strip()
            actions.append(Action(text, due=_due(following) or None,
                                  owner=given(owner)))
            i += 3
            continue
        actions.append(Action(text))
        i += 1
    return actions


def _unbullet(text: str) -> str:
    return text[2:].strip() if text.startswith("- ") else text.strip()

