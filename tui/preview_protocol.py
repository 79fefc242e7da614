"""The protocol in the preview (F9): the blocks of export/protocol_layout.py, which the
DOCX is made of, drawn in the terminal.

Beyond the minutes' blocks the protocol has tables of its own: the front page's labelled
table, the ANSLAG/BEVIS box and the vote table, each with its columns' shares of the
width; a row with fewer cells than columns lets its last cell span the rest (as in the
DOCX). A § starts on a new page in print: a dim rule shows where. A paragraph with tab
stops (the Ärendelista) is drawn as a row of columns at the stops' shares.
"""

from __future__ import annotations

from rich import box
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from export.protocol_layout import paragraph_blocks, protocol_blocks
from store.domain.model import Meeting
from store.domain.paragraphs import paragraph_numbers


#: Under a § 's heading in the preview (never in print) when an older file has votes
#: after a won återremiss: they are kept in the meeting but not printed.
NOT_PRINTED = ("[Visas bara här] {n} efter återremissen finns i mötet men skrivs inte ut "
               "(alt+l visar och tar bort).")


def protocol_preview_blocks(meeting: Meeting, first: int, item_id: str | None = None):
    """The whole protocol, or the § holding `item_id` (KeyError when there is none)."""
    if item_id is None:
        return _noting_unprinted(meeting, protocol_blocks(meeting, first))
    numbers = paragraph_numbers(meeting, first)
    for item in meeting.items:
        if any(part.id == item_id for part in item.walk()):
            return _noting_unprinted(meeting, paragraph_blocks(meeting, item, numbers[item.id]))
    raise KeyError(item_id)


def _noting_unprinted(meeting: Meeting, blocks: list) -> list:
    """The blocks with a line under each § heading whose votes after a won återremiss
    are not printed: the preview says what the document leaves out."""
    from export.minutes_layout import HEADING, NORMAL, Block
    from export.markup import Run
    from store.domain.protocol_vote import votes_after_referral

    unprinted = {item.id: len(votes_after_referral(item)) for item in meeting.items}
    if not any(unprinted.values()):
        return blocks
    noted = []
    for block in blocks:
        noted.append(block)
        count = unprinted.get(block.item_id) if block.kind == HEADING else 0
        if count:
            n = "En omröstning" if count == 1 else f"{count} omröstningar"
            noted.append(Block(NORMAL, [Run(NOT_PRINTED.format(n=n))]))
    return noted


def page_break() -> Rule:
    return Rule(style="dim")


def table_parts(block, runs_text) -> list:
    """A protocol table as rich renderables: one rich table per run of rows with the same
    number of cells (rich has no spanning cells), all as wide as the page."""
    widths = block.widths
    parts: list = []
    group: list = []

    def flush() -> None:
        if not group:
            return
        count = len(group[0])
        shares = list(widths[:count - 1]) + [sum(widths[count - 1:])]
        grid = block.grid and not block.labelled
        table = Table(show_header=False, expand=True, padding=(0, 1),
                      box=box.SQUARE if grid else None, show_lines=grid)
        for share in shares:
            table.add_column(ratio=max(1, round(share * 100)))
        for row in group:
            cells = [runs_text(cell) for cell in row]
            if block.labelled and cells:
                cells[0].stylize("bold")
            table.add_row(*cells, style="bold" if block.header and row is block.rows[0]
                          else None)
        parts.append(table)
        group.clear()

    for row in block.rows:
        if group and len(row) != len(group[0]):
            flush()
        group.append(row)
    flush()
    return parts


def tabbed_line(block, runs_text) -> Table:
    """A paragraph with tab stops as one row of columns at the stops' shares, so the
    Ärendelista's titles line up on screen as in print."""
    stops = block.tabs
    shares = [stops[0], *(b - a for a, b in zip(stops, stops[1:])), 1 - stops[-1]]
    table = Table(show_header=False, expand=True, box=None, padding=(0, 1, 0, 0))
    for share in shares:
        table.add_column(ratio=max(1, round(share * 100)))
    cells = list(runs_text(block.runs).split("\t", allow_blank=True))
    table.add_row(*(cells + [Text("")] * (len(shares) - len(cells)))[:len(shares)])
    return table
