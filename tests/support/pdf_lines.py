"""Checking a PDF we made against its DOCX: every line of the DOCX is in the PDF's text."""

from __future__ import annotations

import re

from export.docx_read import docx_lines
from export.pdf import pdf_text


def plain(text: str) -> str:
    """Whitespace as single spaces: the PDF breaks lines where the page does."""
    return re.sub(r"\s+", " ", text).strip()


def missing_lines(docx_path, pdf_path) -> list[str]:
    text = plain(pdf_text(pdf_path.read_bytes()))
    return [line for line in map(plain, docx_lines(docx_path)) if line and line not in text]
