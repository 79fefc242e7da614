"""Importing a mötesbok (issue 13): one book of our own making, written as PDF, Word and
text with page headers and footers, hand-spelt labels, a table, an ärende without
tjänsteskrivelse and a sentence that fits nowhere; each format must give the same
protocol meeting."""

from __future__ import annotations

import pytest

from importers.detect import ImportFileError, read_meeting_file, summarize_import
from importers.motesbok import UNPLACED_TITLE, looks_like_motesbok, pages_of_text, parse_motesbok
from store.domain.protocol import PROTOCOL
from store.persistence.serialize import meeting_from_dict, meeting_to_dict
from tests.support.motesbok_sample import (
    expected_items,
    header_text,
    sample_book,
    text_pages,
    write_all,
)

BOOK = sample_book()
FORMATS = ("pdf", "docx", "txt")


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return write_all(BOOK, tmp_path_factory.mktemp("motesbok"))


@pytest.mark.slow
@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_gives_the_protocol_meeting(files, fmt):
    meeting = read_meeting_file(files[fmt])
    assert meeting.kind == PROTOCOL
    assert (meeting.body, meeting.title) == (BOOK.body, BOOK.body)
    assert meeting.first_paragraph == 41  # the case numbers 41/31–45/31 follow each other
    assert (meeting.date, meeting.start, meeting.place) == (BOOK.date, BOOK.start, BOOK.place)
    data = meeting_to_dict(meeting)
    for got, want in zip(data["items"], expected_items(BOOK), strict=False):
        assert {key: got[key] for key in want} == want
    # The unplaced text is no ärende: the items are the agenda's, numbered from it.
    titles = [item.title for item in meeting.items]
    assert titles == [case.title for case in BOOK.cases]


@pytest.mark.parametrize("fmt", FORMATS)
def test_fields_of_a_tjansteskrivelse(files, fmt):
    item = read_meeting_file(files[fmt]).items[0]
    paper = BOOK.cases[0].paper
    assert item.decision_lead == paper.lead
    assert item.presenter == paper.responsible[0]
    # The table's cells stay in order, a row per line, in the background.
    assert item.background.startswith(paper.background[0])
    rows = [line.replace("|", " ").split() for line in item.background.splitlines()[-4:]]
    assert rows == [" ".join(row).split() for row in paper.table]
    # The line that is no field is kept in the meeting's unplaced text, under the
    # ärende's name: not in the notes the secretary writes in, nor in the printed fields.
    meeting = read_meeting_file(files[fmt])
    assert item.notes == "" and paper.stray not in item.background + item.description
    heading = f"Ur tjänsteskrivelsen till {BOOK.cases[0].number} {BOOK.cases[0].title}:"
    assert f"{heading}\n{paper.stray}" in meeting.unplaced


@pytest.mark.parametrize("fmt", FORMATS)
def test_page_furniture_is_gone_and_unplaced_text_is_kept(files, fmt):
    meeting = read_meeting_file(files[fmt])
    text = str(meeting_to_dict(meeting)["items"])
    assert "KALLELSE" not in text and "Sida " not in text and header_text(BOOK) not in text
    assert BOOK.loose in meeting.unplaced
    assert all(item.title != UNPLACED_TITLE for item in meeting.all_items())


@pytest.mark.parametrize("fmt", FORMATS)
def test_summary_says_what_was_found(files, fmt):
    meeting = read_meeting_file(files[fmt])
    text = summarize_import(meeting)
    assert "5 ärenden, 4 med diarienummer" in text
    assert "utan tjänsteskrivelse: 45/31 Information om trafiksäkerhetsveckan" in text
    assert (f"2 rader text kunde inte placeras (varav 1 ur tjänsteskrivelserna): se "
            f"”{UNPLACED_TITLE}” sist i dagordningen") in text
    assert meeting.import_kind.startswith("mötesbok")


def test_the_meeting_survives_the_json_round_trip(files):
    meeting = read_meeting_file(files["txt"])
    data = meeting_to_dict(meeting)
    assert data["unplaced"] and BOOK.loose in data["unplaced"]
    assert meeting_to_dict(meeting_from_dict(data)) == data


@pytest.mark.parametrize("kind", ["protokoll", "minnesanteckningar"])
def test_unplaced_text_in_a_json_file(kind):
    """Read strictly from a file and written back; a minutes file writes it only when
    there is some; not text is refused with the field named."""
    from store.persistence.serialize import MeetingFormatError

    data = {"format": "motesbok-meeting/1", "title": "Nämnden", "date": "2031-03-11",
            "kind": kind, "items": [{"title": "Budget"}], "unplaced": "Rad ett\nRad två"}
    meeting = meeting_from_dict(data, strict=True)
    assert meeting.unplaced == "Rad ett\nRad två" and len(meeting.items) == 1
    assert meeting_to_dict(meeting)["unplaced"] == "Rad ett\nRad två"
    meeting.unplaced = ""
    assert ("unplaced" in meeting_to_dict(meeting)) == (kind == "protokoll")
    with pytest.raises(MeetingFormatError) as refused:
        meeting_from_dict(data | {"unplaced": ["Rad ett"]}, strict=True)
    assert refused.value.field == "unplaced"


def test_titles_that_differ_are_matched_in_order():
    """Agenda and tjänsteskrivelse titles differ (prefix, extra words, inflection); a
    paper whose title matches nothing is kept as unplaced text."""
    text = "\n".join([
        "Miljönämndens beredningsutskott",
        "Datum: 2031-09-02 kl. 14.00",
        "Beslutsärenden",
        "7/31 Remiss: Översiktsplan för Norrby",
        "8/31 Tillsynsplan 2032",
        "9/31 Uppföljning av vattenprover",
        "Tjänsteskrivelse", "Dnr MN-2031/4", "Översiktsplan för Norrby, samrådshandling",
        "Förslag till beslut", "att yttra sig enligt förvaltningens förslag.",
        "Tjänsteskrivelse", "DIARIENR: MN-2031/9", "Vattenproverna uppföljda",
        "Förslag till beslut", "att lägga uppföljningen till handlingarna.",
        "Tjänsteskrivelse", "Dnr: MN-2031/77", "Helt annat ärende om hundrastgårdar",
        "Förslag till beslut", "att avslå.",
    ])
    data, summary = parse_motesbok(pages_of_text(text))
    items = data["items"]
    assert [i.get("registration_number") for i in items[:3]] == ["MN-2031/4", None, "MN-2031/9"]
    assert items[0]["title"] == "Remiss: Översiktsplan för Norrby"
    assert summary.without_paper == ["8/31 Tillsynsplan 2032"]
    assert len(items) == 3
    assert "hundrastgårdar" in data["unplaced"]
    assert "MN-2031/77" in data["unplaced"]
    assert "att avslå." in data["unplaced"]


def test_plain_agendas_are_not_taken_for_a_motesbok():
    agenda = [
        "Styrgruppen för Lövsta", "2031-05-20 kl. 10.00", "1. Mötet öppnas",
        "2. Budget", "Förslag till beslut: Budgeten antas.", "3. Övriga frågor",
    ]
    assert not looks_like_motesbok(agenda)
    assert looks_like_motesbok(text_pages(BOOK).splitlines())


def test_a_text_agenda_still_imports_as_an_agenda(tmp_path):
    path = tmp_path / "dagordning.txt"
    path.write_text("Styrgruppen\n2031-05-20\n1. Budget\nFörslag till beslut: Anta.\n",
                    encoding="utf-8")
    meeting = read_meeting_file(path)
    assert meeting.import_kind == "textdagordning"
    assert meeting.items[0].proposal == "Anta."


def test_a_missing_date_is_said(tmp_path):
    text = text_pages(BOOK).replace(BOOK.date, "")
    data, summary = parse_motesbok(pages_of_text(text))
    assert summary.date_missing and "inget datum hittades" in "; ".join(summary.parts())


@pytest.mark.slow
def test_a_pdf_without_a_motesbok_is_read_as_an_agenda(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in ("Styrgruppen Lövsta", "2031-05-20 kl. 10.00", "1. Mötet öppnas", "2. Budget"):
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "dagordning.pdf"
    path.write_bytes(bytes(pdf.output()))
    meeting = read_meeting_file(path)
    assert meeting.import_kind == "PDF-dagordning"
    assert [item.title for item in meeting.items] == ["Mötet öppnas", "Budget"]


def test_a_scanned_pdf_without_text_is_refused(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)
    path = tmp_path / "skannad.pdf"
    path.write_bytes(bytes(pdf.output()))
    with pytest.raises(ImportFileError, match="ingen text"):
        read_meeting_file(path)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_import_stores_the_protocol_keys(files, fmt, tmp_path, capsys):
    import json

    from cli import main

    data_dir = str(tmp_path / "data")
    assert main(["--data-dir", data_dir, "import", str(files[fmt])]) == 0
    meeting_id = capsys.readouterr().out.splitlines()[-1]
    assert main(["--data-dir", data_dir, "export", meeting_id, "-o", "-"]) == 0
    stored = json.loads(capsys.readouterr().out)
    assert stored["kind"] == PROTOCOL and stored["body"] == BOOK.body
    for got, want in zip(stored["items"], expected_items(BOOK), strict=False):
        assert {key: got[key] for key in want} == want
