"""Page headers, footers and page numbers: found by repetition and taken out of the text.

A mötesbok repeats on every page the body's name, the meeting date, ``KALLELSE`` and
``Sida 3 (12)``. Such a line is recognised by its *shape* (digits stand for any number,
so ``Sida 3 (12)`` and ``Sida 4 (12)`` are one line) standing near the top or bottom of
many pages. Lines the parser needs (labels, a diarienummer, ``Tjänsteskrivelse``) are
never taken for furniture, even when a case system prints them on every page.

Text without page breaks (a paste) is cut into pages at its page-number lines first.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .motesbok_labels import is_label_line, is_page_number

#: How many lines at each end of a page may be header or footer.
EDGE_LINES = 4
_DIGITS_RE = re.compile(r"\d+")
_LONE_NUMBER_RE = re.compile(r"^\s*\d{1,4}\s*$")


@dataclass
class Pages:
    """The pages as read, and without their furniture."""

    raw: list[list[str]]
    clean: list[list[str]]
    removed: int  # lines taken out


def shape(line: str) -> str:
    """A line with every number as ``#`` and spaces collapsed, case folded."""
    return _DIGITS_RE.sub("#", " ".join(line.split()).casefold())


def split_at_page_numbers(lines: list[str]) -> list[list[str]]:
    """One text cut after each page-number line (a footer ends a page)."""
    pages: list[list[str]] = [[]]
    for line in lines:
        pages[-1].append(line)
        if is_page_number(line):
            pages.append([])
    return [page for page in pages if any(line.strip() for line in page)] or [[]]


def _edges(page: list[str]) -> list[tuple[int, str]]:
    filled = [(i, line) for i, line in enumerate(page) if line.strip()]
    if len(filled) <= 2 * EDGE_LINES:
        return filled
    return filled[:EDGE_LINES] + filled[-EDGE_LINES:]


def repeated_shapes(pages: list[list[str]]) -> dict[str, bool]:
    """Shapes standing at a page edge on enough pages to be furniture (all pages of a
    short document, at least three and a third of a long one: text lines repeat by
    chance on a few pages, never on a third of 150), each with whether it is *strong*:
    on four pages in five."""
    n = len(pages)
    if n < 2:
        return {}
    need = min(n, max(3, math.ceil(n * 0.3)))
    strong = max(need, math.ceil(n * 0.8))
    counts: dict[str, int] = {}
    for page in pages:
        for key in {shape(line) for _, line in _edges(page)}:
            counts[key] = counts.get(key, 0) + 1
    return {key: count >= strong for key, count in counts.items() if count >= need and key}


def strip_furniture(pages: list[list[str]]) -> Pages:
    """The pages without furniture. A weak repeated line (on fewer than four pages in
    five) that follows a label on its page is kept: the same recipient under
    ``Beslutet ska skickas till`` at the foot of every paper is text, not a footer."""
    if len(pages) == 1:
        pages = split_at_page_numbers(pages[0])
    repeated = repeated_shapes(pages)
    clean: list[list[str]] = []
    removed = 0
    for page in pages:
        edge = {i for i, _ in _edges(page)}
        kept = []
        after_label = False
        for i, line in enumerate(page):
            label = is_label_line(line)
            furniture = is_page_number(line) or (
                i in edge
                and not label
                and (
                    repeated.get(shape(line), not after_label)
                    if shape(line) in repeated
                    else _LONE_NUMBER_RE.match(line) is not None
                )
            )
            after_label = after_label or label
            if furniture:
                removed += 1
            else:
                kept.append(line)
        clean.append(kept)
    return Pages(raw=pages, clean=clean, removed=removed)
