"""The page around a protocol: on every page a header with the body's name and
``PROTOKOLL`` (or ``PROTOKOLLSUTDRAG``) on the first line, ``Sammanträdesdatum
YYYY-MM-DD`` and ``Sida N (M)`` on the second, N and M as the Word fields PAGE and
NUMPAGES. It is a borderless two-column table, the second column aligned right, so the
four texts read back as four lines. An organisation's template's own header wins
(docs/FORMAT.md, "The protocol (DOCX)"); the protocol has no footer of its own, its page
numbers being in the header.

The table is written as WordprocessingML and parsed once (python-docx's table API and
its style lookups by name cost more than the rest of a short protocol). Call it before
the body is added: python-docx finds the sections by searching the whole body.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from export.docx_body import W_DECL, runs_xml
from export.markup import Run
from export.minutes_page import PAGE_WORD
from export.protocol_front import MEETING_DATE, body_name
from store.domain.model import Meeting

if TYPE_CHECKING:
    from docx.document import Document

PROTOCOL_WORD = "PROTOKOLL"
EXTRACT_WORD = "PROTOKOLLSUTDRAG"
#: Share of the text width for the left column (body, date).
LEFT_SHARE = 0.62
_EMU_PER_TWIP = 635


def field_xml(instruction: str) -> str:
    """A complex field (begin, instruction, separate, last value, end): what Word itself
    writes, and what LibreOffice updates on opening."""
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            '<w:r><w:t>1</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def header_table_xml(meeting: Meeting, word: str, width_emu: int, style_id: str | None) -> str:
    left = int(width_emu * LEFT_SHARE) // _EMU_PER_TWIP
    right = width_emu // _EMU_PER_TWIP - left
    style = f'<w:pStyle w:val="{style_id}"/>' if style_id else ""

    def cell(width: int, content: str, align_right: bool = False) -> str:
        jc = '<w:jc w:val="right"/>' if align_right else ""
        return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
                f"<w:p><w:pPr>{style}{jc}</w:pPr>{content}</w:p></w:tc>")

    page = (runs_xml([Run(f"{PAGE_WORD} ")]) + field_xml("PAGE") + runs_xml([Run(" (")])
            + field_xml("NUMPAGES") + runs_xml([Run(")")]))
    borders = "".join(f'<w:{side} w:val="nil"/>'
                      for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return (
        f"<w:tbl {W_DECL}><w:tblPr><w:tblW w:w=\"{left + right}\" w:type=\"dxa\"/>"
        f"<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
        '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr>"
        f'<w:tblGrid><w:gridCol w:w="{left}"/><w:gridCol w:w="{right}"/></w:tblGrid>'
        "<w:tr>" + cell(left, runs_xml([Run(body_name(meeting))]))
        + cell(right, runs_xml([Run(word, bold=True)]), True) + "</w:tr>"
        "<w:tr>" + cell(left, runs_xml([Run(f"{MEETING_DATE} {meeting.date}")]))
        + cell(right, page, True) + "</w:tr></w:tbl>"
    )


def add_protocol_header(document: Document, meeting: Meeting, width_emu: int,
                        word: str = PROTOCOL_WORD) -> None:
    """Our header in every section that has none of its own (a template's wins)."""
    from docx.oxml import parse_xml

    try:
        style_id = document.styles["Header"].style_id
    except KeyError:
        style_id = None  # a template without it: the paragraphs keep Normal
    for section in document.sections:
        header = section.header
        if not header.is_linked_to_previous:
            continue  # the template's own header
        header.is_linked_to_previous = False
        anchor = header.paragraphs[0]._p  # a header must end with a paragraph
        anchor.addprevious(parse_xml(header_table_xml(meeting, word, width_emu, style_id)))
