"""Word agendas (built here with python-docx): typed numbers, Word list numbering,
headings, bold titles and tables."""

from __future__ import annotations

from datetime import date as Date

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
import pytest

from importers.detect import read_meeting_file, summarize_import

TODAY = Date(2031, 1, 15)


def titles(items, prefix=""):
    out = []
    for index, item in enumerate(items, start=1):
        number = f"{prefix}{index}"
        out.append(f"{number} {item.title}")
        out.extend(titles(item.items, number + "."))
    return out


def save(document, tmp_path, name="dagordning.docx"):
    path = tmp_path / name
    document.save(path)
    return read_meeting_file(path, today=TODAY)


def add_multilevel_list(document) -> str:
    """A Word outline list (1. / 1.1.) in the numbering part; returns its numId."""
    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
        '<w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1.%2."/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
        '<w:lvlText w:val="•"/></w:lvl>'
        "</w:abstractNum>"
    )
    # abstractNum elements must precede the num elements.
    first_num = numbering.find(qn("w:num"))
    first_num.addprevious(abstract)
    num = parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    numbering.append(num)
    return "90"


def numbered(document, text: str, num_id: str, ilvl: int):
    paragraph = document.add_paragraph(text)
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )
    return paragraph


def header(document):
    document.add_paragraph("Socialnämndens arbetsutskott", style="Title")
    document.add_paragraph("tisdag 8 april 2031 kl. 08.30-12.00")
    document.add_paragraph("Plats: Rådhuset, rum Linnéa")
    document.add_paragraph(
        "Deltagare: Tove Mattsson (Ordförande), Axel Rehn (Sekreterare), Maja Ekström"
    )


@pytest.mark.slow
def test_typed_numbers(tmp_path):
    document = docx.Document()
    header(document)
    document.add_paragraph("Dagordning")
    document.add_paragraph("1. Mötet öppnas")
    document.add_paragraph("2. Ekonomisk uppföljning")
    document.add_paragraph("Föredragande: Maja Ekström")
    document.add_paragraph("Tid: 09.00")
    body = document.add_paragraph("Utfallet är ")
    body.add_run("bättre").bold = True
    body.add_run(" än väntat, se ")
    body.add_run("bilagan").italic = True
    body.add_run(".")
    document.add_paragraph("2.1. Personal")
    document.add_paragraph("2.2. Lokaler")
    document.add_paragraph("Ärendebeskrivning")
    document.add_paragraph("Hyran höjs i juli.")
    document.add_paragraph("Förslag till beslut: Uppdra åt förvaltningen att förhandla.")
    document.add_paragraph("3. Mötet avslutas")
    meeting = save(document, tmp_path)
    assert meeting.title == "Socialnämndens arbetsutskott"
    assert (meeting.date, meeting.start, meeting.end) == ("2031-04-08", "08:30", "12:00")
    assert meeting.place == "Rådhuset, rum Linnéa"
    assert [(p.name, p.role) for p in meeting.participants] == [
        ("Tove Mattsson", "Ordförande"),
        ("Axel Rehn", "Sekreterare"),
        ("Maja Ekström", ""),
    ]
    assert titles(meeting.items) == [
        "1 Mötet öppnas",
        "2 Ekonomisk uppföljning",
        "2.1 Personal",
        "2.2 Lokaler",
        "3 Mötet avslutas",
    ]
    economy = meeting.items[1]
    assert (economy.presenter, economy.time) == ("Maja Ekström", "09:00")
    assert economy.description == "Utfallet är **bättre** än väntat, se *bilagan*."
    premises = economy.items[1]
    assert premises.background == "Hyran höjs i juli."
    assert premises.proposal == "Uppdra åt förvaltningen att förhandla."
    assert summarize_import(meeting) == "3 punkter, 2 underpunkter, 3 deltagare"


@pytest.mark.slow
def test_list_number_style_numbering(tmp_path):
    document = docx.Document()
    header(document)
    document.add_paragraph("Mötet öppnas", style="List Number")
    document.add_paragraph("Val av justerare", style="List Number")
    document.add_paragraph("Föredragande: Tove Mattsson")
    document.add_paragraph("Äldreomsorgen", style="List Number")
    document.add_paragraph("Hemtjänsten", style="List Number 2")
    document.add_paragraph("Särskilt boende", style="List Number 2")
    document.add_paragraph("Övriga frågor", style="List Number")
    document.add_paragraph("En punktlista i beskrivningen", style="List Bullet")
    meeting = save(document, tmp_path)
    assert titles(meeting.items) == [
        "1 Mötet öppnas",
        "2 Val av justerare",
        "3 Äldreomsorgen",
        "3.1 Hemtjänsten",
        "3.2 Särskilt boende",
        "4 Övriga frågor",
    ]
    assert meeting.items[1].presenter == "Tove Mattsson"
    assert meeting.items[3].description == "- En punktlista i beskrivningen"


def test_multilevel_word_numbering_with_ilvl(tmp_path):
    document = docx.Document()
    header(document)
    num_id = add_multilevel_list(document)
    numbered(document, "Mötet öppnas", num_id, 0)
    numbered(document, "Rapporter", num_id, 0)
    numbered(document, "Från skolan", num_id, 1)
    numbered(document, "en rad i beskrivningen", num_id, 2)  # bullet level
    numbered(document, "Från omsorgen", num_id, 1)
    numbered(document, "Beslutsärenden", num_id, 0)
    numbered(document, "Taxor", num_id, 1)
    meeting = save(document, tmp_path)
    assert titles(meeting.items) == [
        "1 Mötet öppnas",
        "2 Rapporter",
        "2.1 Från skolan",
        "2.2 Från omsorgen",
        "3 Beslutsärenden",
        "3.1 Taxor",
    ]
    assert meeting.items[1].items[0].description == "- en rad i beskrivningen"


@pytest.mark.slow
def test_headings_and_bold_titles(tmp_path):
    document = docx.Document()
    document.add_paragraph("Byggnadsnämnden", style="Title")
    document.add_paragraph("2031-10-02")
    document.add_heading("Information", level=1)
    document.add_paragraph("Läget i några ärenden.")
    document.add_heading("Detaljplan Hagen", level=2)
    document.add_heading("Bygglov", level=1)
    meeting = save(document, tmp_path)
    assert titles(meeting.items) == ["1 Information", "1.1 Detaljplan Hagen", "2 Bygglov"]
    assert meeting.items[0].description == "Läget i några ärenden."

    document = docx.Document()
    document.add_paragraph("Kulturrådet")
    document.add_paragraph("2031-10-03")
    document.add_paragraph().add_run("Välkommen").bold = True
    document.add_paragraph("Kort presentationsrunda.")
    document.add_paragraph().add_run("Sommarens program").bold = True
    meeting = save(document, tmp_path, "fet.docx")
    assert meeting.title == "Kulturrådet"
    assert [item.title for item in meeting.items] == ["Välkommen", "Sommarens program"]
    assert meeting.items[0].description == "Kort presentationsrunda."


def test_agenda_as_table(tmp_path):
    document = docx.Document()
    document.add_paragraph("Skolrådet", style="Title")
    document.add_paragraph("2031-11-20 kl. 18.00")
    table = document.add_table(rows=4, cols=3)
    rows = [
        ("Nr", "Ärende", "Ansvarig"),
        ("1", "Mötet öppnas", "Rektor"),
        ("2", "Skolmaten", "Kocken"),
        ("2.1", "Menyn i vår", ""),
    ]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    meeting = save(document, tmp_path)
    # The header row only names the columns: neither an item nor text.
    assert titles(meeting.items) == [
        "1 Mötet öppnas – Rektor",
        "2 Skolmaten – Kocken",
        "2.1 Menyn i vår",
    ]


def test_agenda_docx_is_not_mistaken_for_minutes(tmp_path):
    document = docx.Document()
    document.add_paragraph("Miljöutskottet", style="Title")
    document.add_paragraph("2031-05-05 13:00 - 15:00")
    document.add_paragraph("1. Mötet öppnas")
    meeting = save(document, tmp_path)
    assert getattr(meeting, "import_kind", "") == "Word-dagordning"
    assert titles(meeting.items) == ["1 Mötet öppnas"]


def test_hand_made_minutes_without_our_styles(tmp_path):
    """Minutes typed by hand in Word (no label style): read as an agenda with parts."""
    document = docx.Document()
    document.add_paragraph("Kommunstyrelsens presidium", style="Title")
    document.add_paragraph("2031-06-10 09:00 - 11:00")
    document.add_paragraph("Beslutande Ylva Ren, Åke Strid")
    document.add_paragraph().add_run("Plats").bold = True
    document.add_paragraph("Kommunhuset, rum 3")
    document.add_paragraph().add_run("Deltagare").bold = True
    document.add_paragraph("Ylva Ren (Ordförande), Åke Strid, Pia Rask (Sekreterare)")
    document.add_paragraph().add_run("Frånvarande").bold = True
    document.add_paragraph("Ulf Berg")
    document.add_heading("1. Mötet öppnas", level=1)
    document.add_paragraph("Anteckningar:")
    document.add_paragraph("Ordföranden öppnar mötet.")
    document.add_heading("2. Lokalfrågan", level=1)
    document.add_paragraph("Åtgärder")
    table = document.add_table(rows=2, cols=3)
    for r, values in enumerate(
        [("Begär in offerter", "2031-07-01", "Pia Rask"), ("Ring hyresvärden", "Ej angivet", "Ej angivet")]
    ):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    document.add_paragraph("Beslut")
    document.add_paragraph("Frågan bordläggs.", style="List Bullet")
    document.add_paragraph("Bilagor")
    document.add_paragraph("Ritning.pdf, Offert.pdf")
    meeting = save(document, tmp_path)
    assert meeting.place == "Kommunhuset, rum 3"
    assert [(p.name, p.role, p.decision_maker, p.absent) for p in meeting.participants] == [
        ("Ylva Ren", "Ordförande", True, False),
        ("Åke Strid", "", True, False),
        ("Pia Rask", "Sekreterare", False, False),
        ("Ulf Berg", "", False, True),
    ]
    assert meeting.items[0].notes == "Ordföranden öppnar mötet."
    premises = meeting.items[1]
    assert [(a.text, a.due, a.owner) for a in premises.actions] == [
        ("Begär in offerter", "2031-07-01", "Pia Rask"),
        ("Ring hyresvärden", None, None),
    ]
    assert [d.text for d in premises.decisions] == ["Frågan bordläggs."]
    assert premises.attachments == ["Ritning.pdf", "Offert.pdf"]


def test_pictures_are_not_unpacked(tmp_path):
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )
    document = docx.Document()
    document.add_paragraph("Möte med logotyp", style="Title")
    import io

    document.add_picture(io.BytesIO(png))
    document.add_paragraph("1. Mötet öppnas")
    meeting = save(document, tmp_path)
    assert meeting.title == "Möte med logotyp"
    assert [item.title for item in meeting.items] == ["Mötet öppnas"]


def test_numbered_heading_styles(tmp_path):
    """A template whose Heading 1/2 styles carry the outline numbering (1., 1.1.)."""
    document = docx.Document()
    num_id = add_multilevel_list(document)
    for style_name, ilvl in (("Heading 1", 0), ("Heading 2", 1)):
        p_pr = document.styles[style_name].element.get_or_add_pPr()
        p_pr.append(
            parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/>'
                f'<w:numId w:val="{num_id}"/></w:numPr>'
            )
        )
    document.add_paragraph("Fritidsnämnden", style="Title")
    document.add_paragraph("2031-02-03")
    document.add_heading("Mötet öppnas", level=1)
    document.add_heading("Anläggningar", level=1)
    document.add_paragraph("Läget i korthet.")
    document.add_heading("Simhallen", level=2)
    document.add_heading("Ishallen", level=2)
    document.add_heading("Avslutning", level=1)
    meeting = save(document, tmp_path)
    assert titles(meeting.items) == [
        "1 Mötet öppnas",
        "2 Anläggningar",
        "2.1 Simhallen",
        "2.2 Ishallen",
        "3 Avslutning",
    ]
    assert meeting.items[1].description == "Läget i korthet."


def test_content_controls_tracked_changes_and_inline_wrappers(tmp_path):
    """Agenda templates wrap items in content controls (w:sdt); tracked insertions and
    smart tags wrap runs. Their text counts; deleted text does not."""
    document = docx.Document()
    document.add_paragraph("Valnämnden", style="Title")
    document.add_paragraph("2031-08-30")
    body = document.element.body
    w = nsdecls("w")
    body.append(
        parse_xml(
            f"<w:sdt {w}><w:sdtPr/><w:sdtContent>"
            "<w:p><w:r><w:t>1. Mötet öppnas</w:t></w:r></w:p>"
            "<w:p><w:r><w:t>2. Val av </w:t></w:r>"
            '<w:ins w:id="1" w:author="Ida" w:date="2031-08-01T00:00:00Z"><w:r><w:t>två </w:t></w:r></w:ins>'
            '<w:del w:id="2" w:author="Ida" w:date="2031-08-01T00:00:00Z"><w:r><w:delText>tre </w:delText></w:r></w:del>'
            "<w:smartTag w:uri=\"x\" w:element=\"y\"><w:r><w:t>justerare</w:t></w:r></w:smartTag></w:p>"
            "</w:sdtContent></w:sdt>"
        )
    )
    meeting = save(document, tmp_path)
    assert [item.title for item in meeting.items] == ["Mötet öppnas", "Val av två justerare"]
