"""The page around a protocol: on every page a header with the body's name and
``PROTOKOLL`` (or ``PROTOKOLLSUTDRAG``) on the first line, ``Sammanträdesdatum
YYYY-MM-DD`` and ``Sida N (M)`` on the second, N and M as the Word fields PAGE and
NUMPAGES. It is a borderless two-column table, the second column aligned right, so the
four texts read back as four lines. An organisation's template's own header wins
(docs/FORMAT.md, "The protocol (DOCX)"); the protocol has no footer of its own, its page
numbers being in the header.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from export.docx_common import text_width
from export.minutes_page import PAGE_WORD, add_field, use_style
from export.protocol_front import MEETING_DATE, body_name
from store.domain.model import Meeting

PROTOCOL_WORD = "PROTOKOLL"
EXTRACT_WORD = "PROTOKOLLSUTDRAG"
#: Share of the text width for the left column (body, date).
LEFT_SHARE = 0.62


def add_protocol_header(document: Document, meeting: Meeting, word: str = PROTOCOL_WORD) -> None:
    """Our header in every section that has none of its own."""
    width = text_width(document)
    for section in document.sections:
        header = section.header
        if not header.is_linked_to_previous:
            continue  # the template's own header
        header.is_linked_to_previous = False
        anchor = header.paragraphs[0]
        anchor.text = ""
        use_style(document, anchor, "Header")
        left = int(width * LEFT_SHARE)
        table = header.add_table(2, 2, width)
        _borderless(table)
        for row in table.rows:
            row.cells[0].width, row.cells[1].width = left, width - left
        texts = ((body_name(meeting), word), (f"{MEETING_DATE} {meeting.date}", None))
        for row, (left_text, right_text) in zip(table.rows, texts):
            first, second = (cell.paragraphs[0] for cell in row.cells)
            use_style(document, first, "Header")
            use_style(document, second, "Header")
            second.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            first.add_run(left_text)
            if right_text is not None:
                second.add_run(right_text).bold = True
            else:
                second.add_run(f"{PAGE_WORD} ")
                add_field(second, "PAGE", "1")
                second.add_run(" (")
                add_field(second, "NUMPAGES", "1")
                second.add_run(")")
        anchor._p.addprevious(table._tbl)  # a header must end with a paragraph


def _borderless(table) -> None:
    props = table._tbl.tblPr
    props.append(parse_xml(
        f"<w:tblBorders {nsdecls('w')}>"
        + "".join(f'<w:{side} w:val="nil"/>'
                  for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
        + "</w:tblBorders>"))
