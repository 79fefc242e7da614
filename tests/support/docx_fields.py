"""Reading Word fields (PAGE, NUMPAGES...) out of a document part."""

from __future__ import annotations

from docx.oxml.ns import qn


def field_instructions(part) -> list[str]:
    """The field codes in a header or footer, e.g. ["PAGE", "NUMPAGES"]."""
    return [t.text.strip() for t in part._element.iter(qn("w:instrText"))]
