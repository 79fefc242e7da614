"""The protocol (protokoll) as a flat list of blocks: the one place where the protocol's
layout lives (docs/FORMAT.md, "The protocol (DOCX)"). The same block kinds as the minutes
(export/minutes_layout.py), so the DOCX writer and the preview draw both alike.

Pure: the first § number is an argument (store.persistence.paragraphs computes it from
the store). The sentences come from store.domain.protocol_text.

Order: the front page (export/protocol_front.py), the Ärendelista on a new page, then
each § in agenda order, each on a page of its own (so that a § can be copied or sent
alone, as secretaries do). Within a §, each part only when it has content:
heading ``§ N Title``, ``Dnr …``, who came, left or stepped in here (``Vera Holm (S)
lämnar sammanträdet efter § 42.``, ``Gun Åkesson (M) ersätter Vera Holm (S) §§ 43–46.``:
store.domain.presence_text), Beslut (lead
and each att-sats), justeras omedelbart, Reservation, Protokollsanteckning, Jäv (with who
serves in the seat instead, and who leads the § when the chair has jäv), Ärendebeskrivning
(the agenda's description and the background), Förslag till beslut (only while nothing is decided), Beslutsunderlag,
Yrkanden, Beslutsgång, Omröstning (question, table, result; with several votes each
its own, ``Omröstning 1 om återremiss``, in the order held), Anteckningar, Åtgärder,
Bilagor as in the minutes, Beslutet skickas till; sub-items follow as ``Heading 2``
with the minutes' parts (sub-items are not §§).

Choices: a vote's result line is drafted (protocol_vote.result_draft) when the
secretary left it empty, since the tally is a fact of the ballots; it is printed once,
under its Omröstning (the drafted Beslutsgång only says a vote was held). The
Beslutsgång is written only as the secretary keeps it (its outcome is theirs to state).
"""

from __future__ import annotations

from typing import Iterable

from export.markup import Run, one_line
from export.minutes_layout import (
    BACKGROUND,
    BULLET,
    DECISIONS,
    HEADING,
    LABEL,
    NORMAL,
    TABLE,
    TITLE,
    Block,
    actions_blocks,
    attachments_blocks,
    field_blocks,
    item_blocks,
    notes_blocks,
)
from export.protocol_front import (
    Sitting,
    body_name,
    certification_blocks,
    front_blocks,
    roster_blocks,
    serving_changes,
    sitting,
)
from store.domain.chair_conflict import chair_conflict_sentence
from store.domain.model import AgendaItem, Meeting
from store.domain.paragraphs import paragraph_label, paragraph_numbers
from store.domain.protocol import BALLOTS, Vote
from store.domain.protocol_text import (
    ADJUSTED_IMMEDIATELY,
    conflict_sentences,
    decision_lead,
    motion_sentence,
    protocol_note_sentence,
    reservation_sentence,
)
from store.domain.protocol_vote import printed_votes, result_draft, vote_label

# The labels of a §, as written in the protocol.
AGENDA = "Ärendelista"
RESERVATION = "Reservation"
PROTOCOL_NOTE = "Protokollsanteckning"
CONFLICT = "Jäv"
PROPOSAL = "Förslag till beslut"
BASIS = "Beslutsunderlag"
MOTIONS = "Yrkanden"
PROCEDURE = "Beslutsgång"
VOTE = "Omröstning"
SEND_TO = "Beslutet skickas till"
EXTRACT_CERTIFIED = "Utdragsbestyrkande"
REGISTRATION = "Dnr"
VOTE_HEADER = ("Ledamot", "Parti", "Ja", "Nej", "Avstår")
VOTE_MARK = "X"
#: Name, party, then one column per ballot.
VOTE_COLUMNS = (0.43, 0.15, 0.14, 0.14, 0.14)
#: A vote table up to this many rows is kept on one page.
MAX_KEPT_ROWS = 25
#: The Ärendelista's columns: § number, diarienummer, title. Each column is as wide as
#: its longest text plus a gap, counted in characters; a character is taken as this
#: share of the text width (Calibri 11 pt, about 6.5 pt wide at most, on A4's 160 mm).
CHAR_SHARE = 0.0143
AGENDA_COLUMN_GAP = 2
#: The diarienummer column never takes more than this share: a title keeps room.
MAX_REGISTRATION_SHARE = 0.45


def heading_text(number: int, title: str) -> str:
    return f"{paragraph_label(number)} {one_line(title)}"


def agenda_blocks(meeting: Meeting, numbers: dict[str, int]) -> list[Block]:
    """The Ärendelista: one paragraph per §, `§ 41<tab>TN-2031/00007<tab>Title`, its
    columns set by tab stops so that every title starts in one column whether or not
    its § has a diarienummer (`§ 42<tab><tab>Title`); a long title wraps under itself.
    Without any diarienummer in the list: `§ 41<tab>Title`."""
    rows = [(paragraph_label(numbers[item.id]), one_line(item.registration_number).strip(),
             one_line(item.title)) for item in meeting.items]
    if not rows:
        return []

    def share(texts) -> float:
        return (max(len(text) for text in texts) + AGENDA_COLUMN_GAP) * CHAR_SHARE

    stops = [share(label for label, _, _ in rows)]
    if any(registration for _, registration, _ in rows):
        stops.append(stops[0] + min(MAX_REGISTRATION_SHARE,
                                    share(registration for _, registration, _ in rows)))
    with_registration = len(stops) == 2
    lines = [f"{label}\t{registration}\t{title}" if with_registration else f"{label}\t{title}"
             for label, registration, title in rows]
    return [Block(LABEL, [Run(AGENDA)], page_break=True),
            *(Block(NORMAL, [Run(line)], tight=True, tabs=tuple(stops)) for line in lines)]


def protocol_blocks(meeting: Meeting, first: int) -> list[Block]:
    """The whole protocol; its first ärende is § `first`."""
    numbers = paragraph_numbers(meeting, first)
    seated = sitting(meeting, first)
    blocks = front_blocks(meeting, first, seated)
    blocks.extend(agenda_blocks(meeting, numbers))
    for item in meeting.items:
        blocks.extend(paragraph_blocks(meeting, item, numbers[item.id], seated))
    return blocks


def extract_blocks(meeting: Meeting, first: int, chosen: Iterable[int]) -> list[Block]:
    """A protokollsutdrag: the front page's Beslutande and Justerare, the chosen §§ exactly
    as in the protocol, and Utdragsbestyrkande with a signature line."""
    wanted = set(chosen)
    numbers = paragraph_numbers(meeting, first)
    seated = sitting(meeting, first)
    blocks = [Block(TITLE, [Run(body_name(meeting))]), *roster_blocks(meeting, first, seated)]
    first_part = True
    for item in meeting.items:
        if numbers[item.id] in wanted:
            part = paragraph_blocks(meeting, item, numbers[item.id], seated)
            part[0].page_break = not first_part  # the first § follows the roster
            first_part = False
            blocks.extend(part)
    blocks.extend(certification_blocks(meeting, EXTRACT_CERTIFIED))
    return blocks


def _section(label: str, paragraphs: list[Block]) -> list[Block]:
    return [Block(LABEL, [Run(label)]), *paragraphs] if paragraphs else []


def _lines(texts: Iterable[str], tight: bool = False) -> list[Block]:
    return [Block(NORMAL, [Run(one_line(t))], tight=tight) for t in texts if one_line(t).strip()]


def paragraph_blocks(meeting: Meeting, item: AgendaItem, number: int,
                     seated: Sitting | None = None) -> list[Block]:
    """One § with its sub-items; `seated` (who serves per §) is computed when not given."""
    if seated is None:
        place = next((k for k, top in enumerate(meeting.items) if top is item), 0)
        seated = sitting(meeting, number - place)
    blocks = [Block(HEADING, [Run(heading_text(number, item.title))], level=1, item_id=item.id,
                    page_break=True)]
    registration = one_line(item.registration_number).strip()
    if registration:
        blocks.append(Block(NORMAL, [Run(f"{REGISTRATION} {registration}")]))
    # Who starts or stops serving here, as the front page says it.
    blocks += _lines(serving_changes(meeting, seated, number))

    decided: list[Block] = []
    for decision in item.decisions:
        decided.extend(field_blocks(decision.text))
    if decided:
        lead = one_line(decision_lead(meeting, item))
        blocks += _section(DECISIONS, [Block(NORMAL, [Run(lead)]), *decided])
    if item.adjusted_immediately:
        blocks.append(Block(NORMAL, [Run(ADJUSTED_IMMEDIATELY)]))
    blocks += _section(RESERVATION, _lines(reservation_sentence(meeting, r)
                                           for r in item.reservations if r.by))
    blocks += _section(PROTOCOL_NOTE, [
        *(b for note in item.protocol_notes
          for b in field_blocks(protocol_note_sentence(meeting, note)))])
    blocks += _section(CONFLICT, _lines([
        *conflict_sentences(meeting, item), chair_conflict_sentence(meeting, item, "paragrafen")]))
    blocks += _section(BACKGROUND, [*field_blocks(item.description),
                                    *field_blocks(item.background)])
    if not decided:
        blocks += _section(PROPOSAL, field_blocks(item.proposal))
    blocks += _section(BASIS, [Block(BULLET, [Run(one_line(b))]) for b in item.basis
                               if one_line(b).strip()])
    blocks += _section(MOTIONS, _lines(motion_sentence(meeting, m) for m in item.motions))
    blocks += _section(PROCEDURE, field_blocks(item.procedure))
    for vote in printed_votes(item):
        blocks += vote_blocks(meeting, item, vote)
    blocks += notes_blocks(item)
    blocks += actions_blocks(item)
    blocks += attachments_blocks(item)
    blocks += _section(SEND_TO, _lines(item.send_to, tight=True))
    for sub in item.walk():
        if sub is item:
            continue
        parts = item_blocks(sub, "", 2)[1:]
        blocks.append(Block(HEADING, [Run(one_line(sub.title))], level=2, item_id=sub.id))
        blocks.extend(parts)
    return blocks


def vote_blocks(meeting: Meeting, item: AgendaItem, vote: Vote) -> list[Block]:
    """One vote: its label, the question, the table of ballots and the result line."""
    blocks = [Block(LABEL, [Run(vote_label(item, vote))]), *field_blocks(vote.question)]
    if vote.ballots:
        rows = [[[Run(text, bold=True)] for text in VOTE_HEADER]]
        order = {p.name.casefold(): i for i, p in enumerate(meeting.participants)}
        names = sorted(vote.ballots, key=lambda n: order.get(n.casefold(), len(order)))
        for name in names:
            person = meeting.find_participant(name)
            ballot = vote.ballots[name]
            rows.append([[Run(one_line(name))], [Run(one_line(person.party) if person else "")],
                         *([Run(VOTE_MARK if ballot == b else "")] for b in BALLOTS)])
        blocks.append(Block(TABLE, rows=rows, widths=VOTE_COLUMNS, header=True,
                            keep_together=len(rows) <= MAX_KEPT_ROWS))
    result = vote.result if vote.result.strip() else result_draft(meeting, item, vote)
    blocks.extend(field_blocks(result))
    return blocks
