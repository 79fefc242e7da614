"""The tjänsteskrivelser of a mötesbok: where each one starts, and its fields.

A tjänsteskrivelse starts at a ``Tjänsteskrivelse`` line (or an ``Ärende 181/24`` cover
line). A case system often prints the marker and the diarienummer on every page of the
same paper: a marker followed by the diarienummer the paper already has starts nothing.
Without any marker, a paper starts where a ``Förslag till beslut`` label stands, moved
back over the title and diarienummer lines just before it.

Inside a paper, the lines before the first label hold the marker, a date, the
diarienummer and the title (which title is decided by the matching against the agenda,
motesbok_match.py); the labels then open the fields (motesbok_labels.SECTION_LABELS).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .motesbok_labels import (
    is_paper_marker,
    is_uppercase_marker,
    registration_number,
    section_label,
    separator_case,
)

_DATE_ONLY_RE = re.compile(r"^\s*(?:datum\s*:?\s*)?\d{4}-\d{2}-\d{2}\s*$", re.I)
_BULLET_RE = re.compile(r"^\s*(?:[-•*–]|\d{1,2}[.)])\s+")
_SATS_RE = re.compile(r"^\s*(?:att\b|\d{1,2}[.)]\s)", re.I)
_LIST_FIELDS = ("basis", "send_to", "responsible")


@dataclass
class Paper:
    """One tjänsteskrivelse as read (fields as lines, not yet joined)."""

    start: int  # index of its first line in the body
    case_number: str = ""
    registration_number: str = ""
    preamble: list[str] = field(default_factory=list)  # before the first label
    fields: dict[str, list[str]] = field(default_factory=dict)
    inline_responsible: list[str] = field(default_factory=list)

    def all_lines(self) -> list[str]:
        lines = list(self.preamble)
        for values in self.fields.values():
            lines += values
        return lines


def _dnr_ahead(lines: list[str], index: int, reach: int = 4) -> str | None:
    """The diarienummer on the marker's line or one of the next lines before a label."""
    marker = lines[index]
    found = registration_number(marker) or registration_number(
        re.sub(r"^\s*tjänsteskrivelse\b\s*", "", marker, flags=re.I)
    )
    for line in lines[index + 1 : index + reach + 1]:
        if found or section_label(line) or is_paper_marker(line):
            break
        found = registration_number(line)
    return found


def split_papers(lines: list[str], agenda_numbers: set[str]) -> list[Paper]:
    """The papers in order, each with its lines parsed into fields. Lines before the
    first paper belong to the front (see `front_end`)."""
    papers: list[Paper] = []
    starts = paper_starts(lines, agenda_numbers)
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        papers.append(parse_paper(lines, start, end, agenda_numbers))
    return papers


def paper_starts(lines: list[str], agenda_numbers: set[str]) -> list[int]:
    starts: list[int] = []
    current_dnr: str | None = None
    in_list = False
    marked = any(is_paper_marker(line) or separator_case(line) for line in lines)
    for index, line in enumerate(lines):
        text = line.strip()
        label = section_label(text)
        if label:
            in_list = label[0] in _LIST_FIELDS
        separator = separator_case(text)
        if separator and (separator in agenda_numbers or not agenda_numbers):
            starts.append(index)
            current_dnr, in_list = None, False
            continue
        if marked and is_paper_marker(text):
            dnr = _dnr_ahead(lines, index)
            repeat = dnr is not None and dnr == current_dnr
            basis_entry = in_list and not is_uppercase_marker(text) and dnr is None
            if repeat or basis_entry:
                continue
            if starts and starts[-1] >= index - 1 and separator_case(lines[starts[-1]]):
                current_dnr = dnr  # the marker right after an "Ärende 181/24" cover
                continue
            starts.append(index)
            current_dnr, in_list = dnr, False
            continue
        if not marked and label and label[0] == "proposal":
            starts.append(_back_over_title(lines, index, starts))
            in_list = False
    return starts


def _back_over_title(lines: list[str], index: int, starts: list[int]) -> int:
    """Without markers: a paper starts at its title, just before the proposal label
    and any diarienummer or date lines between them (a title wrapped onto a second
    line, which starts in lower case, takes one line more)."""
    floor = starts[-1] + 1 if starts else 0
    at = index
    while at - 1 >= floor and (
        not lines[at - 1].strip()
        or registration_number(lines[at - 1])
        or _DATE_ONLY_RE.match(lines[at - 1])
    ):
        at -= 1
    if at - 1 >= floor and not section_label(lines[at - 1]):
        at -= 1
        wrapped = lines[at].strip()[:1].islower()
        if wrapped and at - 1 >= floor and lines[at - 1].strip() and not section_label(lines[at - 1]):
            at -= 1
    return at


def parse_paper(lines: list[str], start: int, end: int, agenda_numbers: set[str]) -> Paper:
    paper = Paper(start=start)
    current: str | None = None
    for line in lines[start:end]:
        text = line.strip()
        if not text:
            if current is not None:
                paper.fields[current].append("")
            continue
        label = section_label(text)
        if label:
            kind, rest = label
            if kind == "responsible" and rest:
                paper.inline_responsible.append(rest)
                continue
            current = kind
            values = paper.fields.setdefault(kind, [])
            if values:
                values.append("")
            if rest:
                values.append(rest)
            continue
        dnr = registration_number(text)
        if dnr and not paper.registration_number:
            paper.registration_number = dnr
            continue
        if dnr and dnr == paper.registration_number:
            continue  # repeated in a page header
        separator = separator_case(text)
        if separator and not paper.case_number:
            paper.case_number = separator
            continue
        if current is None:
            if is_paper_marker(text) or _DATE_ONLY_RE.match(text):
                continue
            paper.preamble.append(text)
        else:
            paper.fields[current].append(text)
    return paper


# -- joining lines into text --------------------------------------------------------------


def paragraphs(lines: list[str], reflow: bool, width: int) -> list[str]:
    """Lines as paragraphs. From a PDF (`reflow`), a line as long as the page's longest
    (`width`) was wrapped, and the next line continues it; other sources give
    paragraphs already."""
    out: list[str] = []
    open_ = False
    previous = ""
    for line in lines:
        text = line.strip()
        if not text:
            open_ = False
            continue
        wrapped = reflow and open_ and len(previous) >= 0.8 * width
        if wrapped and not _SATS_RE.match(text) and not _BULLET_RE.match(text):
            out[-1] = _join(out[-1], text)
        else:
            out.append(text)
        open_ = True
        previous = text
    return out


def _join(left: str, right: str) -> str:
    """A soft-hyphenated word (``medfinansie-`` + ``ring``) is joined without the hyphen;
    ``närings- och`` keeps its hyphen and space."""
    if left.endswith("-") and right[:1].islower() and right.split()[0] not in (
        "och", "eller", "samt", "respektive",
    ) and left[-2:-1].isalpha():
        return left[:-1] + right
    return f"{left} {right}"


def proposal_parts(lines: list[str], reflow: bool, width: int) -> tuple[str, str]:
    """(decision lead, att-satser one per line). Without att-satser the lead is empty
    and the proposal is the text as written."""
    parts = paragraphs(lines, reflow, width)
    satser: list[str] = []
    lead: list[str] = []
    for part in parts:
        if _SATS_RE.match(part):
            satser.append(part)
        elif satser:
            satser[-1] = f"{satser[-1]} {part}"  # a sats wrapped in a non-PDF source
        else:
            lead.append(part)
    if not satser:
        return "", "\n".join(parts)
    return " ".join(lead), "\n".join(satser)


def list_entries(lines: list[str], reflow: bool, width: int) -> list[str]:
    out = []
    for part in paragraphs(lines, reflow, width):
        entry = _BULLET_RE.sub("", part).strip()
        if entry:
            out.append(entry)
    return out
