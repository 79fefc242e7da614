"""An agenda from a Word document (not our own minutes): paragraphs become `Line`s for
the same builder as the text importer.

Read from each paragraph: the Title style, heading levels (``Heading N``/``Rubrik N``),
Word's automatic list numbering (``numPr``, on the paragraph or inherited from its
style, e.g. ``List Number``) computed to the numbers Word shows, bullets, whether the
whole paragraph is bold, and bold/italic runs as ``**``/``*`` markup. Tables are read as
text, a row per line (a row whose first cell is a number is a numbered line); a header
row that only names columns (``Nr | Ärende | Föredragande``) is dropped, by the same rule
as the mötesbok import's (agenda_table_header.py).
"""

from __future__ import annotations

import re
from datetime import date as Date
from typing import Iterator

from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from export.markup import runs_markup
from store.domain.model import Meeting

from .agenda_builder import build_meeting
from .agenda_lines import Line, row_line, split_number
from .agenda_table_header import is_table_header

_P, _TBL, _SDT, _SDT_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
_HEADING_STYLE_RE = re.compile(r"^(?:heading|rubrik)\s*(\d)$", re.I)
_LIST_STYLE_RE = re.compile(r"^List (?:Number|Bullet) (\d)$")


def read_agenda_document(
    document: Document, *, today: Date | None = None
) -> tuple[Meeting, list[str]]:
    numbering = _Numbering(document)
    lines: list[Line] = []
    for block in iter_blocks(document):
        if isinstance(block, Paragraph):
            line = paragraph_line(block, numbering)
            if line is not None:
                lines.append(line)
        elif isinstance(block, Table):
            lines.extend(table_lines(block))
    return build_meeting(lines, today=today)


# -- paragraphs -------------------------------------------------------------------------


def iter_blocks(document: Document) -> Iterator[Paragraph | Table]:
    """Body paragraphs and tables in order, also those inside content controls
    (``w:sdt``), which agenda templates use and python-docx's iterator skips."""

    def walk(parent) -> Iterator[Paragraph | Table]:
        for child in parent:
            if child.tag == _P:
                yield Paragraph(child, document._body)
            elif child.tag == _TBL:
                yield Table(child, document._body)
            elif child.tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    yield from walk(content)

    yield from walk(document.element.body)


#: Runs as Word shows them: inside hyperlinks, inline content controls, smart tags and
#: tracked insertions too, but not deleted text nor text boxes' own paragraphs.
_RUNS_XPATH = (
    ".//w:r[not(ancestor::w:del) and not(ancestor::w:moveFrom)"
    " and not(ancestor::w:txbxContent) and not(ancestor::*[local-name()='Fallback'])]"
)


def paragraph_runs(paragraph: Paragraph) -> list[tuple[str, bool, bool]]:
    """(text, bold, italic) for every run the paragraph shows, in order."""
    out: list[tuple[str, bool, bool]] = []
    for r in paragraph._p.xpath(_RUNS_XPATH):
        run = Run(r, paragraph)
        text = run.text
        if text:
            out.append((text, bool(run.bold), bool(run.italic)))
    return out


def style_chain(paragraph: Paragraph, cache: dict | None = None) -> list:
    """The paragraph's style and the styles it is based on. python-docx looks a style
    up by scanning all styles, so a long document needs the `cache` (per style id)."""
    key = paragraph._p.style
    if cache is not None and key in cache:
        return cache[key]
    chain = []
    style = paragraph.style
    while style is not None and len(chain) < 20:
        chain.append(style)
        style = style.base_style
    if cache is not None:
        cache[key] = chain
    return chain


def paragraph_line(paragraph: Paragraph, numbering: _Numbering) -> Line | None:
    runs = paragraph_runs(paragraph)
    plain = "".join(text for text, _, _ in runs)
    if not plain.strip():
        return None
    chain = style_chain(paragraph, numbering.style_cache)
    style_name = (chain[0].name or "") if chain else ""
    line = Line(text="", raw=plain.strip())
    for style in chain:
        if style.name == "Title":
            line.title_style = True
        match = _HEADING_STYLE_RE.match(style.name or "")
        if match and line.heading is None:
            line.heading = int(match.group(1))
    style_bold = any(style.font.bold for style in chain)
    visible = [(t, b, i) for t, b, i in runs if t.strip()]
    line.bold = bool(visible) and all(b or style_bold for _, b, _ in visible)
    if line.heading is not None or line.title_style or line.bold:
        line.text = plain.strip()  # a title needs no markup
    else:
        # One serializer with our own minutes: overlapping bold and italic nest.
        line.text = runs_markup(runs).strip()
    indent = paragraph.paragraph_format.left_indent
    line.indent = int(indent.pt // 12) if indent else 0

    number = numbering.number_of(paragraph)
    list_level = _LIST_STYLE_RE.match(style_name)
    if number == "bullet":
        line.bullet = True
        if list_level:
            line.indent = 4 * (int(list_level.group(1)) - 1)
    elif number is not None and list_level and len(number) == 1:
        # "List Number 2" is a list of its own at level 0 that Word shows indented:
        # a sub-item by its indent, as in a text agenda.
        line.number = number
        line.indent = 4 * (int(list_level.group(1)) - 1)
        line.raw = f"{number[0]}. {line.raw}"
    elif number is not None:
        line.number, line.auto_number = number, True
        line.indent = 4 * (len(number) - 1)
        line.raw = f"{'.'.join(map(str, number))}. {line.raw}"
    else:
        typed, rest = split_number(line.text)
        if typed is not None:
            line.number, line.text = typed, rest
        elif line.text.startswith(("- ", "• ", "– ")):
            line.bullet, line.text = True, line.text[2:].strip()
    return line


# -- Word's list numbering ---------------------------------------------------------------


class _Numbering:
    """Counts Word list numbers as Word shows them, per list (abstractNum)."""

    def __init__(self, document: Document):
        self.formats: dict[str, dict[int, tuple[int, str]]] = {}  # abstract -> lvl -> (start, fmt)
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstract, overrides)
        self.counters: dict[str, dict[int, int]] = {}
        self.style_cache: dict = {}
        try:
            root = document.part.numbering_part.element
        except Exception:  # noqa: BLE001 - no numbering part: no automatic numbers
            return
        for abstract in root.findall(qn("w:abstractNum")):
            levels: dict[int, tuple[int, str]] = {}
            for lvl in abstract.findall(qn("w:lvl")):
                ilvl = _int(lvl.get(qn("w:ilvl")), 0)
                start = lvl.find(qn("w:start"))
                fmt = lvl.find(qn("w:numFmt"))
                levels[ilvl] = (
                    _int(start.get(qn("w:val")) if start is not None else None, 1),
                    fmt.get(qn("w:val")) if fmt is not None else "decimal",
                )
            self.formats[abstract.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is None:
                continue
            overrides: dict[int, int] = {}
            for override in num.findall(qn("w:lvlOverride")):
                start = override.find(qn("w:startOverride"))
                if start is not None:
                    overrides[_int(override.get(qn("w:ilvl")), 0)] = _int(start.get(qn("w:val")), 1)
            self.nums[num.get(qn("w:numId"))] = (ref.get(qn("w:val")), overrides)

    def num_pr(self, paragraph: Paragraph) -> tuple[str, int] | None:
        ppr = paragraph._p.pPr
        candidates = [ppr.numPr if ppr is not None else None]
        for style in style_chain(paragraph, self.style_cache):
            style_ppr = style.element.pPr
            candidates.append(style_ppr.numPr if style_ppr is not None else None)
        num_id = ilvl = None
        for num_pr in candidates:
            if num_pr is None:
                continue
            if num_id is None and num_pr.numId is not None:
                num_id = str(num_pr.numId.val)
            if ilvl is None and num_pr.ilvl is not None:
                ilvl = num_pr.ilvl.val
        if num_id is None or num_id == "0":
            return None
        return num_id, int(ilvl or 0)

    def number_of(self, paragraph: Paragraph):
        """None, "bullet", or the number as Word shows it, e.g. (4, 1)."""
        found = self.num_pr(paragraph)
        if found is None:
            return None
        num_id, ilvl = found
        if num_id not in self.nums:
            return None
        abstract, overrides = self.nums[num_id]
        levels = self.formats.get(abstract, {})
        start, fmt = levels.get(ilvl, (1, "decimal"))
        if fmt in ("bullet", "none"):
            return "bullet"
        # Lists restarted with startOverride count on their own.
        key = f"num:{num_id}" if overrides else f"abs:{abstract}"
        counters = self.counters.setdefault(key, {})
        if ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = overrides.get(ilvl, start)
        for deeper in [level for level in counters if level > ilvl]:
            del counters[deeper]
        number = []
        for level in range(ilvl + 1):
            if level not in counters:
                counters[level] = overrides.get(level, levels.get(level, (1, ""))[0])
            number.append(counters[level])
        return tuple(number)


def _int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


# -- tables ------------------------------------------------------------------------------


def table_lines(table: Table) -> list[Line]:
    lines: list[Line] = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue  # a merged cell is listed once per grid column
            seen.add(id(cell._tc))
            cells.append(" ".join(part.strip() for part in cell.text.split("\n") if part.strip()))
        if is_table_header(" | ".join(cell for cell in cells if cell)):
            continue  # it names the columns: neither an item nor text
        line = row_line(cells)
        if line is not None:
            lines.append(line)
    return lines
