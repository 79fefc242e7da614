"""Invisible marks in the minutes DOCX that tell the reader which part a paragraph opens.

The visible text and the styles are fixed (docs/FORMAT.md, "Invisible marks"), and the
text alone is ambiguous: a
description line may read ``Förslag till beslut: ...`` or ``Föredragande: ...``, a
decision may go on with a bullet of its own, an attachment name may hold ``, ``. So the
writer puts a hidden bookmark (Word hides names starting with ``_``) on the presenter
line, the proposal's first paragraph and each decision's first paragraph, and one around
each attachment name. Word keeps bookmarks through editing; a document without them
(older exports, hand-made ones) is read by its text as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from export.docx_body import W_NS, paragraph_xml, runs_xml
from export.markup import Run
from export.minutes_layout import ATTACHMENT_NAMES, SEPARATOR, Block

if TYPE_CHECKING:
    from docx.document import Document

PREFIX = "_mb_"
#: Bookmark ids well above what a template's own bookmarks use.
_FIRST_ID = 880000

_BOOKMARK_START, _BOOKMARK_END = f"{{{W_NS}}}bookmarkStart", f"{{{W_NS}}}bookmarkEnd"
_R, _T, _TAB, _BR = (f"{{{W_NS}}}{tag}" for tag in ("r", "t", "tab", "br"))
_NAME, _ID = f"{{{W_NS}}}name", f"{{{W_NS}}}id"


class Marker:
    """Writes marked paragraphs, numbering the bookmarks of one document."""

    def __init__(self) -> None:
        self.count = 0

    def _bookmark(self, part: str) -> tuple[str, str]:
        self.count += 1
        ident = _FIRST_ID + self.count
        return (
            f'<w:bookmarkStart w:id="{ident}" w:name="{PREFIX}{part}_{self.count}"/>',
            f'<w:bookmarkEnd w:id="{ident}"/>',
        )

    @staticmethod
    def visible_runs(block: Block) -> list[Run]:
        """What the marked paragraph of `block` shows (the marks are invisible)."""
        if block.part != ATTACHMENT_NAMES:
            return list(block.runs)
        runs: list[Run] = []
        for index, name in enumerate(block.names):
            runs += [Run(SEPARATOR), Run(name)] if index else [Run(name)]
        return runs

    def paragraph(self, block: Block, style_id: str | None) -> str:
        """The block's paragraph as WordprocessingML, marked with its part."""
        assert block.part is not None
        if block.part == ATTACHMENT_NAMES:
            pieces = []
            for index, name in enumerate(block.names):
                if index:
                    pieces.append(runs_xml([Run(SEPARATOR)]))
                start, end = self._bookmark(block.part)
                pieces.append(start + runs_xml([Run(name)]) + end)
            return paragraph_xml([], style_id).replace("</w:p>", "".join(pieces) + "</w:p>")
        start, end = self._bookmark(block.part)
        xml = paragraph_xml(block.runs, style_id)
        head = xml.index("</w:pPr>") + len("</w:pPr>") if "</w:pPr>" in xml else len("<w:p>")
        return xml[:head] + start + xml[head:-len("</w:p>")] + end + "</w:p>"


def document_is_marked(document: Document) -> bool:
    """Whether the writer of this version marked the parts (then the marks decide)."""
    for start in document.element.body.iter(_BOOKMARK_START):
        if (start.get(_NAME) or "").startswith(PREFIX):
            return True
    return False


def paragraph_parts(paragraph_element) -> set[str]:
    """The parts this paragraph is marked as opening."""
    parts = set()
    for start in paragraph_element.iter(_BOOKMARK_START):
        name = start.get(_NAME) or ""
        if name.startswith(PREFIX):
            parts.add(name[len(PREFIX) :].rsplit("_", 1)[0])
    return parts


def attachment_names(paragraph_element) -> list[str] | None:
    """The attachment names as marked, or None when the marks no longer cover the
    paragraph's text exactly (edited by hand: then the text decides)."""
    prefix = f"{PREFIX}{ATTACHMENT_NAMES}_"
    open_names: dict[str, list[str]] = {}
    names: list[str] = []
    everything: list[str] = []
    for element in paragraph_element.iter(_BOOKMARK_START, _BOOKMARK_END, _R):
        if element.tag == _BOOKMARK_START:
            if (element.get(_NAME) or "").startswith(prefix):
                open_names[element.get(_ID) or ""] = []
        elif element.tag == _BOOKMARK_END:
            pieces = open_names.pop(element.get(_ID) or "", None)
            if pieces is not None:
                names.append("".join(pieces))
        else:
            text = _run_text(element)
            everything.append(text)
            for pieces in open_names.values():
                pieces.append(text)
    if not names or open_names or SEPARATOR.join(names) != "".join(everything):
        return None
    return names


def _run_text(run) -> str:
    out = []
    for child in run:
        if child.tag == _T:
            out.append(child.text or "")
        elif child.tag == _TAB:
            out.append("\t")
        elif child.tag == _BR:
            out.append("\n")
    return "".join(out)
