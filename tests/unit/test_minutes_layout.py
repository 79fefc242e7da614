"""The minutes layout (docs/FORMAT.md, "The body") as blocks, checked against
hand-written lines.

`full_meeting()` and `EXPECTED_LINES` live in tests/support/samples.py, shared with the
DOCX tests: the same meeting must read back from the DOCX exactly as written here.
"""

from __future__ import annotations

import pytest

from export.markup import Run
from export.minutes_layout import (
    BULLET,
    HEADING,
    LABEL,
    NORMAL,
    TABLE,
    TITLE,
    Block,
    block_lines,
    minutes_blocks,
    time_line,
)
from store.domain.model import AgendaItem, Meeting, Participant
from tests.support.samples import EXPECTED_LINES, full_meeting


def kinds(blocks: list[Block]) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in blocks]


def test_full_meeting_reads_as_the_hand_written_lines():
    assert block_lines(minutes_blocks(full_meeting())) == EXPECTED_LINES


def test_block_kinds_follow_the_format():
    blocks = minutes_blocks(full_meeting())
    assert blocks[0].kind == TITLE
    by_text = {b.text: b for b in blocks if b.kind != TABLE}
    for label in ["Plats", "Deltagare", "Frånvarande", "Ärendebeskrivning", "Anteckningar",
                  "Åtgärder", "Beslut", "Bilagor"]:
        assert by_text[label].kind == LABEL, label
    levels = {b.text: b.level for b in blocks if b.kind == HEADING}
    assert levels == {
        "1. Mötets öppnande": 1,
        "2. Ekonomisk rapport": 1,
        "2.1. Investeringar": 2,
        "2.1.1. Förskolan Tallbacken": 3,
        "2.1.1.1. Etapp två": 3,
        "2.2. Lönerevision": 2,
        "3. Övriga frågor": 1,
    }
    bullets = [b.text for b in blocks if b.kind == BULLET]
    assert bullets == [
        "Dagordningen fastställs.",
        "Skolskjutsar",
        "Snöröjning",
        "Rapporten noteras.",
        "Ekonomienheten får i uppdrag att",
        "se över snöröjningsavtalet",
    ]
    # the decision's first line is its bullet; an unmarked continuation would be plain
    tables = [b for b in blocks if b.kind == TABLE]
    assert [len(t.rows) for t in tables] == [2, 1, 1]
    assert all(len(row) == 3 for t in tables for row in t.rows)


def test_italics_in_head_and_emphasis_in_fields():
    blocks = minutes_blocks(full_meeting())
    deciders = next(b for b in blocks if b.text.startswith("Beslutande"))
    assert [r for r in deciders.runs if r.italic] == [
        Run("Sigrid Falk", italic=True),
        Run("Olle Strand", italic=True),
    ]
    secretary = next(b for b in blocks if b.text.startswith("Sekreterare"))
    assert secretary.runs[-1] == Run("Hanna Vik", italic=True)
    roster = next(b for b in blocks if b.text.startswith("Sigrid Falk (Ordförande)"))
    assert [r.text for r in roster.runs if r.italic] == ["Ordförande", "Sekreterare", "Organisatör"]
    report = next(b for b in blocks if b.text == "Rapport per februari.")
    assert Run("februari", bold=True) in report.runs
    proposal = next(b for b in blocks if b.text.startswith("Förslag till beslut: Rapporten"))
    assert proposal.kind == NORMAL


def test_one_item_with_its_sub_items():
    meeting = full_meeting()
    item = meeting.items[1].items[0]  # 2.1 Investeringar
    lines = block_lines(minutes_blocks(meeting, item.id))
    start = EXPECTED_LINES.index("2.1. Investeringar")
    end = EXPECTED_LINES.index("2.2. Lönerevision")
    assert lines == EXPECTED_LINES[start:end]
    with pytest.raises(KeyError):
        minutes_blocks(meeting, "nonexistent")


def test_last_item_alone():
    meeting = full_meeting()
    assert block_lines(minutes_blocks(meeting, meeting.items[-1].id)) == ["3. Övriga frågor"]


def test_minimal_meeting_writes_mandatory_lines_only():
    meeting = Meeting(title="Arbetsmöte", date="2031-01-02", items=[AgendaItem("Start")])
    assert block_lines(minutes_blocks(meeting)) == [
        "Arbetsmöte",
        "2031-01-02",
        "Plats",
        "Ej angivet",
        "Deltagare",
        "Ej angivet",
        "1. Start",
    ]


def test_time_line_variants():
    meeting = Meeting(title="M", date="2031-01-02", start="13:00")
    assert time_line(meeting) == "2031-01-02 13:00"
    meeting.end = "15:30"
    assert time_line(meeting) == "2031-01-02 13:00 - 15:30"


def test_absent_decision_maker_and_secretary_are_not_named():
    meeting = Meeting(
        title="M",
        date="2031-01-02",
        participants=[
            Participant("Alva Rönn", decision_maker=True, absent=True),
            Participant("Nils Kvist", role="sekreterare", absent=True),
            Participant("Berit Ek"),
        ],
    )
    lines = block_lines(minutes_blocks(meeting))
    assert not any(line.startswith(("Beslutande", "Sekreterare")) for line in lines)
    assert lines[lines.index("Deltagare") + 1] == "Berit Ek"
    assert lines[lines.index("Frånvarande") + 1] == "Alva Rönn, Nils Kvist"


def test_multiline_title_and_names_become_one_line():
    meeting = Meeting(
        title="Möte\nmed radbrytning\x07",
        date="2031-01-02",
        items=[AgendaItem("Punkt\r\nett", attachments=["a.pdf", "  ", "b\n.pdf"])],
    )
    lines = block_lines(minutes_blocks(meeting))
    assert lines[0] == "Möte med radbrytning"
    assert "1. Punkt ett" in lines
    assert lines[-1] == "a.pdf, b .pdf"
