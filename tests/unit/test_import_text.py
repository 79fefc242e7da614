"""Agendas in plain text and Markdown (invented meetings and names)."""

from __future__ import annotations

from datetime import date as Date

import orjson
import pytest

from importers.agenda_builder import PREAMBLE_TITLE
from importers.agenda_text import parse_agenda_text
from importers.agenda_when import parse_when
from importers.detect import ImportFileError, read_meeting_file, summarize_import
from export.json_io import meeting_json_bytes

TODAY = Date(2031, 1, 15)

EMAIL_AGENDA = """\
Styrgruppsmöte Norrviken
onsdag 12 februari 2031 kl. 13.00–15.30
Plats: Kommunhuset, sal Tallen
Deltagare: Greta Holmlund (Ordförande), Viktor Strand (Sekreterare), Elsa Nordin, Arvid Ek 14:00-15:00

Dagordning
1. Mötet öppnas
2. Budget 2031
Föredragande: Elsa Nordin
Tid: 13.20
Genomgång av utfallet.
- Personal
- Lokaler
Ärendebeskrivning
Kansliet har tagit fram ett underlag.
Förslag till beslut: Informationen noteras.
3. Inför regionrådet
3.1 Kollektivtrafik
Föredragande: Arvid Ek Tid: 14:10
3.2. Bredband
  a) Fiber i glesbygd
  b) Mobilnät
4. Övriga frågor
13.30 Kaffe serveras
Bilagor: Budget.pdf, Karta.png
5. Mötet avslutas
"""


def parse(text: str):
    return parse_agenda_text(text, today=TODAY)


def titles(items, prefix=""):
    out = []
    for index, item in enumerate(items, start=1):
        number = f"{prefix}{index}"
        out.append(f"{number} {item.title}")
        out.extend(titles(item.items, number + "."))
    return out


def test_email_agenda_header():
    meeting, notes = parse(EMAIL_AGENDA)
    assert meeting.title == "Styrgruppsmöte Norrviken"
    assert (meeting.date, meeting.start, meeting.end) == ("2031-02-12", "13:00", "15:30")
    assert meeting.place == "Kommunhuset, sal Tallen"
    assert [(p.name, p.role) for p in meeting.participants] == [
        ("Greta Holmlund", "Ordförande"),
        ("Viktor Strand", "Sekreterare"),
        ("Elsa Nordin", ""),
        ("Arvid Ek", ""),
    ]
    arvid = meeting.participants[3]
    assert (arvid.present_from, arvid.present_to) == ("14:00", "15:00")
    assert notes == []


def test_email_agenda_items_and_sub_items():
    meeting, _ = parse(EMAIL_AGENDA)
    assert titles(meeting.items) == [
        "1 Mötet öppnas",
        "2 Budget 2031",
        "3 Inför regionrådet",
        "3.1 Kollektivtrafik",
        "3.2 Bredband",
        "3.2.1 Fiber i glesbygd",
        "3.2.2 Mobilnät",
        "4 Övriga frågor",
        "5 Mötet avslutas",
    ]
    budget = meeting.items[1]
    assert budget.presenter == "Elsa Nordin"
    assert budget.time == "13:20"
    assert budget.description == "Genomgång av utfallet.\n- Personal\n- Lokaler"
    assert budget.background == "Kansliet har tagit fram ett underlag."
    assert budget.proposal == "Informationen noteras."
    traffic = meeting.items[2].items[0]
    assert (traffic.presenter, traffic.time) == ("Arvid Ek", "14:10")
    other = meeting.items[3]
    # A time that looks like a sub-number is no item: kept as text, number and all.
    assert other.description == "13.30 Kaffe serveras"
    assert other.attachments == ["Budget.pdf", "Karta.png"]


MARKDOWN_AGENDA = """\
# Ledningsgruppsmöte Sjöbo

**Datum:** 2031-03-04 09:00-11:00
**Plats:** Distansmöte via länk

Deltagare:
- Hanna Vik (Ordförande)
- Oskar Bäck
- Liv Åkerlund (*Sekreterare*)

## Mötet öppnas

## Ekonomi
Föredragande: Hanna Vik
Kort *lägesbild* från kansliet.

### Investeringar
Förslag till beslut: Godkänna **planen**.

### Drift

## Övriga frågor
Något som inte följer någon mall
"""


def test_markdown_headings_are_items_and_sub_items():
    meeting, notes = parse(MARKDOWN_AGENDA)
    assert meeting.title == "Ledningsgruppsmöte Sjöbo"
    assert (meeting.date, meeting.start, meeting.end) == ("2031-03-04", "09:00", "11:00")
    assert meeting.place == "Distansmöte via länk"
    assert [(p.name, p.role) for p in meeting.participants] == [
        ("Hanna Vik", "Ordförande"),
        ("Oskar Bäck", ""),
        ("Liv Åkerlund", "Sekreterare"),
    ]
    assert titles(meeting.items) == [
        "1 Mötet öppnas",
        "2 Ekonomi",
        "2.1 Investeringar",
        "2.2 Drift",
        "3 Övriga frågor",
    ]
    economy = meeting.items[1]
    assert economy.presenter == "Hanna Vik"
    assert economy.description == "Kort *lägesbild* från kansliet."
    assert economy.items[0].proposal == "Godkänna **planen**."
    assert meeting.items[2].description == "Något som inte följer någon mall"
    assert notes == []


def test_markdown_numbered_list_with_indented_sub_items():
    text = (
        "# Arbetsmöte\n"
        "2031-04-01\n\n"
        "1. Inledning\n"
        "2. Rapporter\n"
        "   1. Skolan\n"
        "   2. Omsorgen\n"
        "      - en punkt i beskrivningen\n"
        "3. Avslutning\n"
    )
    meeting, _ = parse(text)
    assert titles(meeting.items) == [
        "1 Inledning",
        "2 Rapporter",
        "2.1 Skolan",
        "2.2 Omsorgen",
        "3 Avslutning",
    ]
    assert meeting.items[1].items[1].description == "- en punkt i beskrivningen"
    assert meeting.start is None


def test_bullet_list_agenda_without_numbers():
    text = "Referensgruppen\n\n- Välkommen\n- Lägesrapport\n  - Etapp ett\n  - Etapp två\n- Nästa steg\n"
    meeting, _ = parse(text)
    assert titles(meeting.items) == [
        "1 Välkommen",
        "2 Lägesrapport",
        "2.1 Etapp ett",
        "2.2 Etapp två",
        "3 Nästa steg",
    ]


def test_plain_lines_become_items_when_nothing_is_numbered():
    text = "Personalmöte\n2031-06-01 kl 08.30\nVälkommen\nSemesterplanering\nÖvrigt\n"
    meeting, _ = parse(text)
    assert meeting.title == "Personalmöte"
    assert meeting.start == "08:30"
    assert [item.title for item in meeting.items] == ["Välkommen", "Semesterplanering", "Övrigt"]


def test_missing_title_and_date_get_defaults_and_say_so():
    meeting, notes = parse("1. Första punkten\n2. Andra punkten\n")
    assert meeting.title == "Möte"
    assert meeting.date == TODAY.isoformat()
    assert any("dagens datum" in note for note in notes)
    assert any("rubrik" in note for note in notes)


def test_unknown_header_lines_are_kept_as_text():
    text = "Kallelse\nVälkomna till vårens möte!\nTa med egen kaffekopp.\n1. Mötet öppnas\n"
    meeting, notes = parse(text)
    # "Kallelse" is understood as an agenda word; the first other line is the title.
    assert meeting.title == "Välkomna till vårens möte!"
    assert meeting.items[0].title == PREAMBLE_TITLE
    assert meeting.items[0].description == "Ta med egen kaffekopp."
    assert meeting.items[1].title == "Mötet öppnas"
    assert any(PREAMBLE_TITLE in note for note in notes)


def test_no_line_is_dropped():
    messy = (
        "Samråd Ekbacken\n"
        "12/3 2031 kl 10.00\n"
        "Plats: Ekbackens skola\n"
        "En rad som inte betyder något särskilt\n"
        "1. Inledning\n"
        "Tid: snart\n"
        "Föredragande: Nils Grön Tid: strax\n"
        "7 personer har anmält sig\n"
        "1. En numrerad rad i beskrivningen\n"
        "2. Frågor\n"
        "@@ ### ??\n"
    )
    meeting, _ = parse(messy)
    dumped = orjson.loads(meeting_json_bytes(meeting)).__repr__()
    understood = {"12/3 2031 kl 10.00", "Plats: Ekbackens skola", "1. Inledning", "2. Frågor"}
    for line in messy.splitlines():
        if line not in understood:
            assert line in dumped, line
    assert meeting.date == "2031-03-12" and meeting.start == "10:00"
    assert [item.title for item in meeting.items][-2:] == ["Inledning", "Frågor"]


@pytest.mark.parametrize(
    "line,expected",
    [
        ("2031-02-12 13:00-15:30", ("2031-02-12", "13:00", "15:30", True)),
        ("2031-02-12 13:00 - 15:30", ("2031-02-12", "13:00", "15:30", True)),
        ("12 februari 2031 kl. 13.00", ("2031-02-12", "13:00", None, True)),
        ("Onsdag den 12 februari 2031 klockan 13.00–15.30", ("2031-02-12", "13:00", "15:30", True)),
        ("Datum: 3 okt 2031", ("2031-10-03", None, None, True)),
        ("12/2 2031 kl 9.15", ("2031-02-12", "09:15", None, True)),
        ("2031-02-30", (None, None, None, False)),
        ("Budget 2031-02-12", ("2031-02-12", None, None, False)),
    ],
)
def test_swedish_date_and_time_lines(line, expected):
    assert parse_when(line) == expected


def test_file_detection_uses_content_not_extension(tmp_path, sample_meeting):
    agenda = tmp_path / "dagordning.docx"  # really text
    agenda.write_text(EMAIL_AGENDA, encoding="utf-8")
    meeting = read_meeting_file(agenda, today=TODAY)
    assert meeting.title == "Styrgruppsmöte Norrviken"
    assert len(meeting.items) == 5

    as_json = tmp_path / "mote.txt"  # really JSON
    as_json.write_bytes(meeting_json_bytes(sample_meeting))
    assert read_meeting_file(as_json).title == sample_meeting.title


def test_windows_encodings(tmp_path):
    text = "Möte i Överby\n2031-09-09\n1. Årsredovisning\n"
    for encoding in ("cp1252", "utf-16", "utf-8-sig"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        meeting = read_meeting_file(path)
        assert meeting.title == "Möte i Överby"
        assert meeting.items[0].title == "Årsredovisning"


def test_summary_counts(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(EMAIL_AGENDA, encoding="utf-8")
    meeting = read_meeting_file(path, today=TODAY)
    assert summarize_import(meeting) == "5 punkter, 4 underpunkter, 4 deltagare"
    path.write_text("1. Ensam punkt\n", encoding="utf-8")
    summary = summarize_import(read_meeting_file(path, today=TODAY))
    assert summary.startswith("1 punkt, 0 underpunkter, 0 deltagare (")
    assert "dagens datum (2031-01-15)" in summary


def test_hostile_nesting_is_capped(tmp_path):
    numbers = [".".join(["1"] * depth) for depth in range(1, 300)]
    text = "\n".join(f"{number}. Nivå" for number in numbers)
    meeting, _ = parse(text)
    depths = [depth for _, depth, _ in meeting.walk()]
    assert max(depths) == 8
    # Deeper lines are no items but are kept, as text of the deepest item.
    deepest = meeting.all_items()[-1]
    assert len(depths) + len(deepest.description.splitlines()) == len(numbers)


def test_cli_import_prints_summary(tmp_path, capsys):
    import main
    from store import MeetingStore

    path = tmp_path / "dagordning.md"
    path.write_text(EMAIL_AGENDA, encoding="utf-8")
    data_dir = tmp_path / "data"
    assert main.main(["import", str(path), "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "Importerade Styrgruppsmöte Norrviken (2031-02-12): "
        "5 punkter, 4 underpunkter, 4 deltagare."
    )
    stored = MeetingStore.at(data_dir).load(out[1])
    assert len(stored.all_items()) == 9


def test_paragraph_signs_tabs_and_times_in_titles():
    text = (
        "Kommunfullmäktige\n2031-09-22\n"
        "§ 1\tUpprop\n"
        "§ 2 Val av justerare, kl. 18.10\n"
        "3\tMedborgarförslag\n"
        "09.30–10.00 Dialog med ungdomsrådet\n"
    )
    meeting, _ = parse(text)
    assert [(i.title, i.time) for i in meeting.items] == [
        ("Upprop", None),
        ("Val av justerare", "18:10"),
        ("Medborgarförslag", None),
    ]
    # Not an item (no number), so kept whole as text under the item above.
    assert meeting.items[2].description == "09.30–10.00 Dialog med ungdomsrådet"


def test_schedule_agenda_times_become_item_times():
    text = "Planeringsdag\n2031-08-14\n\n- 09.00 Kaffe\n- 09.30–11.00 Workshop\n- Lunch kl. 12.00\n"
    meeting, _ = parse(text)
    assert [(i.title, i.time) for i in meeting.items] == [
        ("Kaffe", "09:00"),
        ("Workshop", "09:30"),
        ("Lunch", "12:00"),
    ]


def test_markdown_table_agenda():
    text = (
        "# Föreningsmöte\n\n"
        "| Nr | Ärende | Föredragande |\n"
        "|---:|--------|--------------|\n"
        "| 1 | Mötet öppnas | Ordföranden |\n"
        "| 2 | Kassarapport | Kassören |\n"
        "| 2.1 | Medlemsavgift | |\n"
    )
    meeting, _ = parse(text)
    assert titles(meeting.items)[1:] == [
        "2 Mötet öppnas – Ordföranden",
        "3 Kassarapport – Kassören",
        "3.1 Medlemsavgift",
    ]
    assert meeting.items[0].description == "Nr – Ärende – Föredragande"


def test_participant_list_below_a_bare_label_without_title():
    text = (
        "Deltagare\n- Rut Alm (Ordförande)\n- Sam Berg\n"
        "Plats\nFolkets hus\n"
        "1. Mötet öppnas\n"
    )
    meeting, notes = parse(text)
    assert meeting.title == "Möte"  # no name is taken for a title
    assert [(p.name, p.role) for p in meeting.participants] == [("Rut Alm", "Ordförande"), ("Sam Berg", "")]
    assert meeting.place == "Folkets hus"
    assert [item.title for item in meeting.items] == ["Mötet öppnas"]


@pytest.mark.slow
def test_pathological_lines_stay_fast():
    import time

    started = time.perf_counter()
    parse("Titel\n1. x\n" + "*a " * 50_000 + "\n")
    roster = ", ".join(f"Person {i}" for i in range(4_000))
    meeting, _ = parse(f"Deltagare: {roster}\n1. x\n")
    assert len(meeting.participants) == 4_000
    # Quadratic work here took minutes; linear work takes well under a second.
    assert time.perf_counter() - started < 5


@pytest.mark.slow
def test_absurd_sizes_are_refused_with_a_message(tmp_path):
    path = tmp_path / "lista.txt"
    path.write_text("Lång lista\n" + "\n".join(f"- Rad {i}" for i in range(6000)), encoding="utf-8")
    with pytest.raises(ImportFileError, match="fler än 5000 punkter"):
        read_meeting_file(path)
    roster = ", ".join(f"Person {i}" for i in range(6000))
    path.write_text(f"Deltagare: {roster}\n1. x\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="fler än 5000 deltagare"):
        read_meeting_file(path)


MINUTES_AS_TEXT = """\
Nätverksträff, Skogsbygden

2031-03-05 09:00 - 11:30

Plats

Bygdegården i Näset

Deltagare

Irma Falk (*Organisatör*), Jonas Vall, Klara Ström

1. Mötet öppnas

Anteckningar

Mötet öppnas av Irma Falk.

2. Vägunderhåll

Föredragande: Jonas Vall

Åtgärder

Beställ ny grusning

2031-04-01

Jonas Vall

Inventera trummor

Ej angivet

Ej angivet

- Skriv till Trafikverket
 2031-03-20  Klara Ström

Beslut

- Grusningen beställs i april.

Bilagor

Karta vägar.pdf, Offert grus.pdf
"""


def test_minutes_extracted_as_text_keep_actions_and_parts():
    meeting, _ = parse(MINUTES_AS_TEXT)
    assert meeting.title == "Nätverksträff, Skogsbygden"
    assert (meeting.start, meeting.end, meeting.place) == ("09:00", "11:30", "Bygdegården i Näset")
    assert meeting.participants[0].role == "Organisatör"
    assert meeting.items[0].notes == "Mötet öppnas av Irma Falk."
    roads = meeting.items[1]
    assert roads.presenter == "Jonas Vall"
    assert [(a.text, a.due, a.owner) for a in roads.actions] == [
        ("Beställ ny grusning", "2031-04-01", "Jonas Vall"),
        ("Inventera trummor", None, None),
        ("Skriv till Trafikverket", "2031-03-20", "Klara Ström"),
    ]
    assert [d.text for d in roads.decisions] == ["Grusningen beställs i april."]
    assert roads.attachments == ["Karta vägar.pdf", "Offert grus.pdf"]


def test_imported_agenda_marks_the_usual_items_standing(tmp_path):
    path = tmp_path / "dagordning.txt"
    path.write_text("Styrgrupp Älven\n2031-09-01\n\n1. Mötet öppnas\n2. Fiskevård\n"
                    "3. Övriga frågor\n4. Mötet avslutas\n", encoding="utf-8")
    meeting = read_meeting_file(path)
    assert [(item.title, item.standing) for item in meeting.items] == [
        ("Mötet öppnas", True), ("Fiskevård", False),
        ("Övriga frågor", True), ("Mötet avslutas", True),
    ]
