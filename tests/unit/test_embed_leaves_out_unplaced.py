"""An import's leftovers (Meeting.unplaced) never travel inside a document sent out."""

from __future__ import annotations

import zipfile

import pytest

from export.docx_minutes import write_minutes
from export.docx_protocol import write_extract, write_protocol
from store import AgendaItem, Meeting
from tests.support.protocol_sample import protocol_meeting

MARK = "XQZ-4711"


def _minutes(path) -> None:
    meeting = Meeting(title="Styrgrupp", date="2031-05-06", items=[AgendaItem("Budget")],
                      unplaced=f"Sekretessbelagd bilaga om enskild person {MARK}")
    write_minutes(meeting, path)


def _protocol(path, extract: bool = False) -> None:
    meeting = protocol_meeting(2)
    meeting.unplaced = f"Sekretessbelagd bilaga om enskild person {MARK}"
    first = meeting.first_paragraph or 1
    if extract:
        write_extract(meeting, first, [first], path)
    else:
        write_protocol(meeting, first, path)


def _everything_in(path) -> str:
    """Every part of the DOCX, decompressed, as text."""
    with zipfile.ZipFile(path) as docx:
        return "\n".join(docx.read(name).decode("utf-8", "replace") for name in docx.namelist())


@pytest.mark.parametrize("write", [_minutes, _protocol, lambda p: _protocol(p, extract=True)],
                         ids=["minutes", "protocol", "extract"])
def test_no_part_of_the_document_holds_the_unplaced_text(tmp_path, write):
    path = tmp_path / "ut.docx"
    write(path)
    assert MARK not in _everything_in(path)
