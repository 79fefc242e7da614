"""A mötesbok from a PDF, a Word document or text, as a meeting; detect.py routes here.

Each source gives pages of lines for `parse_motesbok`: a PDF its pages (pdf_text.py), a
text file its form-feed pages, a Word document one page of its paragraphs and table rows
(cells joined with `` | ``) in document order; Word's page headers and footers are not
in the body and need no stripping there. A PDF that holds no mötesbok is read as a plain
agenda, like a text file.
"""

from __future__ import annotations

from datetime import date as Date

from store.domain.model import Meeting
from store.persistence.serialize import meeting_from_dict

from .motesbok import looks_like_motesbok, pages_of_text, parse_motesbok
from .page_furniture import strip_furniture

CELL_SEPARATOR = " | "


def docx_lines(document) -> list[str]:
    """Paragraph texts and table rows in order (also inside content controls)."""
    from docx.table import Table

    from .agenda_docx import iter_blocks, paragraph_runs

    lines: list[str] = []
    for block in iter_blocks(document):
        if isinstance(block, Table):
            for row in block.rows:
                cells, seen = [], set()
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue  # a merged cell is listed once per grid column
                    seen.add(id(cell._tc))
                    text = " ".join(cell.text.split())
                    if text:
                        cells.append(text)
                if cells:
                    lines.append(CELL_SEPARATOR.join(cells))
        else:
            text = "".join(part for part, _, _ in paragraph_runs(block)).strip()
            if text:
                lines.append(text)
    return lines


def motesbok_meeting(
    pages: list[list[str]], *, reflow: bool, today: Date | None
) -> tuple[Meeting, list[str]]:
    """The meeting and the summary's remarks."""
    data, summary = parse_motesbok(pages, reflow=reflow, today=today)
    return meeting_from_dict(data), summary.parts()


def text_is_motesbok(text: str) -> bool:
    return looks_like_motesbok(text.splitlines())


def text_motesbok(text: str, today: Date | None) -> tuple[Meeting, list[str]]:
    return motesbok_meeting(pages_of_text(text), reflow=False, today=today)


def pdf_meeting(raw: bytes, today: Date | None) -> tuple[Meeting, list[str], str]:
    """(meeting, remarks, kind) from a PDF: a mötesbok, else a plain agenda.
    Raises PdfTextError (pdf_text.py) when the PDF cannot be read."""
    from .pdf_text import pdf_text

    read = pdf_text(raw)
    pages = [page.splitlines() for page in read.pages]
    lost = []
    if read.unreadable_pages:
        n = read.unreadable_pages
        lost = [f"{n} {'sida' if n == 1 else 'sidor'} i PDF-filen kunde inte läsas"]
    if looks_like_motesbok([line for page in pages for line in page]):
        meeting, notes = motesbok_meeting(pages, reflow=True, today=today)
        return meeting, notes + lost, "mötesbok, PDF"
    from .agenda_text import parse_agenda_text

    clean = strip_furniture(pages).clean
    meeting, notes = parse_agenda_text("\n".join(line for page in clean for line in page), today=today)
    return meeting, notes + lost, "PDF-dagordning"
