"""An agenda table's header row (``Nr | Ärende | Dnr``) is dropped silently by the mötesbok
import (importers/agenda_table_header.py): header rows generated from the spellings
secretaries' tables use, in any case, with and without column separators; and the
lines that are no header row (section headings, agenda rows, sentences)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from importers.agenda_table_header import is_table_header
from importers.motesbok import pages_of_text, parse_motesbok

from tests.support.examples import examples
from tests.support.table_headers import header_rows


@settings(max_examples=examples(300), deadline=None)
@given(header_rows())
def test_generated_header_rows_are_recognised(row):
    assert is_table_header(row)


def front(header: str, section: str = "Beslutsärenden") -> list[str]:
    """A small mötesbok whose agenda is a table (cells joined as motesbok_read joins
    a Word table's cells), with the header row under the section heading."""
    return [
        "Miljönämnden", "Tid: 2031-09-16 kl. 13.00", "Plats: Kommunhuset",
        section, header,
        "71/31 | Tillsynsplan 2032 | MN-2031/00301",
        "72/31 | Avgifter för livsmedelskontroll | MN-2031/00288",
        "TJÄNSTESKRIVELSE", "Dnr: MN-2031/00301", "Tillsynsplan 2032",
        "Förslag till beslut", "att anta tillsynsplanen.",
        "TJÄNSTESKRIVELSE", "Dnr: MN-2031/00288", "Avgifter för livsmedelskontroll",
        "Förslag till beslut", "att anta avgifterna.",
    ]


@settings(max_examples=examples(150), deadline=None)
@given(header_rows())
def test_a_header_row_in_the_agenda_leaves_no_unplaced_text(row):
    data, summary = parse_motesbok(pages_of_text("\n".join(front(row))))
    assert summary.unplaced_lines == 0
    items = [i for i in data["items"] if i.get("case_number")]
    assert [(i["case_number"], i["section"], i["registration_number"]) for i in items] == [
        ("71/31", "Beslutsärenden", "MN-2031/00301"),
        ("72/31", "Beslutsärenden", "MN-2031/00288"),
    ]
    assert len(data["items"]) == 2


@pytest.mark.parametrize("line", [
    # section headings and front lines
    "Beslutsärenden", "Information", "Informationsärenden", "Till KS/KF", "Övriga frågor",
    "Ärenden för beslut", "Anmälan av delegationsbeslut", "Val av justerare", "Ärenden",
    "Föredragningslista", "Förslag till beslut", "Ansvarig tjänsteperson", "Tid och plats",
    "Beslut", "KALLELSE", "Plats: Kommunhuset",
    # agenda rows and sentences
    "71/31 | Tillsynsplan 2032 | MN-2031/00301", "Ärende 71/31", "3. Budget 2032",
    "Förhinder anmäls till sekreteraren senast dagen före.",
    "Ärendet gäller rubriken i tabellen",
])
def test_lines_that_are_no_header_row(line):
    assert not is_table_header(line)


@pytest.mark.parametrize("row", [
    ("Nr", "Ärende", "Dnr"), ("NR", "ÄRENDE", "DIARIENUMMER"), ("§", "Rubrik"),
    ("ärende nr", "ärendemening", "föredragande"), ("Ärende", "Rubrik", "Dnr"),
])
def test_a_word_agenda_table_with_a_header_row(tmp_path, row):
    """Through the real Word path: the header row is neither an ärende, a section nor
    unplaced text."""
    import docx

    from importers.detect import read_meeting_file, summarize_import

    document = docx.Document()
    for line in ("Miljönämnden", "Tid: 2031-09-16 kl. 13.00", "Beslutsärenden"):
        document.add_paragraph(line)
    rows = [row, ("71/31", "Tillsynsplan 2032", "MN-2031/00301")[: max(2, len(row))]]
    table = document.add_table(rows=len(rows), cols=len(row))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    for line in ("TJÄNSTESKRIVELSE", "Dnr: MN-2031/00301", "Tillsynsplan 2032",
                 "Förslag till beslut", "att anta tillsynsplanen."):
        document.add_paragraph(line)
    path = tmp_path / "tabell.docx"
    document.save(path)
    meeting = read_meeting_file(path)
    assert [(i.case_number, i.section, i.title) for i in meeting.items] == [
        ("71/31", "Beslutsärenden", "Tillsynsplan 2032")]
    assert "kunde inte placeras" not in summarize_import(meeting)
