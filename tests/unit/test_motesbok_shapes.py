"""Mötesböcker of other shapes than the sample: no Tjänsteskrivelse markers, diarienummer
in the agenda, an agenda title wrapped over two lines, an agenda numbered 1, 2, 3; and
agenda titles with prefixes and papers with extra words, generated."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from importers.motesbok import pages_of_text, parse_motesbok

from tests.support.examples import examples


def parse(lines: list[str]) -> tuple[list[dict], object]:
    data, summary = parse_motesbok(pages_of_text("\n".join(lines)))
    return data["items"], summary


def parse_all(lines: list[str]) -> tuple[dict, object]:
    return parse_motesbok(pages_of_text("\n".join(lines)))


def test_papers_without_markers_start_at_their_title():
    items, summary = parse([
        "Kulturnämndens arbetsutskott", "Datum 2031-10-07 kl 08.30", "Plats: Biblioteket",
        "3/31 Bidrag till föreningen Spelmanslaget", "4/31 Öppettider sommaren 2032",
        "Bidrag till föreningen Spelmanslaget", "Dnr KUN-2031/00051",
        "Förslag till beslut", "att bevilja 20 000 kronor.",
        "Beslutet ska skickas till", "Spelmanslaget",
        "Öppettider sommaren 2032", "Diarienummer: KUN-2031/00060",
        "Förslag till beslut", "att anta öppettiderna.",
    ])
    assert [i.get("registration_number") for i in items] == ["KUN-2031/00051", "KUN-2031/00060"]
    assert items[0]["send_to"] == ["Spelmanslaget"]
    assert items[1]["proposal"] == "att anta öppettiderna."
    assert summary.unplaced_lines == 0 and summary.without_paper == []


def test_diarienummer_in_the_agenda_and_a_wrapped_title():
    items, summary = parse([
        "Socialnämndens individutskott", "2031-11-18",
        "Beslutsärenden",
        "21/31 Riktlinjer för handläggning av ekonomiskt bistånd till hushåll med",
        "barn och unga vuxna",
        "Dnr SN-2031/00310",
        "22/31 Delegationsordning",
        "Tjänsteskrivelse", "Riktlinjer för handläggning av ekonomiskt bistånd",
        "Förslag till beslut", "att anta riktlinjerna.",
    ])
    assert items[0]["title"] == (
        "Riktlinjer för handläggning av ekonomiskt bistånd till hushåll med barn och unga vuxna"
    )
    assert items[0]["registration_number"] == "SN-2031/00310"
    assert items[0]["proposal"] == "att anta riktlinjerna."
    assert summary.without_paper == ["22/31 Delegationsordning"]
    assert items[-1]["title"] == "Delegationsordning"  # nothing unplaced, no extra item


def test_an_agenda_numbered_without_case_numbers():
    items, _ = parse([
        "Fritidsnämnden", "Tid: 2031-06-03 kl. 18.00",
        "1. Simhallens taxor", "2. Information om badplatserna",
        "TJÄNSTESKRIVELSE", "Dnr: FN-2031/12", "Simhallens taxor",
        "Förslag till beslut", "att höja taxorna med två procent.",
    ])
    assert [i["title"] for i in items] == ["Simhallens taxor", "Information om badplatserna"]
    assert "case_number" not in items[0]
    assert items[0]["registration_number"] == "FN-2031/12"


PREFIXES = ("", "Medfinansiering: ", "Remiss: ", "Yttrande: ", "Information: ")
SUFFIXES = ("", ", samrådshandling", " - slutrapport", " (ny version)")
TOPICS = ("Gång- och cykelväg Backa", "Lekplatsprogram 2032", "Renhållningstaxa",
          "Skolskjutsregler", "Parkeringsnorm för centrum", "Belysning av elljusspåret",
          "Förskola i Västerby", "Avfallsplan 2032-2040")


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(st.tuples(st.sampled_from(TOPICS), st.sampled_from(PREFIXES),
                          st.sampled_from(SUFFIXES), st.booleans()),
                min_size=1, max_size=8, unique_by=lambda t: t[0]))
def test_every_paper_finds_its_agenda_entry(cases):
    """The agenda adds a prefix, the paper a suffix; some ärenden have no paper."""
    lines = ["Samhällsbyggnadsnämnden", "2031-04-22", "Beslutsärenden"]
    lines += [f"{n}/31 {prefix}{topic}" for n, (topic, prefix, _, _) in enumerate(cases, 1)]
    for n, (topic, _, suffix, has_paper) in enumerate(cases, 1):
        if has_paper:
            lines += ["Tjänsteskrivelse", f"Dnr SBN-2031/{n:05d}", f"{topic}{suffix}",
                      "Förslag till beslut", f"att besluta i ärende {n}."]
    items, summary = parse(lines)
    assert len(items) == len(cases) and summary.unplaced_lines == 0
    for n, (_, _, _, has_paper) in enumerate(cases, 1):
        item = items[n - 1]
        assert item.get("registration_number") == (f"SBN-2031/{n:05d}" if has_paper else None)
        assert item.get("proposal") == (f"att besluta i ärende {n}." if has_paper else None)
    assert len(summary.without_paper) == sum(1 for c in cases if not c[3])


def test_a_long_agenda_title_wrapped_in_a_pdf_is_one_title(tmp_path):
    """The PDF wraps a long title; its second line starts with a capital letter."""
    from dataclasses import replace

    from importers.detect import read_meeting_file
    from tests.support.motesbok_sample import pdf_bytes, sample_book

    book = sample_book()
    long_title = ("Medfinansiering: Samverkansprojektet Norra Älvdalens Besöksnäring "
                  "Kulturarv Fiske och Friluftsliv Gemensam Marknadsföring 2031-2034")
    first = book.cases[0]
    book.cases[0] = replace(first, title=long_title,
                            paper=replace(first.paper, title=long_title.split(": ", 1)[1]))
    path = tmp_path / "lång.pdf"
    path.write_bytes(pdf_bytes(book))
    meeting = read_meeting_file(path)
    assert meeting.items[0].title == long_title
    assert meeting.items[0].registration_number == first.paper.dnr
    assert meeting.items[1].section == "Beslutsärenden"


def test_header_lines_with_more_than_the_time_are_kept_in_sight():
    data, summary = parse_all([
        "Kulturnämnden", "Tid: 2031-10-07 kl. 08.30, vi börjar med ett studiebesök",
        "Sammanträdesdatum 2031-10-07",
        "3/31 Bidrag", "Tjänsteskrivelse", "Dnr KUN-2031/00051", "Bidrag",
        "Förslag till beslut", "att bevilja.",
    ])
    assert "studiebesök" in data["unplaced"] and len(data["items"]) == 1
    assert summary.unplaced_lines == 1


def test_an_agenda_as_a_word_table_with_a_dnr_column(tmp_path):
    import docx

    from importers.detect import read_meeting_file

    document = docx.Document()
    document.add_paragraph("Gymnasienämnden")
    document.add_paragraph("Tid: 2031-12-02 kl. 13.00")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([("Ärende", "Rubrik", "Dnr"),
                             ("61/31", "Antagning av elever 2032", "GN-2031/00201"),
                             ("62/31", "Internbudget 2032", "GN-2031/00230")]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for title, dnr in (("Antagning av elever 2032", "GN-2031/00201"),
                       ("Internbudget 2032", "GN-2031/00230")):
        document.add_paragraph("TJÄNSTESKRIVELSE")
        document.add_paragraph(f"Diarienummer: {dnr}")
        document.add_paragraph(title)
        document.add_paragraph("Förslag till beslut")
        document.add_paragraph("att fastställa förslaget.")
    path = tmp_path / "tabell.docx"
    document.save(path)
    meeting = read_meeting_file(path)
    assert [(i.case_number, i.title, i.registration_number) for i in meeting.items[:2]] == [
        ("61/31", "Antagning av elever 2032", "GN-2031/00201"),
        ("62/31", "Internbudget 2032", "GN-2031/00230"),
    ]
    assert meeting.items[1].proposal == "att fastställa förslaget."
