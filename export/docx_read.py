"""Reading a Word document's body as lines (docs/FORMAT.md, "The body as lines").

Each paragraph's text is one line, each table cell's text one line (row by row), in
document order; empty lines are dropped. Used by the tests and the agenda importer.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Iterator

import docx
from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph


class DocxReadError(ValueError):
    """The file is not a readable Word document; the message is Swedish."""


def open_document(source: Path | str | bytes | Document) -> Document:
    """A python-docx document from a path, bytes or an already open document."""
    if isinstance(source, Document):
        return source
    if isinstance(source, (bytes, bytearray)):
        try:
            return docx.Document(io.BytesIO(source))
        except Exception as exc:  # noqa: BLE001 - zip, XML or package errors
            raise DocxReadError("Innehållet är inget läsbart Word-dokument (.docx).") from exc
    path = Path(source)
    if not path.is_file():
        raise DocxReadError(f"Filen {path} finns inte.")
    try:
        return docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001
        raise DocxReadError(f"Filen {path} är inget läsbart Word-dokument (.docx).") from exc


def iter_body_lines(document: Document) -> Iterator[tuple[object, str]]:
    """(paragraph or cell, text) for every line of the body, empty ones included."""
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block, block.text
        elif isinstance(block, Table):
            yield from _table_lines(block)


def _table_lines(table: Table) -> Iterator[tuple[object, str]]:
    for row in table.rows:
        seen: set[int] = set()
        for cell in row.cells:
            # A horizontally merged cell comes back once per grid column: read it once.
            if id(cell) in seen:
                continue
            seen.add(id(cell))
            yield cell, cell.text


def docx_lines(source: Path | str | bytes | Document) -> list[str]:
    """The body's lines in document order, empty (blank) lines dropped."""
    return [text for _, text in iter_body_lines(open_document(source)) if text.strip()]


def docx_styled_lines(source: Path | str | bytes | Document) -> list[tuple[str, str]]:
    """(style name, text) per non-empty line; a table cell's style is ``"table:<name>"``
    of its table."""
    document = open_document(source)
    out: list[tuple[str, str]] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            if block.text.strip():
                out.append((_style_name(block), block.text))
        else:
            name = _style_name(block)
            out.extend((f"table:{name}", text) for _, text in _table_lines(block) if text.strip())
    return out


def _style_name(block: Paragraph | Table) -> str:
    try:
        style = block.style
    except Exception:  # noqa: BLE001 - python-docx's lookup fails on odd style ids
        return ""
    return (style.name or "") if style is not None else ""
