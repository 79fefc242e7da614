"""The page around the minutes: a header with the meeting's title and date, and
``Sida N (M)`` in the footer, N and M as Word fields (PAGE, NUMPAGES) so they stay right
however the document is edited. Header and footer are not body text, so the body's
lines are untouched (docs/FORMAT.md, "Header and footer").

An organisation's template decides: a header (footer) it defines is kept as it is; only
where it has none is ours added.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from export.docx_body import W_DECL
from export.markup import one_line
from store.domain.model import Meeting

if TYPE_CHECKING:
    from docx.document import Document

PAGE_WORD = "Sida"


def add_header_and_footer(document: Document, meeting: Meeting) -> None:
    """Our header and footer in every section that lacks its own."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from export.docx_common import text_width

    width = text_width(document)
    for section in document.sections:
        header = section.header
        if header.is_linked_to_previous:  # no header of its own (or the template's)
            header.is_linked_to_previous = False
            paragraph = header.paragraphs[0]
            paragraph.text = ""
            use_style(document, paragraph, "Header")
            right_tab_at_margin(document, paragraph, width)
            paragraph.add_run(one_line(meeting.title))
            paragraph.add_run("\t" + one_line(meeting.date))
        footer = section.footer
        if footer.is_linked_to_previous:
            footer.is_linked_to_previous = False
            paragraph = footer.paragraphs[0]
            paragraph.text = ""
            use_style(document, paragraph, "Footer")
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.add_run(f"{PAGE_WORD} ")
            add_field(paragraph, "PAGE", "1")
            paragraph.add_run(" (")
            add_field(paragraph, "NUMPAGES", "1")
            paragraph.add_run(")")


def right_tab_at_margin(document: Document, paragraph, width: int) -> None:
    """One right tab stop at the margin; the style's own stops (python-docx's Header has
    Letter-sized ones) are cleared, or the date would stop at the middle or past the edge."""
    from docx.enum.text import WD_TAB_ALIGNMENT

    stops = paragraph.paragraph_format.tab_stops
    for stop in paragraph.style.paragraph_format.tab_stops:
        stops.add_tab_stop(stop.position, WD_TAB_ALIGNMENT.CLEAR)
    stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)


def use_style(document: Document, paragraph, name: str) -> None:
    try:
        paragraph.style = document.styles[name]
    except KeyError:
        pass  # a template without it: the paragraph keeps Normal


def add_field(paragraph, instruction: str, shown: str) -> None:
    """A complex field (begin, instruction, separate, last value, end): what Word itself
    writes, and what LibreOffice updates on opening."""
    from docx.oxml import parse_xml

    w = W_DECL
    for xml in (
        f'<w:r {w}><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {w}><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>',
        f'<w:r {w}><w:fldChar w:fldCharType="separate"/></w:r>',
        f'<w:r {w}><w:t>{shown}</w:t></w:r>',
        f'<w:r {w}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml))
