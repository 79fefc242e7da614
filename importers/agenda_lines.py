"""An agenda's text cut into `Line`s: indent, heading level, typed number, letter,
bullet. The Word importer (agenda_docx.py) produces the same `Line`s from paragraphs,
so one builder (agenda_builder.py) turns either into a meeting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


class AgendaTooLargeError(ValueError):
    """The text holds far more items or participants than any meeting (Swedish message)."""


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


def split_names(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,;]", text) if part.strip()]
