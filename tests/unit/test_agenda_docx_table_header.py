"""A plain Word agenda (not a mötesbok) whose agenda is a table: the table's header row
(``Nr | Ärende | Föredragande``) is neither an item nor text, by the one rule of
importers/agenda_table_header.py; header rows generated as the mötesbok tests do."""

from __future__ import annotations

import io

import docx
import pytest
from hypothesis import given, settings

from importers.agenda_docx import read_agenda_document
from tests.support.examples import examples
from tests.support.table_headers import header_cells

ROWS = [("1", "Sammanträdet öppnas"), ("2", "Gångvägen vid Björkdalen"),
        ("3", "Sammanträdet avslutas")]


def agenda(header: list[str]) -> docx.Document:
    document = docx.Document()
    document.add_paragraph("Byggnadsnämnden", style="Title")
    document.add_paragraph("2031-10-07 kl. 09.00")
    width = max(2, len(header))
    table = document.add_table(rows=len(ROWS) + 1, cols=width)
    for c, text in enumerate(header):
        table.cell(0, c).text = text
    for r, (number, title) in enumerate(ROWS, start=1):
        table.cell(r, 0).text = number
        table.cell(r, 1).text = title
    # Reopened from bytes, as an imported file is.
    buffer = io.BytesIO()
    document.save(buffer)
    buffer.seek(0)
    return docx.Document(buffer)


def texts_besides_titles(items) -> list[str]:
    out = []
    for item in items:
        out += [item.description, item.presenter, *texts_besides_titles(item.items)]
    return [text for text in out if text]


@pytest.mark.slow
@settings(max_examples=examples(60), deadline=None)
@given(header_cells())
def test_a_header_row_is_no_item_and_no_text(header):
    meeting, _warnings = read_agenda_document(agenda(header))
    assert [item.title for item in meeting.items] == [title for _, title in ROWS]
    assert texts_besides_titles(meeting.items) == []
    assert not meeting.unplaced
