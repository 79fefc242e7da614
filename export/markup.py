"""The tiny field markup (docs/FORMAT.md, "Field text"), shared by the DOCX export, the
agenda importer and the TUI preview.

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
from typing import Iterable, NamedTuple

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
    if "\r" in text:
        text = _NEWLINES.sub("\n", text)
    # Called for every run of every document: the usual clean text is returned as is.
    if _ILLEGAL_XML.search(text) is None:
        return text
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


#: Spans nest at most this deep; markers inside a deeper span are written as typed.
#: Real minutes nest two deep (bold inside italic); a paste of thousands of stars must
#: not exhaust the stack or the time of the export, preview or live screen.
MAX_NESTING = 8
#: Scanning steps allowed per character of a line before the rest of the line is
#: written as typed: keeps a pathological line (an 8 kB paste of stars) linear.
_STEPS_PER_CHAR = 8

_STARS = re.compile(r"\*+")


@dataclass
class _Span:
    """One open span while a line is parsed: its text runs from `pos` to `stop`; after
    it the enclosing span resumes at `resume`."""

    pos: int
    stop: int
    resume: int
    bold: bool
    italic: bool
    depth: int
    last_closer: int
    plain_from: int = 0
    no_italic_from: int | None = None  # a closer search from here on is known to fail
    no_bold_from: int | None = None


class _Budget:
    def __init__(self, size: int) -> None:
        self.left = _STEPS_PER_CHAR * size + 64

    def take(self) -> bool:
        self.left -= 1
        return self.left >= 0


def parse_inline(line: str, bold: bool = False, italic: bool = False) -> list[Run]:
    """One line's ``**bold**`` / ``*italic*`` markup as runs (adjacent equal runs merged).

    Iterative, nesting at most `MAX_NESTING` deep and in time linear in the line: what a
    bound cuts off is written as typed, never an error.
    """
    runs: list[Run] = []
    budget = _Budget(len(line))
    spans = [_Span(0, len(line), len(line), bold, italic, 0, _last_closer(line, 0, len(line)))]
    while spans:
        span = spans[-1]
        i = span.pos
        star = -1
        if span.depth < MAX_NESTING and i < span.last_closer and budget.left > 0:
            # Only a star before the span's last possible closer can open a span.
            star = line.find("*", i, span.last_closer)
        if star == -1:
            _append(runs, Run(line[span.plain_from : span.stop], span.bold, span.italic))
            spans.pop()
            if spans:
                spans[-1].pos = spans[-1].plain_from = span.resume
            continue
        inner = _open_at(line, star, span, budget)
        if inner is None:
            span.pos = star + 1
            continue
        _append(runs, Run(line[span.plain_from : star], span.bold, span.italic))
        span.pos = span.plain_from = inner.resume
        spans.append(inner)
    return runs


def _open_at(line: str, i: int, span: _Span, budget: _Budget) -> _Span | None:
    """The span opened by the star(s) at `i`, if they open one."""
    stop = span.stop
    # A search that ran from a start that is not a star and found no closer fails from
    # every later such start too (it meets the same star runs): remember, never repeat.
    if line.startswith("**", i, stop):
        start = i + 2
        searched = _opens(line, start, stop) and line[start] != "*"
        if not (searched and span.no_bold_from is not None and start >= span.no_bold_from):
            end = _bold_end(line, start, stop, budget)
            if end is not None:
                return _Span(start, end, end + 2, True, span.italic, span.depth + 1,
                             _last_closer(line, start, end), start)
            if searched:
                span.no_bold_from = start
    start = i + 1
    searched = _opens(line, start, stop) and line[start] != "*"
    if not searched or span.no_italic_from is not None and start >= span.no_italic_from:
        return None
    end = _italic_end(line, start, stop, budget)
    if end is not None:
        return _Span(start, end, end + 1, span.bold, True, span.depth + 1,
                     _last_closer(line, start, end), start)
    span.no_italic_from = start
    return None


def _last_closer(line: str, lo: int, hi: int) -> int:
    """Index of the last star of the last star run in [lo, hi) that follows a non-space
    (-1 if none). Only such a run can close a span, so no span opens at or after it."""
    j = line.rfind("*", lo, hi)
    while j > lo:
        run_start = j
        while run_start > lo and line[run_start - 1] == "*":
            run_start -= 1
        if run_start > lo and not line[run_start - 1].isspace():
            return j
        j = line.rfind("*", lo, run_start)
    return -1


def _opens(line: str, start: int, stop: int) -> bool:
    return start < stop and not line[start].isspace()


def _bold_end(line: str, start: int, stop: int, budget: _Budget) -> int | None:
    """Index of the ``**`` closing a bold span whose words begin at `start`."""
    if not _opens(line, start, stop) or line[start] == "*" and not _opens(line, start + 1, stop):
        return None
    j = line.find("**", start + 1, stop)
    while j != -1 and budget.take():
        # In a run of stars (``***``) the closer is its last two, so ``***x***`` nests.
        j = min(_STARS.match(line, j).end(), stop) - 2
        if not line[j - 1].isspace() and j > start:
            return j
        j = line.find("**", j + 2, stop)
    return None


def _italic_end(line: str, start: int, stop: int, budget: _Budget) -> int | None:
    """Index of the ``*`` closing an italic span whose words begin at `start`."""
    if not _opens(line, start, stop) or line[start] == "*":
        return None
    j = line.find("*", start + 1, stop)
    while j != -1 and budget.take():
        if line.startswith("**", j, stop):
            j = line.find("*", j + 2, stop)  # a bold span inside the italic one
            continue
        if not line[j - 1].isspace():
            return j
        j = line.find("*", j + 1, stop)
    return None


def runs_markup(runs: Iterable[tuple[str, bool, bool]]) -> str:
    """Formatted runs ``(text, bold, italic)`` written as markup that `parse_inline`
    reads back as the same runs: overlapping formats nest (``**fet *kursiv* fet**``)
    instead of being closed and reopened around each run.

    Spaces at a span's edge go outside its markers (markers hug their words). Runs no
    markup can express (say plain text that looks like markup) are written as close as
    the markup allows.
    """
    merged: list[Run] = []
    for text, bold, italic in runs:
        _append(merged, Run(text, bool(bold), bool(italic)))
    first = _write_runs(merged, bold_outside=True)
    if len(merged) < 2 or parse_inline(first) == merged:
        return first
    candidates = [first, _write_runs(merged, bold_outside=False), _write_flat(merged)]
    for candidate in candidates[1:]:
        if parse_inline(candidate) == merged:
            return candidate
    # Nothing gives the runs exactly: then what reads as the same words in the same
    # formats (a space's format cannot be seen).
    wanted = _visible_formats(merged)
    for candidate in candidates:
        if _visible_formats(parse_inline(candidate)) == wanted:
            return candidate
    return first


def _visible_formats(runs: list[Run]) -> list[tuple[str, bool, bool]]:
    return [
        (ch, run.bold and not ch.isspace(), run.italic and not ch.isspace())
        for run in runs
        for ch in run.text
    ]


def _write_flat(runs: list[Run]) -> str:
    """Each run in markers of its own (``***a*** *b*``), nothing nested."""
    return "".join(
        _wrapped(run.text, "*" * (2 * run.bold + run.italic)) if run.bold or run.italic else run.text
        for run in runs
    )


def _write_runs(runs: list[Run], bold_outside: bool) -> str:
    out: list[str] = []
    i, n = 0, len(runs)
    while i < n:
        run = runs[i]
        if not (run.bold or run.italic):
            out.append(run.text)
            i += 1
            continue
        bold_end = _span_end(runs, i, "bold")
        italic_end = _span_end(runs, i, "italic")
        # The format that lasts longer is the outer span; the other nests inside it.
        if bold_end > italic_end or bold_end == italic_end and bold_outside:
            end, marker = bold_end, "**"
            inner = [Run(r.text, False, r.italic) for r in runs[i:end]]
        else:
            end, marker = italic_end, "*"
            inner = [Run(r.text, r.bold, False) for r in runs[i:end]]
        out.append(_wrapped(_write_runs(inner, bold_outside), marker))
        i = end
    return "".join(out)


def _span_end(runs: list[Run], start: int, attribute: str) -> int:
    end = start
    while end < len(runs) and getattr(runs[end], attribute):
        end += 1
    return end


def _wrapped(text: str, marker: str) -> str:
    core = text.strip()
    if not core:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{marker}{core}{marker}{trail}"


def _append(runs: list[Run], run: Run) -> None:
    if not run.text:
        return
    if runs and runs[-1].bold == run.bold and runs[-1].italic == run.italic:
        runs[-1] = Run(runs[-1].text + run.text, run.bold, run.italic)
    else:
        runs.append(run)
