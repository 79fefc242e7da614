"""The tiny field markup of FORMAT.md, shared by the DOCX export, the agenda importer
and the TUI preview.

- each non-empty line is a paragraph; empty (or blank) lines are dropped;
- a line starting with ``- `` is a bullet, without the dash;
- ``**words**`` is bold and ``*words*`` is italic, inside any line.

A marker only counts when it is closed on the same line and hugs its words
(``2 * 3 * 4`` stays as typed), so ordinary asterisks survive untouched.

Also `clean_xml_text`: what a paste can bring that XML cannot hold is dropped here,
before it reaches a document, so the export never fails on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

# Characters XML 1.0 cannot hold (C0 controls but tab/newline/CR, lone surrogates,
# U+FFFE/U+FFFF), plus DEL and the C1 controls: legal XML but invisible paste debris
# that Word shows as boxes.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_NEWLINES = re.compile("\r\n?")


def clean_xml_text(text: str) -> str:
    """The text without characters XML cannot hold; CR and CRLF become LF.

    Tab and newline are kept: the callers decide what a line break means.
    """
    if not text:
        return ""
    text = _NEWLINES.sub("\n", text)
    return _ILLEGAL_XML.sub("", text)


def one_line(text: str) -> str:
    """Clean text for a one-line place (title, name, cell): line breaks become spaces."""
    cleaned = clean_xml_text(text)
    if "\n" in cleaned:
        cleaned = " ".join(part.strip() for part in cleaned.split("\n") if part.strip())
    return cleaned


class Run(NamedTuple):
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Paragraph:
    runs: list[Run] = field(default_factory=list)
    bullet: bool = False

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


def parse_field(text: str | None) -> list[Paragraph]:
    """A free-text field as paragraphs of runs, illegal characters already removed."""
    paragraphs: list[Paragraph] = []
    for line in clean_xml_text(text or "").split("\n"):
        if not line.strip():
            continue
        bullet = False
        stripped = line.lstrip()
        if stripped.startswith("- "):
            bullet = True
            line = stripped[2:]
            if not line.strip():
                continue  # a lone dash: nothing to show
        paragraphs.append(Paragraph(parse_inline(line), bullet))
    return paragraphs


def field_lines(text: str | None) -> list[str]:
    """The plain text of each paragraph of a field (markers and dashes removed)."""
    return [paragraph.text for paragraph in parse_field(text)]


def parse_inline(line: str, bold: bool = False, italic: bool = False) -> list[Run]:
    """One line's ``**bold**`` / ``*italic*`` markup as runs (adjacent equal runs merged)."""
    runs: list[Run] = []
    plain: list[str] = []

    def flush() -> None:
        if plain:
            _append(runs, Run("".join(plain), bold, italic))
            plain.clear()

    # The last place a span could close: a star run that stray asterisks ("*a *a *a")
    # can never reach is not searched for again from every star (quadratic on pastes).
    last_closer = _last_closer(line)
    i, n = 0, len(line)
    while i < n:
        ch = line[i]
        if ch == "*" and i < last_closer:
            if line.startswith("**", i):
                end = _bold_end(line, i + 2)
                if end is not None:
                    flush()
                    for run in parse_inline(line[i + 2 : end], True, italic):
                        _append(runs, run)
                    i = end + 2
                    continue
            end = _italic_end(line, i + 1)
            if end is not None:
                flush()
                for run in parse_inline(line[i + 1 : end], bold, True):
                    _append(runs, run)
                i = end + 1
                continue
        plain.append(ch)
        i += 1
    flush()
    return runs


def _last_closer(line: str) -> int:
    """Index of the last star of the last star run that follows a non-space (-1 if none).

    Only such a run can close a span, so no span can open at or after it.
    """
    j = line.rfind("*")
    while j > 0:
        run_start = j
        while run_start > 0 and line[run_start - 1] == "*":
            run_start -= 1
        if run_start > 0 and not line[run_start - 1].isspace():
            return j
        j = line.rfind("*", 0, run_start)
    return -1


def _opens(line: str, start: int) -> bool:
    return start < len(line) and not line[start].isspace()


def _bold_end(line: str, start: int) -> int | None:
    """Index of the ``**`` closing a bold span whose words begin at `start`."""
    if not _opens(line, start) or line[start] == "*" and not _opens(line, start + 1):
        return None
    j = line.find("**", start + 1)
    while j != -1:
        # In a run of stars (``***``) the closer is its last two, so ``***x***`` nests.
        while line.startswith("*", j + 2):
            j += 1
        if not line[j - 1].isspace() and j > start:
            return j
        j = line.find("**", j + 2)
    return None


def _italic_end(line: str, start: int) -> int | None:
    """Index of the ``*`` closing an italic span whose words begin at `start`."""
    if not _opens(line, start) or line[start] == "*":
        return None
    j = start + 1
    n = len(line)
    while j < n:
        if line.startswith("**", j):
            j += 2  # a bold span inside the italic one
            continue
        if line[j] == "*" and not line[j - 1].isspace():
            return j
        j += 1
    return None


def _append(runs: list[Run], run: Run) -> None:
    if not run.text:
        return
    if runs and runs[-1].bold == run.bold and runs[-1].italic == run.italic:
        runs[-1] = Run(runs[-1].text + run.text, run.bold, run.italic)
    else:
        runs.append(run)
