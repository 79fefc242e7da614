"""Reading a protocol DOCX the way docs/FORMAT.md says the checks read one: every
paragraph in document order, those in table cells too (row by row, a merged cell once),
as (style name, text); empty lines left out. Headers are read the same way."""

from __future__ import annotations

import io

import docx
from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph


def open_docx(data: bytes | Document) -> Document:
    if isinstance(data, Document):
        buffer = io.BytesIO()
        data.save(buffer)
        data = buffer.getvalue()
    return docx.Document(io.BytesIO(data))


def _lines(container) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for block in container.iter_inner_content():
        if isinstance(block, Paragraph):
            paragraphs = [block]
        elif isinstance(block, Table):
            paragraphs = []
            for row in block.rows:
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    paragraphs.extend(cell.paragraphs)
        else:  # pragma: no cover
            continue
        for paragraph in paragraphs:
            if paragraph.text.strip():
                out.append((paragraph.style.name if paragraph.style else "", paragraph.text))
    return out


def styled_lines(document: Document) -> list[tuple[str, str]]:
    """The body as (style, text) lines."""
    return _lines(document)


def header_lines(document: Document) -> list[str]:
    """The first section's header as text lines."""
    return [text for _, text in _lines(document.sections[0].header)]
