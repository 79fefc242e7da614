"""Reflow pasted text: hard line breaks of a paragraph go, real breaks stay.

Text copied from a PDF or an e-mail breaks every line; each line would become a
paragraph of its own in the minutes. A multi-line paste is therefore reflowed:

- the lines of one paragraph are joined with a space;
- a blank line is a paragraph break and stays (several in a row count as one);
- a bullet line (``-``, ``*``, ``•`` and similar marks, or ``1.``/``1)``) starts a bullet
  of its own, written ``- `` as the field markup wants; the lines that follow it belong
  to that bullet until the next bullet or blank line.

Text without a line break is returned as it is. Pure and idempotent.
"""

from __future__ import annotations

from .text import pattern_on_first_use

#: A bullet mark at the start of a line: a dash, star or bullet sign followed by a
#: space (or nothing else on the line), or a list number "1." / "12)" and a space.
_BULLET = pattern_on_first_use(r"^(?:[-*•◦▪‣∙·–—](?=\s|$)|\d{1,2}[.)](?=\s|$))\s*")
_BREAKS = pattern_on_first_use(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")

BULLET_PREFIX = "- "


def bullet_content(line: str) -> str | None:
    """The text of a bullet line without its mark, or None when it is not a bullet."""
    stripped = line.strip()
    match = _BULLET().match(stripped)
    if match is None:
        return None
    return stripped[match.end():]


def reflow(text: str) -> str:
    """The paste with its paragraphs joined (see the module's description)."""
    text = _BREAKS().sub("\n", text)
    if "\n" not in text:
        return text
    blocks: list[list[str]] = []  # paragraphs: each a list of output lines
    current: list[str] | None = None
    for line in text.split("\n"):
        if not line.strip():
            current = None
            continue
        if current is None:
            current = []
            blocks.append(current)
        content = bullet_content(line)
        if content is not None:
            current.append(BULLET_PREFIX + content)
        elif current:
            current[-1] = _join(current[-1], line.strip())
        else:
            current.append(line.strip())
    out = "\n\n".join("\n".join(lines) for lines in blocks)
    if text.endswith("\n") and out:
        out += "\n"  # a copied whole line keeps its line break
    return out


def _join(head: str, tail: str) -> str:
    if head == BULLET_PREFIX.rstrip() or head.endswith(" "):
        return head + tail
    return f"{head} {tail}"
