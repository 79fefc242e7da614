"""A mötesbok (kallelse with the agenda and every tjänsteskrivelse) as a protocol meeting.

`parse_motesbok(pages)` takes the text as pages of lines (from a PDF, a Word document or
a text file) and returns the meeting as a dict in our JSON format (docs/FORMAT.md with
the protocol keys) and an `ImportSummary`. The steps, one module each:

- page_furniture.py: repeated page headers, footers and page numbers out;
- motesbok_agenda.py: the body, date, time, place and the agenda list;
- motesbok_cases.py: the tjänsteskrivelser and their fields;
- motesbok_match.py: which agenda entry each tjänsteskrivelse belongs to;
- motesbok_paragraphs.py: the first § from the ärenden's numbers.

Nothing is dropped. Text that fits nowhere goes to the meeting's `unplaced` text (docs/
FORMAT.md), which the agenda editor shows as ``Ej placerad text från importen`` below the
ärenden, never an ärende of its own, so it gets no § and is not printed: text of the
kallelse outside the agenda, a tjänsteskrivelse that matches no ärende, and the lines of
a tjänsteskrivelse that are no field, under a line naming their ärende (not in its notes,
which the secretary writes in the meeting, nor in its Ärendebeskrivning, which is
printed). The summary counts those lines and says where they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date

from store.domain.model import UNPLACED_TITLE
from store.domain.protocol import PROTOCOL
from store.persistence.serialize import FORMAT_ID

from .motesbok_agenda import AgendaEntry, read_front
from .motesbok_cases import Paper, list_entries, paragraphs, proposal_parts, split_papers
from .motesbok_labels import (
    case_number_line,
    is_paper_marker,
    registration_number,
    section_label,
    separator_case,
)
from .motesbok_match import match_papers
from .motesbok_paragraphs import first_paragraph_of
from .page_furniture import strip_furniture

DEFAULT_TITLE = "Sammanträde"


@dataclass
class ImportSummary:
    cases: int = 0
    with_registration: int = 0
    without_paper: list[str] = field(default_factory=list)  # "45/31 Information om …"
    unplaced_lines: int = 0
    paper_lines: int = 0  # of those, stray lines inside matched tjänsteskrivelser
    date_missing: bool = False
    paragraphs: str = ""  # where the first § came from, or why it was not set

    def parts(self) -> list[str]:
        """Swedish remarks for the import summary (CLI and import dialog)."""
        out = [
            f"{self.cases} {'ärende' if self.cases == 1 else 'ärenden'}, "
            f"{self.with_registration} med diarienummer"
        ]
        if self.without_paper:
            out.append("utan tjänsteskrivelse: " + ", ".join(self.without_paper))
        if self.unplaced_lines:
            lines = "rad" if self.unplaced_lines == 1 else "rader"
            papers = f" (varav {self.paper_lines} ur tjänsteskrivelserna)" if self.paper_lines else ""
            out.append(
                f"{self.unplaced_lines} {lines} text kunde inte placeras{papers}: se "
                f"”{UNPLACED_TITLE}” sist i dagordningen (utan §, skrivs inte ut)"
            )
        if self.date_missing:
            out.append("inget datum hittades, dagens datum används")
        if self.paragraphs:
            out.append(self.paragraphs)
        return out


def pages_of_text(text: str) -> list[list[str]]:
    """Text pages split at form feeds (PDF-to-text tools write one per page)."""
    return [page.splitlines() for page in text.split("\f")]


def looks_like_motesbok(lines: list[str]) -> bool:
    """A mötesbok, not a plain agenda: tjänsteskrivelser or diarienummer, with
    proposals or numbered ärenden (a plain agenda has ``Förslag till beslut`` too)."""
    papers = dnrs = proposals = cases = 0
    for line in lines:
        if len(line) > 120:
            continue
        if is_paper_marker(line) or separator_case(line):
            papers += 1
        elif registration_number(line):
            dnrs += 1
        elif case_number_line(line):
            cases += 1
        else:
            label = section_label(line)
            proposals += bool(label and label[0] == "proposal")
    return bool(papers or dnrs) and bool(proposals or cases or papers)


def parse_motesbok(
    pages: list[list[str]], *, reflow: bool = False, today: Date | None = None
) -> tuple[dict, ImportSummary]:
    """The meeting dict and the summary; `reflow` joins lines a PDF wrapped."""
    stripped = strip_furniture(pages)
    lines = [line for page in stripped.clean for line in page]
    numbers = {found[0] for line in lines if (found := case_number_line(line.strip()))}
    papers = split_papers(lines, numbers)
    front_end = papers[0].start if papers else len(lines)
    width = max((len(line.strip()) for line in lines), default=80)
    front = read_front(
        list(lines[:front_end]),
        stripped.raw[0] if stripped.raw else [],
        wrap_width=width if reflow else None,
    )

    matches = match_papers(papers, front.entries)
    by_entry: dict[int, tuple[Paper, tuple[int, ...]]] = {}
    unplaced: list[str] = list(front.loose)
    for paper, found in zip(papers, matches):
        if found is None:
            unplaced.append("Tjänsteskrivelse utan ärende i föredragningslistan:")
            if paper.registration_number:
                unplaced.append(f"Dnr {paper.registration_number}")
            unplaced += [line for line in paper.all_lines() if line.strip()]
        else:
            by_entry[found.entry] = (paper, found.title_lines)

    summary = ImportSummary(cases=len(front.entries))
    summary.unplaced_lines = len(unplaced)
    items = []
    for index, entry in enumerate(front.entries):
        item = _entry_item(entry)
        name = f"{entry.case_number} {entry.title}".strip()
        if index in by_entry:
            paper, title_lines = by_entry[index]
            leftovers = _fill_from_paper(item, paper, title_lines, reflow, width)
            if leftovers:
                unplaced += ["", f"Ur tjänsteskrivelsen till {name}:", *leftovers]
                summary.unplaced_lines += len(leftovers)
                summary.paper_lines += len(leftovers)
        else:
            summary.without_paper.append(name)
        summary.with_registration += bool(item.get("registration_number"))
        items.append(item)

    summary.date_missing = front.date is None
    day = front.date or (today or Date.today()).isoformat()
    first, summary.paragraphs = first_paragraph_of(front.entries, day)
    meeting = {
        "format": FORMAT_ID,
        "kind": PROTOCOL,
        "body": front.body,
        "first_paragraph": first,
        "title": front.body or DEFAULT_TITLE,
        "date": day,
        "start": front.start,
        "end": front.end,
        "place": front.place,
        "items": items,
        "unplaced": "\n".join(unplaced).strip("\n"),
    }
    return meeting, summary


def _entry_item(entry: AgendaEntry) -> dict:
    item: dict = {"title": entry.title, "section": entry.section}
    if entry.case_number:
        item["case_number"] = entry.case_number
    if entry.registration_number:
        item["registration_number"] = entry.registration_number
    return item


def _fill_from_paper(
    item: dict, paper: Paper, title_lines: tuple[int, ...], reflow: bool, width: int
) -> list[str]:
    """The paper's fields into the item; returns the lines that are no field."""
    if paper.registration_number and not item.get("registration_number"):
        item["registration_number"] = paper.registration_number
    fields = paper.fields
    if "proposal" in fields:
        lead, proposal = proposal_parts(fields["proposal"], reflow, width)
        if lead:
            item["decision_lead"] = lead
        if proposal:
            item["proposal"] = proposal
    if "background" in fields:
        item["background"] = "\n".join(paragraphs(fields["background"], reflow, width))
    for key in ("basis", "send_to"):
        if key in fields:
            item[key] = list_entries(fields[key], reflow, width)
    responsible = paper.inline_responsible + list_entries(
        fields.get("responsible", []), reflow, width
    )
    if responsible:
        item["presenter"] = ", ".join(responsible)
    return [line for i, line in enumerate(paper.preamble) if i not in title_lines]
